// A note definition as the kept index stores it: an array in a fixed order rather than an object,
// so its field names are not written out for every definition, and its names and keys as numbers
// into the shared text table. What comes back is built in noteDefinition's field order, so every
// definition has one shape again; the caller checks its fields (see storedFacts).
import type { Range } from 'vscode-languageserver-types';
import type { NoteDefinition } from './definition';
import { optionalNumber, textAt, type TextNumbers } from './textTable';

export type StoredDefinition = unknown[];

export function storedDefinition(d: NoteDefinition, texts: TextNumbers): StoredDefinition {
  return [
    texts.number(d.kind),
    texts.number(d.name),
    texts.number(d.key),
    d.lookupKeys.map((key) => texts.number(key)),
    optionalNumber(texts, d.surnameKey),
    texts.number(d.strength),
    d.described,
    storedRange(d.range),
    d.text,
    optionalNumber(texts, d.year),
    optionalNumber(texts, d.date),
    d.defendants?.map((defendant) => [texts.number(defendant.text), ...storedRange(defendant.range)]),
    optionalNumber(texts, d.trialKey),
    d.contextLines.from,
    d.contextLines.to,
    optionalNumber(texts, d.section),
  ];
}

/** The definition `value` stores, its texts looked up in `table`; its fields are still to be checked. */
export function definitionFromStored(value: unknown, table: readonly string[]): unknown {
  if (!Array.isArray(value) || value.length !== 16) return undefined;
  const [kind, name, key, lookupKeys, surnameKey, strength, described, range, text, year, date, defendants, trialKey, from, to, section] =
    value as unknown[];
  return {
    kind: textAt(table, kind),
    name: textAt(table, name),
    key: textAt(table, key),
    lookupKeys: Array.isArray(lookupKeys) ? lookupKeys.map((k) => textAt(table, k)) : undefined,
    surnameKey: textAt(table, surnameKey),
    strength: textAt(table, strength),
    described,
    range: rangeFromStored(range),
    text,
    year: textAt(table, year),
    date: textAt(table, date),
    defendants: Array.isArray(defendants)
      ? defendants.map((d: unknown) => (Array.isArray(d) ? { text: textAt(table, d[0]), range: rangeFromStored(d.slice(1)) } : d))
      : defendants,
    trialKey: textAt(table, trialKey),
    contextLines: { from, to },
    section: textAt(table, section),
  };
}

function storedRange(range: Range): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

function rangeFromStored(value: unknown): Range | undefined {
  if (!Array.isArray(value) || value.length !== 4) return undefined;
  const [line, character, endLine, endCharacter] = value as number[];
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}
