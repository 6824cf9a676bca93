// The workspace index: every document's definitions and mentions, entities by id, and lookups by
// name. Replacing one document's text changes only what that document contributed; mentions are
// re-resolved lazily, and all documents only when what a name means has changed.
import type { Position, Range } from 'vscode-languageserver-types';
import { KnowledgeBase } from '../knowledge/base';
import { extractFacts, type EntityKind, type NoteDefinition, type NotesFacts } from '../notes/extract';
import type { NotesFormat } from '../notes/model';
import { nameKey } from '../notes/names';
import { sameDefinition } from '../notes/definition';
import { sameList } from '../notes/lists';
import type { Definition, Entity, Location, Mention } from './model';
import { EntityTable, type KindCounts } from './entityTable';
import { NameTable, mostUsed } from './nameTable';
import { PeopleNamed } from './peopleNamed';
import { definitionId, ownPeople, resolvePhrases } from './resolve';
import { EntitySearch, type SearchEntry, type SearchResult } from './search';
import { compareLocations, contains } from '../notes/ranges';
import { NoteDocument, type UnreadText } from '../notes/document';
import { LineMemo } from '../notes/lineMemo';
import { ResolutionMemo } from './resolutionMemo';
import { DocumentMentions, type LineResolutions, type MentionsOnLine } from './mentions';
import { LocationLists } from './locationLists';
import { knowledgeFingerprint, NamesDigest } from './namesDigest';
import { WordSignature } from './wordSignature';
import { distinctWords } from '../notes/wordNumbers';
import type { KeptFingerprints, KeptNote, KeptResolution } from './storedResolution';

/** What a note being edited keeps between its edits. */
interface EditMemo {
  lines: LineMemo;
  resolution: ResolutionMemo;
}

/** At most this many answers are remembered (see remember); then they are made afresh. */
const REMEMBERED_LIMIT = 2000;

interface IndexedDocument {
  uri: string;
  note: NoteDocument;
  facts: NotesFacts;
  definitions: Definition[];
  /** Undefined until resolved. */
  mentions?: DocumentMentions;
  /** The mentions the entity table counts for it: its own once resolved, until then an earlier version's. */
  counted?: DocumentMentions;
  /** The last session's resolution of these facts, until the index knows whether it still holds. */
  kept?: KeptResolution;
  /** For a note being edited: what its lines yielded when read and resolved, for the next edit (see editDocument). */
  memo?: EditMemo;
  /** The words of its phrases, once resolved here (see NameChanges): until then any change of names may touch it. */
  signature?: WordSignature;
  /** How many of its facts' definitions are made, while it is defined a slice at a time (see define). */
  definedUpTo?: number;
}

/** What a NotesIndex has resolved, to keep between sessions with the facts (see workspace/factsCache). */
export interface ResolutionToKeep {
  /** The resolution of a note as the index has it, when it has these very facts resolved. */
  of(uri: string, facts: NotesFacts): KeptResolution | undefined;
  /** Digested a slice at a time; its value with `knowledge` and `people`, once `unchanged`, are the fingerprints to keep. */
  names: NamesDigest;
  knowledge: string;
  people: string;
  /** False once names or knowledge have changed since: the resolutions taken may then be of two states. */
  unchanged(): boolean;
}

const RELATED_SAMPLE = 25;
/** What a document counts before it is first resolved, and after it is gone. */
const NO_COUNTS: ReadonlyMap<string, number> = new Map();
/** Fuzzy scores (0 best, 1 worst) a lookup accepts, and by how much the runner-up must trail. */
const LOOKUP_SCORE = 0.15;
const LOOKUP_MARGIN = 0.1;
const SUGGESTION_SCORE = 0.45;

export interface Related {
  id: string;
  relation: 'defendant' | 'trial' | 'person' | 'related';
}

