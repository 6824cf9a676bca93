// A note's definitions as the kept index stores them, and as the workers send them: their numbers in
// one Int32Array (FIELDS per definition), their lookup keys and defendants in two more, and their
// explanations in a list, rather than an array of arrays: v8.deserialize read the 10,000 records of
// the bench's corpus in 221-329 ms, against 385-516. Names and keys are numbers into the shared text
// table. What comes back is checked field by field, and built in noteDefinition's field order so
// every definition has one shape again.
import type { Range } from 'vscode-languageserver-types';
import { ENTITY_KINDS, type NoteDefinition, type Strength } from './definition';
import type { TextSpan } from './model';
import { optionalNumber, textAt, type TextNumbers } from './textTable';

export interface StoredDefinitions {
  /** Per definition, FIELDS numbers in the order of Field. */
  fields: Int32Array;
  /** Every definition's lookup keys, one after another: as many of each as its field says. */
  lookupKeys: Int32Array;
  /** Every definition's defendants, one after another, five numbers each: the text, then the range. */
  defendants: Int32Array;
  /** Per definition, its explanation (see NoteDefinition.text), or null. */
  texts: (string | null)[];
}

/**
 * Where each of a definition's numbers lies among its FIELDS. A text is its number in the table, -1 for
 * none; the kind and strength are their places in ENTITY_KINDS and STRENGTHS.
 */
const enum Field {
  Kind,
  Name,
  Key,
  LookupKeyCount,
  SurnameKey,
  Strength,
  Described,
  StartLine,
  StartCharacter,
  EndLine,
  EndCharacter,
  Year,
  Date,
  /** -1 for none listed (not a trial). */
  DefendantCount,
  TrialKey,
  ContextFrom,
  ContextTo,
  Section,
}
const FIELDS = 18;
const STRENGTHS: readonly Strength[] = ['defined', 'named', 'ifKnown'];
const DEFENDANT_FIELDS = 5;

export function storedDefinitions(definitions: readonly NoteDefinition[], texts: TextNumbers): StoredDefinitions {
  const fields = new Int32Array(FIELDS * definitions.length);
  const lookupKeys: number[] = [];
  const defendants: number[] = [];
  definitions.forEach((d, i) => {
    const at = FIELDS * i;
    fields[at + Field.Kind] = ENTITY_KINDS.indexOf(d.kind);
    fields[at + Field.Name] = texts.number(d.name);
    fields[at + Field.Key] = texts.number(d.key);
    fields[at + Field.LookupKeyCount] = d.lookupKeys.length;
    for (const key of d.lookupKeys) lookupKeys.push(texts.number(key));
    fields[at + Field.SurnameKey] = optionalNumber(texts, d.surnameKey);
    fields[at + Field.Strength] = STRENGTHS.indexOf(d.strength);
    fields[at + Field.Described] = d.described ? 1 : 0;
    fields.set(rangeNumbers(d.range), at + Field.StartLine);
    fields[at + Field.Year] = optionalNumber(texts, d.year);
    fields[at + Field.Date] = optionalNumber(texts, d.date);
    fields[at + Field.DefendantCount] = d.defendants?.length ?? -1;
    for (const defendant of d.defendants ?? []) defendants.push(texts.number(defendant.text), ...rangeNumbers(defendant.range));
    fields[at + Field.TrialKey] = optionalNumber(texts, d.trialKey);
    fields[at + Field.ContextFrom] = d.contextLines.from;
    fields[at + Field.ContextTo] = d.contextLines.to;
    fields[at + Field.Section] = optionalNumber(texts, d.section);
  });
  return {
    fields,
    lookupKeys: Int32Array.from(lookupKeys),
    defendants: Int32Array.from(defendants),
    texts: definitions.map((d) => d.text ?? null),
  };
}

/**
 * The definitions `value` stores, for a note of `lineCount` lines whose texts are numbers into `table`;
 * undefined when any part is not what storedDefinitions makes, or a position falls outside the note.
 */
