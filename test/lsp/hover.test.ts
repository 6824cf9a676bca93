import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { openFile, writeFile } from '../support/editor';
import { rangeOf } from '../support/text';

describe('LSP: hover', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]));

  async function hover(word: string, nth = 1): Promise<string> {
    const result = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri('terror.txt') },
      position: positionOf(root, 'terror.txt', word, nth),
    });
    assert.ok(result, `no hover on ${word}`);
    return (result.contents as MarkupContent).value;
  }

  async function hoverResult(file: string, word: string, nth = 1): Promise<Hover | null> {
    return server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri(file) },
      position: positionOf(root, file, word, nth),
    });
  }

  /** The card's first line: `**Name** *kind* · dates`. */
  function title(card: string): string {
    return card.split('\n')[0];
  }

  it('indexes the folder before the first request', () => {
    assert.equal(server.ready.notes, 2);
    assert.ok(server.ready.people >= 10, `people: ${server.ready.people}`);
  });

  it('shows Kamenev with his life dates, his trial and his fate', async () => {
    const card = await hover('Kamenev');
    assert.match(card, /Lev Kamenev/);
    assert.match(card, /1883–1936/);
    assert.match(card, /Trial of the Sixteen/);
    assert.match(card, /Fate/);
  });

  it('shows Zinoviev for the misspelling Zionev', async () => {
    const card = await hover('Zionev');
    assert.match(card, /Grigory Zinoviev/);
    assert.match(card, /Spelt in your notes as:\*\* Zionev/);
  });

  it('answers markdown with the range of the word under the cursor', async () => {
    const result = await hoverResult('terror.txt', 'Zionev');
    assert.ok(result);
    assert.equal((result.contents as MarkupContent).kind, 'markdown');
    assert.deepEqual(result.range, rangeOf(root, 'terror.txt', 'Zionev'));
  });

  it('shows Yagoda with his dates and the trial he was a defendant at', async () => {
    const card = await hover('Yagoda');
    assert.match(title(card), /Genrikh Yagoda/);
    assert.match(title(card), /1891–1938/);
    assert.match(card, /Trial of the Twenty\\-One \(trial\)/);
  });

  it("shows Kirov, and Trotsky for the possessive Trotsky's with the apostrophe in the range", async () => {
    const plain = await hoverResult('terror.txt', 'Kirov was popular');
    assert.ok(plain);
    assert.match(title((plain.contents as MarkupContent).value), /Sergei Kirov.*1886–1934/);
    assert.deepEqual(plain.range, rangeOf(root, 'terror.txt', 'Kirov', 1));

    const possessive = await hoverResult('terror.txt', "Trotsky's");
    assert.ok(possessive, "no hover on Trotsky's");
    assert.match(title((possessive.contents as MarkupContent).value), /Leon Trotsky/);
    assert.deepEqual(possessive.range, rangeOf(root, 'terror.txt', "Trotsky's"));
  });

  it('shows the event for `Kirov’s murder` in lower case (curly apostrophe), the whole name in the range', async () => {
    const result = await hoverResult('terror.txt', 'Kirov’s');
    assert.ok(result, 'no hover on Kirov’s murder');
    assert.match(title((result.contents as MarkupContent).value), /Murder of Kirov/);
    assert.deepEqual(result.range, rangeOf(root, 'terror.txt', 'Kirov’s murder'));
    assert.match(title(await hover("Kirov's murder")), /Murder of Kirov/);
  });

  it("shows the event Murder of Kirov, listed as a cause, for the cause `Kirov's Murder`", async () => {
    const card = await hover("Kirov's Murder");
    assert.match(title(card), /Murder of Kirov/);
    assert.match(title(card), /cause/);
    assert.match(card, /Date:\*\* 1 December 1934/);
  });

  it('shows the Trial of the Twenty-One (1938) for the heading `Trial of the 21`', async () => {
    const result = await hoverResult('terror.txt', 'Trial of the 21');
    assert.ok(result);
    const card = (result.contents as MarkupContent).value;
    assert.match(title(card), /Trial of the Twenty\\-One/);
    assert.match(title(card), /1938/);
    assert.match(card, /Nikolai Bukharin \(defendant\)/);
    assert.deepEqual(result.range, rangeOf(root, 'terror.txt', 'Trial of the 21'));
  });

  it("shows the cause Stalin's paranoia for `Stalins Paranoia`, with what the notes say", async () => {
    const card = await hover('Stalins Paranoia');
    assert.match(title(card), /Stalin\\'s paranoia/);
    assert.match(title(card), /\*cause\*/);
    assert.match(card, /Stalin trusted nobody/);
  });

  it("shows the cause Lenin's police state on its term", async () => {
    const result = await hoverResult('terror.txt', 'police');
    assert.ok(result);
    assert.match(title((result.contents as MarkupContent).value), /Lenin\\'s police state.*cause/);
    assert.deepEqual(result.range, rangeOf(root, 'terror.txt', "Lenin's police state"));
  });

  it('answers null on a word that names nothing', async () => {
    assert.equal(await hoverResult('terror.txt', 'labour camps'), null);
  });

  it('escapes note text in the card: no live links, commands or HTML', async () => {
    const file = 'evil.txt';
    writeFile(
      root,
      file,
      [
        'Suspicious notes',
        '',
        'Causes of the Terror',
        '',
        '  • Spy mania – see [click](command:workbench.action.quit) and <img src="http://tracker.example/x.png"> then ' +
          '<script>alert(1)</script> everywhere.',
        '',
      ].join('\n'),
    );
    await openFile(server, file);
    const result = await hoverResult(file, 'Spy mania');
    assert.ok(result, 'no hover on the cause');
    const card = (result.contents as MarkupContent).value;
    assert.match(title(card), /Spy mania/);
    assert.match(card, /click/, 'the note text is shown');
    assert.match(card, /tracker/, 'the note text is shown');
    assert.ok(!card.includes('](command:'), `a command link survived:\n${card}`);
    assert.doesNotMatch(card, /(^|[^\\])<img/i, 'raw <img> in the card');
    assert.doesNotMatch(card, /(^|[^\\])<script/i, 'raw <script> in the card');
    assert.doesNotMatch(card, /(^|[^\\])\]\(http:\/\/tracker/, 'a live link to the tracker');
  });
});