export class NotesIndex {
  private readonly names = new NameTable();
  private readonly documents = new Map<string, IndexedDocument>();
  /** The long lists of references last asked for, kept flat (see LocationLists): a million locations, 12 MB, at most. */
  private readonly locationLists = new LocationLists(1_000_000, 1_000);
  /** Per entity: its definitions, note spellings and mention counts. */
  private readonly entityTable = new EntityTable((id) => this.knowledge.get(id)?.entry.kind);
  private resolvedGeneration = -1;
  private stale = new Set<string>();
  /**
   * Documents read but not yet defined: what a definition means depends on the knowledge base, so
   * after it changes (or while a first load reads every note before the packs are chosen) the
   * definitions are made again by the next query, or in slices by `resolveSome`.
   */
  private readonly undefinedDocuments = new Set<string>();
  /** While set, setDocument leaves definitions for later too (see loadWorkspace). */
  deferDefinitions = false;
  /**
   * Queries over the whole index resolve every stale document first when there are at most this
   * many; beyond that they answer from what is resolved while the host resolves the rest in slices
   * (`resolveSome`), so one edit that renames something never blocks a big workspace.
   */
  syncResolveLimit = Infinity;
  /**
   * Beyond this many names, a query that may (completion, workspace symbols) answers from the name
   * search as it was while the new one is built in slices (`prepareSearch`): at 10,000 notes a
   * rebuild takes a second, and one new name in an edit would hold the next keystroke's completion.
   */
  syncSearchLimit = Infinity;
  /** The name search that answers, made at `searchServedGeneration`... */
  private search = new EntitySearch();
  /** ...and the one being built for the names as they are now, until it takes over. */
  private nextSearch?: EntitySearch;
  /** The knowledge packs' people the notes name, active packs or not. */
  readonly peopleNamed = new PeopleNamed();
  /** The names generation the search being built (or the last one built) reads. */
  private searchGeneration = -1;
  /** The names generation `search` was made at; -1 before the first. */
  private searchServedGeneration = -1;
  /** Bumped by every change, so callers can tell whether anything moved. */
  version = 0;
  /** Bumped when the knowledge or any note's definitions change: what is made of them alone holds until then. */
  definitionsVersion = 0;
  /** What remember() keeps, and the version it was made at. */
  private remembered = new Map<string, unknown>();
  private rememberedAt = -1;
  private vocabulary?: ReadonlySet<string>;
  /** The fingerprints the kept resolutions were made under, until they are checked (see adoptKept). */
  private keptUnder?: KeptFingerprints & {
    digest?: NamesDigest;
    /** Once digested: whether the names are those, and the documents still to take their mentions or forget them. */
    adopting?: { same: boolean; left: Iterator<IndexedDocument> };
  };
  /** How many documents took their mentions from the last session. */
  keptMentions = 0;

  constructor(private knowledge: KnowledgeBase = new KnowledgeBase([])) {
    this.names.setKnowledge(knowledge);
  }

  get knowledgeBase(): KnowledgeBase {
    return this.knowledge;
  }

  /** Which entity a definition means depends on the knowledge base: every document's definitions are made again. */
  setKnowledge(knowledge: KnowledgeBase): void {
    this.knowledge = knowledge;
    // All definitions go at once (one by one would scan the lists of entities every note defines), and
    // before the knowledge's names come in: setting those measures every name the notes define again.
    this.names.clearNoteNames();
    this.names.setKnowledge(knowledge);
    this.entityTable.clearDefinitions();
    for (const document of this.documents.values()) {
      document.definitions = [];
      document.definedUpTo = undefined;
      this.undefinedDocuments.add(document.uri);
    }
    this.deferDefinitions = false;
    this.version++;
    this.definitionsVersion++;
  }

  /** Which names name the knowledge packs' people (see packPersonNames); counts every note again. */
  setPackPersonNames(names: Map<string, string>): void {
    this.peopleNamed.setNames(
      names,
      [...this.documents.values()].map((d) => [d.uri, d.facts.phrases]),
    );
  }

  /**
   * The lower-case words knowledge names are made of (see nameVocabulary), for the notes read from
   * now on: set it before the notes, as loadWorkspace does.
   */
  setNameVocabulary(words: ReadonlySet<string>): void {
    this.vocabulary = words;
  }

  /**
   * The last session's fingerprints (see ResolutionToKeep): where they still hold once every note is
   * read and defined, the notes' kept resolutions are used instead of resolving them again.
   */
  expectKept(fingerprints: KeptFingerprints): void {
    this.keptUnder = { ...fingerprints };
  }

