// Strings the index keeps for as long as a note is indexed. A substring of a note can share the
// note's whole text in V8 (a sliced or cons string), so kept strings are copied out; names repeat
// across notes, so those are also interned (a phrase's words are numbered instead: see wordNumbers).
import { SplitMap } from './splitMap';

/** Interned texts: the same name in ten thousand notes is one string. */
const interned = new SplitMap<string>();

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
  private readonly answers = new Map<string, V>();

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

const BEYOND_ONE_BYTE = /[\u0100-\uffff]/;

/** A flat copy of `text` that holds on to nothing else. */
export function detach(text: string): string {
  // A copy of a piece of a text that needs two bytes a character (a dash, a curly quote anywhere in
  // the note) takes two bytes a character too, whatever it holds; through a buffer it takes one.
  if (!BEYOND_ONE_BYTE.test(text)) return Buffer.from(text, 'latin1').toString('latin1');
  // Concatenating then slicing makes V8 build a new flat string of the right length.
  return (' ' + text).slice(1);
}
