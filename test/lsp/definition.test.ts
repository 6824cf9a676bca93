import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location } from 'vscode-languageserver-protocol';
import { MOST_DEFINITIONS } from '../../server/src/features/definition';
import { knowledgeCardUri, KnowledgeCardRequest, type KnowledgeCardResult } from '../../server/src/protocol';
import { DATA } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer, withServer } from '../support/lspServer';
import { linesOf, locationKey, rangeOf, readNote } from '../support/text';
import { copiesOfNotes } from '../support/workspace';

const KNOWLEDGE = 'soviet-union-1917-1953.history.json';

describe('LSP: definition and declaration', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain', 'md'], (started, copy) => ([server, root] = [started, copy]));

  function at(
    method: 'textDocument/definition' | 'textDocument/declaration',
    file: string,
    word: string,
    nth = 1,
  ): Promise<Location[] | null> {
    return server.request<Location[] | null>(method, {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word, nth),
    });
  }

  it('goes from the misspelling Zionev to the names line `Kamenev & Zinoviev`', async () => {
    const locations = await at('textDocument/definition', 'terror.txt', 'Zionev');
    assert.ok(locations && locations.length > 0, 'no definition');
    const namesLine = { uri: server.uri('terror.txt'), range: rangeOf(root, 'terror.txt', 'Zinoviev') };
    assert.equal(linesOf(readNote(root, 'terror.txt'))[namesLine.range.start.line], 'Kamenev & Zinoviev');
    assert.ok(
      locations.some((l) => locationKey(l) === locationKey(namesLine)),
      `the names line is not among ${JSON.stringify(locations)}`,
    );
    // Every place it lands is a spelling of Zinoviev in the notes.
    for (const location of locations) {
      const line = linesOf(readNote(root, path.basename(fileURLToPath(location.uri))))[location.range.start.line];
      assert.match(line.slice(location.range.start.character, location.range.end.character), /^(Zinoviev|Zionev)$/);
    }
  });

  it('answers declaration like definition', async () => {
    const definition = await at('textDocument/definition', 'terror.txt', 'Zionev', 2);
    const declaration = await at('textDocument/declaration', 'terror.txt', 'Zionev', 2);
    assert.ok(definition && definition.length > 0);
    assert.deepEqual(declaration, definition);
  });

  it('goes from a trial mentioned in a sentence to the trial heading', async () => {
    // terror.md: `3. **Bukharin** - shot after the Trial of the 21 in March 1938.`
    const locations = await at('textDocument/definition', 'terror.md', 'Trial of the 21');
    assert.ok(locations && locations.length > 0, 'no definition for the trial');
    const heading = { uri: server.uri('terror.txt'), range: rangeOf(root, 'terror.txt', 'Trial of the 21') };
    assert.ok(
      locations.some((l) => locationKey(l) === locationKey(heading)),
      `the heading is not among ${JSON.stringify(locations)}`,
    );
    const mention = { uri: server.uri('terror.md'), range: rangeOf(root, 'terror.md', 'Trial of the 21') };
    assert.ok(!locations.some((l) => locationKey(l) === locationKey(mention)), 'the mention itself is not a definition');
  });

  it('goes from Stalin, whom no note defines, to the page of his knowledge card, not the pack file', async () => {
    const locations = await at('textDocument/definition', 'terror.txt', 'Stalin became');
    assert.ok(locations && locations.length === 1, `expected one location, got ${JSON.stringify(locations)}`);
    assert.equal(locations[0].uri, knowledgeCardUri('stalin'));
  });

  it('answers the card page with the card and where the entry stands in its pack file', async () => {
    const page = await server.request<KnowledgeCardResult>(KnowledgeCardRequest.method, { id: 'stalin' });
    assert.match(page.markdown, /^# Joseph Stalin\n/);
    assert.match(page.markdown, /1878/);
    assert.ok(page.source?.uri.endsWith(`/${KNOWLEDGE}`), page.source?.uri);
    assert.deepEqual(page.source?.range, rangeOf(DATA, KNOWLEDGE, '"Joseph Stalin"'));
    const none = await server.request<KnowledgeCardResult>(KnowledgeCardRequest.method, { id: 'no-such-entry' });
    assert.deepEqual(none, { markdown: '' });
  });

  it("finds the references of a card page's entry, from the page", async () => {
    const references = await server.request<Location[]>('textDocument/references', {
      textDocument: { uri: knowledgeCardUri('stalin') },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: false },
    });
    assert.ok(references.length > 0 && references.every((r) => r.uri.startsWith('file:')), JSON.stringify(references));
  });

  it('answers no locations on a word that names nothing', async () => {
    const locations = await at('textDocument/definition', 'terror.txt', 'heavy industry');
    assert.deepEqual(locations ?? [], []);
  });
});

describe('LSP: definition of a name that many notes define', () => {
  // Each copy of the notes defines Zinoviev in four places: 120 in all.
  const COPIES = 30;
  let server: LspServer;
  let root: string;

  withServer(
    () => copiesOfNotes(COPIES),
    (started, copy) => ([server, root] = [started, copy]),
  );

  it(`lists the ${MOST_DEFINITIONS} nearest places: the note's own, then its folder's, then the rest`, async () => {
    const uri = server.uri('copy-7/terror.txt');
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    const locations = await server.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(path.join(root, 'copy-7'), 'terror.txt', 'Zionev'),
    });
    assert.equal(locations.length, MOST_DEFINITIONS);
    const ranks = locations.map((l) => (l.uri === uri ? 0 : l.uri.startsWith(folder) ? 1 : 2));
    assert.deepEqual(ranks, [...ranks].sort(), `nearest first: ${ranks.join('')}`);
    assert.ok(ranks.includes(0) && ranks.includes(1), 'the note and its folder define him');
    // Every copy defines him in the same places: the folder's are all there, as many as a copy listed whole.
    const inCopy = (copy: string): number => locations.filter((l) => l.uri.includes(`/${copy}/`)).length;
    const others = [...new Set(locations.map((l) => /\/(copy-\d+)\//.exec(l.uri)![1]))].filter((c) => c !== 'copy-7');
    assert.equal(inCopy('copy-7'), Math.max(...others.map(inCopy)));
  });
});