  /**
   * An open note as the student edits it: like setDocument, but what each line and section yielded
   * is kept, so the next edit reads again only what it changed.
   */
  editDocument(uri: string, text: string | readonly string[], format: NotesFormat): void {
    const memo = this.documents.get(uri)?.memo ?? { lines: new LineMemo(), resolution: new ResolutionMemo() };
    this.setDocument(uri, text, format, undefined, memo);
  }

  /**
   * `text`: the note's text, its lines, or how to read it when asked (see NoteDocument). `known`: the
   * facts of these very lines when they are at hand already (kept from the last session). `memo`: what
   * the lines yielded before (see editDocument).
   */
  setDocument(
    uri: string,
    text: string | readonly string[] | UnreadText,
    format: NotesFormat,
    known?: (note: NoteDocument) => KeptNote | undefined,
    memo?: EditMemo,
  ): void {
    const note = new NoteDocument(uri, text, format, memo?.lines);
    const kept = known?.(note);
    let facts = kept?.facts ?? extractFacts(note.lines, note.notes, this.vocabulary, memo?.lines);
    note.releaseParse();
    // A note being edited keeps its lines as the editor sends them.
    if (!memo) note.pack();
    const previous = this.documents.get(uri);
    // The new definitions go in before the old ones come out: a name the note still defines never
    // drops to zero, so an ordinary edit does not change what names mean for the other notes.
    const defer = this.deferDefinitions || this.undefinedDocuments.size > 0;
    // Most keystrokes change no definition: the note keeps its own, and its names stay as they were.
    const sameDefinitions = !defer && !kept && previous !== undefined && definesAsBefore(previous.facts, facts);
    if (sameDefinitions) facts = { ...facts, definitions: previous.facts.definitions };
    const definitions = sameDefinitions ? previous.definitions : defer ? [] : this.defineAll(uri, facts, this.keptIds(kept?.resolution));
    if (previous && !sameDefinitions) this.forgetDefinitions(previous);
    // The last version's mentions stay counted until this one is resolved, which counts only what changed.
    this.documents.set(uri, { uri, note, facts, definitions, counted: previous?.counted, kept: kept?.resolution, memo });
    if (defer) this.undefinedDocuments.add(uri);
    if (kept?.resolution && this.keptUnder?.people === this.peopleNamed.fingerprint())
      this.peopleNamed.setPeople(uri, kept.resolution.peopleNamed);
    else this.peopleNamed.set(uri, facts.phrases);
    this.stale.add(uri);
    this.version++;
  }

  removeDocument(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    this.forgetDefinitions(document);
    this.setMentions(document, undefined);
    this.documents.delete(uri);
    this.peopleNamed.delete(uri);
    this.stale.delete(uri);
    this.undefinedDocuments.delete(uri);
    this.version++;
    return true;
  }

  /** A note's facts as extracted, to keep them between sessions. */
  factsOf(uri: string): NotesFacts | undefined {
    return this.documents.get(uri)?.facts;
  }

  hasDocument(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** A note's lines and parse, as indexed. */
  document(uri: string): NoteDocument | undefined {
    return this.documents.get(uri)?.note;
  }

  get documentCount(): number {
    return this.documents.size;
  }

  documentUris(): string[] {
    return [...this.documents.keys()];
  }

  // ---- queries: each brings the mentions up to date first

  entity(id: string): Entity | undefined {
    this.ensureDefined();
    const known = this.knowledge.get(id);
    if (known) {
      const { entry } = known;
      return { id, kind: entry.kind, name: entry.name, aliases: entry.aliases ?? [], knowledge: known };
    }
    const noted = this.entityTable.get(id);
    if (!noted?.noteKind) return undefined;
    return { id, kind: noted.noteKind, name: mostUsed(noted.forms!), aliases: [] };
  }

  /** Every entity the notes define or mention: the defined ones first. */
  entities(): Entity[] {
    return [...this.entitiesOfKind()];
  }

  /**
   * Like entities(), of one kind when given, made one at a time: a caller that wants a few makes no
   * more, and never one per entity of a big folder.
   */
  *entitiesOfKind(kind?: EntityKind): Generator<Entity> {
    this.ensureResolved();
    for (const defined of [true, false]) {
      for (const id of this.entityTable.ids()) {
        const record = this.entityTable.get(id)!;
        if (record.definitions.length > 0 !== defined) continue;
        if (kind !== undefined && (this.knowledge.get(id)?.entry.kind ?? record.noteKind) !== kind) continue;
        const entity = this.entity(id);
        if (entity) yield entity;
      }
    }
  }

  /**
   * How many entities the notes define or mention, in all and by kind (an entity counts under each
   * of its kinds). With `resolve` false, as things stand: documents still waiting are left out.
   */
  kindCounts(resolve = true): KindCounts {
    if (resolve) this.ensureResolved();
    return this.entityTable.kindCounts();
  }

  /** The kinds the notes give an entity (a knowledge event listed under causes is also a cause), in the order of its definitions. */
  noteKinds(id: string): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    const definitions = this.noteDefinitions(id);
    // Read until every kind the record counts is seen: a trial thousands of notes define, up to its first definition.
    const count = this.entityTable.get(id)?.definedKinds ?? 0;
    for (let i = 0; i < definitions.length && kinds.size < count; i++) kinds.add(definitions[i].note.kind);
    return kinds;
  }

