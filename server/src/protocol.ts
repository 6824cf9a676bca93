// Messages between the History Notes client and server beyond standard LSP. The client bundles
// this file too, so both sides share one definition of each message.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Location, Range } from 'vscode-languageserver-types';
import type { PackState } from './knowledge/packs';

export type { PackState } from './knowledge/packs';
export type { EntityKind } from './notes/definition';
import type { EntityKind } from './notes/definition';

/** The `code` of each diagnostic the server publishes. */
export const DiagnosticCodes = {
  /** `Zionev: did you mean Zinoviev?`; data: { written, suggestion, entityId }. */
  misspeltName: 'misspelt-name',
  /** A year that contradicts the knowledge or the notes; data: { written, recorded?, entityId }. */
  chronology: 'chronology',
  /** A person said to act after their death. */
  afterDeath: 'after-death',
} as const;

export interface IndexCounts {
  notes: number;
  entities: number;
  people: number;
  trials: number;
  causes: number;
  events: number;
  /** Every bundled knowledge pack: whether it is on, and why. */
  packs: PackState[];
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
  kind: EntityKind;
  /** Every kind the entity has, in the knowledge base or the notes (an event listed as a cause). */
  kinds: EntityKind[];
  name: string;
  /** Short dates for a list: `1883–1936`, `1936`. */
  dates?: string;
  /** A sortable date (YYYY, YYYY-MM or YYYY-MM-DD), for a timeline. */
  sortDate?: string;
  /** What a list sorts it by: a person's surname first (`Kamenev Lev Kamenev`), else the name. */
  sortName: string;
  /** The hover card, as Markdown (escaped, not trusted). */
  card: string;
  definition?: Location;
  mentions: number;
  documents: number;
}

export interface EntitiesParams {
  /** Only these kinds; all when absent. */
  kinds?: EntityKind[];
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

export interface TimelineParams {
  /** A note's or a folder's URI: only what the notes under it define or mention. The whole workspace when absent. */
  scope?: string;
}

export interface TimelineItem {
  id: string;
  kind: EntityKind;
  name: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: an event's or trial's date, a person's birth. */
  start: string;
  /** The end of a span: an event's end, a person's death. Absent for a point or an unknown end. */
  end?: string;
  /** Where the dates come from: `knowledge` (a pack or the user's file) or `notes` (a year written in them). */
  dateSource: 'knowledge' | 'notes';
  /** The hover card, as Markdown (escaped, not trusted). */
  card: string;
  /** Where clicking it goes: its definition in the notes, else the knowledge entry. */
  definition?: Location;
}

export interface TimelineResult {
  version: number;
  items: TimelineItem[];
}

/** Sent from the client to the server: the dated entities, for the timeline panel. */
export namespace TimelineRequest {
  export const method: 'historyNotes/timeline' = 'historyNotes/timeline';
  export const type = new RequestType<TimelineParams, TimelineResult, void>(method);
}

export interface CoverageParams {
  /** The essay's URI. */
  uri: string;
}

export interface CoverageItem {
  id: string;
  name: string;
  kind: EntityKind;
  /** How many times the essay names it. */
  mentions: number;
  /** Where the notes define it: clicking an unused one goes there. */
  definition?: Location;
}

export interface CoverageGroup {
  kind: EntityKind;
  /** `Causes of the Great Terror`, or `Causes` when the notes have several such sections. */
  title: string;
  used: CoverageItem[];
  unused: CoverageItem[];
  /** `4 of 5 causes of the Great Terror used`. */
  summary: string;
  /** How many of the group's items the essay uses, and how many there are. */
  usedCount: number;
  total: number;
}

export interface CoverageResult {
  version: number;
  /** Whether the document is an essay (front matter `essay: true`, or under a folder in `historyNotes.essays`). */
  essay: boolean;
  groups: CoverageGroup[];
}

/** Sent from the client to the server: what the notes hold that an essay uses or leaves out. */
export namespace CoverageRequest {
  export const method: 'historyNotes/coverage' = 'historyNotes/coverage';
  export const type = new RequestType<CoverageParams, CoverageResult, void>(method);
}

/** Sent from the client to the server: a revision sheet for the workspace or one folder, as Markdown. */
export namespace RevisionSheetRequest {
  export const method: 'historyNotes/revisionSheet' = 'historyNotes/revisionSheet';
  export const type = new RequestType<TimelineParams, { markdown: string }, void>(method);
}

/** Sent from the client to the server: the words of the names in play, for Code Spell Checker's dictionary. */
export namespace SpellingWordsRequest {
  export const method: 'historyNotes/spellingWords' = 'historyNotes/spellingWords';
  export const type = new RequestType<object, { words: string[] }, void>(method);
}

/** Where a knowledge entry the notes do not define opens: a read-only page with its card, not the pack's JSON. */
export const KNOWLEDGE_CARD_SCHEME = 'history-notes-card';

/** `history-notes-card:/stalin.md` for the entry `stalin`. */
export function knowledgeCardUri(id: string): string {
  return `${KNOWLEDGE_CARD_SCHEME}:/${encodeURIComponent(id)}.md`;
}

/** The entry id a card page shows, or undefined for any other URI. */
export function knowledgeCardId(uri: string): string | undefined {
  const match = new RegExp(`^${KNOWLEDGE_CARD_SCHEME}:/([^/]+)\\.md$`).exec(uri);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export interface KnowledgeCardResult {
  /** The card as Markdown, with the notes that mention the entry. Empty when no entry has the id. */
  markdown: string;
  /** The entry in its knowledge file, for those who want the JSON. */
  source?: Location;
}

/** Sent from the client to the server: the page a knowledge entry opens as. */
export namespace KnowledgeCardRequest {
  export const method: 'historyNotes/knowledgeCard' = 'historyNotes/knowledgeCard';
  export const type = new RequestType<{ id: string }, KnowledgeCardResult, void>(method);
}
