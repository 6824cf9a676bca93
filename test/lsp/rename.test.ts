import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withServer } from '../support/lspServer';
import { copyFixture } from '../support/workspace';
import { writeFile } from '../support/editor';
import { applyEdits, countWord, rangeOf, readNote, textIn } from '../support/text';

const POSSESSIVE = 'possessive.txt';

describe('LSP: rename', () => {
  let server: LspServer;
  let root: string;

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
      writeFile(
        root,
        POSSESSIVE,
        ['Notes on the first trial', '', "In August 1936 Zionev's confession was read out in court.", ''].join('\n'),
      );
      return root;
    },
    (started) => (server = started),
  );

  function prepare(file: string, word: string, nth = 1): Promise<{ range: Range; placeholder: string } | Range | null> {
    return server.request('textDocument/prepareRename', {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word, nth),
    });
  }

  function rename(file: string, word: string, newName: string): Promise<WorkspaceEdit | null> {
    return server.request<WorkspaceEdit | null>('textDocument/rename', {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word),
      newName,
    });
  }

  const rangeIn = (answer: { range: Range; placeholder: string } | Range | null): Range | undefined =>
    answer && 'range' in answer ? answer.range : (answer ?? undefined);

  it('prepares a rename of Zionev with exactly its range', async () => {
    const answer = await prepare('terror.txt', 'Zionev');
    assert.deepEqual(rangeIn(answer), rangeOf(root, 'terror.txt', 'Zionev'));
    assert.ok(answer && 'placeholder' in answer, 'the answer carries a placeholder');
    assert.equal(answer.placeholder, 'Zionev');
  });

  it("prepares a rename of `Zionev's` without the possessive", async () => {
    const answer = await prepare(POSSESSIVE, "Zionev's");
    assert.deepEqual(rangeIn(answer), rangeOf(root, POSSESSIVE, 'Zionev'));
  });

  it('does not prepare a rename on a word that names nothing', async () => {
    assert.equal(await prepare('terror.txt', 'heavy industry'), null);
  });

  it('renames Zinoviev to Zinovyev in every spelling across the notes, keeping possessives', async () => {
    const edit = await rename('terror.txt', 'Zionev', 'Zinovyev');
    assert.ok(edit?.changes, `no changes: ${JSON.stringify(edit)}`);
    const files = Object.keys(edit.changes).map((uri) => path.relative(root, fileURLToPath(uri)));
    assert.deepEqual(files.sort(), [POSSESSIVE, 'terror.md', 'terror.txt'].sort());

    const after = new Map<string, string>();
    for (const [uri, edits] of Object.entries(edit.changes)) {
      const file = path.relative(root, fileURLToPath(uri));
      const before = readNote(root, file);
      for (const e of edits)
        assert.match(textIn(before, e.range), /^(Zionev|Zinoviev)$/, `${file}: an edit covers '${textIn(before, e.range)}'`);
      after.set(file, applyEdits(before, edits));
    }
    const txt = after.get('terror.txt')!;
    assert.equal(countWord(txt, 'Zionev') + countWord(txt, 'Zinoviev'), 0, txt);
    assert.equal(countWord(txt, 'Zinovyev'), 5);
    assert.match(txt, /^Kamenev & Zinovyev$/m);
    assert.match(txt, /Kamenev and Zinovyev were accused/);
    assert.match(after.get('terror.md')!, /\| Zinovyev and 15 others \|/);
    assert.match(after.get(POSSESSIVE)!, /In August 1936 Zinovyev's confession/);
  });

  it('never rewrites a knowledge file', async () => {
    const edit = await rename('terror.txt', 'Kamenev', 'Rozenfeld');
    assert.ok(edit?.changes);
    assert.ok(Object.keys(edit.changes).length > 0);
    for (const uri of Object.keys(edit.changes)) assert.ok(!uri.endsWith('.history.json'), uri);
  });

  for (const [label, newName] of [
    ['an empty name', ''],
    ['a blank name', '   '],
    ['a name of two lines', 'Zino\nviev'],
  ] as const) {
    it(`answers a rename to ${label} with an error`, async () => {
      await assert.rejects(rename('terror.txt', 'Zionev', newName), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, ErrorCodes.InvalidRequest);
        assert.ok(error.message);
        return true;
      });
    });
  }
});
