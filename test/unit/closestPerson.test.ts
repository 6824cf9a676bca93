// The fuzzy match's scan of a group of people: what its cheap bounds skip must be only people the
// edit distance would have ruled out, so it answers as comparing with every person would.
import * as assert from 'node:assert/strict';
import { askedWord, PersonGroup, personWord, type PersonWord } from '../../server/src/index/closestPerson';
import { misspellingDistance } from '../../server/src/notes/names';
import { Random } from '../support/random';

/** The first person nearest to `key` under `bestDistance`, each one compared in order. */
function nearestByComparingAll(
  people: readonly PersonWord[],
  key: string,
  bestDistance: number,
): { person: PersonWord; distance: number } | undefined {
  let best: { person: PersonWord; distance: number } | undefined;
  for (const person of people) {
    if (bestDistance <= 1) break;
    const distance = misspellingDistance(key, person.key);
    if (distance < bestDistance) {
      best = { person, distance };
      bestDistance = distance;
    }
  }
  return best;
}

describe('closestPerson: a group of people', () => {
  // Few letters, so that random names are often a few edits apart; `ø` lies outside a–z.
  const letters = 'aeiklmnorsø';
  const random = new Random(20261207);
  const word = (min: number, max: number): string =>
    Array.from({ length: random.int(min, max) }, () => letters[random.int(0, letters.length - 1)]).join('');
  /** `name` with one to three random edits: a letter dropped, added, changed, or two swapped. */
  const misspelt = (name: string): string => {
    let spelt = name;
    for (let edits = random.int(1, 3); edits > 0; edits--) {
      const at = random.int(0, Math.max(0, spelt.length - 1));
      const letter = letters[random.int(0, letters.length - 1)];
      const edit = random.int(0, 3);
      if (edit === 0) spelt = spelt.slice(0, at) + spelt.slice(at + 1);
      else if (edit === 1) spelt = spelt.slice(0, at) + letter + spelt.slice(at);
      else if (edit === 2) spelt = spelt.slice(0, at) + letter + spelt.slice(at + 1);
      else if (at + 1 < spelt.length) spelt = spelt.slice(0, at) + spelt[at + 1] + spelt[at] + spelt.slice(at + 2);
    }
    return spelt;
  };

  it('finds the person comparing with each would find, for many misspellings and random words', () => {
    const people = Array.from({ length: 400 }, (_, i) => personWord(`k${word(3, 11)}`, `person:${i}`, `K${i}`));
    const group = new PersonGroup(people);
    let found = 0;
    for (let n = 0; n < 4000; n++) {
      const key = random.chance(0.7) ? misspelt(random.pick(people).key) : `k${word(4, 12)}`;
      for (const bestDistance of [Infinity, 3, 2]) {
        const expected = nearestByComparingAll(people, key, bestDistance);
        const actual = group.nearest(askedWord(key), bestDistance);
        assert.deepEqual(actual, expected, `${key} under ${bestDistance}`);
        if (actual) found++;
      }
    }
    // The comparison means something only if many words do match someone.
    assert.ok(found > 2000, `${found} matches`);
  });

  it('finds a name whose letters repeat, misspelt by a letter more or less', () => {
    const group = new PersonGroup([personWord('kaaaaaaa', 'person:a', 'Kaaaaaaa'), personWord('kaaaaooo', 'person:o', 'Kaaaaooo')]);
    assert.equal(group.nearest(askedWord('kaaaaaa'), Infinity)?.person.id, 'person:a');
    assert.equal(group.nearest(askedWord('kaaaaoooo'), Infinity)?.person.id, 'person:o');
    assert.equal(group.nearest(askedWord('koooooooo'), Infinity), undefined);
  });
});
