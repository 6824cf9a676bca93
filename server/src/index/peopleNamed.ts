// Which of the knowledge packs' people the notes name, counted per document from the raw words
// (no resolving), so the server can tell which periods the notes are about, inactive packs included.
import { wordKey } from '../notes/names';
import type { NamePhrases } from '../notes/phrases';

export class PeopleNamed {
  /** Word key → person id (see packPersonWords). */
  private words = new Map<string, string>();
  /** Word as written → person id or null; words are interned, so this stays as small as the vocabulary. */
  private cache = new Map<string, string | null>();
  private byDocument = new Map<string, string[]>();
  /** Person id → how many documents name them. */
  private documents = new Map<string, number>();

  setWords(words: Map<string, string>, phrasesByDocument: Iterable<[string, NamePhrases]>): void {
    this.words = words;
    this.cache.clear();
    this.byDocument.clear();
    this.documents.clear();
    for (const [uri, phrases] of phrasesByDocument) this.set(uri, phrases);
  }

  set(uri: string, phrases: NamePhrases): void {
    this.delete(uri);
    if (this.words.size === 0) return;
    const people = new Set<string>();
    for (const word of phrases.words) {
      let id = this.cache.get(word);
      if (id === undefined) this.cache.set(word, (id = this.words.get(wordKey(word)) ?? null));
      if (id) people.add(id);
    }
    if (people.size === 0) return;
    this.byDocument.set(uri, [...people]);
    for (const id of people) this.documents.set(id, (this.documents.get(id) ?? 0) + 1);
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
