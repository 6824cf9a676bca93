// Finds words in fixture files, so tests name what they point at instead of hard-coding columns.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The position of the `nth` occurrence of `word` in a fixture file, in UTF-16 units. */
export function positionOf(root: string, file: string, word: string, nth = 1): { line: number; character: number } {
  const lines = readFileSync(path.join(root, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let at = lines[line].indexOf(word); at !== -1; at = lines[line].indexOf(word, at + 1)) {
      if (++seen === nth) return { line, character: at + 1 };
    }
  }
  throw new Error(`'${word}' #${nth} not in ${file}`);
}
