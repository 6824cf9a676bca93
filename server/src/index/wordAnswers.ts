// Answers about one word, kept by the word's number (see wordNumbers) while the names stay as they
// are: resolving a folder asks about the same words millions of times, and each ask looked the word's
// key up in maps of hundreds of thousands of names. A `state` tells: it is never 0, and differs
// whenever the names have changed since an answer was made.
import { withRoom } from '../notes/wordNumbers';

/** A count asked of nearly every word: kept in typed arrays, eight bytes a word. */
export class CountsByWord {
  /** Per word: the state its count was made at; 0 for none yet. */
  private stamps: Int32Array<ArrayBuffer> = new Int32Array(0);
  private counts: Int32Array<ArrayBuffer> = new Int32Array(0);

  constructor(private readonly make: (word: number) => number) {}

  count(word: number, state: number): number {
    if (word < this.stamps.length && this.stamps[word] === state) return this.counts[word];
    this.stamps = withRoom(this.stamps, word + 1);
    this.counts = withRoom(this.counts, word + 1);
    this.stamps[word] = state;
    return (this.counts[word] = this.make(word));
  }
}

/** An answer asked of fewer words (those that may start a name): kept for those only. */
export class AnswersByWord<T> {
  private state = 0;
  private readonly answers = new Map<number, T>();

  constructor(private readonly make: (word: number) => T) {}

  answer(word: number, state: number): T {
    if (state !== this.state) {
      this.answers.clear();
      this.state = state;
    }
    const known = this.answers.get(word);
    if (known !== undefined || this.answers.has(word)) return known as T;
    const answer = this.make(word);
    this.answers.set(word, answer);
    return answer;
  }
}
