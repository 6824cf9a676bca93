// The merged knowledge: the bundled file first, then the user's files, whose fields replace those of
// a bundled entry with the same id (aliases add up). Checks that every id a file refers to exists.
import type { Range } from 'vscode-languageserver-types';
import type { KnowledgeEntry, KnowledgeFile } from './model';

export interface KnownEntry {
  entry: KnowledgeEntry;
  uri: string;
  range: Range;
}

export class KnowledgeBase {
  readonly entries = new Map<string, KnownEntry>();

  /** Files in order of precedence, lowest first (the bundled one). */
  constructor(readonly files: readonly KnowledgeFile[]) {
    for (const file of files) {
      for (const entry of file.entries) {
        const earlier = this.entries.get(entry.id)?.entry;
        this.entries.set(entry.id, { entry: earlier ? merge(earlier, entry) : entry, uri: file.uri, range: file.locations.get(entry.id)! });
      }
    }
    this.reportUnknownReferences();
  }

  get(id: string): KnownEntry | undefined {
    return this.entries.get(id);
  }

  private reportUnknownReferences(): void {
    for (const file of this.files) {
      for (const entry of file.entries) {
        for (const id of [...(entry.related ?? []), ...(entry.defendants ?? [])]) {
          if (!this.entries.has(id)) {
            file.problems.push({
              message: `"${entry.id}" refers to "${id}", which no knowledge file defines.`,
              range: file.locations.get(entry.id)!,
              severity: 'warning',
            });
          }
        }
      }
    }
  }
}

/** A later entry's fields win; aliases add up, and a spelling a user accepts stops being a misspelling. */
function merge(earlier: KnowledgeEntry, later: KnowledgeEntry): KnowledgeEntry {
  const aliases = [...new Set([...(earlier.aliases ?? []), ...(later.aliases ?? [])])];
  const accepted = new Set(aliases.map((a) => a.toLowerCase()));
  const misspellings = [...new Set([...(earlier.misspellings ?? []), ...(later.misspellings ?? [])])].filter((m) => !accepted.has(m.toLowerCase()));
  return { ...earlier, ...later, aliases, misspellings };
}
