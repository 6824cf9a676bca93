// Go to definition lists the nearest places first: halving the sorted definitions must list what
// reading them all lists, whatever the folders' names sort beside (`a-b/`, `a/b/`, `ab.md`).
import * as assert from 'node:assert/strict';
import { nearestFirst } from '../../server/src/features/definition';
import type { Location } from '../../server/src/index/model';
import { compareLocations } from '../../server/src/notes/ranges';
import { Random } from '../support/random';

const NOTES = ['a-b/x.md', 'a.md', 'a/b/c.md', 'a/b/x.md', 'a/x.md', 'a/y.txt', 'ab.md', 'b/a/x.md', 'z.md'].map(
  (n) => `file:///notes/${n}`,
);

/** The rule as stated, reading every location: the note's, then its folder's, then the first of the rest. */
function readingAll(locations: readonly Location[], uri: string, most: number): Location[] {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  const inNote = locations.filter((l) => l.uri === uri);
  const inFolder = locations.filter((l) => l.uri !== uri && l.uri.startsWith(folder));
  const elsewhere = locations.filter((l) => !l.uri.startsWith(folder));
  return [...inNote, ...inFolder, ...elsewhere].slice(0, most);
}

describe('nearestFirst', () => {
  it('lists what reading every location lists, in document order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = new Random(seed);
      const locations: Location[] = Array.from({ length: random.int(0, 39) }, () => {
        const line = random.int(0, 4);
        return { uri: random.pick(NOTES), range: { start: { line, character: 0 }, end: { line, character: 4 } } };
      }).sort(compareLocations);
      const uri = random.pick(NOTES);
      const most = random.int(1, 12);
      assert.deepEqual(nearestFirst(locations, uri, most), readingAll(locations, uri, most), `seed ${seed}: ${uri}, ${most}`);
    }
  });
});
