import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type Command,
  type CreateFile,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withOpenedNote, withServer } from '../support/lspServer';
import { copyFixture } from '../support/workspace';
import {
  FileChange,
  announce,
  diagnosticsWhere,
  openWithDiagnostics,
  messageOf,
  nextDiagnostics,
  openFile,
  writeFile,
} from '../support/editor';
import { applyEdits, rangeOf, readNote, sameRange } from '../support/text';

interface KnowledgeJson {
  entities: { id: string; kind: string; name: string; aliases?: string[] }[];
}

const MY_NAMES = 'my-names.history.json';

async function quickFixes(server: LspServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const actions = await server.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  assert.ok(actions, 'no code actions');
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  return actions.filter((a): a is CodeAction => typeof (a as Command).command !== 'string');
}

function acceptAction(actions: CodeAction[]): CodeAction & { command: Command } {
  const accept = actions.find((a) => a.command !== undefined);
  assert.ok(accept?.command, `no accept action among ${actions.map((a) => a.title).join(' | ')}`);
  return accept as CodeAction & { command: Command };
}

describe('LSP: code actions on a misspelt name', () => {
  let server: LspServer, root: string, uri: string, diagnostics: Diagnostic[];
  withOpenedNote(['plain'], 'terror.txt', (note) => ({ server, root, uri, diagnostics } = note));

  function zionev(nth = 1): Diagnostic {
    const diagnostic = diagnostics.find((d) => sameRange(d.range, rangeOf(root, 'terror.txt', 'Zionev', nth)));
    assert.ok(diagnostic, `no diagnostic on Zionev #${nth}`);
    return diagnostic;
  }

  it('offers to replace this Zionev: one preferred quick fix editing exactly its range', async () => {
    const actions = await quickFixes(server, uri, zionev());
    const replace = actions.find((a) => a.isPreferred);
    assert.ok(replace, actions.map((a) => a.title).join(' | '));
    assert.equal(replace.kind, CodeActionKind.QuickFix);
    const edits = replace.edit?.changes?.[uri];
    assert.ok(edits && edits.length === 1, JSON.stringify(replace.edit));
    assert.deepEqual(edits[0].range, rangeOf(root, 'terror.txt', 'Zionev'));
    assert.match(edits[0].newText, /^Zinov/);
    assert.deepEqual(
      replace.diagnostics?.map((d) => d.range),
      [zionev().range],
    );
  });

  // Guards a fixed bug: the replacement was the transliteration `Zinov'ev`.
  it('replaces Zionev with Zinoviev', async () => {
    const replace = (await quickFixes(server, uri, zionev())).find((a) => a.isPreferred);
    assert.equal(replace?.edit?.changes?.[uri]?.[0].newText, 'Zinoviev');
    assert.equal(replace?.title, "Replace with 'Zinoviev'");
  });

  it('offers to replace every Zionev in the file, and only those', async () => {
    const actions = await quickFixes(server, uri, zionev(2));
    const all = actions.find((a) => (a.edit?.changes?.[uri]?.length ?? 0) > 1);
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.kind, CodeActionKind.QuickFix);
    const ranges = all.edit!.changes![uri].map((e) => e.range);
    const expected = [1, 2, 3, 4].map((nth) => rangeOf(root, 'terror.txt', 'Zionev', nth));
    assert.deepEqual(ranges, expected);
    const after = applyEdits(readNote(root, 'terror.txt'), all.edit!.changes![uri]);
    assert.ok(!after.includes('Zionev'));
    assert.ok(after.includes('Bukarin'), 'Bukarin is another name: left alone');
  });

  it('offers to accept Zionev as a spelling of Zinoviev, through a server command', async () => {
    const accept = acceptAction(await quickFixes(server, uri, zionev()));
    assert.equal(accept.kind, CodeActionKind.QuickFix);
    assert.match(accept.title, /Zionev/);
    assert.deepEqual(accept.command.arguments, ['Zionev', 'zinoviev']);
  });

  it("keeps the possessive when fixing `Zionev's`, and accepts the spelling without it", async () => {
    const file = 'possessive.txt';
    writeFile(root, file, ['Notes on the first trial', '', "In August 1936 Zionev's confession was read out.", ''].join('\n'));
    const published = nextDiagnostics(server, server.uri(file));
    const opened = await openFile(server, file);
    const diagnostic = (await published).find((d) => sameRange(d.range, rangeOf(root, file, "Zionev's")));
    assert.ok(diagnostic, 'no diagnostic on the whole possessive');
    assert.equal(messageOf(diagnostic), "Zionev's: did you mean Zinoviev's?");
    const actions = await quickFixes(server, opened.uri, diagnostic);
    const replace = actions.find((a) => a.isPreferred);
    assert.equal(replace?.edit?.changes?.[opened.uri]?.[0].newText, "Zinoviev's");
    assert.deepEqual(acceptAction(actions).command.arguments, ['Zionev', 'zinoviev']);
  });

  it('answers no actions without diagnostics', async () => {
    const actions = await server.request<unknown[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: rangeOf(root, 'terror.txt', 'Kamenev'),
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions ?? [], []);
  });

  it('accepting creates my-names.history.json; once it is on disk the Zionev diagnostics go', async () => {
    const accept = acceptAction(await quickFixes(server, uri, zionev()));
    const applied = server.appliedEdits.length;
    const result = await server.request<unknown>('workspace/executeCommand', {
      command: accept.command.command,
      arguments: accept.command.arguments,
    });
    assert.equal(result, true);
    assert.equal(server.appliedEdits.length, applied + 1, 'the server sent workspace/applyEdit');

    const edit: WorkspaceEdit = server.appliedEdits[applied];
    const changes = edit.documentChanges ?? [];
    const create = changes.find((c): c is CreateFile => 'kind' in c && c.kind === 'create');
    assert.ok(create, JSON.stringify(edit));
    assert.equal(create.uri, server.uri(MY_NAMES));
    const write = changes.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === create.uri);
    assert.ok(write, JSON.stringify(edit));
    const text = applyEdits('', write.edits as TextEdit[]);
    const json = JSON.parse(text) as KnowledgeJson;
    const entry = json.entities.find((e) => e.id === 'zinoviev');
    assert.ok(entry, text);
    assert.deepEqual(entry.aliases, ['Zionev']);

    // What the editor does with the edit: the file appears on disk, and the watcher reports it.
    writeFile(root, path.relative(root, fileURLToPath(create.uri)), text);
    const republished = diagnosticsWhere(
      server,
      uri,
      (ds) => !ds.some((d) => messageOf(d).startsWith('Zionev')),
      'diagnostics without Zionev',
    );
    await announce(server, MY_NAMES, FileChange.Created);
    const after = await republished;
    assert.ok(
      after.some((d) => messageOf(d).startsWith('Bukarin')),
      'Bukarin is still flagged',
    );

    const hover = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(root, 'terror.txt', 'Zionev'),
    });
    assert.match((hover?.contents as MarkupContent).value, /Grigory Zinoviev/);
  });

  it('accepting again adds to the existing my-names.history.json', async () => {
    const bukarin = diagnostics.find((d) => sameRange(d.range, rangeOf(root, 'terror.txt', 'Bukarin')));
    assert.ok(bukarin);
    const accept = acceptAction(await quickFixes(server, uri, bukarin));
    const applied = server.appliedEdits.length;
    assert.equal(
      await server.request<unknown>('workspace/executeCommand', { command: accept.command.command, arguments: accept.command.arguments }),
      true,
    );
    const edit = server.appliedEdits[applied];
    const myNames = server.uri(MY_NAMES);
    const edits = edit?.changes?.[myNames];
    assert.ok(edits, `expected an edit of ${MY_NAMES}: ${JSON.stringify(edit)}`);
    const json = JSON.parse(applyEdits(readNote(root, MY_NAMES), edits)) as KnowledgeJson;
    assert.deepEqual(json.entities.find((e) => e.id === 'zinoviev')?.aliases, ['Zionev']);
    assert.deepEqual(json.entities.find((e) => e.id === 'bukharin')?.aliases, ['Bukarin']);
  });

  // Regression (fixed): an unknown command is not an error: `answer` catches the ResponseError the handler throws
  // and returns its fallback, so the client gets the result null.
  it('answers an unknown command with an error', async () => {
    await assert.rejects(server.request('workspace/executeCommand', { command: 'historyNotes.server.noSuchCommand', arguments: [] }));
  });
});

