// Messages between the History Notes client and server beyond standard LSP. The client bundles
// this file too, so both sides share one definition of each message.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Location, Range } from 'vscode-languageserver-types';

export type EntityKindName = 'person' | 'trial' | 'cause' | 'event' | 'organisation' | 'place';

export interface IndexCounts {
  notes: number;
  entities: number;
  people: number;
  trials: number;
  causes: number;
  events: number;
}

export interface IndexReadyParams extends IndexCounts {
  /** How long the first index took. */
  durationMs: number;
  /** Files that could not be indexed, with why. */
  skipped: { path: string; reason: string }[];
}

/** Sent from the server to the client once the first index of the workspace is complete. */
export namespace IndexReadyNotification {
  export const method: 'historyNotes/indexReady' = 'historyNotes/indexReady';
  export const type = new NotificationType<IndexReadyParams>(method);
}

export interface IndexChangedParams extends IndexCounts {
  /** Grows with every change, so a client can drop stale answers. */
  version: number;
}

/** Sent from the server to the client when notes or knowledge changed the index (debounced). */
export namespace IndexChangedNotification {
  export const method: 'historyNotes/indexChanged' = 'historyNotes/indexChanged';
  export const type = new NotificationType<IndexChangedParams>(method);
}

export interface EntityItem {
  id: string;
  kind: EntityKindName;
  /** Every kind the entity has, in the knowledge base or the notes (an event listed as a cause). */
  kinds: EntityKindName[];
  name: string;
  /** Short dates for a list: `1883–1936`, `1936`. */
  dates?: string;
  /** A sortable date (YYYY, YYYY-MM or YYYY-MM-DD), for a timeline. */
  sortDate?: string;
  /** The hover card, as Markdown (escaped, not trusted). */
  card: string;
  definition?: Location;
  mentions: number;
  documents: number;
}

export interface EntitiesParams {
  /** Only these kinds; all when absent. */
  kinds?: EntityKindName[];
}

export interface EntitiesResult {
  version: number;
  entities: EntityItem[];
}

/** Sent from the client to the server: the entities the notes define or mention, for the sidebar. */
export namespace EntitiesRequest {
  export const method: 'historyNotes/entities' = 'historyNotes/entities';
  export const type = new RequestType<EntitiesParams, EntitiesResult, void>(method);
}

export interface MentionItem {
  uri: string;
  range: Range;
  /** The text of the line the mention is on, trimmed. */
  lineText: string;
  /** A short, readable excerpt around the mention (Markdown markers dropped), for a list. */
  preview: string;
  /** Where the name is in `preview`: [start, end). */
  previewHighlight: [number, number];
  /** Whether this is where the notes define the entity. */
  isDefinition: boolean;
}

export interface MentionsParams {
  id: string;
}

/** Sent from the client to the server: where the notes define and mention one entity, with each line's text. */
export namespace MentionsRequest {
  export const method: 'historyNotes/mentions' = 'historyNotes/mentions';
  export const type = new RequestType<MentionsParams, MentionItem[], void>(method);
}

/** Commands the server executes (`workspace/executeCommand`). */
export const Commands = {
  /** Arguments: [variant: string, entityId: string]. Adds a spelling to the user's knowledge file as an alias. */
  acceptVariant: 'historyNotes.server.acceptVariant',
} as const;
