// The workspace index: every document's definitions and mentions, entities by id, and lookups by
// name. Replacing one document's text changes only what that document contributed; mentions are
// re-resolved lazily, and all documents only when what a name means has changed.
import type { Position, Range } from 'vscode-languageserver-types';
import { KnowledgeBase } from '../knowledge/base';
import { ENTITY_KINDS, extractFacts, type EntityKind, type NotesFacts } from '../notes/extract';
import type { NotesFormat } from '../notes/model';
import { nameKey } from '../notes/names';
import { parseNotes } from '../notes/parse';
import { splitLines } from '../notes/spans';
import type { Definition, Entity, Location, Mention } from './model';
import type { DocumentMentions } from './mentions';
import { NameTable, mostUsed } from './nameTable';
import { definitionId, resolvePhrases } from './resolve';
import { EntitySearch, type SearchResult } from './search';

interface IndexedDocument {
  uri: string;
  facts: NotesFacts;
  definitions: Definition[];
  /** Undefined until resolved. */
  mentions?: DocumentMentions;
}

interface NoteEntity {
  kind: EntityKind;
  /** Spellings the notes define it by, with how often. */
  forms: Map<string, number>;
}

const RELATED_SAMPLE = 25;
const KIND_BIT: Record<EntityKind, number> = { person: 1, trial: 2, cause: 4, event: 8, organisation: 16, place: 32 };

export interface Related {
  id: string;
  relation: 'defendant' | 'trial' | 'person' | 'related';
}

export class NotesIndex {
  private readonly names = new NameTable();
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly noteEntities = new Map<string, NoteEntity>();
  /** Entity id → the documents that mention it → how often. */
  private readonly mentionCounts = new Map<string, Map<string, number>>();
  private readonly definitionsById = new Map<string, Map<string, Definition[]>>();
  private resolvedGeneration = -1;
  private stale = new Set<string>();
  /**
   * Queries over the whole index resolve every stale document first when there are at most this
   * many; beyond that they answer from what is resolved while the host resolves the rest in slices
   * (`resolveSome`), so one edit that renames something never blocks a big workspace.
   */
  syncResolveLimit = Infinity;
  private readonly search = new EntitySearch();
  private searchGeneration = -1;
  /** Bumped by every change, so callers can tell whether anything moved. */
  version = 0;

  constructor(private knowledge: KnowledgeBase = new KnowledgeBase([])) {
    this.names.setKnowledge(knowledge);
  }

  get knowledgeBase(): KnowledgeBase {
    return this.knowledge;
  }

  setKnowledge(knowledge: KnowledgeBase): void {
    this.knowledge = knowledge;
    this.names.setKnowledge(knowledge);
    // Which entity a definition means depends on the knowledge base: redo every document's definitions.
    for (const document of this.documents.values()) {
      this.forgetDefinitions(document);
      document.definitions = this.defineAll(document.uri, document.facts);
    }
    this.version++;
  }

  setDocument(uri: string, text: string, format: NotesFormat): void {
    const lines = splitLines(text);
    const facts = extractFacts(lines, parseNotes(text, format));
    const previous = this.documents.get(uri);
    // The new definitions go in before the old ones come out: a name the note still defines never
    // drops to zero, so an ordinary edit does not change what names mean for the other notes.
    const definitions = this.defineAll(uri, facts);
    if (previous) {
      this.forgetDefinitions(previous);
      this.forgetMentions(previous);
    }
    this.documents.set(uri, { uri, facts, definitions });
    this.stale.add(uri);
    this.version++;
  }

  removeDocument(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    this.forgetDefinitions(document);
    this.forgetMentions(document);
    this.documents.delete(uri);
    this.stale.delete(uri);
    this.version++;
    return true;
  }

  hasDocument(uri: string): boolean {
    return this.documents.has(uri);
  }

  get documentCount(): number {
    return this.documents.size;
  }

  documentUris(): string[] {
    return [...this.documents.keys()];
  }

  // ---- queries: each brings the mentions up to date first