  /**
   * An entity's definitions in document order: the index's own list, not a copy, to read before the
   * index changes (a trial 7,520 notes define was copied for every hover and definition asked of it).
   */
  noteDefinitions(id: string): readonly Definition[] {
    this.ensureDefined();
    const record = this.entityTable.get(id);
    if (!record) return [];
    // Sorted in place and kept so: cards ask for the same entity's definitions several times.
    if (!record.sorted) {
      record.definitions.sort(compareLocations);
      record.sorted = true;
    }
    return record.definitions;
  }

  /** The first year the notes write with an entity's definition (`Congress of Victors 1934`). */
  noteYear(id: string): string | undefined {
    return this.noteDefinitions(id).find((d) => d.note.year !== undefined)?.note.year;
  }

  /** In document order: a document's mentions are in order already, so only the documents are sorted. */
  mentions(id: string): Mention[] {
    return this.collectMentions(id, (mentions, i) => mentions.mention(i));
  }

  /** Where the mentions are, in the same order, with nothing else made: for lists of tens of thousands. */
  mentionLocations(id: string): Location[] {
    this.ensureResolved();
    const kept = this.locationLists.get(id);
    if (kept) return kept.locations();
    const locations = this.collectMentions(id, (mentions, i) => mentions.location(i));
    this.locationLists.keep(id, locations);
    return locations;
  }

  private collectMentions<T>(id: string, make: (mentions: DocumentMentions, i: number) => T): T[] {
    this.ensureResolved();
    const made: T[] = [];
    const uris = this.entityTable.documentsMentioning(id).sort(byText);
    for (const uri of uris) {
      const mentions = this.documents.get(uri)?.mentions;
      mentions?.collect(id, made, (i) => make(mentions, i));
    }
    return made;
  }

  mentionCount(id: string): { mentions: number; documents: number } {
    this.ensureResolved();
    const record = this.entityTable.get(id);
    return { mentions: record?.mentions ?? 0, documents: record?.mentionedIn?.length ?? 0 };
  }

  mentionsIn(uri: string): Mention[] {
    this.ensureResolved(uri);
    return this.documents.get(uri)?.mentions?.all() ?? [];
  }

  /**
   * What a note's diagnostics are made of, once it is resolved: its lines, its mentions, and the
   * definitions and knowledge (see chronologyProblems). While each is what it was, so are they.
   */
  diagnosticsBasis(uri: string): readonly unknown[] {
    this.ensureResolved(uri);
    const document = this.documents.get(uri);
    return [document?.note, document?.mentions, this.definitionsVersion];
  }

  /** The mentions on the lines `keep` takes (a line number), a line at a time in document order. */
  mentionsByLine(uri: string, keep: (line: number) => boolean): MentionsOnLine[] {
    this.ensureResolved(uri);
    return this.documents.get(uri)?.mentions?.byLine(keep) ?? [];
  }

  /**
   * For a note being edited: where its lines' mentions came from (see LineResolutions); undefined
   * while its mentions are those of an earlier reading (names being defined again), whose lines may have moved.
   */
  lineResolutions(uri: string): LineResolutions | undefined {
    this.ensureResolved(uri);
    const document = this.documents.get(uri);
    return document?.mentions?.phrases === document?.facts.phrases ? document?.mentions?.lineResolutions : undefined;
  }

