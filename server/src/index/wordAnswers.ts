// An answer about one word, kept by the word's number (see wordNumbers) while the names stay as they
// are: resolving a folder asks about the same words millions of times, and each ask looked the word's
// key up in maps of hundreds of thousands of names.
import { withRoom } from '../notes/wordNumbers';

export class WordAnswers<T> {
  /** Per word: the names' state its answer was made at; 0 for none yet. */
  private stamps: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Kept without holes, so the array stays a plain list (see answer). */
  private readonly answers: T[] = [];

  constructor(private readonly make: (word: number) => T) {}

  /** `state` is never 0, and differs whenever the names have changed since an answer was made. */
  answer(word: number, state: number): T {
    if (word < this.stamps.length && this.stamps[word] === state) return this.answers[word];
    this.stamps = withRoom(this.stamps, word + 1);
    const answer = this.make(word);
    while (this.answers.length <= word) this.answers.push(answer);
    this.stamps[word] = state;
    this.answers[word] = answer;
    return answer;
  }
}
