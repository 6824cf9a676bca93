// The words of a note's phrases, kept as a small Bloom filter: when the notes' names change, only the
// notes that may hold a changed name's words are resolved again (see NameChanges). A name is found only
// where its words are, so the words say what resolving the note looked up. The filter may say "maybe"
// of a word the note never had, which costs one needless resolution; it never says "no" of one it had.
import { keyOfWord, withRoom } from '../notes/wordNumbers';

/**
 * At least this many bits per distinct word, four set per word: a needless "maybe" for 0.02-0.24% of
 * the words a note never had. A change of names asks about several words, and every note answers.
 */
const BITS_PER_WORD = 16;
const HASHES = 4;

export class WordSignature {
  private constructor(private readonly bits: Uint32Array) {}

  /** The signature of these word hashes (see wordHash). */
  static ofHashes(hashes: ArrayLike<number>): WordSignature {
    let size = 64;
    while (size < hashes.length * BITS_PER_WORD) size *= 2;
    const bits = new Uint32Array(size / 32);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      const step = stepOf(h);
      for (let k = 0; k < HASHES; k++) {
        const bit = (h + Math.imul(k, step)) & (size - 1);
        bits[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    return new WordSignature(bits);
  }

  /** The signature of distinct word numbers (see wordNumbers): their keys' hashes. */
  static ofWords(numbers: Int32Array): WordSignature {
    const hashes = new Uint32Array(numbers.length);
    for (let i = 0; i < numbers.length; i++) hashes[i] = hashOfWordNumber(numbers[i]);
    return WordSignature.ofHashes(hashes);
  }

  /** Whether any of the probe's words may have been added (see mayHave): their steps are worked out once for every note. */
  mayHaveAny(probe: WordProbe): boolean {
    const { hashes, steps } = probe;
    for (let i = 0; i < hashes.length; i++) if (this.hasBits(hashes[i], steps[i])) return true;
    return false;
  }

  /** False only when `hash` was never added. Called for every note and every word a change of names touches: no closure here. */
  mayHave(hash: number): boolean {
    return this.hasBits(hash, stepOf(hash));
  }

  private hasBits(hash: number, step: number): boolean {
    const { bits } = this;
    const mask = bits.length * 32 - 1;
    for (let k = 0; k < HASHES; k++) {
      const bit = (hash + Math.imul(k, step)) & mask;
      if ((bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Words to look for in every note's signature (see mayHaveAny). */
export class WordProbe {
  readonly hashes: Int32Array;
  readonly steps: Int32Array;

  constructor(hashes: readonly number[]) {
    this.hashes = Int32Array.from(hashes);
    this.steps = this.hashes.map(stepOf);
  }
}

/** FNV-1a of the word, one UTF-16 code unit at a time: notes' words are hashed once each, by number (below). */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** By word number: its key's hash as a signed 32-bit number, once made (0 for not yet: a key whose hash is 0 is hashed each time). */
let hashesByNumber = new Int32Array(1024);

function hashOfWordNumber(number: number): number {
  hashesByNumber = withRoom(hashesByNumber, number + 1);
  return (hashesByNumber[number] ||= wordHash(keyOfWord(number))) >>> 0;
}

/** A hash sets bits h, h + step, h + 2 step... (double hashing), modulo the filter's size, a power of two. */
function stepOf(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) | 1;
}
