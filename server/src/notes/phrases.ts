// The name-like phrases of one document, stored compactly: a big folder holds millions of words,
// so they live in flat arrays (interned texts, typed positions) rather than an object each.
import type { Word } from './names';

/** One phrase as objects, for callers that want to look at it. */
export interface NamePhrase {
  line: number;
  words: Word[];
}

/** Interned word texts: the same name in ten thousand notes is one string. */
const interned = new Map<string, string>();

function intern(text: string): string {
  let known = interned.get(text);
  if (known === undefined) {
    // A copy, so the interned string does not keep its whole line alive.
    known = (' ' + text).slice(1);
    interned.set(known, known);
  }
  return known;
}

export class NamePhrases {
  /** Every word of every phrase, in order. */
  readonly words: string[] = [];
  private lineList: number[] = [];
  private startList: number[] = [];
  private boundList: number[] = [0];
  /** Per word: its line and the UTF-16 offset where it starts. */
  lines = new Int32Array(0);
  starts = new Int32Array(0);
  /** Phrase i is words[bounds[i]] up to words[bounds[i + 1]]. */
  bounds = new Int32Array(1);

  add(line: number, words: readonly Word[]): void {
    for (const word of words) {
      this.words.push(intern(word.text));
      this.lineList.push(line);
      this.startList.push(word.start);
    }
    this.boundList.push(this.words.length);
  }

  /** Moves what `add` collected into the typed arrays. */
  seal(): this {
    this.lines = Int32Array.from(this.lineList);
    this.starts = Int32Array.from(this.startList);
    this.bounds = Int32Array.from(this.boundList);
    this.lineList = [];
    this.startList = [];
    this.boundList = [];
    return this;
  }

  get count(): number {
    return this.bounds.length - 1;
  }

  /** The end offset of word `w`. */
  end(w: number): number {
    return this.starts[w] + this.words[w].length;
  }

  [Symbol.iterator](): Iterator<NamePhrase> {
    return this.list()[Symbol.iterator]();
  }

  list(): NamePhrase[] {
    const phrases: NamePhrase[] = [];
    for (let p = 0; p < this.count; p++) {
      const words: Word[] = [];
      for (let w = this.bounds[p]; w < this.bounds[p + 1]; w++) words.push({ text: this.words[w], start: this.starts[w], end: this.end(w) });
      phrases.push({ line: this.lines[this.bounds[p]], words });
    }
    return phrases;
  }
}
