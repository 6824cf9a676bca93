// The lower-case words the knowledge's names of several words are made of (`february`, `revolution`,
// `long`, `knives`): the notes scanner lets them form runs, so `the february revolution` and `the
// night of the long knives` are found as written, not only in title case. People are left out: a
// person's name in lower case is no name.
import { wordsOf } from '../notes/names';
import type { KnowledgeFile } from './model';

export function nameVocabulary(files: readonly KnowledgeFile[]): Set<string> {
  const words = new Set<string>();
  for (const file of files) {
    for (const entry of file.entries) {
      if (entry.kind === 'person') continue;
      for (const name of [entry.name, ...(entry.aliases ?? [])]) {
        const parts = wordsOf(name);
        if (parts.length < 2) continue;
        for (const part of parts) if (!/\d/.test(part.text)) words.add(part.text.toLowerCase());
      }
    }
  }
  return words;
}
