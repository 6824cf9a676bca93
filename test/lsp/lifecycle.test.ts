import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, Position, SymbolInformation } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer, withServer } from '../support/lspServer';
import { copyFixture, removeWorkspace } from '../support/workspace';
import { EntitiesRequest } from '../../server/src/protocol';
import { FileChange, announce, answerConfiguration, closeFile, deleteFile, editRange, openFile, writeFile } from '../support/editor';
import { linesOf, positionIn, rangeOf, readNote } from '../support/text';

const FAMINE = [
  'Famine notes',
  '',
  'Causes of the famine',
  '',
  '  • Empty granaries – the state took the grain and the peasants starved.',
  '',
].join('\n');

describe('LSP: lifecycle', () => {
  let server: LspServer;
  let root: string;

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'));
      writeFile(root, 'scratch.txt', ['Scratch notes', '', 'Kamenev was shot in 1936.', 'Nothing else here.', ''].join('\n'));
      writeFileSync(path.join(root, 'binary.txt'), Buffer.from([0x4b, 0x00, 0x01, 0x02]));
      return root;
    },
    (started) => (server = started),
  );

  async function hoverTitle(uri: string, position: Position): Promise<string | undefined> {
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    return hover ? (hover.contents as MarkupContent).value.split('\n')[0] : undefined;
  }

  async function symbols(query: string): Promise<SymbolInformation[]> {
    return (await server.request<SymbolInformation[] | null>('workspace/symbol', { query })) ?? [];
  }

  it('reported $/progress begin and end during the first index', () => {
    const begin = server.progress.find((p) => p.value.kind === 'begin');
    assert.ok(begin, JSON.stringify(server.progress));
    const ofIndex = server.progress.filter((p) => p.token === begin.token);
    assert.equal(ofIndex[0].value.kind, 'begin');
    assert.equal(ofIndex[ofIndex.length - 1].value.kind, 'end', 'the progress ended before the index was ready');
    assert.match((begin.value as { title?: string }).title ?? '', /index/i);
    for (const report of ofIndex.filter((p) => p.value.kind === 'report')) {
      const percentage = report.value.percentage ?? 0;
      assert.ok(percentage >= 0 && percentage <= 100, String(percentage));
    }
    assert.equal(server.ready.notes, 3);
  });

  it('reports a binary file as skipped in the index-ready notification', () => {
    const skipped = server.ready.skipped.find((s) => path.basename(s.path) === 'binary.txt');
    assert.ok(skipped, JSON.stringify(server.ready.skipped));
    assert.match(skipped.reason, /binary/);
  });

  it('sees a didChange at once: a line changed to name Yagoda hovers as Yagoda', async () => {
    const opened = server.nextIndexChange();
    const { uri } = await openFile(server, 'scratch.txt');
    await opened;
    const line = rangeOf(root, 'scratch.txt', 'Kamenev was shot in 1936.');
    const newLine = 'Then Yagoda ran the NKVD.';
    const changed = server.nextIndexChange();
    await editRange(server, uri, 2, line, newLine);
    const title = await hoverTitle(uri, { line: line.start.line, character: positionIn(newLine, 'Yagoda').character });
    assert.match(title ?? '', /Genrikh Yagoda/);
    await changed;

    // didClose: back to the text on disk.
    const reverted = server.nextIndexVersion();
    await closeFile(server, uri);
    await reverted;
    assert.match((await hoverTitle(uri, positionOf(root, 'scratch.txt', 'Kamenev'))) ?? '', /Lev Kamenev/);
    assert.doesNotMatch(
      (await hoverTitle(uri, { line: line.start.line, character: positionIn(newLine, 'Yagoda').character })) ?? '',
      /Yagoda/,
    );
  });

  it('keeps the editor text over a change on disk while the note is open', async () => {
    const opened = server.nextIndexChange();
    const { uri } = await openFile(server, 'scratch.txt');
    await opened;
    const disk = readNote(root, 'scratch.txt');
    writeFile(root, 'scratch.txt', disk.replace('Kamenev', 'Bukharin'));
    try {
      await announce(server, 'scratch.txt', FileChange.Changed);
      // Messages are handled in order: this hover comes after the file event.
      assert.match((await hoverTitle(uri, positionOf(root, 'scratch.txt', 'Bukharin'))) ?? '', /Lev Kamenev/);
    } finally {
      const closed = server.nextIndexVersion();
      await closeFile(server, uri);
      await closed;
    }
    assert.match(
      (await hoverTitle(uri, positionOf(root, 'scratch.txt', 'Bukharin'))) ?? '',
      /Nikolai Bukharin/,
      'closed: the disk text counts',
    );
  });

  it('indexes an untitled document while it is open, and forgets it when closed', async () => {
    const uri = 'untitled:Untitled-1';
    const text = 'Kamenev was shot in 1936.';
    await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    assert.match((await hoverTitle(uri, positionIn(text, 'Kamenev'))) ?? '', /Lev Kamenev/);
    const closed = server.nextIndexVersion();
    await closeFile(server, uri);
    await closed;
    assert.equal(await hoverTitle(uri, positionIn(text, 'Kamenev')), undefined);
  });

  it('indexes a note created on disk (didChangeWatchedFiles, created) and drops it when deleted', async () => {
    writeFile(root, 'famine.txt', FAMINE);
    const created = server.nextIndexVersion();
    await announce(server, 'famine.txt', FileChange.Created);
    await created;
    const found = (await symbols('Empty granaries')).find((s) => s.location.uri === server.uri('famine.txt'));
    assert.ok(found, 'the new note is not searchable');
    assert.equal(found.name, 'Empty granaries');
    assert.deepEqual(found.location.range, rangeOf(root, 'famine.txt', 'Empty granaries'));

    deleteFile(root, 'famine.txt');
    const deleted = server.nextIndexVersion();
    await announce(server, 'famine.txt', FileChange.Deleted);
    await deleted;
    assert.deepEqual(
      (await symbols('Empty granaries')).filter((s) => s.location.uri === server.uri('famine.txt')),
      [],
    );
  });

  // Regression (fixed): the read from disk after a close ran beside the file events, and could finish after
  // the note's deletion was handled, bringing the deleted note back.
  it('drops a note deleted right after the editor closed it', async () => {
    writeFile(root, 'closing.txt', FAMINE);
    const opened = server.nextIndexVersion();
    const { uri } = await openFile(server, 'closing.txt');
    const version = await opened;
    assert.ok((await symbols('Empty granaries')).some((s) => s.location.uri === uri));

    // The close reads the note again and the deletion drops it: two new versions of the index, in that order.
    const both = server.indexVersionAtLeast(version + 2);
    await Promise.all([closeFile(server, uri), announce(server, 'closing.txt', FileChange.Deleted)]);
    await both;
    deleteFile(root, 'closing.txt');
    assert.deepEqual(
      (await symbols('Empty granaries')).filter((s) => s.location.uri === uri),
      [],
    );
  });

  it('drops every note under a deleted folder', async () => {
    writeFile(root, 'sub/deeper/famine.txt', FAMINE);
    const created = server.nextIndexVersion();
    await announce(server, 'sub/deeper/famine.txt', FileChange.Created);
    await created;
    assert.ok((await symbols('Empty granaries')).some((s) => s.location.uri === server.uri('sub/deeper/famine.txt')));

    deleteFile(root, 'sub');
    const deleted = server.nextIndexVersion();
    await announce(server, 'sub', FileChange.Deleted);
    await deleted;
    assert.deepEqual(
      (await symbols('Empty granaries')).filter((s) => s.location.uri.startsWith(server.uri('sub'))),
      [],
    );
  });

  it('re-reads a note changed on disk (didChangeWatchedFiles, changed)', async () => {
    const text = readNote(root, 'scratch.txt');
    writeFile(root, 'scratch.txt', text.replace(/Nothing else here\./, 'Then Yezhov took over.'));
    const changed = server.nextIndexVersion();
    await announce(server, 'scratch.txt', FileChange.Changed);
    await changed;
    assert.match((await hoverTitle(server.uri('scratch.txt'), positionOf(root, 'scratch.txt', 'Yezhov'))) ?? '', /Nikolai Yezhov/);
  });

  it('answers requests about a document it does not know with null or nothing, not an error', async () => {
    const textDocument = { uri: server.uri('no-such-note.txt') };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await server.request('textDocument/hover', { textDocument, position }), null);
    assert.deepEqual((await server.request<unknown[] | null>('textDocument/definition', { textDocument, position })) ?? [], []);
    assert.deepEqual((await server.request<unknown[] | null>('textDocument/declaration', { textDocument, position })) ?? [], []);
    assert.deepEqual(
      (await server.request<unknown[] | null>('textDocument/references', {
        textDocument,
        position,
        context: { includeDeclaration: true },
      })) ?? [],
      [],
    );
    assert.deepEqual((await server.request<unknown[] | null>('textDocument/documentHighlight', { textDocument, position })) ?? [], []);
    assert.equal(await server.request('textDocument/prepareRename', { textDocument, position }), null);
    assert.equal(await server.request('textDocument/rename', { textDocument, position, newName: 'Anything' }), null);
    assert.deepEqual((await server.request<unknown[] | null>('textDocument/documentSymbol', { textDocument })) ?? [], []);
    assert.deepEqual((await server.request<unknown[] | null>('textDocument/foldingRange', { textDocument })) ?? [], []);
    assert.deepEqual(
      (await server.request<unknown[] | null>('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } })) ?? [],
      [],
    );
    assert.deepEqual(
      (await server.request<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument }))?.data ?? [],
      [],
    );
    const completion = await server.request<{ items: unknown[] } | unknown[] | null>('textDocument/completion', { textDocument, position });
    assert.deepEqual(Array.isArray(completion) ? completion : (completion?.items ?? []), []);
  });
});

