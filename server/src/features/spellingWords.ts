// The words of the names students write, for Code Spell Checker, which otherwise underlines every
// Zinoviev and Robespierre: the active packs' names and aliases and the names the notes define.
// Never the misspellings a pack lists, nor the small lower-case words inside names (`of`, `von`).
import type { NotesIndex } from '../index/notesIndex';

/** A run of letters with apostrophes inside (`O'Neill`); hyphens part words, as spell checkers read them. */
const WORD = /\p{L}(?:[\p{L}'’]*\p{L})?/gu;

export function spellingWords(index: NotesIndex): string[] {
  const names: string[] = [];
  for (const { entry } of index.knowledgeBase.entries.values()) names.push(entry.name, ...(entry.aliases ?? []));
  for (const entity of index.entities()) if (!entity.knowledge) names.push(entity.name, ...entity.aliases);
  const words = new Set<string>();
  for (const name of names)
    for (const word of name.match(WORD) ?? []) if (word.length > 1 && word[0] !== word[0].toLowerCase()) words.add(word);
  return [...words].sort();
}