  /** The mentions with a suggestion (see Mention), in document order. */
  misspeltMentionsIn(uri: string): Mention[] {
    this.ensureResolved(uri);
    return this.documents.get(uri)?.mentions?.misspelt() ?? [];
  }

  /** A document's Markdown front matter (`essay: true`). */
  frontMatter(uri: string): Record<string, string> {
    return this.documents.get(uri)?.facts.frontMatter ?? {};
  }

  definitionsIn(uri: string): Definition[] {
    this.ensureDefined();
    return this.documents.get(uri)?.definitions ?? [];
  }

  /** The entity named at a position: a mention there, else a definition's term around it. */
  at(uri: string, position: Position): { entityId: string; range: Range; mention?: Mention } | undefined {
    this.ensureResolved(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const mentions = document.mentions;
    for (let i = 0; mentions && i < mentions.count; i++) {
      if (
        mentions.line(i) === position.line &&
        mentions.startCharacter(i) <= position.character &&
        position.character <= mentions.endCharacter(i)
      ) {
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
    return [...(this.entityTable.get(id)?.variants?.keys() ?? [])].sort();
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
        if (line >= from && line <= to && this.entity(mentions.id(i))?.kind === 'person') add(mentions.id(i), 'person');
      }
    }
    for (const other of entry?.related ?? []) add(other, 'related');
    return [...found].map(([other, relation]) => ({ id: other, relation }));
  }

  /**
   * An entity by exact name, alias, the notes' own spelling, or a near miss of a person's name; else
   * a fuzzy match only when it is close and nothing else comes near. Never a guess: `Einstein` with
   * no one of that name is undefined, and `suggest` offers what comes nearest.
   */
  lookup(name: string): Entity | undefined {
    this.ensureDefined();
    const key = nameKey(name);
    const exact = this.names.resolve(key) ?? (key.includes(' ') ? undefined : this.names.resolveWord(key, name.trim()));
    if (exact) return this.entity(exact.id);
    const [best, next] = this.find(name, 2);
    const unambiguous = !next || next.score - best.score >= LOOKUP_MARGIN;
    return best && best.score <= LOOKUP_SCORE && unambiguous ? best.entity : undefined;
  }

  /** The other entities of the active packs written as `surface` is (`Cromwell`: Oliver, where Thomas was meant). */
  alsoWrittenAs(surface: string, entityId: string): Entity[] {
    const target = this.names.knowledgeTarget(nameKey(surface));
    if (!target?.others) return [];
    return [target, ...target.others]
      .filter((t) => t.id !== entityId)
      .map((t) => this.entity(t.id))
      .filter((e) => e !== undefined);
  }

  /** Up to `limit` entities whose names come near `name`: suggestions, for when lookup finds none. */
  suggest(name: string, limit = 3): Entity[] {
    return this.find(name, limit)
      .filter((result) => result.score <= SUGGESTION_SCORE)
      .map((result) => result.entity);
  }

  /**
   * Fuzzy search over names, aliases and the variants seen in the notes. `mayBeBehind`: a large
   * search being rebuilt answers as it was (see syncSearchLimit); else it is finished first.
   */
  find(query: string, limit: number, mayBeBehind = false): (SearchResult & { entity: Entity })[] {
    const behindIsFine = mayBeBehind && this.searchServedGeneration >= 0 && this.search.size > this.syncSearchLimit;
    if (!behindIsFine) this.prepareSearch(Infinity);
    return this.search
      .search(query, limit)
      .map((result) => ({ ...result, entity: this.entity(result.id)! }))
      .filter((result) => result.entity !== undefined);
  }

  /**
   * Brings the name search up to date for about `budgetMs` (names only change when definitions or
   * knowledge do, not with every edit); true while work is left. A host calls it in slices after the
   * first index, so the first completion or workspace-symbol request does not build it all at once.
   */
  prepareSearch(budgetMs: number): boolean {
    this.ensureDefined();
    if (this.searchGeneration !== this.names.generation) {
      (this.nextSearch ??= new EntitySearch()).startRebuild(this.searchEntries());
      this.searchGeneration = this.names.generation;
    }
    if (!this.nextSearch) return false;
    if (this.nextSearch.continueRebuild(budgetMs)) return true;
    this.search = this.nextSearch;
    this.searchServedGeneration = this.searchGeneration;
    this.nextSearch = undefined;
    return false;
  }

  /** Whether the name search is behind the names (see prepareSearch). */
  get searchBehind(): boolean {
    return this.searchServedGeneration !== this.names.generation;
  }

  /** Read a slice at a time (see prepareSearch): a change of names between slices starts the search again. */
  private *searchEntries(): Generator<SearchEntry> {
    const knowledge = this.knowledge;
    for (const { entry } of knowledge.entries.values()) {
      for (const text of new Set([entry.name, ...(entry.aliases ?? []), ...(entry.misspellings ?? [])])) yield { id: entry.id, text };
    }
    for (const id of this.entityTable.ids()) {
      const record = this.entityTable.get(id);
      if (!record?.forms || knowledge.get(id)) continue;
      // A form is the name of one of the entity's definitions at least, and that has its key.
      for (const text of record.forms.keys()) yield { id, text, key: record.definitions.find((d) => d.note.name === text)?.note.key };
    }
  }

  // ---- bookkeeping

  /** `keptIds`: what each definition means, from the last session under the same knowledge (see keptIds). */
  private defineAll(uri: string, facts: NotesFacts, keptIds?: readonly (string | null)[]): Definition[] {
    const definitions: Definition[] = [];
    this.defineFrom(0, Infinity, uri, facts, keptIds, definitions);
    return definitions;
  }

  /**
   * Makes the definitions of `facts` from the `from`th into `definitions`, at least one and then until
   * `deadline`; returns how many of them are made.
   */
  private defineFrom(
    from: number,
    deadline: number,
    uri: string,
    facts: NotesFacts,
    keptIds: readonly (string | null)[] | undefined,
    definitions: Definition[],
  ): number {
    if (facts.definitions.length > from) this.definitionsVersion++;
    let i = from;
    while (i < facts.definitions.length && (i === from || deadline === Infinity || performance.now() < deadline)) {
      const note = facts.definitions[i];
      const id = keptIds ? keptIds[i] : definitionId(note, this.names, facts.years).id;
      i++;
      const known = id === null ? undefined : this.knowledge.get(id)?.entry;
      if (id === null || (!keptIds && !countsAsDefinition(note, known?.kind))) continue;
      const definition: Definition = { entityId: id, uri, range: note.range, note };
      if (!note.described) for (const key of note.lookupKeys) this.names.addNoteName(key, id, note.kind, note.name);
      if (note.surnameKey && !known) this.names.addNoteSurname(note.surnameKey, id);
      this.entityTable.addDefinition(definition, known !== undefined);
      definitions.push(definition);
    }
    return i;
  }

  private forgetDefinitions(document: IndexedDocument): void {
    if (document.definitions.length > 0) this.definitionsVersion++;
    for (const definition of document.definitions) {
      const { note, entityId } = definition;
      if (!note.described) for (const key of note.lookupKeys) this.names.removeNoteName(key, entityId, note.kind, note.name);
      if (note.surnameKey) this.names.removeNoteSurname(note.surnameKey, entityId);
      this.entityTable.removeDefinition(definition);
    }
    document.definitions = [];
  }

  /**
   * What `make` gave for `key` the last time, when the index has not changed since: a card asked for
   * again, as every hover over the same name asks, is not made again from thousands of definitions.
   * Only what is made from a fully resolved index is kept, and only until the next change.
   */
  remember<T>(key: string, make: () => T): T {
    if (this.pending > 0) return make();
    if (this.rememberedAt !== this.version || this.remembered.size >= REMEMBERED_LIMIT) {
      this.remembered.clear();
      this.rememberedAt = this.version;
    }
    if (this.remembered.has(key)) return this.remembered.get(key) as T;
    const value = make();
    this.remembered.set(key, value);
    return value;
  }

  /** How many documents wait for their mentions to be resolved. */
  get pending(): number {
    if (this.undefinedDocuments.size > 0) return this.undefinedDocuments.size + this.documents.size;
    this.markStaleIfNamesChanged();
    return this.stale.size;
  }

  /** Defines, then resolves, stale documents for up to `budgetMs`; returns true while some remain. */
  resolveSome(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    // Mentions depend on every document's definitions: all of them first.
    for (const uri of this.undefinedDocuments) {
      if (!this.define(uri, deadline) || performance.now() >= deadline) return true;
    }
    if (this.keptUnder && this.adoptKept(deadline)) return true;
    this.markStaleIfNamesChanged();
    for (const uri of this.stale) {
      this.resolve(uri);
      if (performance.now() >= deadline) break;
    }
    return this.stale.size > 0;
  }

  /** After names changed, the documents that looked at them are resolved again, not every one. */
  private markStaleIfNamesChanged(): void {
    if (this.resolvedGeneration === this.names.generation) return;
    const changes = this.names.takeChanges();
    for (const document of this.documents.values()) if (changes.touches(document.signature)) this.stale.add(document.uri);
    this.resolvedGeneration = this.names.generation;
  }

  /**
   * Makes the definitions of documents that wait for them, when there are few: after the knowledge
   * changes every document waits (1.6 s at 10,000 notes), and the host makes them in slices (`resolveSome`).
   */
  private ensureDefined(): void {
    if (this.undefinedDocuments.size === 0 || this.deferDefinitions || this.defining) return;
    for (const uri of this.undefinedDocuments) this.define(uri);
  }

  /**
   * Whether more documents wait for their definitions than a query makes at once (see
   * syncResolveLimit): meanwhile queries answer from the mentions as they were, and the host
   * announces nothing until resolveSome is done.
   */
  get defining(): boolean {
    return !this.deferDefinitions && this.undefinedDocuments.size > this.syncResolveLimit;
  }

  /**
   * Makes the note's definitions, until `deadline`; true once all are made. One note's definitions
   * took up to 45 ms in a 10,000-note index (a fuzzy look-up each), so a note may take several
   * slices: what is made so far is its definitions meanwhile, and it waits until the rest are.
   */
  private define(uri: string, deadline = Infinity): boolean {
    const document = this.documents.get(uri);
    if (document) {
      const { facts, definitions } = document;
      const made = this.defineFrom(document.definedUpTo ?? 0, deadline, uri, facts, this.keptIds(document.kept), definitions);
      if (made < facts.definitions.length) {
        document.definedUpTo = made;
        return false;
      }
      document.definedUpTo = undefined;
    }
    this.undefinedDocuments.delete(uri);
    return true;
  }

  /** A kept resolution's definition ids, when it was made under the knowledge the index has now. */
  private keptIds(kept: KeptResolution | undefined): readonly (string | null)[] | undefined {
    if (!kept || !this.keptUnder) return undefined;
    return this.keptUnder.knowledge === knowledgeFingerprint(this.knowledge) ? kept.definitionIds : undefined;
  }

  /**
   * Once every document is defined: when the names they define are those the kept resolutions were
   * made with, their mentions are taken as they are. Digests, then takes them, until `deadline`; true while work is left.
   */
  private adoptKept(deadline: number): boolean {
    const kept = this.keptUnder!;
    kept.digest ??= this.namesDigest();
    if (kept.digest.step(deadline)) return true;
    if (!kept.adopting) {
      this.markStaleIfNamesChanged();
      kept.adopting = { same: kept.digest.value === kept.names, left: this.documents.values() };
    }
    const { same, left } = kept.adopting;
    // Counting every note's mentions took 1 s at 10,000 notes: in slices too.
    for (let next = left.next(); !next.done; next = left.next()) {
      const document = next.value;
      if (same && document.kept && this.stale.has(document.uri)) {
        this.stale.delete(document.uri);
        this.setMentions(document, DocumentMentions.fromParts(document.uri, document.facts.phrases, document.kept.mentions));
        this.keptMentions++;
      }
      document.kept = undefined;
      if (performance.now() >= deadline) return true;
    }
    this.keptUnder = undefined;
    return false;
  }

  /** The names every document's definitions add, under the knowledge, to digest a slice at a time. */
  private namesDigest(): NamesDigest {
    return new NamesDigest(
      knowledgeFingerprint(this.knowledge),
      [...this.documents.values()].map((d) => d.definitions),
    );
  }

  /** What the index has resolved, to keep; undefined while documents wait for their definitions. */
  resolutionToKeep(): ResolutionToKeep | undefined {
    if (this.undefinedDocuments.size > 0 || this.keptUnder) return undefined;
    const { generation } = this.names;
    const knowledge = this.knowledge;
    const people = this.peopleNamed.fingerprint();
    return {
      of: (uri, facts) => {
        const document = this.documents.get(uri);
        if (document?.facts !== facts || !document.mentions || this.stale.has(uri) || this.resolvedGeneration !== generation)
          return undefined;
        const ids = new Map(document.definitions.map((d) => [d.note, d.entityId]));
        return {
          definitionIds: facts.definitions.map((note) => ids.get(note) ?? null),
          mentions: document.mentions.parts(),
          peopleNamed: this.peopleNamed.of(uri),
        };
      },
      names: this.namesDigest(),
      knowledge: knowledgeFingerprint(knowledge),
      people,
      unchanged: () => this.names.generation === generation && this.knowledge === knowledge && this.peopleNamed.fingerprint() === people,
    };
  }

  /** Brings `uri` up to date, and the whole index too when few documents are stale. */
  private ensureResolved(uri?: string): void {
    this.ensureDefined();
    // Resolved against some of the notes' names, a word another note defines could pass for a misspelt
    // pack person: the mentions stay as they were (a document edited since has none) until resolveSome is done.
    if (this.defining) return;
    if (this.keptUnder && this.undefinedDocuments.size === 0) this.adoptKept(Infinity);
    this.markStaleIfNamesChanged();
    if (uri !== undefined && this.stale.has(uri)) this.resolve(uri);
    if (this.stale.size > 0 && this.stale.size <= this.syncResolveLimit) for (const stale of [...this.stale]) this.resolve(stale);
  }

  private resolve(uri: string): void {
    this.stale.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const now = resolvePhrases(
      uri,
      document.facts.phrases,
      this.names,
      ownPeople(document.definitions),
      document.facts.years,
      document.memo?.resolution,
    );
    // A note being edited is read again through its memo, for little: it goes without (each edit would make one).
    if (!document.memo) document.signature ??= WordSignature.ofWords(distinctWords(document.facts.phrases.words));
    // After names change, most notes read again read as before: their mentions stay, so the old are not
    // left for the collector and the new kept in their place (at 10,000 notes, hundreds of MB at once).
    if (!document.mentions?.sameAs(now)) this.setMentions(document, now);
  }

  /**
   * Makes `now` the document's mentions (none: it is gone), counted in the entity table in place of
   * those it counted: only the entities whose count changed are touched, as an edit changes few.
   */
  private setMentions(document: IndexedDocument, now: DocumentMentions | undefined): void {
    const before = document.counted?.counts() ?? NO_COUNTS;
    const after = now?.counts() ?? NO_COUNTS;
    const number = this.entityTable.documentNumber(document.uri);
    // forEach: for…of would make a [key, value] pair for each entity of an edited note at each edit.
    before.forEach((count, id) => {
      if (!after.has(id)) this.entityTable.removeMentions(id, number, count);
      this.locationLists.forget(id);
    });
    after.forEach((count, id) => {
      const countBefore = before.get(id) ?? 0;
      if (countBefore !== count) this.entityTable.setMentions(id, number, count, countBefore);
      this.locationLists.forget(id);
    });
    if (document.counted) this.countVariants(document.counted, -1);
    if (now) this.countVariants(now, 1);
    document.mentions = document.counted = now;
  }

  private countVariants(mentions: DocumentMentions, add: 1 | -1): void {
    for (const i of mentions.suggestions.keys()) this.entityTable.addVariant(mentions.id(i), mentions.surface(i), add);
  }
}

/**
 * Whether a note's definition stands, given the kind of the knowledge entity it names (if any): a
 * person named by shape only when no knowledge entity has the name, a heading that may name a person
 * only when the knowledge knows them, a cause never when the knowledge says it is a person or a place.
 */
function countsAsDefinition(note: NoteDefinition, known: EntityKind | undefined): boolean {
  if (note.strength === 'named') return known === undefined;
  if (note.strength === 'ifKnown') return known === 'person';
  return !(note.kind === 'cause' && (known === 'person' || known === 'place' || known === 'organisation'));
}

/** Whether a note read again defines what it did, where it did, with the same years around (see definitionId). */
function definesAsBefore(before: NotesFacts, now: NotesFacts): boolean {
  return before.years.sameAs(now.years) && sameList(before.definitions, now.definitions, sameDefinition);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
