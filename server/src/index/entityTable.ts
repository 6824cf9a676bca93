// What the notes contribute per entity, in one record each: its definitions, the spellings a note
// entity is defined by, which documents mention it and how often. Also keeps, as records change,
// how many entities there are of each kind, so the counts sent with every index change cost nothing.
import { ENTITY_KINDS, type EntityKind } from '../notes/extract';
import { compareLocations } from '../notes/ranges';
import { TextNumbers } from '../notes/textTable';
import type { Definition } from './model';
import { Tally } from './tally';

const KIND_BIT: Record<EntityKind, number> = { person: 1, trial: 2, cause: 4, event: 8, organisation: 16, place: 32 };

/** Lists kept at their length while this short (see withItem). */
const SHORT_LIST = 8;

/**
 * `list` with `item` at its end. A short list is made again at its length (as concat makes it): grown by
 * push or spread, a list of one or two has room for 17 (4 MB at 3,000 notes for lists of definitions).
 */
function withItem<T>(list: T[], item: T): T[] {
  if (list.length < SHORT_LIST) return list.concat([item]);
  list.push(item);
  return list;
}

/** Takes `item` out of `list`, whose order does not matter, moving the last into its place; false when absent. */
function withoutItem<T>(list: T[], item: T): boolean {
  const at = list.indexOf(item);
  if (at === -1) return false;
  list[at] = list[list.length - 1];
  list.pop();
  return true;
}

export class EntityRecord {
  /** Its definitions in the notes, in no particular order (removing one moves the last into its place). */
  definitions: Definition[] = [];
  /** Whether `definitions` is in document order, as the last request for them left it. */
  sorted = true;
  /** The kinds its definitions give it, as bits. */
  definedBits = 0;
  /** For an entity only the notes define: the kind it was first defined as, and its spellings with how often. */
  noteKind?: EntityKind;
  forms?: Tally;
  /**
   * The documents that mention it, by number (see EntityTable.documentNumber), in no particular order;
   * undefined while none. Numbers, not a map of uris: one is added per entity and note on a first index.
   */
  mentionedIn?: number[];
  mentions = 0;
  /** Misspellings it is mentioned by (`Zionev`), with how many mentions; undefined while none. */
  variants?: Tally;
  /** The kinds it is counted under by kindCounts, as bits; 0 while it is not counted. */
  countedBits = 0;

  constructor(readonly id: string) {}

  /** How many kinds its definitions give it. */
  get definedKinds(): number {
    let count = 0;
    for (let bits = this.definedBits; bits !== 0; bits &= bits - 1) count++;
    return count;
  }
}

export interface KindCounts {
  entities: number;
  byKind: Record<EntityKind, number>;
}

export class EntityTable {
  private readonly records = new Map<string, EntityRecord>();
  /** Each document's number, given when first seen and kept (see documentNumber). */
  private readonly documentNumbers = new TextNumbers();
  private counted = 0;
  private readonly byKind: Record<EntityKind, number> = { person: 0, trial: 0, cause: 0, event: 0, organisation: 0, place: 0 };

  /** `knownKind` is the knowledge base's kind for an id, which wins over the notes'. */
  constructor(private readonly knownKind: (id: string) => EntityKind | undefined) {}

  get(id: string): EntityRecord | undefined {
    return this.records.get(id);
  }

  /** Every entity the notes define or mention. */
  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  addDefinition(definition: Definition, known: boolean): void {
    const record = this.recordFor(definition.entityId);
    const { kind, name } = definition.note;
    const list = record.definitions;
    // Notes come in the order of their paths, so definitions mostly arrive sorted: no sort to make later.
    record.sorted = list.length === 0 || (record.sorted && compareLocations(list[list.length - 1], definition) <= 0);
    record.definitions = withItem(list, definition);
    record.definedBits |= KIND_BIT[kind];
    if (!known) {
      record.noteKind ??= kind;
      record.forms ??= new Tally();
      record.forms.add(name);
    }
    this.changed(record);
  }

