// `npm run test:vscode`: the same in-editor suite under @vscode/test-electron, for machines that can
// download VS Code (these offline ones use test/vscode/runInCodeServer.mjs instead).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const workspace = mkdtempSync(path.join(tmpdir(), 'history-notes-electron-'));
  for (const folder of ['plain', 'md']) cpSync(path.join(repo, 'test', 'fixtures', folder), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
