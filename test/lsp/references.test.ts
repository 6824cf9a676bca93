import * as assert from 'node:assert/strict';
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
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
