// A Tally keeps one key in fields and makes a Map for a second: whichever it holds, it must count
// as a Map of counts would, through every add and removal, and give the fields back when one key is left.
import * as assert from 'node:assert/strict';
import { Tally } from '../../server/src/index/tally';

/** The same sequence of numbers for every run, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function asMap(tally: Tally): Map<string, number> {
  return new Map([...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('Tally', () => {
  it('counts one key without a Map, and makes one for a second key', () => {
    const tally = new Tally();
    tally.add('Zinoviev');
    tally.add('Zinoviev');
    assert.equal(tally.size, 1);
    assert.equal(tally.get('Zinoviev'), 2);
    assert.equal((tally as unknown as { counts?: Map<string, number> }).counts, undefined);
    tally.add('Zinovyev');
    assert.deepEqual(
      asMap(tally),
      new Map([
        ['Zinoviev', 2],
        ['Zinovyev', 1],
      ]),
    );
    tally.add('Zinoviev', -1);
    tally.add('Zinoviev', -1);
    assert.deepEqual(asMap(tally), new Map([['Zinovyev', 1]]));
    assert.equal((tally as unknown as { counts?: Map<string, number> }).counts, undefined, 'one key left goes back to the fields');
    tally.set('Zinovyev', 0);
    assert.equal(tally.size, 0);
    assert.deepEqual([...tally.keys()], []);
  });

  it('a count taken from a key it does not hold changes nothing', () => {
    const tally = new Tally();
    tally.add('Kamenev');
    tally.add('Bukharin', -1);
    tally.set('Yagoda', 0);
    assert.deepEqual(asMap(tally), new Map([['Kamenev', 1]]));
  });

  it('agrees with a Map of counts over thousands of random adds, removals and sets', () => {
    const random = seeded(14);
    const keys = ['Kamenev', 'Zinoviev', 'Bukharin', 'Yagoda', 'Rykov'];
    for (let run = 0; run < 50; run++) {
      const tally = new Tally();
      const model = new Map<string, number>();
      for (let step = 0; step < 200; step++) {
        // Mostly one or two keys, as the index's tallies are.
        const key = keys[Math.floor(random() ** 3 * keys.length)];
        const choice = random();
        const count = choice < 0.5 ? (model.get(key) ?? 0) + 1 : choice < 0.9 ? (model.get(key) ?? 0) - 1 : Math.floor(random() * 3);
        if (choice < 0.5) tally.add(key);
        else if (choice < 0.9) tally.add(key, -1);
        else tally.set(key, count);
        if (count > 0) model.set(key, count);
        else model.delete(key);
        assert.deepEqual(asMap(tally), new Map([...model].sort(([a], [b]) => (a < b ? -1 : 1))), `run ${run}, step ${step}`);
        assert.equal(tally.size, model.size);
        for (const k of keys) {
          assert.equal(tally.get(k), model.get(k) ?? 0);
          assert.equal(tally.has(k), model.has(k));
        }
      }
    }
  });
});
