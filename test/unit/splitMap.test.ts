// A SplitMap must answer as one Map would, for every text a note can hold, while its texts spread
// over its parts (all of them in one part would grow as slowly as a single Map).
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { SplitMap } from '../../server/src/notes/splitMap';
import { SAMPLES } from '../support/paths';

function sampleWords(): string[] {
  const words = new Set<string>();
  for (const file of readdirSync(SAMPLES)) {
    if (!/\.(md|txt)$/.test(file)) continue;
    for (const word of readFileSync(path.join(SAMPLES, file), 'utf8').split(/\s+/)) words.add(word);
  }
  return [...words];
}

describe('SplitMap', () => {
  it('answers as a Map, odd texts included', () => {
    const texts = [...sampleWords(), '', 'a', 'Ж', '—', '😀', '\ud83d', 'Trial of the 16', 'trial of the 16'];
    const split = new SplitMap<number>();
    const map = new Map<string, number>();
    texts.forEach((text, i) => {
      split.set(text, i);
      map.set(text, i);
    });
    // Set again: the value changes, the size does not.
    for (const text of texts.slice(0, 50)) {
      split.set(text, -1);
      map.set(text, -1);
    }
    assert.equal(split.size, map.size);
    for (const [text, value] of map) assert.equal(split.get(text), value, JSON.stringify(text));
    assert.equal(split.get('a word no note has'), undefined);
  });

  it('spreads the words of notes over its parts', () => {
    const words = sampleWords();
    assert.ok(words.length > 500, `${words.length} words`);
    const split = new SplitMap<boolean>();
    for (const word of words) split.set(word, true);
    const sizes = (split as unknown as { parts: Map<string, boolean>[] }).parts.map((part) => part.size);
    const fair = words.length / sizes.length;
    assert.ok(
      Math.max(...sizes) < 3 * fair,
      `the largest part holds ${Math.max(...sizes)} of ${words.length} (a fair share is ${fair.toFixed(0)})`,
    );
    assert.ok(sizes.filter((size) => size > 0).length === sizes.length, `parts used: ${sizes.filter((size) => size > 0).length}`);
  });
});