describe('LSP: a note opened while the first index runs', () => {
  let root: string;
  before(() => {
    // Enough notes that the first index is still running when the note opens.
    root = mkdtempSync(path.join(tmpdir(), 'history-notes-many-'));
    const terror = readFileSync(path.join(FIXTURES, 'plain', 'terror.txt'), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(path.join(root, `notes-${i}.txt`), terror);
  });
  after(() => removeWorkspace(root));

  it('announces no counts before the index is ready: they would be those of the open note alone', async () => {
    const server = LspServer.spawn(root) as LspServer;
    try {
      await server.initialize();
      await openFile(server, 'notes-7.txt');
      const ready = await server.whenReady(60_000);
      assert.ok(ready.durationMs > 300, `the index took ${ready.durationMs} ms: too short for this test to tell`);
      const early = server.changes.filter((c) => c.notes < ready.notes);
      assert.deepEqual(early, [], 'no index-changed notice before indexReady');
    } finally {
      await server.stop();
    }
  });
});

describe('LSP: a note from outside the workspace folders', () => {
  let server: LspServer;
  let outside: string;

  withServer(
    () => copyFixture(path.join(FIXTURES, 'plain')),
    (started) => (server = started),
  );
  before(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'history-notes-outside-'));
    writeFile(outside, 'famine.txt', FAMINE);
  });
  after(() => removeWorkspace(outside));

  // Regression (fixed): on didClose the server classifies a file outside every workspace folder by its base name
  // (`famine.txt` looks like a note), re-reads it from disk and keeps it in the index, so its
  // entities stay in workspace symbols and the sidebar after the editor closed it.
  it('forgets it once the editor closes it', async () => {
    const uri = pathToFileURL(path.join(outside, 'famine.txt')).toString();
    const opened = server.nextIndexChange();
    await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: FAMINE } });
    await opened;
    const searched = async (): Promise<SymbolInformation[]> =>
      ((await server.request<SymbolInformation[] | null>('workspace/symbol', { query: 'Empty granaries' })) ?? []).filter(
        (s) => s.location.uri === uri,
      );
    assert.equal((await searched()).length, 1, 'indexed while open');
    const closed = server.nextIndexVersion();
    await closeFile(server, uri);
    await closed;
    assert.deepEqual(await searched(), []);
  });

  it('indexes it while it is open', async () => {
    const uri = pathToFileURL(path.join(outside, 'famine.txt')).toString();
    const opened = server.nextIndexChange();
    await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: FAMINE } });
    await opened;
    const found = ((await server.request<SymbolInformation[] | null>('workspace/symbol', { query: 'Empty granaries' })) ?? []).filter(
      (s) => s.location.uri === uri,
    );
    assert.equal(found.length, 1);
    assert.equal(linesOf(FAMINE)[found[0].location.range.start.line].includes('Empty granaries'), true);
  });
});

