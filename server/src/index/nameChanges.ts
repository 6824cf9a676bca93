// What changed in the names the notes define since the index last resolved, as the words a document
// must have looked up to be affected (see WordSignature): the index then resolves again only those
// documents, not every note of the folder.
import { skeleton } from '../notes/names';
import type { WordSignature } from './wordSignature';

/** A misspelling is matched against people whose names' skeletons are at most this many letters longer or shorter. */
export const FUZZY_LENGTH_SPREAD = 3;

export class NameChanges {
  /** A document is affected when it looked up every word of one of these. */
  private readonly wordSets: string[][] = [];
  private everything = false;

  /**
   * What `key` names changed: a document is affected if it holds the name's words (a name is found
   * only where all its words are), or, for a name of one word, the word with an `s` (`Stalins`).
   */
  key(key: string): void {
    const words = key.split(' ');
    this.wordSets.push(words);
    if (words.length === 1) this.wordSets.push([`${key}s`]);
  }

  /** A person of one word came, went or is spelt otherwise: the misspellings that may match them, too. */
  person(key: string): void {
    this.key(key);
    const { start, length } = shapeOf(key);
    for (let other = length - FUZZY_LENGTH_SPREAD; other <= length + FUZZY_LENGTH_SPREAD; other++)
      this.wordSets.push([shapeWord(start, other)]);
  }

  /** Anything may have changed (new knowledge, every note name forgotten). */
  all(): void {
    this.everything = true;
  }

  /** Whether a document whose resolution looked at `looked` may read differently now; true when unknown. */
  touches(looked: WordSignature | undefined): boolean {
    if (this.everything || !looked) return true;
    return this.wordSets.some((words) => words.every((word) => looked.mayHave(word)));
  }
}

/** What a fuzzy match of `key` against people's names adds to a document's signature: its shape. */
export function fuzzyLookupWord(key: string): string {
  const { start, length } = shapeOf(key);
  return shapeWord(start, length);
}

/** People's names are compared by their skeleton's first two letters and its length (see skeleton). */
export function shapeOf(key: string): { start: string; length: number } {
  const sound = skeleton(key);
  return { start: sound.slice(0, 2), length: sound.length };
}

/** A word no note has (keys hold no `~`). */
function shapeWord(start: string, length: number): string {
  return `~${start}${length}`;
}
