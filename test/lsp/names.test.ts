// Names on real prose through the built server: ordinary English gets no squiggle and turns no pack on,
// a who's-who heading defines its person (and its wrong year is flagged), and a person no pack knows
// gets a card that says so.
import * as assert from 'node:assert/strict';
import type { Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { openFile } from '../support/editor';
import { rangeOf } from '../support/text';

describe('LSP: names on real prose', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['names'], (started, copy) => ([server, root] = [started, copy]));

  async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
    const { uri } = await openFile(server, file);
    return server.until(() => server.diagnostics.get(uri), `diagnostics for ${file}`);
  }

  it('turns on only the pack whose people the notes name', () => {
    assert.deepEqual(
      server.ready.packs.filter((p) => p.active).map((p) => p.id),
      ['soviet-union-1917-1953'],
    );
  });

  it('publishes no diagnostic for ordinary English', async () => {
    assert.deepEqual(await diagnosticsOf('readme.md'), []);
  });

  it("flags the wrong birth year in a who's-who heading, and nothing else", async () => {
    const diagnostics = await diagnosticsOf('whos-who.md');
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['Sergei Kirov was born on 27 March 1886, not in 1884 (Soviet Union 1917-1953 knowledge)'],
    );
    assert.deepEqual(diagnostics[0].range, rangeOf(root, 'whos-who.md', '1884'));
  });

  it('goes from a mention to the heading that defines the person', async () => {
    const locations = await server.request<Location[]>('textDocument/definition', {
      textDocument: { uri: server.uri('whos-who.md') },
      position: positionOf(root, 'whos-who.md', 'Kirov.'),
    });
    assert.deepEqual(
      locations.map((l) => l.range),
      [rangeOf(root, 'whos-who.md', 'Sergei Kirov')],
    );
  });

  it('shows a person no pack knows, with a card that says so and what the notes say', async () => {
    const result = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri('whos-who.md') },
      position: positionOf(root, 'whos-who.md', 'Mann', 2),
    });
    assert.ok(result, 'no hover on Mann');
    const card = (result.contents as MarkupContent).value;
    assert.match(card.split('\n')[0], /^\*\*Thomas Mann\*\* \*person\*/);
    assert.match(card, /No knowledge pack that is on knows this person/);
    assert.match(card, /writing from exile/);
  });

  it('defines a person the notes give only a heading and dates, and shows the paragraph', async () => {
    const result = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri('whos-who.md') },
      position: positionOf(root, 'whos-who.md', 'Alliluyeva'),
    });
    const card = (result?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(card, /Nadezhda Alliluyeva/);
    assert.match(card, /second wife/);
  });
});