export function definitionsFromStored(value: unknown, table: readonly string[], lineCount: number): NoteDefinition[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { fields, lookupKeys, defendants, texts } = value as Partial<Record<keyof StoredDefinitions, unknown>>;
  if (!(fields instanceof Int32Array && lookupKeys instanceof Int32Array && defendants instanceof Int32Array && Array.isArray(texts)))
    return undefined;
  if (fields.length % FIELDS !== 0 || texts.length !== fields.length / FIELDS) return undefined;
  const line = (number: number): boolean => number >= 0 && number < lineCount;
  const rangeAt = (numbers: Int32Array, at: number): Range | undefined => {
    const startLine = numbers[at];
    const start = numbers[at + 1];
    const endLine = numbers[at + 2];
    const end = numbers[at + 3];
    return line(startLine) && line(endLine) && start >= 0 && end >= 0
      ? { start: { line: startLine, character: start }, end: { line: endLine, character: end } }
      : undefined;
  };
  // Arrays made at their length: one grown by push holds room for 17 items (29 MB more at 10,000 notes).
  const definitions = new Array<NoteDefinition>(texts.length);
  let nextKey = 0;
  let nextDefendant = 0;
  for (let at = 0; at < fields.length; at += FIELDS) {
    const kind = ENTITY_KINDS[fields[at + Field.Kind]];
    const strength = STRENGTHS[fields[at + Field.Strength]];
    const name = textAt(table, fields[at + Field.Name]);
    const key = textAt(table, fields[at + Field.Key]);
    const surnameKey = textAt(table, fields[at + Field.SurnameKey]);
    const year = textAt(table, fields[at + Field.Year]);
    const date = textAt(table, fields[at + Field.Date]);
    const trialKey = textAt(table, fields[at + Field.TrialKey]);
    const section = textAt(table, fields[at + Field.Section]);
    const described = fields[at + Field.Described];
    const range = rangeAt(fields, at + Field.StartLine);
    const from = fields[at + Field.ContextFrom];
    const to = fields[at + Field.ContextTo];
    const text: unknown = texts[at / FIELDS];
    if (
      kind === undefined ||
      strength === undefined ||
      typeof name !== 'string' ||
      typeof key !== 'string' ||
      surnameKey === null ||
      year === null ||
      date === null ||
      trialKey === null ||
      section === null ||
      (described !== 0 && described !== 1) ||
      range === undefined ||
      !line(from) ||
      !line(to) ||
      (text !== null && typeof text !== 'string')
    )
      return undefined;
    const keyCount = fields[at + Field.LookupKeyCount];
    if (keyCount < 1 || nextKey + keyCount > lookupKeys.length) return undefined;
    const keys = new Array<string>(keyCount);
    for (let k = 0; k < keyCount; k++, nextKey++) {
      const lookupKey = textAt(table, lookupKeys[nextKey]);
      if (typeof lookupKey !== 'string') return undefined;
      keys[k] = lookupKey;
    }
    const defendantCount = fields[at + Field.DefendantCount];
    let listed: TextSpan[] | undefined;
    if (defendantCount !== -1) {
      if (defendantCount < 0 || nextDefendant + DEFENDANT_FIELDS * defendantCount > defendants.length) return undefined;
      listed = new Array<TextSpan>(defendantCount);
      for (let d = 0; d < defendantCount; d++, nextDefendant += DEFENDANT_FIELDS) {
        const written = textAt(table, defendants[nextDefendant]);
        const span = rangeAt(defendants, nextDefendant + 1);
        if (typeof written !== 'string' || !span) return undefined;
        listed[d] = { text: written, range: span };
      }
    }
    definitions[at / FIELDS] = {
      kind,
      name,
      key,
      lookupKeys: keys,
      surnameKey,
      strength,
      described: described === 1,
      range,
      text: text ?? undefined,
      year,
      date,
      defendants: listed,
      trialKey,
      contextLines: { from, to },
      section,
    };
  }
  // Every key and defendant stored belongs to a definition.
  return nextKey === lookupKeys.length && nextDefendant === defendants.length ? definitions : undefined;
}

function rangeNumbers(range: Range): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
