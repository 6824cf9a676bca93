// Phrases keep their words as numbers: a word keeps its number, its text and its key, and the
// numbers of a kept index's or a worker's text table turn into word numbers only when they are words
// of that table, also after the table has grown.
import * as assert from 'node:assert/strict';
import { wordKey } from '../../server/src/notes/names';
import { keyOfWord, wordNumber, wordNumbersAt, wordText } from '../../server/src/notes/wordNumbers';

describe('word numbers', () => {
  it('gives a word one number, whose text and key are the word’s', () => {
    const kirov = wordNumber("Kirov's");
    assert.equal(wordNumber("Kirov's"), kirov);
    assert.notEqual(wordNumber('Kirov'), kirov);
    assert.equal(wordText(kirov), "Kirov's");
    assert.equal(keyOfWord(kirov), wordKey("Kirov's"));
    assert.equal(keyOfWord(wordNumber('Röhm')), 'rohm');
  });

  it('reads a table’s numbers as words, also once the table has grown', () => {
    const table = ['Zinoviev', 'Kamenev'];
    assert.deepEqual([...wordNumbersAt(table, Int32Array.of(1, 0, 1))!].map(wordText), ['Kamenev', 'Zinoviev', 'Kamenev']);
    // A worker's table grows between its replies: numbers past the old end mean its new texts.
    for (let i = 0; i < 40; i++) table.push(`Word${i}`);
    table.push('Bukharin');
    assert.deepEqual([...wordNumbersAt(table, Int32Array.of(42, 0, 41))!].map(wordText), ['Bukharin', 'Zinoviev', 'Word39']);
  });

  it('refuses numbers that are no word of the table', () => {
    const table = ['Yagoda', ''];
    assert.equal(wordNumbersAt(table, Int32Array.of(0, 2)), undefined, 'past the end');
    assert.equal(wordNumbersAt(table, Int32Array.of(-1)), undefined, 'negative');
    assert.equal(wordNumbersAt(table, Int32Array.of(1)), undefined, 'an empty text');
    assert.equal(wordNumbersAt(table, [0]), undefined, 'not an Int32Array');
    assert.equal(wordNumbersAt(table, ['Yagoda']), undefined, 'words as text');
  });
});
