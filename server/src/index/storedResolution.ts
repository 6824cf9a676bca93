// What the index resolved for one note, kept between sessions beside its facts (see workspace/factsCache):
// the entity each of its definitions means and its mentions, their ids as numbers into the shared
// text table. Like the facts, nothing read back is trusted: ids must be in the table, and every
// mention must lie inside the note's phrases.
import type { NotesFacts } from '../notes/extract';
import { isObject } from '../notes/storedFacts';
import { optionalNumber, textAt, textsAt, type TextNumbers } from '../notes/textTable';
import type { DocumentMentionsParts } from './mentions';

export interface KeptResolution {
  /** Per definition of the facts, in their order: the entity it means, or null where it does not count. */
  definitionIds: (string | null)[];
  mentions: DocumentMentionsParts;
  /** The knowledge packs' people the note names (see PeopleNamed). */
  peopleNamed: readonly string[];
}

/** A note's facts from the last session, with its resolution when that was kept too. */
export interface KeptNote {
  facts: NotesFacts;
  resolution?: KeptResolution;
}

/**
 * What kept resolutions depend on besides their note: the knowledge (for what definitions mean), the
 * names every note defines (for mentions; see namesDigest), and the packs' people's names (for the
 * people a note names; see PeopleNamed.fingerprint).
 */
export interface KeptFingerprints {
  knowledge: string;
  names: string;
  people: string;
}

/** As the kept index stores it: ids as numbers into the text table, -1 for a definition that does not count. */
export interface StoredResolution {
  definitionIds: Int32Array;
  mentions: Omit<DocumentMentionsParts, 'entities'> & { entities: Int32Array };
  peopleNamed: Int32Array;
}

export function storedResolution(resolution: KeptResolution, texts: TextNumbers): StoredResolution {
  const { definitionIds, mentions, peopleNamed } = resolution;
  return {
    definitionIds: Int32Array.from(definitionIds, (id) => optionalNumber(texts, id ?? undefined)),
    mentions: { ...mentions, entities: texts.numbered(mentions.entities) },
    peopleNamed: texts.numbered(peopleNamed),
  };
}

/** The resolution again, when `value` is a well-formed one for these facts with ids in `table`; else undefined. */
export function resolutionFromStored(value: unknown, facts: NotesFacts, table: readonly string[]): KeptResolution | undefined {
  if (!isObject(value) || !(value.definitionIds instanceof Int32Array)) return undefined;
  if (value.definitionIds.length !== facts.definitions.length) return undefined;
  const definitionIds: (string | null)[] = [];
  for (const number of value.definitionIds) {
    const id = textAt(table, number);
    if (id === null || id === '') return undefined;
    definitionIds.push(id ?? null);
  }
  const mentions = mentionsFromStored(value.mentions, facts.phrases.words.length, table);
  const peopleNamed = idsFromStored(value.peopleNamed, table);
  return mentions && peopleNamed && { definitionIds, mentions, peopleNamed };
}

/** Entity ids from their numbers, when every one is an id of the table. */
function idsFromStored(value: unknown, table: readonly string[]): string[] | undefined {
  const ids = textsAt(table, value);
  return ids?.every((id) => id !== '') ? ids : undefined;
}

function mentionsFromStored(value: unknown, wordCount: number, table: readonly string[]): DocumentMentionsParts | undefined {
  if (!isObject(value)) return undefined;
  const entities = idsFromStored(value.entities, table);
  if (!entities) return undefined;
  const { which, first, end, suggestions } = value;
  if (!(which instanceof Int32Array && first instanceof Int32Array && end instanceof Int32Array)) return undefined;
  const count = which.length;
  if (first.length !== count || end.length !== count) return undefined;
  for (let i = 0; i < count; i++) {
    if (which[i] < 0 || which[i] >= entities.length) return undefined;
    if (first[i] < 0 || end[i] <= first[i] || end[i] > wordCount) return undefined;
  }
  if (!Array.isArray(suggestions)) return undefined;
  for (const suggestion of suggestions as unknown[]) {
    if (!Array.isArray(suggestion) || suggestion.length !== 2) return undefined;
    const [i, text] = suggestion as unknown[];
    if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= count || typeof text !== 'string') return undefined;
  }
  return { entities, which, first, end, suggestions: suggestions as [number, string][] };
}
