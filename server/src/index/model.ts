// The index's view of entities and where the notes name them.
import type { Range } from 'vscode-languageserver-types';
import type { KnownEntry } from '../knowledge/base';
import type { EntityKind, NoteDefinition } from '../notes/extract';

export interface Location {
  uri: string;
  range: Range;
}

export interface Entity {
  id: string;
  /** The knowledge base's kind, else the kind the notes first define it as. */
  kind: EntityKind;
  /** Canonical name: the knowledge base's, else the first spelling a note defines. */
  name: string;
  aliases: string[];
  knowledge?: KnownEntry;
}

export interface Mention {
  entityId: string;
  uri: string;
  range: Range;
  /** The words as written: `Zionev`, `Kirov's`, `Stalins`. */
  surface: string;
  /** Set when the surface is a misspelling: the spelling it should be (`Zinoviev`). */
  suggestion?: string;
}

export interface Definition extends Location {
  entityId: string;
  note: NoteDefinition;
}

/** What a name resolves to, and how. */
export interface NameTarget {
  id: string;
  /** The correct spelling to suggest when this name is a misspelling. */
  suggestion?: string;
  /** Other entities of the active packs written the same way (`Cromwell`: Thomas and Oliver); the year nearby chooses. */
  others?: readonly NameTarget[];
}
