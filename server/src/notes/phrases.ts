// The name-like phrases of one document, stored compactly: a big folder holds millions of words,
// so they live in flat arrays (interned texts, typed positions) rather than an object each.
import type { LineRuns } from './lineMemo';
import type { Word } from './names';
import { intern } from './strings';

/** One phrase as objects, for callers that want to look at it. */
export interface NamePhrase {
  line: number;
  words: Word[];
}

/** A word's capital may come from where it stands (a sentence's first word, a heading's), not from being a name. */
export const EXPOSED = 1;
/** The word follows `at`, `in`, `near`...: more likely a place (`at Lüneburg Heath`) than a misspelt person. */
export const AFTER_PLACE_PREPOSITION = 2;

export interface NamePhrasesParts {
  words: readonly string[];
  lines: Int32Array;
  starts: Int32Array;
  flags: Uint8Array;
  bounds: Int32Array;
}

export class NamePhrases {
  /** Every word of every phrase, in order. */
  readonly words: string[] = [];
  private lineList: number[] = [];
  private startList: number[] = [];
  private flagList: number[] = [];
  private boundList: number[] = [0];
  /** Per word: its line and the UTF-16 offset where it starts. */
  lines: Int32Array = new Int32Array(0);
  starts: Int32Array = new Int32Array(0);
  /** Per word: EXPOSED and AFTER_PLACE_PREPOSITION bits. */
  flags: Uint8Array = new Uint8Array(0);
  /** Phrase i is words[bounds[i]] up to words[bounds[i + 1]]. */
  bounds: Int32Array = new Int32Array(1);

  /** Adds one phrase: its words' texts, start offsets on `line` and flags. */
  add(line: number, texts: readonly string[], starts: readonly number[], flags: readonly number[]): void {
    for (let i = 0; i < texts.length; i++) {
      this.words.push(intern(texts[i]));
      this.lineList.push(line);
      this.startList.push(starts[i]);
      this.flagList.push(flags[i]);
    }
    this.boundList.push(this.words.length);
  }

  /** Adds the runs of one line, as a LineMemo keeps them: their words are interned already. */
  addRuns(line: number, runs: LineRuns): void {
    const { texts, starts, flags, bounds } = runs;
    for (let i = 0; i < texts.length; i++) {
      this.words.push(texts[i]);
      this.lineList.push(line);
      this.startList.push(starts[i]);
      this.flagList.push(flags[i]);
    }
    for (let r = 1; r < bounds.length; r++) this.boundList.push(this.words.length - texts.length + bounds[r]);
  }

  /** Moves what `add` collected into the typed arrays. */
  seal(): this {
    this.lines = Int32Array.from(this.lineList);
    this.starts = Int32Array.from(this.startList);
    this.flags = Uint8Array.from(this.flagList);
    this.bounds = Int32Array.from(this.boundList);
    this.lineList = [];
    this.startList = [];
    this.flagList = [];
    this.boundList = [];
    return this;
  }

  /** The sealed arrays, for keeping between sessions (see factsCache). */
  parts(): NamePhrasesParts {
    return { words: this.words, lines: this.lines, starts: this.starts, flags: this.flags, bounds: this.bounds };
  }

  /** Sealed phrases again from `parts`, whose words are interned already (see storedFacts' word table). */
  static fromParts(parts: NamePhrasesParts): NamePhrases {
    const phrases = new NamePhrases();
    for (const word of parts.words) phrases.words.push(word);
    phrases.lines = parts.lines;
    phrases.starts = parts.starts;
    phrases.flags = parts.flags;
    phrases.bounds = parts.bounds;
    phrases.boundList = [];
    return phrases;
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
      for (let w = this.bounds[p]; w < this.bounds[p + 1]; w++)
        words.push({ text: this.words[w], start: this.starts[w], end: this.end(w) });
      phrases.push({ line: this.lines[this.bounds[p]], words });
    }
    return phrases;
  }
}
