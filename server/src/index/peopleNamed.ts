// Which of the knowledge packs' people the notes name, counted per document from the phrases (no
// resolving), so the server can tell which periods the notes are about, inactive packs included.
// Only exact names count: a full name, an alias, or a surname that is no ordinary word; never a
// misspelling or a fuzzy match, so ordinary prose turns no pack on.
import { createHash } from 'node:crypto';
import { isCapitalised } from '../notes/names';
import { keyOfWord, wordText } from '../notes/wordNumbers';
import type { LineRuns } from '../notes/lineMemo';
import { runsOfLines, type NamePhrases } from '../notes/phrases';

export class PeopleNamed {
  /** Name key → person id (see packPersonNames). */
  private names = new Map<string, string>();
  /** First word of a name key → the most words a name starting with it has. */
  private longest = new Map<string, number>();
  private byDocument = new Map<string, readonly string[]>();
  /** Person id → how many documents name them. */
  private documents = new Map<string, number>();
  private namesFingerprint?: string;
  /** What each line's runs named, and under which names (see namedIn). */
  private byRuns = new WeakMap<LineRuns, { generation: number; people: readonly string[] }>();
  /** Counts the calls to setNames. */
  private generation = 0;

  setNames(names: Map<string, string>, phrasesByDocument: Iterable<[string, NamePhrases]>): void {
    this.names = names;
    this.generation++;
    this.namesFingerprint = undefined;
    this.longest.clear();
    for (const key of names.keys()) {
      const words = key.split(' ');
      this.longest.set(words[0], Math.max(this.longest.get(words[0]) ?? 0, words.length));
    }
    this.byDocument.clear();
    this.documents.clear();
    for (const [uri, phrases] of phrasesByDocument) this.set(uri, phrases);
  }

  /** A digest of the names it counts: equal digests, equal people for the same phrases (see KeptFingerprints). */
  fingerprint(): string {
    this.namesFingerprint ??= createHash('sha256')
      .update(JSON.stringify([...this.names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
      .digest('hex');
    return this.namesFingerprint;
  }

  /** The people a document names, as counted. */
  of(uri: string): readonly string[] {
    return this.byDocument.get(uri) ?? [];
  }

  set(uri: string, phrases: NamePhrases): void {
    if (this.names.size === 0) return this.delete(uri);
    const people = new Set<string>();
    const runsByLine = runsOfLines(phrases);
    if (runsByLine) {
      // A note being edited: most lines' runs are those of the last edit, and so are the people they name.
      for (const runs of runsByLine) for (const id of this.namedIn(runs)) people.add(id);
    } else this.addNamed(phrases.words, phrases.bounds, people);
    this.setPeople(uri, [...people]);
  }

  /** The people one line's runs name, in order, looked up while the names are the same. */
  private namedIn(runs: LineRuns): readonly string[] {
    const known = this.byRuns.get(runs);
    if (known?.generation === this.generation) return known.people;
    const people = new Set<string>();
    this.addNamed(runs.words, runs.bounds, people);
    const named = [...people];
    this.byRuns.set(runs, { generation: this.generation, people: named });
    return named;
  }

  /**
   * Adds to `people` those named in phrases of `words` (word numbers, see wordNumbers) bounded by
   * `bounds` (phrase i: bounds[i] to bounds[i + 1]).
   */
  private addNamed(words: ArrayLike<number>, bounds: ArrayLike<number>, people: Set<string>): void {
    for (let p = 0; p + 1 < bounds.length; p++) {
      for (let w = bounds[p]; w < bounds[p + 1]; w++) {
        if (!isCapitalised(wordText(words[w]))) continue;
        const id = this.nameAt(words, w, bounds[p + 1]);
        if (id) people.add(id);
      }
    }
  }

  /** The people a document names, counted before under the same names (see fingerprint); the list is kept as it is. */
  setPeople(uri: string, people: readonly string[]): void {
    this.delete(uri);
    if (people.length === 0) return;
    this.byDocument.set(uri, people);
    for (const id of people) this.documents.set(id, (this.documents.get(id) ?? 0) + 1);
  }

  /** The person whose longest name starts at word `w` (before `end`), if any. */
  private nameAt(words: ArrayLike<number>, w: number, end: number): string | undefined {
    const first = keyOfWord(words[w]);
    const most = Math.min(this.longest.get(first) ?? 0, end - w);
    let key = first;
    let found = most >= 1 ? this.names.get(first) : undefined;
    for (let length = 2; length <= most; length++) {
      key += ` ${keyOfWord(words[w + length - 1])}`;
      found = this.names.get(key) ?? found;
    }
    return found;
  }

  delete(uri: string): void {
    for (const id of this.byDocument.get(uri) ?? []) {
      const left = this.documents.get(id)! - 1;
      if (left > 0) this.documents.set(id, left);
      else this.documents.delete(id);
    }
    this.byDocument.delete(uri);
  }

  isNamed(personId: string): boolean {
    return this.documents.has(personId);
  }
}
