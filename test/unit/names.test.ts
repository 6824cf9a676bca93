// How names are compared: keys with case, accents, apostrophes and possessives folded; the edit distance;
// and the conservative rule for what counts as a misspelt name.
import * as assert from 'node:assert/strict';
import {
  editDistance,
  isCapitalised,
  isLikelyMisspelling,
  isPossessive,
  isSpellingVariant,
  nameKey,
  skeleton,
  wordKey,
  wordsOf,
} from '../../server/src/notes/names';
import { Random } from '../support/random';

describe('names: keys', () => {
  it('folds case, possessives and apostrophes in a word key', () => {
    assert.equal(wordKey("Kirov's"), 'kirov');
    assert.equal(wordKey('Kirov’s'), 'kirov');
    assert.equal(wordKey("Doctors'"), 'doctors');
    assert.equal(wordKey("Zinov'ev"), 'zinovev');
    assert.equal(wordKey('STALIN'), 'stalin');
  });

  it('folds accents: Röhm → rohm, Blücher → blucher, Coyoacán → coyoacan', () => {
    assert.equal(wordKey('Röhm'), 'rohm');
    assert.equal(wordKey('Blücher'), 'blucher');
    assert.equal(wordKey('Coyoacán'), 'coyoacan');
  });

  it('keeps a missing apostrophe as written: Stalins is not stalin', () => {
    assert.equal(wordKey('Stalins'), 'stalins');
  });

  it('builds a name key from its words, dropping a leading "the"', () => {
    assert.equal(nameKey('The Trial of the 16'), 'trial of the 16');
    assert.equal(nameKey('Kirov’s Murder'), 'kirov murder');
    assert.equal(nameKey("  Lenin's   police  state "), 'lenin police state');
    assert.equal(nameKey('the Gulag'), 'gulag');
    assert.equal(nameKey('N.K.V.D.'), 'nkvd');
    assert.equal(nameKey('N.K.V.D.'), nameKey('NKVD'));
  });

  it('keeps "the" when it is the whole name, and gives an empty key for no words', () => {
    assert.equal(nameKey('The'), 'the');
    assert.equal(nameKey(' – '), '');
  });

  it('gives the same key to the spellings a student may use for one name', () => {
    assert.equal(nameKey("Stalin's Paranoia"), nameKey('stalin’s paranoia'));
    assert.equal(nameKey('Trial of the 16'), nameKey('the TRIAL of the 16'));
    assert.notEqual(nameKey('Trial of the 16'), nameKey('Trial of the 17'));
  });
});

describe('names: words', () => {
  it('finds words with UTF-16 offsets, keeping possessives and hyphenated names whole', () => {
    const line = "📌 Kirov’s men, Trotsky's; Bukharin-Rykov 1936-38";
    const words = wordsOf(line);
    assert.deepEqual(
      words.map((w) => w.text),
      ['Kirov’s', 'men', "Trotsky's", 'Bukharin-Rykov', '1936-38'],
    );
    for (const word of words) assert.equal(line.slice(word.start, word.end), word.text);
    assert.equal(words[0].start, 3);
  });

  it('tells capitalised words and possessives', () => {
    assert.ok(isCapitalised('Zinoviev'));
    assert.ok(isCapitalised('Ölberg'));
    assert.ok(!isCapitalised('however'));
    assert.ok(!isCapitalised('1936'));
    assert.ok(isPossessive('Kirov’s'));
    assert.ok(isPossessive("Doctors'"));
    assert.ok(!isPossessive('Stalins'));
  });
});

describe('names: editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting', 10), 3);
    assert.equal(editDistance('', 'abc', 5), 3);
    assert.equal(editDistance('kamenev', 'kamenev', 3), 0);
    assert.equal(editDistance('bukarin', 'bukharin', 3), 1);
  });

  it('counts swapping two adjacent letters as one edit', () => {
    assert.equal(editDistance('trotksy', 'trotsky', 3), 1);
    assert.equal(editDistance('zionev', 'zinovev', 3), 2);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['zionev', 'zinoviev'],
      ['bukarin', 'bukharin'],
      ['yagado', 'yagoda'],
    ]) {
      assert.equal(editDistance(a, b, 5), editDistance(b, a, 5));
    }
  });

  it('stops past the limit and answers limit + 1', () => {
    assert.equal(editDistance('abcdefgh', 'zzzzzzzz', 2), 3);
    assert.equal(editDistance('stalin', 'stalingrad', 2), 3);
    assert.equal(editDistance('zionev', 'zinoviev', 3), 3);
    assert.equal(editDistance('zionev', 'zinoviev', 2), 3);
  });
});