describe('LSP: accepting a spelling when the only knowledge file is broken', () => {
  let server: LspServer;
  let root: string;

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'));
      writeFile(root, 'broken.history.json', '{ "entities": [ oops ] }\n');
      return root;
    },
    (started) => (server = started),
  );

  // Regression (fixed): the server edits the first user knowledge file even when it is not valid JSON: the edit adds
  // the entry inside `[ ... oops ]`, so the file stays broken and the spelling is never accepted.
  it('writes the accepted spelling where it takes effect (a valid knowledge file)', async () => {
    const { uri, diagnostics } = await openWithDiagnostics(server, 'terror.txt');
    const diagnostic = diagnostics.find((d) => sameRange(d.range, rangeOf(root, 'terror.txt', 'Zionev')));
    assert.ok(diagnostic);
    const accept = acceptAction(await quickFixes(server, uri, diagnostic));
    await server.request('workspace/executeCommand', { command: accept.command.command, arguments: accept.command.arguments });
    const edit = server.appliedEdits[0];
    assert.ok(edit, 'no edit was applied');
    for (const [target, edits] of Object.entries(edit.changes ?? {})) {
      const file = path.relative(root, fileURLToPath(target));
      assert.doesNotThrow(() => JSON.parse(applyEdits(readNote(root, file), edits)), `${file} is still not valid JSON`);
    }
  });
});
