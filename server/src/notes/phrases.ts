// The name-like phrases of one document, stored compactly: a big folder holds millions of words,
// so they live in flat typed arrays (word numbers, positions) rather than an object each.
import type { LineRuns } from './lineMemo';
import type { Word } from './names';
import { wordNumber, wordText } from './wordNumbers';

/** One phrase as objects, for callers that want to look at it. */
export interface NamePhrase {
  line: number;
  words: Word[];
}

/** A word's capital may come from where it stands (a sentence's first word, a heading's), not from being a name. */
export const EXPOSED = 1;
/** The word follows `at`, `in`, `near`...: more likely a place (`at Lüneburg Heath`) than a misspelt person. */
export const AFTER_PLACE_PREPOSITION = 2;

/**
 * Phrases made of a LineMemo's runs (see fromLineRuns): those of each line with a phrase, in order. A
 * line whose runs are the same object as at the last reading has the very same phrases (see
 * ResolutionMemo). Kept beside the phrases, as bookkeeping rather than what they hold.
 */
const madeOfRuns = new WeakMap<NamePhrases, readonly LineRuns[]>();

export function runsOfLines(phrases: NamePhrases): readonly LineRuns[] | undefined {
  return madeOfRuns.get(phrases);
}

export interface NamePhrasesParts {
  /** Word numbers (see wordNumbers). */
  words: Int32Array;
  lines: Int32Array;
  starts: Int32Array;
  flags: Uint8Array;
  bounds: Int32Array;
}

export class NamePhrases {
  /** Every word of every phrase, in order, as word numbers (see wordNumbers; `word` gives the text). */
  words: Int32Array = new Int32Array(0);
  private wordList: number[] = [];
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
      this.wordList.push(wordNumber(texts[i]));
      this.lineList.push(line);
      this.startList.push(starts[i]);
      this.flagList.push(flags[i]);
    }
    this.boundList.push(this.wordList.length);
  }

  /** Moves what `add` collected into the typed arrays. */
  seal(): this {
    this.words = Int32Array.from(this.wordList);
    this.lines = Int32Array.from(this.lineList);
    this.starts = Int32Array.from(this.startList);
    this.flags = Uint8Array.from(this.flagList);
    this.bounds = Int32Array.from(this.boundList);
    this.wordList = [];
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

  /**
   * Sealed phrases of the runs a LineMemo keeps, line by line (their words are numbered already): the
   * arrays are made at their size at once, as a note being edited is read again at every edit.
   */
  static fromLineRuns(lines: readonly number[], runsByLine: readonly LineRuns[]): NamePhrases {
    let words = 0;
    let phraseCount = 0;
    for (const runs of runsByLine) {
      words += runs.words.length;
      phraseCount += runs.bounds.length - 1;
    }
    // One buffer for the five arrays, in locals while they are filled: a note being edited makes them at every edit.
    const buffer = new ArrayBuffer(4 * (3 * words + phraseCount + 1) + words);
    const wordNumbers = new Int32Array(buffer, 0, words);
    const wordLines = new Int32Array(buffer, 4 * words, words);
    const wordStarts = new Int32Array(buffer, 8 * words, words);
    const phraseBounds = new Int32Array(buffer, 12 * words, phraseCount + 1);
    const wordFlags = new Uint8Array(buffer, 4 * (3 * words + phraseCount + 1), words);
    let w = 0;
    let p = 1;
    runsByLine.forEach(({ words: numbers, starts, flags, bounds }, i) => {
      const first = w;
      const line = lines[i];
      for (let k = 0; k < numbers.length; k++, w++) {
        wordNumbers[w] = numbers[k];
        wordLines[w] = line;
        wordStarts[w] = starts[k];
        wordFlags[w] = flags[k];
      }
      for (let r = 1; r < bounds.length; r++) phraseBounds[p++] = first + bounds[r];
    });
    const phrases = new NamePhrases();
    phrases.words = wordNumbers;
    phrases.lines = wordLines;
    phrases.starts = wordStarts;
    phrases.flags = wordFlags;
    phrases.bounds = phraseBounds;
    phrases.boundList = [];
    madeOfRuns.set(phrases, runsByLine);
    return phrases;
  }

  /** Sealed phrases again from `parts` (see storedFacts). */
  static fromParts(parts: NamePhrasesParts): NamePhrases {
    const phrases = new NamePhrases();
    phrases.words = parts.words;
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

  /** The text of word `w`. */
  word(w: number): string {
    return wordText(this.words[w]);
  }

  /** The texts of words [from, to). */
  texts(from: number, to: number): string[] {
    const texts = new Array<string>(to - from);
    for (let w = from; w < to; w++) texts[w - from] = wordText(this.words[w]);
    return texts;
  }

  /** The end offset of word `w`. */
  end(w: number): number {
    return this.starts[w] + this.word(w).length;
  }

  [Symbol.iterator](): Iterator<NamePhrase> {
    return this.list()[Symbol.iterator]();
  }

  list(): NamePhrase[] {
    const phrases: NamePhrase[] = [];
    for (let p = 0; p < this.count; p++) {
      const words: Word[] = [];
      for (let w = this.bounds[p]; w < this.bounds[p + 1]; w++) words.push({ text: this.word(w), start: this.starts[w], end: this.end(w) });
      phrases.push({ line: this.lines[this.bounds[p]], words });
    }
    return phrases;
  }
}
