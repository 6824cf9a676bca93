// The young generation collected on request when nearly full, in this very process (see youngCollection).
import * as assert from 'node:assert/strict';
import { getHeapSpaceStatistics } from 'node:v8';
import { youngCollector } from '../../server/src/youngCollection';

function young(): { used: number; available: number; nearlyFull: boolean } {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
  const [used, available] = [space.space_used_size, space.space_available_size];
  return { used, available, nearlyFull: available < 0.2 * (used + available) };
}

/** Where the garbage goes: kept in reach of the test, so it is really made. */
const garbage: unknown[][] = [];

describe('youngCollector', () => {
  const collect = youngCollector();

  it('is available in a plain Node process', () => {
    assert.equal(typeof collect, 'function');
  });

  it('collects a nearly full young generation, and leaves one with room alone', () => {
    // Fill the young generation with garbage until a fifth is left (V8 may collect on its own meanwhile: go on).
    for (let tries = 0; tries < 10_000 && !young().nearlyFull; tries++) garbage[0] = Array.from({ length: 500 }, (_, i) => ({ i }));
    const before = young();
    assert.ok(before.nearlyFull, `${before.available} bytes left of ${before.used + before.available}`);
    collect!();
    const after = young();
    assert.ok(after.used < before.used / 2, `${before.used} bytes used before, ${after.used} after`);
    // Just collected: plenty of room, nothing to do.
    collect!();
    assert.ok(young().used >= after.used);
  });
});
