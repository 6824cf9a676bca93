// Fuzzy search over entity names with fuse.js. Fuse scans every entry per query, so at scale the
// candidates are first narrowed by shared letter pairs, then ranked by Fuse.
import Fuse from 'fuse.js';
import { nameKey } from '../notes/names';

export interface SearchEntry {
  id: string;
  text: string;
  /** nameKey(text), where the caller has it at hand: made again, it was half a rebuild's time at 10,000 notes. */
  key?: string;
}

export interface SearchResult {
  id: string;
  /** The name, alias or variant that matched. */
  matched: string;
  /** 0 is a perfect match, 1 no match (Fuse's score). */
  score: number;
}

const NARROW_ABOVE = 2000;
// Fuse scores every candidate it is given: a few hundred keep a query within a few milliseconds.
const MAX_CANDIDATES = 400;

export class EntitySearch {
  private entries: SearchEntry[] = [];
  /** Per entry, its text as nameKey makes it: what is searched. */
  private keys: string[] = [];
  /**
   * Letter pair (see letterPairs) → the entries whose key has it, in order. Built in two passes, the
   * pairs counted and then the arrays filled at their size, rather than lists of numbers grown and
   * copied into them: less garbage at 300,000 entries, where the collector took a third of a rebuild.
   */
  private postings = new Map<number, Int32Array>();
  /** While building: letter pair → how many entries have it (first pass), then how many its array holds so far. */
  private pairCounts = new Map<number, number>();
  /** Entries whose pairs are in their arrays (see continueRebuild). */
  private postedUpTo = 0;
  /** Per entry, how many of the query's letter pairs it shares: one array reused, zeroed after each query. */
  private shared = new Uint16Array(0);
  /** The entries a query reached, in the order it reached them: reused like `shared`. */
  private reached = new Int32Array(0);
  private whole?: Ranking;

  /** Entries not read yet (see continueRebuild). */
  private source?: Iterator<SearchEntry>;
  /** Entries whose letter pairs are not indexed yet (see continueRebuild). */
  private indexedUpTo = 0;

  /** How many names, aliases and variants it holds. */
  get size(): number {
    return this.entries.length;
  }

  rebuild(entries: readonly SearchEntry[]): void {
    this.startRebuild(entries);
    this.continueRebuild(Infinity);
  }

  /**
   * Takes new entries: continueRebuild (or the next search) reads them from `source` and makes
   * their keys and letter pairs. A host that changes what `source` reads starts again.
   */
  startRebuild(source: Iterable<SearchEntry>): void {
    this.source = source[Symbol.iterator]();
    this.entries = [];
    this.keys = [];
    this.postings.clear();
    this.pairCounts.clear();
    this.whole = undefined;
    this.indexedUpTo = 0;
    this.postedUpTo = 0;
  }

  /** Reads and indexes entries for about `budgetMs`; true while some are left. */
  continueRebuild(budgetMs: number): boolean {
    const started = performance.now();
    // All the entries first: whether to index letter pairs depends on how many there are.
    for (let next = this.source?.next(); next; next = this.source?.next()) {
      if (next.done) {
        this.source = undefined;
        this.shared = new Uint16Array(this.entries.length);
        break;
      }
      this.entries.push(next.value);
      if (this.entries.length % 256 === 0 && performance.now() - started > budgetMs) return true;
    }
    const { entries } = this;
    const narrow = entries.length > NARROW_ABOVE;
    // Each entry's key, and how many entries have each letter pair.
    while (this.indexedUpTo < entries.length) {
      const index = this.indexedUpTo++;
      const entry = entries[index];
      const key = (this.keys[index] = entry.key ?? nameKey(entry.text));
      if (narrow) for (const pair of letterPairs(key)) this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
      if (index % 256 === 255 && performance.now() - started > budgetMs) return true;
    }
    if (!narrow) return false;
    if (this.postings.size === 0) {
      for (const [pair, count] of this.pairCounts) {
        this.postings.set(pair, new Int32Array(count));
        this.pairCounts.set(pair, 0);
      }
    }
    // Each entry into the arrays of its pairs, in the entries' order.
    while (this.postedUpTo < entries.length) {
      const index = this.postedUpTo++;
      for (const pair of letterPairs(this.keys[index])) {
        const at = this.pairCounts.get(pair)!;
        this.postings.get(pair)![at] = index;
        this.pairCounts.set(pair, at + 1);
      }
      if (index % 256 === 255 && performance.now() - started > budgetMs) return this.postedUpTo < entries.length;
    }
    this.pairCounts.clear();
    return false;
  }

