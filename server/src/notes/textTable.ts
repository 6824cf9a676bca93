// The texts a kept index shares among its notes (words, names, keys, entity ids): the table holds
// each once, and a note's record numbers into it, so a text is written and read once
// rather than once per use (see workspace/factsCache).
import { grownToHold } from './grownArray';
import { wordText } from './wordNumbers';

/** The table as records are written: each text's number, given on first sight (the entity table numbers documents so too). */
export class TextNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly list: string[] = [];
  /**
   * Per word number (see wordNumbers), its text's number here plus one (0 for not yet): a phrase's words
   * are numbered by an array's look-up, not by hashing each word's text again.
   */
  private byWord: Int32Array = new Int32Array(1024);

  number(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      this.numbers.set(text, (number = this.list.length));
      this.list.push(text);
    }
    return number;
  }

  numbered(texts: readonly string[]): Int32Array {
    const numbered = new Int32Array(texts.length);
    for (let i = 0; i < texts.length; i++) numbered[i] = this.number(texts[i]);
    return numbered;
  }

  /** The numbers of the words `words` numbers (see wordNumbers). */
  numberedWords(words: Int32Array): Int32Array {
    const numbered = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) numbered[i] = this.numberOfWord(words[i]);
    return numbered;
  }

  private numberOfWord(word: number): number {
    this.byWord = grownToHold(this.byWord, word + 1);
    const known = this.byWord[word];
    if (known > 0) return known - 1;
    const number = this.number(wordText(word));
    this.byWord[word] = number + 1;
    return number;
  }

  /** The text numbered `number`. */
  text(number: number): string {
    return this.list[number];
  }

  /** The table, text number i at i, from text number `from` on. */
  texts(from = 0): string[] {
    return this.list.slice(from);
  }

  get size(): number {
    return this.list.length;
  }
}

/**
 * The table as read back; undefined when it is not a list of texts. Its texts are fresh flat strings,
 * each once. A kept index's one table is used as it is (interning its 411,881 texts at 10,000 notes
 * took a quarter of a second and saved nothing); the workers' tables hold the same words each, and
 * ExtractorPool interns them.
 */
export function textTableFromStored(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value) || !value.every((text) => typeof text === 'string')) return undefined;
  return value;
}

/** A number for an optional text: -1 for none. */
export function optionalNumber(texts: TextNumbers, text: string | undefined): number {
  return text === undefined ? -1 : texts.number(text);
}

/** The texts `numbers` number, when it is an Int32Array of numbers of the table; else undefined. */
export function textsAt(table: readonly string[], numbers: unknown): string[] | undefined {
  if (!(numbers instanceof Int32Array)) return undefined;
  const texts = new Array<string>(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] < 0 || numbers[i] >= table.length) return undefined;
    texts[i] = table[numbers[i]];
  }
  return texts;
}

/** The text numbered `number`: undefined for -1 (none), null when it is no number of the table. */
export function textAt(table: readonly string[], number: unknown): string | undefined | null {
  if (number === -1) return undefined;
  return Number.isInteger(number) && (number as number) >= 0 && (number as number) < table.length ? table[number as number] : null;
}
