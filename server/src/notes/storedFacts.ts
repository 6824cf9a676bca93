// A note's facts as they are kept between sessions (see workspace/factsCache), and the check that
// what comes back is facts of that very note: a cache file is never trusted, so every field is
// checked for its type and every position for falling inside the note. Words, names and keys are
// numbers into the text table all notes share (see textTable).
import { ENTITY_KINDS, type NoteDefinition, type NotesFacts } from './extract';
import { LineYears, type LineYearsParts } from './lineYears';
import type { Range } from 'vscode-languageserver-types';
import { NamePhrases, type NamePhrasesParts } from './phrases';
import { definitionFromStored, storedDefinition, type StoredDefinition } from './storedDefinition';
import type { TextNumbers } from './textTable';
import { wordNumbersAt } from './wordNumbers';

export interface StoredFacts {
  definitions: StoredDefinition[];
  /** The words as numbers into the text table. */
  phrases: Omit<NamePhrasesParts, 'words'> & { words: Int32Array };
  years: LineYearsParts;
  frontMatter: Record<string, string>;
}

export function storedFacts(facts: NotesFacts, texts: TextNumbers): StoredFacts {
  const phrases = facts.phrases.parts();
  return {
    definitions: facts.definitions.map((d) => storedDefinition(d, texts)),
    phrases: { ...phrases, words: texts.numberedWords(phrases.words) },
    years: facts.years.parts(),
    frontMatter: facts.frontMatter,
  };
}

/**
 * The facts again, when `value` is well-formed facts of a note of `lineCount` lines whose texts are
 * numbers into `table` (see textTableFromStored); else undefined.
 */
export function factsFromStored(value: unknown, lineCount: number, table: readonly string[]): NotesFacts | undefined {
  if (!isObject(value) || !Array.isArray(value.definitions)) return undefined;
  const { years, frontMatter } = value;
  const definitions = value.definitions.map((d) => definitionFromStored(d, table));
  if (!definitions.every((d) => isDefinition(d, lineCount))) return undefined;
  const phrases = phrasesFromStored(value.phrases, table);
  if (!isPhrases(phrases, lineCount) || !isYears(years, lineCount)) return undefined;
  if (!isObject(frontMatter) || !Object.values(frontMatter).every((v) => typeof v === 'string')) return undefined;
  return {
    definitions: definitions as NoteDefinition[],
    phrases: NamePhrases.fromParts(phrases),
    years: LineYears.fromParts(years),
    // Own keys only, as data: a key `__proto__` stays a key.
    frontMatter: Object.fromEntries(Object.entries(frontMatter as Record<string, string>)),
  };
}

const STRENGTHS = new Set(['defined', 'named', 'ifKnown']);

function isDefinition(value: unknown, lineCount: number): boolean {
  if (!isObject(value)) return false;
  const d = value;
  return (
    ENTITY_KINDS.includes(d.kind as NoteDefinition['kind']) &&
    typeof d.name === 'string' &&
    typeof d.key === 'string' &&
    Array.isArray(d.lookupKeys) &&
    d.lookupKeys.length > 0 &&
    d.lookupKeys.every((k) => typeof k === 'string') &&
    STRENGTHS.has(d.strength as string) &&
    typeof d.described === 'boolean' &&
    isRange(d.range, lineCount) &&
    isObject(d.contextLines) &&
    isLine(d.contextLines.from, lineCount) &&
    isLine(d.contextLines.to, lineCount) &&
    ['surnameKey', 'text', 'year', 'date', 'trialKey', 'section'].every((k) => d[k] === undefined || typeof d[k] === 'string') &&
    (d.defendants === undefined ||
      (Array.isArray(d.defendants) && d.defendants.every((s) => isObject(s) && typeof s.text === 'string' && isRange(s.range, lineCount))))
  );
}

/** The phrases with their words as word numbers; undefined when a number is no word of the table. */
function phrasesFromStored(value: unknown, table: readonly string[]): unknown {
  const words = isObject(value) ? wordNumbersAt(table, value.words) : undefined;
  return words && { ...(value as object), words };
}

function isPhrases(value: unknown, lineCount: number): value is NamePhrasesParts {
  if (!isObject(value)) return false;
  const { words, lines, starts, flags, bounds } = value;
  if (!(
    words instanceof Int32Array &&
    lines instanceof Int32Array &&
    starts instanceof Int32Array &&
    flags instanceof Uint8Array &&
    bounds instanceof Int32Array
  ))
    return false;
  const n = words.length;
  if (lines.length !== n || starts.length !== n || flags.length !== n || bounds.length < 1) return false;
  if (bounds[0] !== 0 || bounds[bounds.length - 1] !== n) return false;
  for (let i = 1; i < bounds.length; i++) if (bounds[i] < bounds[i - 1]) return false;
  for (let w = 0; w < n; w++) if (!isLine(lines[w], lineCount) || starts[w] < 0) return false;
  return true;
}

function isYears(value: unknown, lineCount: number): value is LineYearsParts {
  if (!isObject(value)) return false;
  const { lines, years } = value;
  if (!(lines instanceof Int32Array && years instanceof Int16Array) || lines.length !== years.length) return false;
  for (let i = 0; i < lines.length; i++) if (!isLine(lines[i], lineCount) || (i > 0 && lines[i] <= lines[i - 1])) return false;
  return true;
}

function isRange(value: unknown, lineCount: number): value is Range {
  if (!isObject(value) || !isObject(value.start) || !isObject(value.end)) return false;
  const { start, end } = value;
  return isLine(start.line, lineCount) && isLine(end.line, lineCount) && isOffset(start.character) && isOffset(end.character);
}

function isLine(value: unknown, lineCount: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < lineCount;
}

function isOffset(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
