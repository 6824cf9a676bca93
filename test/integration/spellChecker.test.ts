// The dictionary we hand Code Spell Checker, read by cspell itself (the engine inside the extension,
// run as its command line): names it flags without our files, it takes once our configuration is imported.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeSpellingDictionary } from '../../client/src/spellingDictionary';
import { DIST } from '../support/paths';

const CSPELL = path.join(DIST, '..', 'node_modules', 'cspell', 'bin.mjs');

/** The words cspell reports as unknown in `note`, with `imports` as its configuration's imports. */
function unknownWords(folder: string, note: string, imports: string[]): string[] {
  const config = path.join(folder, `cspell-${imports.length}.json`);
  writeFileSync(config, JSON.stringify({ version: '0.2', language: 'en', import: imports }));
  const run = spawnSync(process.execPath, [CSPELL, 'lint', '--no-progress', '--no-summary', '--words-only', '--config', config, note], {
    encoding: 'utf8',
    // cspell checks only files under the folder it runs in.
    cwd: folder,
  });
  if (run.error) throw run.error;
  return run.stdout.split('\n').filter(Boolean).sort();
}

describe('spell checker: the names dictionary', function () {
  this.timeout(60_000);
  let folder: string;
  let note: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hn-cspell-'));
    note = path.join(folder, 'terror.md');
    writeFileSync(note, '# The Terror\n\nZinoviev and Kamenev were tried in 1936; Yagoda ran the NKVD. Then Zionev again.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('makes cspell take the names it lists, and only those', async () => {
    assert.deepEqual(unknownWords(folder, note, []), ['Kamenev', 'Yagoda', 'Zinoviev', 'Zionev']);
    const config = await writeSpellingDictionary(path.join(folder, 'storage'), ['Kamenev', 'Yagoda', 'Zinoviev']);
    assert.deepEqual(unknownWords(folder, note, [config]), ['Zionev']);
  });

  it('rewrites the list in place when the names change', async () => {
    const storage = path.join(folder, 'storage');
    await writeSpellingDictionary(storage, ['Zinoviev']);
    const config = await writeSpellingDictionary(storage, ['Kamenev', 'Zinoviev']);
    assert.deepEqual(unknownWords(folder, note, [config]), ['Yagoda', 'Zionev']);
  });
});