describe('LSP: settings that change which files are notes', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]), { settings: {} });

  async function people(): Promise<string[]> {
    return (await server.ask(EntitiesRequest.type, { kinds: ['person'] })).entities.map((e) => e.name);
  }

  it('re-indexes, with progress, when exclude changes, and drops the excluded notes', async () => {
    assert.ok((await people()).includes('Georges Danton'), 'the French notes are indexed at first');
    answerConfiguration(server, { exclude: ['**/french-revolution.txt'] });
    const seen = server.progress.length;
    await server.send('workspace/didChangeConfiguration', { settings: null });
    await server.until(() => server.progress.slice(seen).some((p) => p.value.kind === 'end'), 'the end of a second index');
    assert.equal(server.progress.slice(seen)[0].value.kind, 'begin');
    const names = await people();
    assert.ok(!names.includes('Georges Danton'), names.join(', '));
    assert.ok(names.includes('Lev Kamenev'));
    assert.equal(
      await server.request('textDocument/hover', {
        textDocument: { uri: server.uri('french-revolution.txt') },
        position: positionOf(root, 'french-revolution.txt', 'Danton'),
      }),
      null,
    );
  });

  it('reads knowledge from the files the knowledgeFiles setting names', async () => {
    writeFile(
      root,
      'extra/people.json',
      JSON.stringify({ entities: [{ id: 'ivanov', kind: 'person', name: 'Ivan Ivanovich Ivanov', aliases: ['Ivanov'] }] }),
    );
    writeFile(root, 'ivanov.txt', ['Notes', '', 'In 1937 Ivanov signed the lists.', ''].join('\n'));
    answerConfiguration(server, { knowledgeFiles: ['extra/*.json'] });
    const seen = server.progress.length;
    await server.send('workspace/didChangeConfiguration', { settings: null });
    await server.until(() => server.progress.slice(seen).some((p) => p.value.kind === 'end'), 'the end of a second index');
    assert.match(
      (await hoverTitle(server, server.uri('ivanov.txt'), positionOf(root, 'ivanov.txt', 'Ivanov'))) ?? '',
      /Ivan Ivanovich Ivanov/,
    );
  });
});

async function hoverTitle(server: LspServer, uri: string, position: Position): Promise<string | undefined> {
  const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return hover ? (hover.contents as MarkupContent).value.split('\n')[0] : undefined;
}
