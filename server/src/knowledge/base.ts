// The merged knowledge: the bundled packs first, then the user's files, whose fields replace those of
// a bundled entry with the same id (aliases add up). Checks that every id a file refers to exists.
import type { Range } from 'vscode-languageserver-types';
import type { KnowledgeEntry, KnowledgeFile, KnowledgeProblem } from './model';

export interface KnownEntry {
  entry: KnowledgeEntry;
  uri: string;
  range: Range;
  /** Which file each field was last given by: a card says where every fact comes from. */
  origins: Partial<Record<keyof KnowledgeEntry, FactOrigin>>;
}

/** A knowledge file an entry's field comes from, with the entry's own `source` (a book, a page). */
export interface FactOrigin {
  uri: string;
  range: Range;
  /** The file's `name`, e.g. "Soviet Union 1917-1953". */
  title?: string;
  bundled: boolean;
  reference?: string;
}

export class KnowledgeBase {
  readonly entries = new Map<string, KnownEntry>();
  /** Per file URI: ids it refers to that no file defines. Kept here, so a file's own problems stay its own. */
  readonly referenceProblems = new Map<string, KnowledgeProblem[]>();

  /**
   * Files in order of precedence, lowest first (the bundled packs). With `active`, a bundled entry
   * takes part only if its id is in it; the user's own entries always do.
   */
  constructor(
    readonly files: readonly KnowledgeFile[],
    active?: ReadonlySet<string>,
  ) {
    const all = new Map<string, KnownEntry>();
    const users = new Set<string>();
    for (const file of files) {
      for (const entry of file.entries) {
        const earlier = all.get(entry.id);
        const range = file.locations.get(entry.id)!;
        const origin: FactOrigin = { uri: file.uri, range, title: file.title, bundled: file.bundled, reference: entry.source };
        const origins = { ...earlier?.origins };
        for (const field of Object.keys(entry) as (keyof KnowledgeEntry)[]) origins[field] = origin;
        all.set(entry.id, { entry: earlier ? merge(earlier.entry, entry) : entry, uri: file.uri, range, origins });
        if (!file.bundled) users.add(entry.id);
      }
    }
    for (const [id, known] of all) if (!active || active.has(id) || users.has(id)) this.entries.set(id, known);
    this.reportUnknownReferences(all);
  }

  get(id: string): KnownEntry | undefined {
    return this.entries.get(id);
  }

  /** A file's own problems and those of its references, for diagnostics and the CLI. */
  problemsOf(file: KnowledgeFile): KnowledgeProblem[] {
    return [...file.problems, ...(this.referenceProblems.get(file.uri) ?? [])];
  }

  /** References are checked against every pack, active or not. */
  private reportUnknownReferences(all: ReadonlyMap<string, KnownEntry>): void {
    for (const file of this.files) {
      const problems: KnowledgeProblem[] = [];
      for (const id of file.includes) {
        if (!all.has(id))
          problems.push({
            message: `The pack includes "${id}", which no knowledge file defines.`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            severity: 'warning',
          });
      }
      for (const entry of file.entries) {
        for (const id of [...(entry.related ?? []), ...(entry.defendants ?? [])]) {
          if (!all.has(id))
            problems.push({
              message: `"${entry.id}" refers to "${id}", which no knowledge file defines.`,
              range: file.locations.get(entry.id)!,
              severity: 'warning',
            });
        }
      }
      if (problems.length > 0) this.referenceProblems.set(file.uri, problems);
    }
  }
}

/** A later entry's fields win; aliases add up, and a spelling a user accepts stops being a misspelling. */
function merge(earlier: KnowledgeEntry, later: KnowledgeEntry): KnowledgeEntry {
  const aliases = [...new Set([...(earlier.aliases ?? []), ...(later.aliases ?? [])])];
  const accepted = new Set(aliases.map((a) => a.toLowerCase()));
  const misspellings = [...new Set([...(earlier.misspellings ?? []), ...(later.misspellings ?? [])])].filter(
    (m) => !accepted.has(m.toLowerCase()),
  );
  return { ...earlier, ...later, aliases, misspellings };
}
