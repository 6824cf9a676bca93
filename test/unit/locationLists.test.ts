// Kept lists of references: a list gives back the locations it was built with, and the kept lists
// stay within their limit, the one asked for longest ago going first.
import * as assert from 'node:assert/strict';
import { LocationListBuilder, LocationLists, type LocationList } from '../../server/src/index/locationLists';
import type { Location } from '../../server/src/index/model';

function listOf(locations: Location[]): LocationList {
  const builder = new LocationListBuilder();
  let uri: string | undefined;
  for (const { uri: at, range } of locations) {
    if (at !== uri) builder.document((uri = at));
    builder.add(range.start.line, range.start.character, range.end.character);
  }
  return builder.build();
}

function place(uri: string, line: number, start: number, end: number): Location {
  return { uri, range: { start: { line, character: start }, end: { line, character: end } } };
}

describe('LocationLists', () => {
  it('gives back the locations a list was built with, in order', () => {
    const locations = [place('file:///a.md', 0, 0, 7), place('file:///a.md', 4, 10, 17), place('file:///b.txt', 2, 3, 9)];
    assert.deepEqual(listOf(locations).locations(), locations);
    assert.deepEqual(listOf([]).locations(), []);
  });

  it('keeps lists up to its limit of locations, dropping the one asked for longest ago', () => {
    const lists = new LocationLists(5);
    const two = (uri: string): LocationList => listOf([place(uri, 0, 0, 1), place(uri, 1, 0, 1)]);
    lists.keep('kamenev', two('file:///k.md'));
    lists.keep('zinoviev', two('file:///z.md'));
    assert.ok(lists.get('kamenev'), 'kept');
    // Five locations would be held with a third list of two: zinoviev, asked for longest ago, goes.
    lists.keep('bukharin', two('file:///b.md'));
    assert.equal(lists.get('zinoviev'), undefined);
    assert.ok(lists.get('kamenev') && lists.get('bukharin'));
    // A list beyond the limit is given back but not kept; forgetting one frees its room.
    const six = listOf(Array.from({ length: 6 }, (_, i) => place('file:///s.md', i, 0, 1)));
    assert.equal(lists.keep('stalin', six), six);
    assert.equal(lists.get('stalin'), undefined);
    lists.forget('kamenev');
    assert.equal(lists.get('kamenev'), undefined);
    lists.keep('yagoda', two('file:///y.md'));
    assert.equal(lists.size, 2);
  });
});
