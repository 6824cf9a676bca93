// Strings the index keeps for as long as a note is indexed. A substring of a note can share the
// note's whole text in V8 (a sliced or cons string), so kept strings are copied out; words and names
// repeat across notes, so those are also interned.

/**
 * A map from strings in shards. A Map grows by copying itself whole into one twice its size: at
 * 260,000 words that copy took 35-45 ms in one go, a pause a student would feel while the first
 * index runs; a shard holds a 64th of the words, and copies only those.
 */
export class ShardedStringMap<V> {
  private static readonly SHARDS = 64;
  private readonly shards = Array.from({ length: ShardedStringMap.SHARDS }, () => new Map<string, V>());
  private count = 0;

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  set(key: string, value: V): void {
    const shard = this.shardOf(key);
    const had = shard.size;
    shard.set(key, value);
    this.count += shard.size - had;
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    for (const shard of this.shards) shard.clear();
    this.count = 0;
  }

  /** By length and first and last letters: cheap, and spread enough for words. */
  private shardOf(key: string): Map<string, V> {
    const n = key.length;
    const mix = n === 0 ? 0 : key.charCodeAt(0) * 7 + key.charCodeAt(n - 1) * 13 + n * 31;
    return this.shards[mix & (ShardedStringMap.SHARDS - 1)];
  }
}

/** Interned texts: the same name in ten thousand notes is one string. */
const interned = new ShardedStringMap<string>();

export function intern(text: string): string {
  let known = interned.get(text);
  if (known === undefined) {
    known = detach(text);
    interned.set(known, known);
  }
  return known;
}

/**
 * Answers by word, kept for when the word comes again: bounded (emptied when full), so words no note
 * holds any more cannot grow it for ever, and keyed by copies, so it keeps no note's text alive.
 */
export class WordCache<V> {
  private readonly answers = new ShardedStringMap<V>();

  constructor(private readonly limit: number) {}

  get(word: string): V | undefined {
    return this.answers.get(word);
  }

  /** Keeps `answer` for `word`, and returns it. */
  set(word: string, answer: V): V {
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(detach(word), answer);
    return answer;
  }
}

/** A flat copy of `text` that holds on to nothing else. */
export function detach(text: string): string {
  // Concatenating then slicing makes V8 build a new flat string of the right length.
  return (' ' + text).slice(1);
}
