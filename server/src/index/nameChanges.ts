// What changed in the names the notes define since the index last resolved, as the words a document
// must have looked up to be affected (see WordSignature): the index then resolves again only those
// documents, not every note of the folder.
import { skeleton } from '../notes/names';
import { FNV_START, fnvStep, wordHash, type WordSignature } from './wordSignature';

/** A misspelling is matched against people whose names' skeletons are at most this many letters longer or shorter. */
export const FUZZY_LENGTH_SPREAD = 3;

export class NameChanges {
  /** A document is affected when it looked up every word of one of these (as hashes, see wordHash). */
  private readonly wordSets: number[][] = [];
  private everything = false;

  /**
   * What `key` names changed: a document is affected if it holds the name's words (a name is found
   * only where all its words are), or, for a name of one word, the word with an `s` (`Stalins`).
   */
  key(key: string): void {
    // Every document is affected already: nothing to note (all the notes' names come after new knowledge).
    if (this.everything) return;
    const words = key.split(' ');
    this.wordSets.push(words.map(wordHash));
    if (words.length === 1) this.wordSets.push([wordHash(`${key}s`)]);
  }

  /** A person of one word came, went or is spelt otherwise: the misspellings that may match them, too. */
  person(key: string): void {
    if (this.everything) return;
    this.key(key);
    const sound = skeleton(key);
    for (let other = sound.length - FUZZY_LENGTH_SPREAD; other <= sound.length + FUZZY_LENGTH_SPREAD; other++)
      this.wordSets.push([shapeHash(sound, other)]);
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

/** What a fuzzy match of `key` against people's names looked at: their shape (see NameTable.fuzzyPerson). */
export function fuzzyLookupHash(key: string): number {
  const sound = skeleton(key);
  return shapeHash(sound, sound.length);
}

/** People's names are compared by their skeleton's first two letters and its length (see skeleton). */
export function shapeOf(key: string): { start: string; length: number } {
  const sound = skeleton(key);
  return { start: sound.slice(0, 2), length: sound.length };
}

/** The hash of a shape: the first two letters of `sound` and `length`, after a `~` no word key has. */
function shapeHash(sound: string, length: number): number {
  let h = fnvStep(FNV_START, 0x7e);
  for (let i = 0; i < Math.min(2, sound.length); i++) h = fnvStep(h, sound.charCodeAt(i));
  return fnvStep(h, length) >>> 0;
}
