// The word scanner reads characters instead of running the pattern that says what a word is: it
// must find the very words the pattern finds, at the same offsets, on every line of the fixtures and
// on random lines made of the characters where they could differ.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { forEachWord } from '../../server/src/notes/wordScan';
import { FIXTURES } from '../support/paths';
import { Random } from '../support/random';

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*['’]?/gu;

function byPattern(line: string): string[] {
  return [...line.matchAll(WORD)].map((m) => `${m[0]}@${m.index}`);
}

function byScanner(line: string): string[] {
  const words: string[] = [];
  forEachWord(line, (text, start) => words.push(`${text}@${start}`));
  return words;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Capitals, small letters, digits, accents written apart, letters beyond two units, and what joins or ends words. */
const PIECES = [
  'A',
  'K',
  'b',
  'z',
  'É',
  'é',
  'ß',
  'Ж',
  'ж',
  '7',
  '½',
  '٣',
  'e\u0301',
  '𝐀',
  '𝑏',
  '𝟙',
  '\ud800',
  "'",
  '’',
  '-',
  '.',
  ' ',
  ',',
  '—',
  '_',
];

describe('forEachWord', () => {
  it("finds the pattern's words on every line of the fixtures", () => {
    let lines = 0;
    for (const file of filesUnder(FIXTURES).filter((f) => /\.(md|txt)$/.test(f))) {
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        assert.deepEqual(byScanner(line), byPattern(line), `${file}: ${line}`);
        lines++;
      }
    }
    assert.ok(lines > 500, `read ${lines} lines`);
  });

  it("finds the pattern's words on random lines of acronyms, apostrophes, hyphens and letters of every sort", () => {
    const random = new Random(7);
    for (let n = 0; n < 20_000; n++) {
      const line = Array.from({ length: random.int(0, 15) }, () => random.pick(PIECES)).join('');
      assert.deepEqual(byScanner(line), byPattern(line), JSON.stringify(line));
    }
  });

  it('reads a dotted acronym as one word, and a possessive with its apostrophe', () => {
    assert.deepEqual(byScanner("The N.K.V.D. arrested Kirov's killer"), ['The@0', 'N.K.V.D.@4', 'arrested@13', "Kirov's@22", 'killer@30']);
  });
});
