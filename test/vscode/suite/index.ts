// Runs the in-editor mocha suite inside VS Code's extension host (under @vscode/test-electron or
// code-server) and writes the outcome to a result file, since in code-server nothing else reports back.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';

export const RESULT_FILE = process.env.HISTORY_NOTES_TEST_RESULT ?? path.join(tmpdir(), 'history-notes-vscode-result.json');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  // The crash test goes last: it kills the server the others use.
  for (const file of ['extension.test.js', 'sidebar.test.js', 'timeline.test.js', 'essay.test.js', 'recovery.test.js'])
    mocha.addFile(path.join(__dirname, file));
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const summary = `${passed} passed, ${failures} failed`;
      writeFileSync(RESULT_FILE, JSON.stringify({ passed, failed: failures, lines: [...lines, summary] }, null, 2));
      if (failures > 0) reject(new Error(summary));
      else resolve();
    });
    runner.on('pass', (test) => lines.push(`ok   ${test.fullTitle()}`));
    runner.on('fail', (test, error: Error) =>
      lines.push(`FAIL ${test.fullTitle()}: ${error.message || String(error.stack).split('\n').slice(0, 3).join(' / ')}`),
    );
  });
}
