import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DocumentHighlightKind, type DocumentHighlight, type Location, type ReferenceParams } from 'vscode-languageserver-protocol';
import { PART_SIZE } from '../../server/src/partialResults';
import { editRange, openFile } from '../support/editor';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer, withServer } from '../support/lspServer';
import { locationKey, rangeOf } from '../support/text';

describe('LSP: references and document highlights', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain', 'md'], (started, copy) => ([server, root] = [started, copy]));

  const where = (file: string, word: string, nth = 1): Location => ({ uri: server.uri(file), range: rangeOf(root, file, word, nth) });
  /** terror.txt: the Zionev mentions in running text (causes, trial paragraph). */
  const zionevMentions = (): Location[] => [
    where('terror.txt', 'Zionev', 1),
    where('terror.txt', 'Zionev', 2),
    where('terror.txt', 'Zionev', 3),
    where('terror.md', 'Zionev'),
  ];
  /** Where the notes define Zinoviev: the names line under `Trial of the 16`, and the Key People bullet `Zionev – ...`. */
  const zinovievDefinitions = (): Location[] => [where('terror.txt', 'Zinoviev'), where('terror.txt', 'Zionev', 4)];

  function references(file: string, word: string, includeDeclaration: boolean, nth = 1): Promise<Location[] | null> {
    return server.request<Location[] | null>('textDocument/references', {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word, nth),
      context: { includeDeclaration },
    });
  }

  const keys = (locations: Location[] | null): string[] => (locations ?? []).map(locationKey).sort();

  it("lists every Zionev and the names line for Zinoviev's references, across notes", async () => {
    const found = await references('terror.txt', 'Zionev', true);
    assert.deepEqual(keys(found), keys([...zionevMentions(), ...zinovievDefinitions()]));
  });

  it('answers the same from the names line as from a misspelling', async () => {
    assert.deepEqual(keys(await references('terror.txt', 'Zinoviev', true)), keys(await references('terror.md', 'Zionev', true)));
  });

  it('without includeDeclaration still lists the mentions in running text', async () => {
    const found = keys(await references('terror.txt', 'Zionev', false));
    for (const mention of zionevMentions()) assert.ok(found.includes(locationKey(mention)), `${locationKey(mention)} missing`);
  });

  // Regression (fixed): includeDeclaration is ignored for definitions that are also mentions (the names line, the
  // Key People bullet): with `false` the server answers exactly what it answers with `true`.
  it('without includeDeclaration leaves out where the notes define Zinoviev', async () => {
    const found = await references('terror.txt', 'Zionev', false);
    assert.deepEqual(keys(found), keys(zionevMentions()));
  });

  it('answers no references on a word that names nothing', async () => {
    assert.deepEqual((await references('terror.txt', 'heavy industry', true)) ?? [], []);
  });

  it('highlights Zinoviev in the document: definitions as Write, mentions as Read', async () => {
    const highlights = await server.request<DocumentHighlight[] | null>('textDocument/documentHighlight', {
      textDocument: { uri: server.uri('terror.txt') },
      position: positionOf(root, 'terror.txt', 'Zionev', 2),
    });
    assert.ok(highlights);
    const uri = server.uri('terror.txt');
    const byKey = new Map(highlights.map((h) => [locationKey({ uri, range: h.range }), h.kind]));
    const expected = new Map<string, DocumentHighlightKind>([
      ...zionevMentions()
        .filter((l) => l.uri === uri)
        .map((l) => [locationKey(l), DocumentHighlightKind.Read] as const),
      ...zinovievDefinitions().map((l) => [locationKey(l), DocumentHighlightKind.Write] as const),
    ]);
    assert.deepEqual([...byKey].sort(), [...expected].sort());
  });
});

describe('LSP: references to a name a note uses thousands of times', () => {
  const TIMES = 2_500;
  let server: LspServer;
  const lines = [
    '# Kamenev',
    '',
    'Tried with Zinoviev in 1936, as Bukharin and Rykov were in 1938, under Stalin.',
    ...Array.from({ length: TIMES }, (_, i) => `${i + 1}. Kamenev spoke.`),
  ];

  withServer(
    () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'history-notes-many-'));
      writeFileSync(path.join(folder, 'kamenev.md'), lines.join('\n'));
      return folder;
    },
    (started) => (server = started),
  );

  const params = (line: number): ReferenceParams => ({
    textDocument: { uri: server.uri('kamenev.md') },
    position: { line, character: lines[line].indexOf('Kamenev') + 1 },
    context: { includeDeclaration: false },
  });
  const spoke = (count: number, firstLine: number): string[] =>
    Array.from({ length: count }, (_, i) => {
      const line = firstLine + i;
      const start = lines[3].indexOf('Kamenev') + String(i + 1).length - 1;
      return locationKey({
        uri: server.uri('kamenev.md'),
        range: { start: { line, character: start }, end: { line, character: start + 'Kamenev'.length } },
      });
    });

  it('lists every one, in document order', async () => {
    const found = await server.request<Location[]>('textDocument/references', params(3));
    assert.deepEqual(found.map(locationKey).slice(-TIMES), spoke(TIMES, 3));
  });

  it('sends them in parts when the client asks for partial results, then an empty answer', async () => {
    const whole = await server.request<Location[]>('textDocument/references', params(3));
    const token = 'references-in-parts';
    const answer = await server.request<Location[]>('textDocument/references', { ...params(3), partialResultToken: token });
    assert.deepEqual(answer, []);
    // Sent before the answer, on the same stream: all here by now.
    const parts = server.progress.filter((p) => p.token === token).map((p) => p.value as unknown as Location[]);
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    assert.ok(
      parts.every((part) => part.length > 0 && part.length <= PART_SIZE),
      parts.map((p) => p.length).join(' '),
    );
    assert.deepEqual(parts.flat().map(locationKey), whole.map(locationKey));
  });

  it('follows an edit that moves them all down a line and adds one', async () => {
    await server.request<Location[]>('textDocument/references', params(3));
    const { uri } = await openFile(server, 'kamenev.md');
    const top = { line: 3, character: 0 };
    await editRange(server, uri, 2, { start: top, end: top }, '0. Kamenev spoke.\n');
    const found = await server.request<Location[]>('textDocument/references', params(3));
    const keys = found.map(locationKey);
    const added = locationKey({ uri, range: { start: { line: 3, character: 3 }, end: { line: 3, character: 10 } } });
    assert.deepEqual(keys.slice(-TIMES - 1), [added, ...spoke(TIMES, 4)]);
  });
});
