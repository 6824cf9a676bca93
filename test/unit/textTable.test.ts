// A text table numbers a phrase's words (by their word numbers) exactly as it numbers their texts:
// one number per text however it is asked, across notes, as the table grows.
import * as assert from 'node:assert/strict';
import { TextNumbers } from '../../server/src/notes/textTable';
import { wordNumber, wordText } from '../../server/src/notes/wordNumbers';
import { Random } from '../support/random';

describe('TextNumbers', () => {
  it('gives a word the number of its text, whether asked by word number or by text', () => {
    const random = new Random(1917);
    const table = new TextNumbers();
    // More words than the table first makes room for, some asked by text before their word number.
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}x${random.int(0, 9)}`);
    for (const word of words.slice(0, 100)) table.number(word);
    for (let note = 0; note < 40; note++) {
      const texts = Array.from({ length: 200 }, () => random.pick(words));
      const numbered = table.numberedWords(Int32Array.from(texts.map((text) => wordNumber(text))));
      const all = table.texts();
      assert.deepEqual(
        [...numbered].map((n) => all[n]),
        texts,
        `note ${note}`,
      );
      assert.deepEqual(
        [...numbered],
        texts.map((text) => table.number(text)),
      );
    }
    const all = table.texts();
    assert.equal(new Set(all).size, all.length, 'a text numbered twice');
    assert.equal(wordText(wordNumber(words[0])), words[0]);
  });
});
