// The words a document's resolution looked up, kept as a small Bloom filter: when the notes' names
// change, only the documents that may have looked at a changed name are resolved again. The filter
// may say "maybe" of a word the document never had, which costs one needless resolution; it never
// says "no" of one it had.
import { WordCache } from '../notes/strings';

/** Bits per word looked up: about a 2% chance of a needless "maybe" with three bits set per word. */
const BITS_PER_WORD = 8;
const HASHES = 3;

/** Takes the words a resolution looks up, as their hashes (see wordHash). */
export interface WordSink {
  add(hash: number): void;
}

export class WordSignatureBuilder implements WordSink {
  private readonly hashes: number[] = [];
  /** Lists added whole, kept as they are until built (a line's, from ResolutionMemo): never change them. */
  private readonly lists: (readonly number[])[] = [];

  add(hash: number): void {
    this.hashes.push(hash);
  }

  addAll(hashes: readonly number[]): void {
    this.lists.push(hashes);
  }

  build(): WordSignature {
    const count = this.lists.reduce((sum, list) => sum + list.length, this.hashes.length);
    let size = 64;
    while (size < count * BITS_PER_WORD) size *= 2;
    const bits = new Uint32Array(size / 32);
    const set = (bit: number): number => (bits[bit >>> 5] |= 1 << (bit & 31));
    for (const list of [this.hashes, ...this.lists]) for (const h of list) forEachBit(h, size, set);
    return new WordSignature(bits);
  }
}

export class WordSignature {
  constructor(private readonly bits: Uint32Array) {}

  /** False only when `hash` was never added. */
  mayHave(hash: number): boolean {
    let all = true;
    forEachBit(hash, this.bits.length * 32, (bit) => {
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) all = false;
    });
    return all;
  }
}

/** FNV-1a, one UTF-16 code unit at a time, from FNV_START; `>>> 0` ends it. */
export const FNV_START = 0x811c9dc5;
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Hashes by word: the same words recur in every note, and a map finds a word by a hash V8 keeps with it. */
const hashByWord = new WordCache<number>(200_000);

export function wordHash(word: string): number {
  const known = hashByWord.get(word);
  if (known !== undefined) return known;
  let h = FNV_START;
  for (let i = 0; i < word.length; i++) h = fnvStep(h, word.charCodeAt(i));
  return hashByWord.set(word, h >>> 0);
}

/** The bits a hash sets, by double hashing; `size` is a power of two. */
function forEachBit(h: number, size: number, visit: (bit: number) => void): void {
  const step = (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) | 1;
  for (let i = 0; i < HASHES; i++) visit((h + Math.imul(i, step)) & (size - 1));
}
