// The string maps the index keeps its words in: a map in shards answers as one Map would.
import * as assert from 'node:assert/strict';
import { ShardedStringMap } from '../../server/src/notes/strings';
import { Random } from '../support/random';

describe('strings', () => {
  it('keeps in shards what one Map keeps, through sets, replacements and a clear', () => {
    const random = new Random(7);
    const sharded = new ShardedStringMap<number>();
    const plain = new Map<string, number>();
    // Short and long keys, repeated keys, the empty string, and letters beyond ASCII.
    const keys = Array.from(
      { length: 3000 },
      () => random.pick(['', 'a', 'Kamenev', 'zinoviev', 'Łódź', 'x'.repeat(random.int(1, 40))]) + random.int(0, 500),
    );
    keys.push('');
    for (const [i, key] of keys.entries()) {
      sharded.set(key, i);
      plain.set(key, i);
      assert.equal(sharded.size, plain.size, `size after setting ${JSON.stringify(key)}`);
    }
    for (const key of [...plain.keys(), 'never set', 'Bukharin']) assert.equal(sharded.get(key), plain.get(key), key);
    sharded.clear();
    assert.equal(sharded.size, 0);
    assert.equal(sharded.get(keys[0]), undefined);
  });
});