  entity(id: string): Entity | undefined {
    const known = this.knowledge.get(id);
    if (known) {
      const { entry } = known;
      return { id, kind: entry.kind, name: entry.name, aliases: entry.aliases ?? [], knowledge: known };
    }
    const noted = this.noteEntities.get(id);
    if (!noted) return undefined;
    return { id, kind: noted.kind, name: mostUsed(noted.forms), aliases: [] };
  }

  /** Every entity the notes define or mention. */
  entities(): Entity[] {
    this.ensureResolved();
    const ids = new Set([...this.definitionsById.keys(), ...this.mentionCounts.keys()]);
    return [...ids].map((id) => this.entity(id)).filter((e): e is Entity => e !== undefined);
  }

  /** How many entities the notes define or mention, in all and by kind (an entity counts under each of its kinds). */
  kindCounts(): { entities: number; byKind: Record<EntityKind, number> } {
    this.ensureResolved();
    const byKind: Record<EntityKind, number> = { person: 0, trial: 0, cause: 0, event: 0, organisation: 0, place: 0 };
    let entities = 0;
    // Kinds as bits, so counting 100,000 entities allocates nothing per entity.
    const count = (id: string): void => {
      const primary = this.knowledge.get(id)?.entry.kind ?? this.noteEntities.get(id)?.kind;
      if (!primary) return;
      entities++;
      let bits = KIND_BIT[primary];
      const byDocument = this.definitionsById.get(id);
      if (byDocument) for (const list of byDocument.values()) for (const d of list) bits |= KIND_BIT[d.note.kind];
      for (const kind of ENTITY_KINDS) if (bits & KIND_BIT[kind]) byKind[kind]++;
    };
    for (const id of this.definitionsById.keys()) count(id);
    for (const id of this.mentionCounts.keys()) if (!this.definitionsById.has(id)) count(id);
    return { entities, byKind };
  }

