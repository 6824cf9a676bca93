import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withServer } from '../support/lspServer';
import { copyFixture } from '../support/workspace';
import {
  FileChange,
  announce,
  closeFile,
  deleteFile,
  diagnosticsWhere,
  messageOf,
  openFile,
  replaceText,
  writeFile,
} from '../support/editor';
import { rangeOf } from '../support/text';

const NOTE = 'nkvd.txt';
const NOTE_TEXT = ['Notes on the NKVD', '', 'In 1937 Ivanov signed the arrest lists and Kamenev was long dead.', ''].join('\n');

const IVANOV = {
  id: 'ivanov',
  kind: 'person',
  name: 'Ivan Ivanovich Ivanov',
  aliases: ['Ivanov'],
  born: '1901',
  died: '1941',
  summary: 'An NKVD clerk invented for this test.',
};

function knowledge(...entities: object[]): string {
  return JSON.stringify({ name: 'Test knowledge', entities }, null, 2) + '\n';
}

describe('LSP: user knowledge files', () => {
  let server: LspServer;
  let root: string;

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'));
      writeFile(root, NOTE, NOTE_TEXT);
      return root;
    },
    (started) => (server = started),
  );

  async function hoverTitle(file: string, word: string): Promise<string> {
    const hover = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word),
    });
    return hover ? (hover.contents as MarkupContent).value.split('\n')[0] : '';
  }

  /** Opens `file` in the editor once the index has taken its text: its uri, and the index's version then. */
  async function openKnowledge(file: string): Promise<{ uri: string; version: number }> {
    const opened = server.nextIndexVersion();
    const { uri } = await openFile(server, file);
    return { uri, version: await opened };
  }

  /** Deletes `file` from the disk, tells the server, and waits until the index has dropped it. */
  async function deleteKnowledge(file: string): Promise<void> {
    deleteFile(root, file);
    const removed = server.nextIndexVersion();
    await announce(server, file, FileChange.Deleted);
    await removed;
  }

  it('reports invalid JSON in a new knowledge file at its line, and keeps serving hovers', async () => {
    const file = 'broken.history.json';
    writeFile(
      root,
      file,
      ['{', '  "entities": [', '    { "id": "petrov", "kind": "person", "name": "Pyotr Petrov" },', '    oops', '  ]', '}', ''].join('\n'),
    );
    const uri = server.uri(file);
    const published = diagnosticsWhere(server, uri, (ds) => ds.length > 0, `diagnostics for ${file}`);
    await announce(server, file, FileChange.Created);
    const diagnostics = await published;
    const oops = positionOf(root, file, 'oops').line;
    const error = diagnostics.find((d) => d.severity === DiagnosticSeverity.Error && d.range.start.line === oops);
    assert.ok(error, `no error on line ${oops}: ${JSON.stringify(diagnostics)}`);
    assert.match(messageOf(error), /JSON/);

    assert.match(await hoverTitle('terror.txt', 'Kamenev'), /Lev Kamenev/);
    assert.match(await hoverTitle(NOTE, 'Kamenev'), /Lev Kamenev/);

    // Fixed: its diagnostics are cleared.
    writeFile(root, file, knowledge({ id: 'petrov', kind: 'person', name: 'Pyotr Petrov' }));
    const cleared = diagnosticsWhere(server, uri, (ds) => ds.length === 0, `no diagnostics for ${file}`);
    await announce(server, file, FileChange.Changed);
    await cleared;
  });

  it('reports a schema error (a date that is no date) on that value', async () => {
    const file = 'dates.history.json';
    writeFile(root, file, knowledge({ id: 'sidorov', kind: 'person', name: 'Sidor Sidorov', born: '1901-13-45' }));
    const uri = server.uri(file);
    const published = diagnosticsWhere(server, uri, (ds) => ds.length > 0, `diagnostics for ${file}`);
    await announce(server, file, FileChange.Created);
    const [problem, ...rest] = await published;
    assert.deepEqual(rest, []);
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.deepEqual(problem.range, rangeOf(root, file, '"1901-13-45"'));
    assert.match(messageOf(problem), /born/);
    assert.match(await hoverTitle('terror.txt', 'Kamenev'), /Lev Kamenev/);
  });

  it('warns about a reference to an id no knowledge file defines', async () => {
    const file = 'related.history.json';
    writeFile(root, file, knowledge({ id: 'sidorova', kind: 'person', name: 'Anna Sidorova', related: ['no-such-id'] }));
    const published = diagnosticsWhere(server, server.uri(file), (ds) => ds.length > 0, `diagnostics for ${file}`);
    await announce(server, file, FileChange.Created);
    const [warning] = await published;
    assert.equal(warning.severity, DiagnosticSeverity.Warning);
    assert.match(messageOf(warning), /no-such-id/);
  });

  it('makes a new person from a valid knowledge file hoverable in the notes, until the file is deleted', async () => {
    assert.doesNotMatch(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/, 'unknown before the file exists');
    const file = 'people.history.json';
    writeFile(root, file, knowledge(IVANOV));
    const added = server.nextIndexVersion();
    await announce(server, file, FileChange.Created);
    await added;
    assert.match(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov.*1901–1941/);

    await deleteKnowledge(file);
    assert.doesNotMatch(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/);
  });

  it("overrides a bundled entry's fields with the user's, keeping the bundled aliases", async () => {
    const file = 'override.history.json';
    writeFile(
      root,
      file,
      knowledge({ id: 'kamenev', kind: 'person', name: 'Lev Kamenev', aliases: ['Lev the Stone'], fate: 'Fate as the student wrote it.' }),
    );
    const changed = server.nextIndexVersion();
    await announce(server, file, FileChange.Created);
    await changed;
    const hover = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri('terror.txt') },
      position: positionOf(root, 'terror.txt', 'Kamenev'),
    });
    const card = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(card, /Fate as the student wrote it/);
    assert.match(card, /Also called:\*\*.*Rozenfeld/, 'the bundled aliases are kept');

    await deleteKnowledge(file);
  });

  it('reads a knowledge file open in the editor from its unsaved text', async () => {
    const file = 'editor.history.json';
    writeFile(root, file, knowledge(IVANOV));
    const { uri } = await openKnowledge(file);
    assert.match(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/);

    const broken = diagnosticsWhere(server, uri, (ds) => ds.some((d) => d.severity === DiagnosticSeverity.Error), `an error in ${file}`);
    await replaceText(server, uri, 2, knowledge(IVANOV).replace('"1901"', '"nineteen-oh-one"'));
    const [problem] = await broken;
    assert.match(messageOf(problem), /born/);

    const cleared = diagnosticsWhere(server, uri, (ds) => ds.length === 0, `no diagnostics for ${file}`);
    await replaceText(server, uri, 3, knowledge(IVANOV));
    await cleared;
    const closed = server.nextIndexVersion();
    await closeFile(server, uri);
    deleteFile(root, file);
    await announce(server, file, FileChange.Deleted);
    await closed;
  });

  // Regression (fixed): closing a knowledge file keeps the editor's unsaved text: Session.closed returns early for
  // knowledge files instead of reading the file from disk again (notes do fall back to the disk).
  it("goes back to a knowledge file's disk text when the editor closes it unsaved", async () => {
    const file = 'unsaved.history.json';
    writeFile(root, file, knowledge(IVANOV));
    const { uri } = await openKnowledge(file);
    const edited = server.nextIndexVersion();
    await replaceText(server, uri, 2, knowledge({ ...IVANOV, id: 'petrov', name: 'Pyotr Petrov', aliases: ['Petrov'] }));
    await edited;
    assert.doesNotMatch(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/, 'the unsaved text counts while open');

    const reverted = server.nextIndexVersion();
    await closeFile(server, uri);
    await reverted;
    assert.match(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/);

    await deleteKnowledge(file);
  });

  // Regression (fixed): the read from disk after a close ran at once, beside the file events, and could
  // finish after the file's deletion was handled, bringing the deleted file's people back.
  it('forgets a knowledge file deleted right after the editor closed it', async () => {
    const file = 'closing.history.json';
    writeFile(root, file, knowledge(IVANOV));
    const { uri, version } = await openKnowledge(file);
    assert.match(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/);

    // The close reads the file again and the deletion drops it: two new versions of the index, in that order.
    const both = server.indexVersionAtLeast(version + 2);
    await Promise.all([closeFile(server, uri), announce(server, file, FileChange.Deleted)]);
    await both;
    deleteFile(root, file);
    assert.doesNotMatch(await hoverTitle(NOTE, 'Ivanov'), /Ivan Ivanovich Ivanov/);
  });
});
