// wordCount counts as `text.split(/\s+/)` does: every white space `\s` knows, runs of it, and white
// space at either end.
import * as assert from 'node:assert/strict';
import { wordCount } from '../../server/src/notes/wordCount';
import { Random } from '../support/random';

/** Every character `\s` matches, found by asking it, and some that it does not. */
const SPACES = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => /\s/.test(c));
const OTHERS = ['a', 'Z', '–', '’', '.', '\u200b', '\u180e', 'é'];

describe('wordCount', () => {
  it('knows the white space `\\s` knows', () => {
    assert.ok(SPACES.length > 20, `only ${SPACES.length} spaces`);
    for (const space of SPACES) assert.equal(wordCount(`a${space}b`), 2, `U+${space.charCodeAt(0).toString(16)}`);
    for (const other of OTHERS) assert.equal(wordCount(`a${other}b`), 1, other);
  });

  it('counts as split does, on texts of words and white space in any order', () => {
    const random = new Random(4242);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let length = random.int(0, 12); length > 0; length--) text += random.pick(random.chance(0.4) ? SPACES : OTHERS);
      assert.equal(wordCount(text), text.split(/\s+/).length, JSON.stringify(text));
    }
  });
});
