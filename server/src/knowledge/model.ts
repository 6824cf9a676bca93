// What a knowledge file holds, once read and checked (see data/knowledge.schema.json).
import type { Range } from 'vscode-languageserver-types';
import type { EntityKind } from '../notes/extract';

export interface Role {
  title: string;
  from?: string;
  to?: string;
}

export interface KnowledgeEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  summary?: string;
  born?: string;
  died?: string;
  date?: string;
  endDate?: string;
  roles?: Role[];
  fate?: string;
  defendants?: string[];
  charges?: string;
  verdict?: string;
  related?: string[];
  source?: string;
}

/** A problem found in a knowledge file, with where it is. */
export interface KnowledgeProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface KnowledgeFile {
  uri: string;
  /** The file's own `name` ("Soviet Union 1917-1953"). */
  title?: string;
  /** The part of history a bundled pack belongs to (`Britain`), for lists of packs. */
  theme?: string;
  /** A bundled pack's `id`. */
  packId?: string;
  /** Ids of other packs' entities that belong to this one too. */
  includes: string[];
  entries: KnowledgeEntry[];
  /** Where each entry's `name` is written, for go-to-definition into the file. */
  locations: Map<string, Range>;
  problems: KnowledgeProblem[];
  bundled: boolean;
}
