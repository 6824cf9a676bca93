// Every distinct word of the notes gets a number, kept while the server runs. A note's phrases hold
// their words as these numbers, four bytes each in a typed array the garbage collector never walks,
// rather than a pointer each (4.3 million words at 10,000 notes); and a word's key is kept by number.
import { foldedWordKey } from './names';
import { SplitMap } from './splitMap';
import { detach } from './strings';

const numbers = new SplitMap<number>();
const texts: string[] = [];
/** By number: the word's key once asked for (see keyOfWord), else undefined. */
const keys: (string | undefined)[] = [];

/** `standalone`: the word is a string of its own (a text table's), not a piece of a note's text to copy out. */
export function wordNumber(word: string, standalone = false): number {
  let number = numbers.get(word);
  if (number === undefined) {
    const kept = standalone ? word : detach(word);
    numbers.set(kept, (number = texts.length));
    texts.push(kept);
    keys.push(undefined);
  }
  return number;
}

export function wordText(number: number): string {
  return texts[number];
}

/** The word's key (see wordKey), made once per word and kept here rather than in wordKey's cache too. */
export function keyOfWord(number: number): string {
  let key = keys[number];
  if (key === undefined) keys[number] = key = foldedWordKey(texts[number]);
  return key;
}

/**
 * The word numbers of the texts `numbered` numbers in `table` (a kept index's or a worker's text
 * table); undefined when one is no number of the table or no word. Each text of a table is looked up
 * once, however many notes use it.
 */
export function wordNumbersAt(table: readonly string[], numbered: unknown): Int32Array | undefined {
  if (!(numbered instanceof Int32Array)) return undefined;
  const known = numbersOfTable(table);
  const words = new Int32Array(numbered.length);
  for (let i = 0; i < numbered.length; i++) {
    const at = numbered[i];
    if (!(at >= 0 && at < table.length)) return undefined;
    let number = known[at];
    if (number === -1) {
      const text = table[at];
      if (typeof text !== 'string' || text === '') return undefined;
      known[at] = number = wordNumber(text, true);
    }
    words[i] = number;
  }
  return words;
}

/** Per table, the word number of each of its texts looked up so far (-1 for not yet); a worker's table grows. */
const tables = new WeakMap<readonly string[], Int32Array<ArrayBuffer>>();

function numbersOfTable(table: readonly string[]): Int32Array {
  const before = tables.get(table);
  const known = withRoom(before ?? new Int32Array(0), table.length, -1);
  if (known !== before) tables.set(table, known);
  return known;
}

/**
 * `array` when it holds `length` items, else a copy at least twice as long (a table by word number
 * grows a word at a time), its new items `fill`.
 */
export function withRoom(array: Int32Array<ArrayBuffer>, length: number, fill = 0): Int32Array<ArrayBuffer> {
  if (array.length >= length) return array;
  const grown = new Int32Array(Math.max(length, 2 * array.length));
  if (fill !== 0) grown.fill(fill, array.length);
  grown.set(array);
  return grown;
}

/** Per word number, the last call of distinctWords that met it: a note's words are told apart without a set. */
let lastSeen = new Int32Array(1024);
let calls = 0;

/** The word numbers of `words`, each once, in the order first met. */
export function distinctWords(words: Int32Array): Int32Array {
  lastSeen = withRoom(lastSeen, texts.length);
  const call = ++calls;
  const distinct: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const number = words[i];
    if (lastSeen[number] === call) continue;
    lastSeen[number] = call;
    distinct.push(number);
  }
  return Int32Array.from(distinct);
}