  /** The kinds the notes give an entity (a knowledge event listed under causes is also a cause). */
  noteKinds(id: string): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    for (const list of this.definitionsById.get(id)?.values() ?? []) for (const d of list) kinds.add(d.note.kind);
    return kinds;
  }

  noteDefinitions(id: string): Definition[] {
    return [...(this.definitionsById.get(id)?.values() ?? [])].flat().sort(byLocation);
  }

  /** Where an entity is defined: in the notes, else in its knowledge file. */
  definitionLocations(id: string): Location[] {
    const inNotes = this.noteDefinitions(id);
    if (inNotes.length > 0) return inNotes.map(({ uri, range }) => ({ uri, range }));
    const known = this.knowledge.get(id);
    return known ? [{ uri: known.uri, range: known.range }] : [];
  }

  mentions(id: string): Mention[] {
    this.ensureResolved();
    const mentions: Mention[] = [];
    for (const uri of this.mentionCounts.get(id)?.keys() ?? []) mentions.push(...(this.documents.get(uri)?.mentions?.all(id) ?? []));
    return mentions.sort(byLocation);
  }

  mentionCount(id: string): { mentions: number; documents: number } {
    this.ensureResolved();
    const byDocument = this.mentionCounts.get(id);
    let mentions = 0;
    for (const count of byDocument?.values() ?? []) mentions += count;
    return { mentions, documents: byDocument?.size ?? 0 };
  }

  mentionsIn(uri: string): Mention[] {
    this.ensureResolved(uri);
    return this.documents.get(uri)?.mentions?.all() ?? [];
  }

  definitionsIn(uri: string): Definition[] {
    return this.documents.get(uri)?.definitions ?? [];
  }

  /** The entity named at a position: a mention there, else a definition's term around it. */
  at(uri: string, position: Position): { entityId: string; range: Range; mention?: Mention } | undefined {
    this.ensureResolved(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const mentions = document.mentions;
    for (let i = 0; mentions && i < mentions.count; i++) {
      if (mentions.line(i) === position.line && mentions.startCharacter(i) <= position.character && position.character <= mentions.endCharacter(i)) {
        const mention = mentions.mention(i);
        return { entityId: mention.entityId, range: mention.range, mention };
      }
    }
    const definition = document.definitions.find((d) => contains(d.range, position));
    return definition && { entityId: definition.entityId, range: definition.range };
  }

  /** Misspellings of the entity's name found in the notes. */
  variants(id: string): string[] {
    this.ensureResolved();
    const seen = new Set<string>();
    for (const uri of this.mentionCounts.get(id)?.keys() ?? []) {
      const mentions = this.documents.get(uri)?.mentions;
      for (const i of mentions?.suggestions.keys() ?? []) if (mentions!.ids[i] === id) seen.add(mentions!.mention(i).surface);
    }
    return [...seen].sort();
  }

  related(id: string): Related[] {
    this.ensureResolved();
    const found = new Map<string, Related['relation']>();
    const add = (other: string, relation: Related['relation']): void => {
      if (other !== id && !found.has(other) && this.entity(other)) found.set(other, relation);
    };
    const entry = this.knowledge.get(id)?.entry;
    for (const other of entry?.defendants ?? []) add(other, 'defendant');
    for (const { entry: trial } of this.knowledge.entries.values()) if (trial.defendants?.includes(id)) add(trial.id, 'trial');
    // A trial every note defines would make this scan the whole workspace: a sample of the definitions tells enough.
    for (const definition of this.noteDefinitions(id).slice(0, RELATED_SAMPLE)) {
      const document = this.documents.get(definition.uri)!;
      if (definition.note.kind === 'trial') {
        for (const d of document.definitions) if (d.note.trialKey === definition.note.key) add(d.entityId, 'defendant');
      }
      if (definition.note.trialKey) {
        const trial = document.definitions.find((d) => d.note.kind === 'trial' && d.note.key === definition.note.trialKey);
        if (trial) add(trial.entityId, 'trial');
      }
      // The people a cause, event or trial is written about with; a person's own lines would add noise.
      if (definition.note.kind === 'person') continue;
      const { from, to } = definition.note.contextLines;
      const mentions = document.mentions;
      for (let i = 0; mentions && i < mentions.count; i++) {
        const line = mentions.line(i);
        if (line >= from && line <= to && this.entity(mentions.ids[i])?.kind === 'person') add(mentions.ids[i], 'person');
      }
    }
    for (const other of entry?.related ?? []) add(other, 'related');
    return [...found].map(([other, relation]) => ({ id: other, relation }));
  }

  /** An entity by exact name, alias or misspelling, else the best fuzzy match. */
  lookup(name: string): Entity | undefined {
    const key = nameKey(name);
    const exact = this.names.resolve(key) ?? this.names.resolveWord(key);
    if (exact) return this.entity(exact.id);
    return this.find(name, 1)[0]?.entity;
  }

  /** Fuzzy search over names, aliases and the variants seen in the notes. */
  find(query: string, limit: number): (SearchResult & { entity: Entity })[] {
    // Names only change when definitions or knowledge do, not with every edit.
    if (this.searchGeneration !== this.names.generation) {
      this.search.rebuild(this.searchEntries());
      this.searchGeneration = this.names.generation;
    }
    return this.search
      .search(query, limit)
      .map((result) => ({ ...result, entity: this.entity(result.id)! }))
      .filter((result) => result.entity !== undefined);
  }

  private searchEntries(): { id: string; text: string }[] {
    const entries: { id: string; text: string }[] = [];
    for (const { entry } of this.knowledge.entries.values()) {
      for (const text of new Set([entry.name, ...(entry.aliases ?? []), ...(entry.misspellings ?? [])])) entries.push({ id: entry.id, text });
    }
    for (const [id, noted] of this.noteEntities) {
      if (this.knowledge.get(id)) continue;
      for (const text of noted.forms.keys()) entries.push({ id, text });
    }
    return entries;
  }

  // ---- bookkeeping

  private defineAll(uri: string, facts: NotesFacts): Definition[] {
    return facts.definitions.map((note) => {
      const target = definitionId(note, this.names);
      const definition: Definition = { entityId: target.id, uri, range: note.range, note };
      if (!this.knowledge.get(target.id)) {
        const noted = this.noteEntities.get(target.id) ?? { kind: note.kind, forms: new Map<string, number>() };
        noted.forms.set(note.name, (noted.forms.get(note.name) ?? 0) + 1);
        this.noteEntities.set(target.id, noted);
      }
      for (const key of note.lookupKeys) this.names.addNoteName(key, target.id, note.kind, note.name);
      addTo(this.definitionsById, definition.entityId, uri, definition);
      return definition;
    });
  }

  private forgetDefinitions(document: IndexedDocument): void {
    for (const definition of document.definitions) {
      const { note, entityId } = definition;
      for (const key of note.lookupKeys) this.names.removeNoteName(key, entityId, note.kind, note.name);
      const noted = this.noteEntities.get(entityId);
      if (noted) {
        const count = (noted.forms.get(note.name) ?? 1) - 1;
        if (count > 0) noted.forms.set(note.name, count);
        else noted.forms.delete(note.name);
        if (noted.forms.size === 0) this.noteEntities.delete(entityId);
      }
      const byDocument = this.definitionsById.get(entityId);
      const remaining = byDocument?.get(document.uri)?.filter((d) => d !== definition);
      if (remaining && remaining.length > 0) byDocument!.set(document.uri, remaining);
      else byDocument?.delete(document.uri);
      if (byDocument?.size === 0) this.definitionsById.delete(entityId);
    }
    document.definitions = [];
  }

  private forgetMentions(document: IndexedDocument): void {
    for (const id of new Set(document.mentions?.ids)) {
      const byDocument = this.mentionCounts.get(id);
      byDocument?.delete(document.uri);
      if (byDocument?.size === 0) this.mentionCounts.delete(id);
    }
    document.mentions = undefined;
  }

  /** How many documents wait for their mentions to be resolved. */
  get pending(): number {
    this.markStaleIfNamesChanged();
    return this.stale.size;
  }

  /** Resolves stale documents for up to `budgetMs`; returns true while some remain. */
  resolveSome(budgetMs: number): boolean {
    this.markStaleIfNamesChanged();
    const deadline = performance.now() + budgetMs;
    for (const uri of this.stale) {
      this.resolve(uri);
      if (performance.now() >= deadline) break;
    }
    return this.stale.size > 0;
  }

  private markStaleIfNamesChanged(): void {
    if (this.resolvedGeneration !== this.names.generation) {
      for (const uri of this.documents.keys()) this.stale.add(uri);
      this.resolvedGeneration = this.names.generation;
    }
  }

  /** Brings `uri` up to date, and the whole index too when few documents are stale. */
  private ensureResolved(uri?: string): void {
    this.markStaleIfNamesChanged();
    if (uri !== undefined && this.stale.has(uri)) this.resolve(uri);
    if (this.stale.size > 0 && this.stale.size <= this.syncResolveLimit) for (const stale of [...this.stale]) this.resolve(stale);
  }

  private resolve(uri: string): void {
    this.stale.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    this.forgetMentions(document);
    document.mentions = resolvePhrases(uri, document.facts.phrases, this.names);
    for (const [id, count] of document.mentions.counts()) {
      let byDocument = this.mentionCounts.get(id);
      if (!byDocument) this.mentionCounts.set(id, (byDocument = new Map<string, number>()));
      byDocument.set(uri, count);
    }
  }
}

function addTo<T>(map: Map<string, Map<string, T[]>>, id: string, uri: string, value: T): void {
  let byDocument = map.get(id);
  if (!byDocument) map.set(id, (byDocument = new Map<string, T[]>()));
  const list = byDocument.get(uri);
  if (list) list.push(value);
  else byDocument.set(uri, [value]);
}

export function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

function byLocation(a: Location, b: Location): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
