// A note's facts as they are kept between sessions (see workspace/factsCache), and the check that
// what comes back is facts of that very note: a cache file is never trusted, so every field is
// checked for its type and every position for falling inside the note. Words, names and keys are
// numbers into the text table all notes share (see textTable).
import type { NotesFacts } from './extract';
import { LineYears, type LineYearsParts } from './lineYears';
import { NamePhrases, type NamePhrasesParts } from './phrases';
import { definitionsFromStored, storedDefinitions, type StoredDefinitions } from './storedDefinition';
import type { TextNumbers } from './textTable';
import { wordNumbersAt } from './wordNumbers';

export interface StoredFacts {
  definitions: StoredDefinitions;
  /** The words as numbers into the text table. */
  phrases: Omit<NamePhrasesParts, 'words'> & { words: Int32Array };
  years: LineYearsParts;
  frontMatter: Record<string, string>;
}

export function storedFacts(facts: NotesFacts, texts: TextNumbers): StoredFacts {
  const phrases = facts.phrases.parts();
  return {
    definitions: storedDefinitions(facts.definitions, texts),
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
  if (!isObject(value)) return undefined;
  const { years, frontMatter } = value;
  const definitions = definitionsFromStored(value.definitions, table, lineCount);
  if (!definitions) return undefined;
  const phrases = phrasesFromStored(value.phrases, table);
  if (!isPhrases(phrases, lineCount) || !isYears(years, lineCount)) return undefined;
  if (!isObject(frontMatter) || !Object.values(frontMatter).every((v) => typeof v === 'string')) return undefined;
  return {
    definitions,
    phrases: NamePhrases.fromParts(phrases),
    years: LineYears.fromParts(years),
    // Own keys only, as data: a key `__proto__` stays a key.
    frontMatter: Object.fromEntries(Object.entries(frontMatter as Record<string, string>)),
  };
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

function isLine(value: unknown, lineCount: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < lineCount;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
