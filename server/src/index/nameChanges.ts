// What changed in the names the notes define since the index last resolved, as the words a note must
// hold to be affected (see WordSignature): the index then resolves again only those notes, not every
// note of the folder.
import { skeleton } from '../notes/names';
import { WordProbe, wordHash, type WordSignature } from './wordSignature';

/** A misspelling is matched against people whose names' skeletons are at most this many letters longer or shorter. */
export const FUZZY_LENGTH_SPREAD = 3;

export class NameChanges {
  /** A document is affected when it looked up every word of one of these (as hashes, see wordHash)... */
  private readonly wordSets: number[][] = [];
  /** ...or any of these: a change of hundreds of one-word names holds mostly these, asked of every note at once. */
  private readonly words: number[] = [];
  private probe?: WordProbe;
  private everything = false;

  /**
   * What `key` names changed: a document is affected if it holds the name's words (a name is found
   * only where all its words are), or, for a name of one word, the word with an `s` (`Stalins`).
   */
  key(key: string): void {
    // Every document is affected already: nothing to note (all the notes' names come after new knowledge).
    if (this.everything) return;
    const words = key.split(' ');
    if (words.length === 1) this.addWords([key, `${key}s`]);
    else this.wordSets.push(words.map(wordHash));
  }

  /**
   * A person of one word came, went or is spelt otherwise: also the notes that asked about words whose
   * fuzzy match may be them (`nearby`, see NameTable.askedNear), each word being in the notes' signatures.
   * `nearby` is called only when needed: new knowledge defines every note's people again.
   */
  person(key: string, nearby: () => readonly string[]): void {
    if (this.everything) return;
    this.key(key);
    this.addWords(nearby());
  }

  private addWords(words: readonly string[]): void {
    for (const word of words) this.words.push(wordHash(word));
    this.probe = undefined;
  }

  /** Anything may have changed (new knowledge, every note name forgotten). */
  all(): void {
    this.everything = true;
  }

  /** Whether a note with these words (see WordSignature) may read differently now; true when they are not known. */
  touches(words: WordSignature | undefined): boolean {
    if (this.everything || !words) return true;
    this.probe ??= new WordProbe(this.words);
    if (words.mayHaveAny(this.probe)) return true;
    // Loops, not some/every: a change of hundreds of names asks this of every note.
    for (const set of this.wordSets) {
      let all = true;
      for (let i = 0; i < set.length && all; i++) all = words.mayHave(set[i]);
      if (all) return true;
    }
    return false;
  }
}

/** People's names are compared by their skeleton's first two letters and its length (see skeleton). */
export function shapeOf(key: string): { start: string; length: number } {
  const sound = skeleton(key);
  return { start: sound.slice(0, 2), length: sound.length };
}
