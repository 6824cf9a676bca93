// The open document kept as lines answers as a stock TextDocument opened with the same text does,
// edit after random edit: its text, lines, offsets, positions and ranges, with every kind of line
// break, ranges beyond the text or written backwards, and breaks an edit makes or joins (`\r` then `\n`).
import * as assert from 'node:assert/strict';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import { splitLines } from '../../server/src/notes/spans';
import { LinesDocument } from '../../server/src/session/linesDocument';
import { Random } from '../support/random';

const PIECES = ['Kamenev', 'Zinoviev and Bukharin', ' ', '', 'é', '–', '\n', '\r\n', '\r', '\n\n', 'a\rb', '\r\r\n'];

function randomText(random: Random, pieces: number): string {
  return Array.from({ length: pieces }, () => random.pick(PIECES)).join('');
}

/** Anywhere in the text, and now and then beyond it (negative, past the last line or the line's end). */
function randomPosition(random: Random, lineCount: number): Position {
  const line = random.chance(0.1) ? random.int(-1, lineCount + 2) : random.int(0, lineCount - 1);
  return { line, character: random.chance(0.1) ? random.int(-1, 200) : random.int(0, 12) };
}

/** What a stock document opened with `text` says, against the document kept as lines. */
function agree(text: string, lines: LinesDocument, random: Random, where: string): void {
  const stock = TextDocument.create('file:///note.txt', 'plaintext', 1, text);
  assert.equal(lines.getText(), text, `${where}: text`);
  assert.deepEqual(lines.lines, splitLines(stock.getText()), `${where}: lines`);
  assert.equal(lines.lineCount, stock.lineCount, `${where}: line count`);
  for (let i = 0; i < 5; i++) {
    const position = randomPosition(random, stock.lineCount);
    assert.equal(lines.offsetAt(position), stock.offsetAt(position), `${where}: offset of ${JSON.stringify(position)}`);
    const offset = random.int(-2, stock.getText().length + 2);
    assert.deepEqual(lines.positionAt(offset), stock.positionAt(offset), `${where}: position of ${offset}`);
    const line = random.int(-1, stock.lineCount + 1);
    assert.deepEqual(lines.getLineRange(line), stock.getLineRange(line), `${where}: range of line ${line}`);
    assert.equal(lines.getEOLCharacters(line), stock.getEOLCharacters(line), `${where}: break of line ${line}`);
    const range = { start: randomPosition(random, stock.lineCount), end: randomPosition(random, stock.lineCount) };
    assert.equal(lines.getText(range), stock.getText(range), `${where}: text in ${JSON.stringify(range)}`);
  }
}

describe('An open document kept as lines', () => {
  it('answers as the stock TextDocument does, edit after random edit', () => {
    const random = new Random(2024);
    for (let run = 0; run < 200; run++) {
      let text = randomText(random, random.int(0, 12));
      const lines = LinesDocument.create('file:///note.txt', 'plaintext', 1, text);
      agree(text, lines, random, `run ${run}, opened`);
      for (let edit = 0; edit < 15; edit++) {
        const lineCount = splitLines(text).length;
        const change = random.chance(0.05)
          ? { text: randomText(random, random.int(0, 6)) }
          : {
              range: { start: randomPosition(random, lineCount), end: randomPosition(random, lineCount) },
              text: randomText(random, random.int(0, 3)),
            };
        // Each change made by a stock document opened with the text before it: after a few edits, the
        // stock document's own line offsets can miscount (4 lines for a text of 2) and misplace the next.
        const stock = TextDocument.create('file:///note.txt', 'plaintext', 1, text);
        TextDocument.update(stock, [change], 2);
        text = stock.getText();
        LinesDocument.update(lines, [change], edit + 2);
        agree(text, lines, random, `run ${run}, edit ${edit + 1} (${JSON.stringify(change)})`);
        assert.equal(lines.version, edit + 2);
      }
    }
  });

  it('gives a new list of lines at each edit, so one read before stays as it was', () => {
    const document = LinesDocument.create('file:///note.txt', 'plaintext', 1, 'Kamenev\nZinoviev\n');
    const before = document.lines;
    LinesDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }, text: 'Bukharin' }], 2);
    assert.deepEqual(before, ['Kamenev', 'Zinoviev', '']);
    assert.deepEqual(document.lines, ['Kamenev', 'Bukharin', '']);
  });
});
