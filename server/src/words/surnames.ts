// Names people have, from cspell's list of people's names: it tells a surname that is also a word
// (`Parks`, `Baker`, `Hoover`, `Grant`) from a word that is not a name (`People`, `Cases`, `Office`).
// Words that name places and things after people (`Hall`, `Street`, `Memorial`) never count.
import { readFileSync } from 'node:fs';
import { dataFile } from './dataFiles';
import { wordList } from './wordPattern';

const THINGS = new Set(
  wordList(
    'street road avenue lane square park bridge hall church court palace house castle tower gate hill lake river valley bay',
    'island field fields wood woods cross station college school university hospital memorial line day act plan doctrine',
    'company trust fund award prize medal figures canal board law laws register bank party society league council committee',
    'movement treaty army navy press times herald gazette journal review news museum library county city town state first second',
    'third annual',
  ),
);

let names: ReadonlySet<string> | undefined;

/** Whether a capitalised word is someone's name in cspell's list (and names no place or thing). */
export function isPeopleName(word: string): boolean {
  return peopleNames().has(word) && !THINGS.has(word.toLowerCase());
}

/**
 * The list, read on first use (about 25 ms): a server reads it between two pauses before the notes,
 * so the first note does not stop it for that long.
 */
export function peopleNames(): ReadonlySet<string> {
  if (!names) {
    const file = dataFile('people-names.txt', '@cspell/dict-people-names', 'dict/people-names.txt');
    // Without the list (a broken install) no word-like surname counts: quiet rather than wrong.
    names = new Set(
      file
        ? readFileSync(file, 'utf8')
            .split(/\r?\n/)
            .filter((line) => line && !line.startsWith('#'))
        : [],
    );
  }
  return names;
}
