// The words a document's resolution looked up, kept as a small Bloom filter: when the notes' names
// change, only the documents that may have looked at a changed name are resolved again. The filter
// may say "maybe" of a word the document never had, which costs one needless resolution; it never
// says "no" of one it had.

/** Bits per word looked up: about a 2% chance of a needless "maybe" with three bits set per word. */
const BITS_PER_WORD = 8;
const HASHES = 3;

/** Takes the words a resolution looks up. */
export interface WordSink {
  add(word: string): void;
}

export class WordSignatureBuilder implements WordSink {
  private readonly hashes: number[] = [];

  add(word: string): void {
    this.hashes.push(hash(word));
  }

  build(): WordSignature {
    let size = 64;
    while (size < this.hashes.length * BITS_PER_WORD) size *= 2;
    const bits = new Uint32Array(size / 32);
    for (const h of this.hashes) forEachBit(h, size, (bit) => (bits[bit >>> 5] |= 1 << (bit & 31)));
    return new WordSignature(bits);
  }
}

export class WordSignature {
  constructor(private readonly bits: Uint32Array) {}

  /** False only when `word` was never added. */
  mayHave(word: string): boolean {
    let all = true;
    forEachBit(hash(word), this.bits.length * 32, (bit) => {
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) all = false;
    });
    return all;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The bits a hash sets, by double hashing; `size` is a power of two. */
function forEachBit(h: number, size: number, visit: (bit: number) => void): void {
  const step = (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) | 1;
  for (let i = 0; i < HASHES; i++) visit((h + Math.imul(i, step)) & (size - 1));
}