describe('names: editDistance against the whole table', () => {
  /** The textbook table, every cell computed. */
  function fullDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  it('agrees with it up to the limit, and answers limit + 1 beyond, on many random pairs', () => {
    const random = new Random(20261205);
    const word = (): string => Array.from({ length: random.int(0, 12) }, () => 'abcde'[random.int(0, 4)]).join('');
    for (let n = 0; n < 5000; n++) {
      const [a, b, limit] = [word(), word(), random.int(0, 4)];
      assert.equal(editDistance(a, b, limit), Math.min(fullDistance(a, b), limit + 1), `${a} ${b} ${limit}`);
    }
  });
});

describe('names: isLikelyMisspelling', () => {
  it('accepts the misspellings students really write', () => {
    assert.ok(isLikelyMisspelling('zionev', 'zinoviev'), 'zionev → zinoviev (three edits, same start and end)');
    assert.ok(isLikelyMisspelling('bukarin', 'bukharin'));
    assert.ok(isLikelyMisspelling('trotksy', 'trotsky'));
    assert.ok(isLikelyMisspelling('yagado', 'yagoda'));
  });

  it('rejects the name itself', () => {
    assert.ok(!isLikelyMisspelling('zinoviev', 'zinoviev'));
  });

  it('rejects a different first letter', () => {
    assert.ok(!isLikelyMisspelling('kork', 'cork'));
    assert.ok(!isLikelyMisspelling('cirov', 'kirov'));
    assert.ok(!isLikelyMisspelling('ezhov', 'yezhov'));
  });

  it('rejects words of fewer than four letters on either side', () => {
    assert.ok(!isLikelyMisspelling('abc', 'abd'));
    assert.ok(!isLikelyMisspelling('lenin', 'len'));
  });

  it('allows only one edit for names of five letters or fewer', () => {
    assert.ok(isLikelyMisspelling('lenon', 'lenin'));
    assert.ok(isLikelyMisspelling('kirof', 'kirov'));
    assert.ok(!isLikelyMisspelling('lnien', 'lenin'), 'two edits from a five-letter name');
    assert.ok(!isLikelyMisspelling('hover', 'howe'), 'hover is two edits from the four-letter howe');
  });

  it('allows two edits for names of six letters or more', () => {
    assert.ok(isLikelyMisspelling('stallen', 'stalin'));
    assert.ok(isLikelyMisspelling('kamanef', 'kamenev'));
    assert.ok(!isLikelyMisspelling('stxxxn', 'stalin'), 'three edits from a six-letter name');
  });

  it(
    'allows three edits only for a name of seven letters or more, a candidate of six or more, and the same first and ' + 'last two letters',
    () => {
      assert.ok(isLikelyMisspelling('zionev', 'zinoviev'));
      assert.equal(editDistance('zinovabc', 'zinoviev', 3), 3);
      assert.ok(!isLikelyMisspelling('zinovabc', 'zinoviev'), 'the last two letters differ');
      assert.equal(editDistance('zanavaev', 'zinoviev', 3), 3);
      assert.ok(!isLikelyMisspelling('zanavaev', 'zinoviev'), 'the second letter differs');
      assert.equal(editDistance('yabbbda', 'yagoda', 3), 3);
      assert.ok(!isLikelyMisspelling('yabbbda', 'yagoda'), 'the name has six letters');
      assert.equal(editDistance('zinev', 'zinoviev', 3), 3);
      assert.ok(!isLikelyMisspelling('zinev', 'zinoviev'), 'the candidate has five letters');
    },
  );

  it('rejects a plural or a word made from the name: Rosenbergs, Trotskyite, Stalingrad', () => {
    assert.ok(!isLikelyMisspelling('rosenbergs', 'rosenberg'));
    assert.ok(!isLikelyMisspelling('trotskyite', 'trotsky'));
    assert.ok(!isLikelyMisspelling('turbins', 'turing'), 'two edits from a six-letter name whose last letter differs');
  });

  it('reads transliterations as one name: Djugashvili, Dzhugashvili and Jughashvili', () => {
    assert.equal(skeleton('dzhugashvili'), skeleton('djugashvili'));
    assert.equal(skeleton('djugashvili'), skeleton('jughashvili'));
    assert.ok(isSpellingVariant('jughashvili', 'dzhugashvili'));
    assert.ok(isSpellingVariant('krushchev', 'khrushchev'));
    assert.ok(!isSpellingVariant('stallin', 'stalin'), 'a doubled letter is a misspelling, not a transliteration');
    assert.ok(isLikelyMisspelling('djugashvilli', 'dzhugashvili'));
  });

  it('rejects anything four or more edits away', () => {
    assert.ok(!isLikelyMisspelling('secretary', 'sokolnikov'));
    assert.ok(!isLikelyMisspelling('stalingrad', 'stalin'));
  });
});