  search(query: string, limit: number): SearchResult[] {
    const key = nameKey(query);
    if (key === '') return [];
    this.continueRebuild(Infinity);
    const { fuse, entryOf } = this.entries.length > NARROW_ABOVE ? this.ranking(this.candidates(key)) : (this.whole ??= this.ranking());
    const best = new Map<string, SearchResult>();
    for (const result of fuse.search(key, { limit: limit * 4 })) {
      const index = entryOf[result.refIndex];
      const entry = this.entries[index];
      const score = adjust(result.score ?? 1, key, this.keys[index]);
      const previous = best.get(entry.id);
      if (!previous || score < previous.score) best.set(entry.id, { id: entry.id, matched: entry.text, score });
    }
    return [...best.values()].sort((a, b) => a.score - b.score).slice(0, limit);
  }

  /**
   * Fuse over the keys of the entries numbered `chosen` (every entry when not given), as plain
   * strings rather than the entries with a function reading each key: 500 completions at 10,000
   * notes took a median 1.5 ms against 2.0-2.3 (two alternated runs in one process), with the same
   * answers. Fuse numbers the strings it ranks (refIndex), and scores them as it scored the one key
   * of each object.
   */
  private ranking(chosen?: readonly number[]): Ranking {
    const entryOf = chosen ?? this.keys.map((_, index) => index);
    const keys = entryOf.map((index) => this.keys[index]);
    return { fuse: new Fuse(keys, { includeScore: true, ignoreLocation: true, threshold: 0.45, minMatchCharLength: 1 }), entryOf };
  }

  /** The entries sharing the most letter pairs with the query: the most first, ties in the order a pair first reached them. */
  private candidates(key: string): number[] {
    const pairs = letterPairs(key);
    const { shared } = this;
    if (this.reached.length < shared.length) this.reached = new Int32Array(shared.length);
    const { reached } = this;
    let reachedCount = 0;
    for (const pair of pairs) {
      const list = this.postings.get(pair);
      for (let i = 0; list && i < list.length; i++) if (shared[list[i]]++ === 0) reached[reachedCount++] = list[i];
    }
    const needed = Math.max(1, Math.ceil(pairs.length / 3));
    // How many entries share each count, then how many of each count make the first MAX_CANDIDATES.
    const perCount = new Int32Array(pairs.length + 1);
    for (let i = 0; i < reachedCount; i++) perCount[shared[reached[i]]]++;
    const room = new Int32Array(pairs.length + 1);
    let left = MAX_CANDIDATES;
    for (let count = pairs.length; count >= needed && left > 0; count--) {
      room[count] = Math.min(perCount[count], left);
      left -= room[count];
    }
    // One pass in the order reached fills each count's places (a counting sort, stable).
    const start = new Int32Array(pairs.length + 1);
    for (let count = pairs.length; count >= 1; count--) start[count - 1] = start[count] + room[count];
    const found = new Array<number>(start[needed - 1]);
    const filled = new Int32Array(pairs.length + 1);
    for (let i = 0; i < reachedCount; i++) {
      const index = reached[i];
      const count = shared[index];
      shared[index] = 0;
      if (filled[count] < room[count]) found[start[count] + filled[count]++] = index;
    }
    return found;
  }
}

/** Fuse over some entries' keys, and per string it ranks, its entry. */
interface Ranking {
  fuse: Fuse<string>;
  entryOf: readonly number[];
}

/** A name that starts with what was typed, or has a word that does, ranks first (`Zi` → Zinoviev). */
function adjust(score: number, query: string, key: string): number {
  if (key === query) return 0;
  if (key.startsWith(query)) return score * 0.1;
  if (key.split(' ').some((word) => word.startsWith(query))) return score * 0.3;
  return score;
}

/**
 * The key's letter pairs, a space before and after it, each once in the order first met: two UTF-16
 * code units in one number, so that no string is made per pair.
 */
function letterPairs(key: string): number[] {
  const pairs: number[] = [];
  let previous = SPACE;
  for (let i = 0; i <= key.length; i++) {
    const next = i < key.length ? key.charCodeAt(i) : SPACE;
    const pair = previous * 0x10000 + next;
    if (!pairs.includes(pair)) pairs.push(pair);
    previous = next;
  }
  return pairs;
}

const SPACE = 0x20;
