// Fuzzy search over entity names: prefixes and word starts rank first, one result per entity, and the
// same answers when a large index narrows the candidates by letter pairs first.
import * as assert from 'node:assert/strict';
import { EntitySearch, type SearchEntry } from '../../server/src/index/search';

const PEOPLE: SearchEntry[] = [
  { id: 'zinoviev', text: 'Grigory Zinoviev' },
  { id: 'zinoviev', text: 'Zinoviev' },
  { id: 'zinoviev', text: 'Zionev' },
  { id: 'bukharin', text: 'Nikolai Bukharin' },
  { id: 'bukharin', text: 'Bukharin' },
  { id: 'yagoda', text: 'Genrikh Yagoda' },
  { id: 'tukhachevsky', text: 'Mikhail Tukhachevsky' },
  { id: 'kamenev', text: 'Lev Kamenev' },
  { id: 'konev', text: 'Ivan Konev' },
  { id: 'kirov', text: 'Sergei Kirov' },
  { id: 'kirovs-murder', text: "Kirov's Murder" },
  { id: 'trial-of-the-16', text: 'Trial of the 16' },
  { id: 'trial-of-the-16', text: 'Zinoviev-Kamenev trial' },
  { id: 'trial-of-the-17', text: 'Trial of the 17' },
  { id: 'stalin', text: 'Joseph Stalin' },
  { id: 'stalingrad', text: 'Stalingrad' },
];

/** Many made-up surnames, enough to switch the search to narrowing by letter pairs. */
function filler(count: number): SearchEntry[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'va', 'be', 'di', 'go', 'pe'];
  const entries: SearchEntry[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
    entries.push({ id: `filler-${i}`, text: word[0].toUpperCase() + word.slice(1) + 'ov' });
  }
  return entries;
}

for (const [label, entries] of [
  ['a small index', PEOPLE],
  ['a large index (narrowed by letter pairs)', [...filler(2500), ...PEOPLE]],
] as const) {
  describe(`EntitySearch: ${label}`, () => {
    const search = new EntitySearch();
    search.rebuild(entries);

    it('ranks the entity whose name starts with the query first', () => {
      const cases: [string, string][] = [
        ['Zi', 'zinoviev'],
        ['zinov', 'zinoviev'],
        ['Bukh', 'bukharin'],
        ['Yag', 'yagoda'],
        ['tukh', 'tukhachevsky'],
        ['Kamen', 'kamenev'],
      ];
      for (const [query, id] of cases)
        assert.equal(search.search(query, 5)[0]?.id, id, `${query}: ${JSON.stringify(search.search(query, 5))}`);
    });

    it('matches an exact spelling with score 0, through case, accents and apostrophes', () => {
      const [first] = search.search('ZIONEV', 3);
      assert.deepEqual(first, { id: 'zinoviev', matched: 'Zionev', score: 0 });
      assert.equal(search.search('kirov’s murder', 3)[0]?.id, 'kirovs-murder');
      assert.equal(search.search('The Trial of the 16', 3)[0]?.id, 'trial-of-the-16');
    });

    it('finds a misspelling of a name it holds', () => {
      assert.equal(search.search('Zinovyev', 3)[0]?.id, 'zinoviev');
      assert.equal(search.search('Bukarin', 3)[0]?.id, 'bukharin');
      assert.equal(search.search('Tukachevsky', 3)[0]?.id, 'tukhachevsky');
    });

    it('returns one result per entity, best first, within the limit', () => {
      const results = search.search('zinoviev', 10);
      const ids = results.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length);
      for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score <= results[i].score);
      assert.ok(search.search('ov', 2).length <= 2);
    });

    it('returns nothing for an empty query or one that matches nothing', () => {
      assert.deepEqual(search.search('', 5), []);
      assert.deepEqual(search.search(' – ', 5), []);
      assert.deepEqual(search.search('qqqqxxxx', 5), []);
    });
  });
}

describe('EntitySearch: rebuilding', () => {
  it('forgets the old entries', () => {
    const search = new EntitySearch();
    search.rebuild(PEOPLE);
    assert.equal(search.search('Yagoda', 1)[0]?.id, 'yagoda');
    search.rebuild([{ id: 'robespierre', text: 'Robespierre' }]);
    assert.deepEqual(search.search('Yagoda', 5), []);
    assert.equal(search.search('Robesp', 1)[0]?.id, 'robespierre');
  });

  it('forgets the old entries when switching between small and large', () => {
    const search = new EntitySearch();
    search.rebuild([...filler(2500), ...PEOPLE]);
    assert.equal(search.search('Yagoda', 1)[0]?.id, 'yagoda');
    search.rebuild([{ id: 'danton', text: 'Danton' }]);
    assert.deepEqual(search.search('Yagoda', 5), []);
    assert.equal(search.search('Dant', 1)[0]?.id, 'danton');
  });

  it('built a slice at a time, answers as when built at once', () => {
    const entries = [...filler(6000), ...PEOPLE];
    const atOnce = new EntitySearch();
    atOnce.rebuild(entries);
    const sliced = new EntitySearch();
    sliced.startRebuild(entries);
    let slices = 0;
    while (sliced.continueRebuild(0)) slices++;
    assert.ok(slices >= 20, `built in ${slices} slices`);
    for (const query of ['Yagoda', 'zionev', 'Kalomi', 'Bukh', 'ka'])
      assert.deepEqual(sliced.search(query, 10), atOnce.search(query, 10), query);
    // A search before the last slice finishes the build first.
    const early = new EntitySearch();
    early.startRebuild(entries);
    assert.ok(early.continueRebuild(0));
    assert.deepEqual(early.search('Yagoda', 10), atOnce.search('Yagoda', 10));
  });

  it('reads its entries a slice at a time too, none before the first slice', () => {
    const entries = [...filler(6000), ...PEOPLE];
    let read = 0;
    const source = function* (): Generator<SearchEntry> {
      for (const entry of entries) {
        read++;
        yield entry;
      }
    };
    const sliced = new EntitySearch();
    sliced.startRebuild(source());
    assert.equal(read, 0);
    assert.ok(sliced.continueRebuild(0));
    assert.ok(read > 0 && read < entries.length, `${read} of ${entries.length} read in the first slice`);
    const atOnce = new EntitySearch();
    atOnce.rebuild(entries);
    assert.deepEqual(sliced.search('Yagoda', 10), atOnce.search('Yagoda', 10));
    assert.equal(read, entries.length);
  });
});
