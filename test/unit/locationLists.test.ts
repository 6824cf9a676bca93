// Kept lists of references: a list gives back the locations it was made from, and the kept lists
// are the long ones, within their limit, the one asked for longest ago going first.
import * as assert from 'node:assert/strict';
import { LocationList, LocationLists } from '../../server/src/index/locationLists';
import type { Location } from '../../server/src/index/model';

function place(uri: string, line: number, start: number, end: number): Location {
  return { uri, range: { start: { line, character: start }, end: { line, character: end } } };
}

/** `count` locations in one note, a line each. */
function inNote(uri: string, count: number): Location[] {
  return Array.from({ length: count }, (_, line) => place(uri, line, 0, 7));
}

describe('LocationLists', () => {
  it('gives back the locations a list was made from, in order', () => {
    const locations = [place('file:///a.md', 0, 0, 7), place('file:///a.md', 4, 10, 17), place('file:///b.txt', 2, 3, 9)];
    assert.deepEqual(LocationList.of(locations).locations(), locations);
    assert.deepEqual(LocationList.of([]).locations(), []);
  });

  it('keeps long lists up to its limit of locations, dropping the one asked for longest ago', () => {
    const lists = new LocationLists(5, 2);
    lists.keep('kamenev', inNote('file:///k.md', 2));
    lists.keep('zinoviev', inNote('file:///z.md', 2));
    assert.deepEqual(lists.get('kamenev')?.locations(), inNote('file:///k.md', 2));
    // Six locations would be held with a third list of two: zinoviev, asked for longest ago, goes.
    lists.keep('bukharin', inNote('file:///b.md', 2));
    assert.equal(lists.get('zinoviev'), undefined);
    assert.ok(lists.get('kamenev') && lists.get('bukharin'));
    // Too long or too short to keep; forgetting one frees its room.
    lists.keep('stalin', inNote('file:///s.md', 6));
    lists.keep('yagoda', inNote('file:///y.md', 1));
    assert.equal(lists.get('stalin'), undefined);
    assert.equal(lists.get('yagoda'), undefined);
    lists.forget('kamenev');
    assert.equal(lists.get('kamenev'), undefined);
    lists.keep('rykov', inNote('file:///r.md', 3));
    assert.equal(lists.size, 2);
  });
});