  removeDefinition(definition: Definition): void {
    const record = this.records.get(definition.entityId);
    if (!record) return;
    const list = record.definitions;
    if (!withoutItem(list, definition)) return;
    record.sorted = list.length <= 1;
    const { kind, name } = definition.note;
    if (!list.some((d) => d.note.kind === kind)) record.definedBits &= ~KIND_BIT[kind];
    const forms = record.forms;
    if (forms) {
      forms.add(name, -1);
      if (forms.size === 0) {
        record.forms = undefined;
        record.noteKind = undefined;
      }
    }
    this.changed(record);
  }

  /** The number a document's mentions are counted by: made on first sight, and the same for the same uri after. */
  documentNumber(uri: string): number {
    return this.documentNumbers.number(uri);
  }

  /** The documents that mention the entity, in no particular order. */
  documentsMentioning(id: string): string[] {
    return (this.records.get(id)?.mentionedIn ?? []).map((number) => this.documentNumbers.text(number));
  }

  /**
   * The document numbered `document` now mentions the entity `count` times, and did `before` times (as the
   * document's own counts say): the caller knows both, so the table does not look them up per entity and document.
   */
  setMentions(id: string, document: number, count: number, before: number): void {
    if (count === 0) return this.removeMentions(id, document, before);
    const record = this.recordFor(id);
    const mentionedBefore = record.mentionedIn !== undefined;
    record.mentions += count - before;
    if (before === 0) record.mentionedIn = withItem(record.mentionedIn ?? [], document);
    // How it is counted depends on whether it has mentions, not on how many.
    if (!mentionedBefore) this.changed(record);
  }

  /** The document numbered `document`, which mentioned the entity `before` times, mentions it no more. */
  removeMentions(id: string, document: number, before: number): void {
    const record = this.records.get(id);
    const list = record?.mentionedIn;
    if (!list || before === 0) return;
    record.mentions -= before;
    withoutItem(list, document);
    if (list.length === 0) record.mentionedIn = undefined;
    this.changed(record);
  }

  /** Counts a misspelt mention of an entity (`add` -1 takes one away). */
  addVariant(id: string, surface: string, add: 1 | -1): void {
    const record = this.records.get(id);
    if (!record) return;
    record.variants ??= new Tally();
    record.variants.add(surface, add);
    if (record.variants.size === 0) record.variants = undefined;
  }

  /** How many entities the notes define or mention, in all and by kind (an entity counts under each of its kinds). */
  kindCounts(): KindCounts {
    return { entities: this.counted, byKind: { ...this.byKind } };
  }

  /** Forgets every definition (the knowledge base changed), and recounts: an entity only mentioned may have another kind now. */
  clearDefinitions(): void {
    for (const record of this.records.values()) {
      record.definitions.length = 0;
      record.sorted = true;
      record.definedBits = 0;
      record.forms = undefined;
      record.noteKind = undefined;
      this.changed(record);
    }
  }

  private recordFor(id: string): EntityRecord {
    let record = this.records.get(id);
    if (!record) this.records.set(id, (record = new EntityRecord(id)));
    return record;
  }

  /** Moves the record's contribution to the counts to what it is now, and drops it once empty. */
  private changed(record: EntityRecord): void {
    const bits = this.bitsOf(record);
    if (bits !== record.countedBits) {
      if (record.countedBits !== 0) this.counted--;
      if (bits !== 0) this.counted++;
      for (const kind of ENTITY_KINDS) {
        const bit = KIND_BIT[kind];
        this.byKind[kind] += (bits & bit ? 1 : 0) - (record.countedBits & bit ? 1 : 0);
      }
      record.countedBits = bits;
    }
    if (record.definitions.length === 0 && record.mentionedIn === undefined) this.records.delete(record.id);
  }

  private bitsOf(record: EntityRecord): number {
    if (record.definitions.length === 0 && record.mentionedIn === undefined) return 0;
    const primary = this.knownKind(record.id) ?? record.noteKind;
    return primary ? KIND_BIT[primary] | record.definedBits : 0;
  }
}
