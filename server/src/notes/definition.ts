// What a note says it defines, and the one place such a definition is built.
import type { Range } from 'vscode-languageserver-types';
import type { TextSpan } from './model';
import { nameKey } from './names';
import { sameList } from './lists';
import { movedRange, sameRange } from './ranges';
import { movedSpan } from './spans';
import { detach, intern } from './strings';
import { english } from '../words/english';
import { isPlaceWord } from '../words/places';
import { isTitle, isTwoWordTitle } from '../words/titles';

export type EntityKind = 'person' | 'trial' | 'cause' | 'event' | 'organisation' | 'place';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'trial', 'cause', 'event', 'organisation', 'place'];

/**
 * How sure the notes are: `defined` where they define it (a term, a who's-who heading, a names
 * line); `named` where a shape in running text says "a person" (`President Wilson`, `Thomas Mann`),
 * which counts only when no knowledge entity has the name; `ifKnown` for a heading that may name a
 * person, which counts only when the knowledge knows them.
 */
export type Strength = 'defined' | 'named' | 'ifKnown';

export interface NoteDefinition {
  kind: EntityKind;
  /** As written, without Markdown marks: `Kirov's Murder`, `Trial of the 16`, `Zinoviev`. */
  name: string;
  key: string;
  /** Keys to try first when resolving against the knowledge base (`Congress of Victors 1934` → `congress of victors`). */
  lookupKeys: string[];
  /** For a person the notes name in full (`Thomas Mann`): the surname alone, which names them too. */
  surnameKey?: string;
  strength: Strength;
  /** The name is a description (`Yagoda made head of the NKVD`): it names nothing in running text. */
  described: boolean;
  range: Range;
  /** What the notes say about it: a bullet's explanation, the paragraph under a trial heading. */
  text?: string;
  /** A year written with it (`Congress of Victors 1934`, `The secret trial of 1937`). */
  year?: string;
  /** The date as written on a timeline line (`10 July`, `Feb 1917`). */
  date?: string;
  /** For a trial: its defendants as written on the names line. */
  defendants?: TextSpan[];
  /** For a defendant: the key of the trial whose names line lists them. */
  trialKey?: string;
  /** Lines whose names are related to this entity (a cause's explanation, a trial's section). */
  contextLines: { from: number; to: number };
  section?: string;
}

export interface DefinitionDetails {
  text?: string;
  year?: string;
  date?: string;
  defendants?: TextSpan[];
  trialKey?: string;
  strength?: Strength;
  described?: boolean;
  /** Keys to try against the knowledge before the name's own (`Martin Luther King` before `Martin Luther`). */
  alsoTry?: string[];
  contextLines: NoteDefinition['contextLines'];
}

const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/;
const MAX_TEXT = 280;

/**
 * Every definition is built here, with its fields in one order: V8 then gives them all one shape
 * (spread objects each got their own, megabytes at scale), and its strings are copies, so a kept
 * definition does not keep its note's whole text alive.
 */
export function noteDefinition(
  kind: EntityKind,
  written: string,
  range: Range,
  section: string | undefined,
  details: DefinitionDetails,
): NoteDefinition {
  const name = intern(kind === 'person' ? withoutTitles(withoutMarks(written)) : withoutMarks(written));
  const key = nameKey(name);
  const year = YEAR.exec(name)?.[1];
  // `Congress of Victors 1934` is the Congress of Victors; `Election of 1944` is no `Election of`.
  const yearless = name.replace(/\s*\(?\b(1[0-9]{3}|20[0-9]{2})\b\)?\s*$/, '');
  const withoutYear = /\b(of|in|the|for|and)$/i.test(yearless) ? '' : nameKey(yearless);
  const lookupKeys = [...new Set([...(details.alsoTry ?? []), key, ...(withoutYear ? [withoutYear] : [])])];
  const surnameKey = kind === 'person' ? nameKey(surnameIn(name)) : undefined;
  return {
    kind,
    name,
    key,
    lookupKeys,
    surnameKey: surnameKey && surnameKey !== key ? surnameKey : undefined,
    strength: details.strength ?? 'defined',
    described: details.described ?? false,
    range,
    text: details.text === undefined ? undefined : detach(details.text),
    year: details.year ?? (kind === 'person' ? undefined : year),
    date: details.date === undefined ? undefined : intern(details.date),
    defendants: details.defendants?.map((d) => ({ text: intern(d.text), range: d.range })),
    trialKey: details.trialKey,
    contextLines: details.contextLines,
    section: section === undefined ? undefined : intern(section),
  };
}

/** The same definition `lines` further down the note, its fields in noteDefinition's order (see LineMemo). */
export function movedDefinition(definition: NoteDefinition, lines: number): NoteDefinition {
  const { range, defendants, contextLines } = definition;
  return {
    kind: definition.kind,
    name: definition.name,
    key: definition.key,
    lookupKeys: definition.lookupKeys,
    surnameKey: definition.surnameKey,
    strength: definition.strength,
    described: definition.described,
    range: movedRange(range, lines),
    text: definition.text,
    year: definition.year,
    date: definition.date,
    defendants: defendants?.map((d) => movedSpan(d, lines)),
    trialKey: definition.trialKey,
    contextLines: { from: contextLines.from + lines, to: contextLines.to + lines },
    section: definition.section,
  };
}

/**
 * Whether two definitions say the same at the same place, field by field in noteDefinition's order:
 * an edit that leaves a note's definitions as they were need not define them again (see NotesIndex).
 */
export function sameDefinition(a: NoteDefinition, b: NoteDefinition): boolean {
  if (a === b) return true;
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.key === b.key &&
    sameList(a.lookupKeys, b.lookupKeys) &&
    a.surnameKey === b.surnameKey &&
    a.strength === b.strength &&
    a.described === b.described &&
    sameRange(a.range, b.range) &&
    a.text === b.text &&
    a.year === b.year &&
    a.date === b.date &&
    (a.defendants === undefined) === (b.defendants === undefined) &&
    sameList(a.defendants ?? [], b.defendants ?? [], (x, y) => x.text === y.text && sameRange(x.range, y.range)) &&
    a.trialKey === b.trialKey &&
    a.contextLines.from === b.contextLines.from &&
    a.contextLines.to === b.contextLines.to &&
    a.section === b.section
  );
}

/** `Grand Duke Nicholas Nikolaevich` → `Nicholas Nikolaevich`: the person, not their office. */
function withoutTitles(name: string): string {
  const words = name.split(/\s+/);
  let from = 0;
  for (;;) {
    const length = isTwoWordTitle(words[from], words[from + 1] ?? '') ? 2 : isTitle(words[from]) ? 1 : 0;
    if (length === 0 || words.length - from - length < 1) break;
    from += length;
  }
  return from > 0 ? words.slice(from).join(' ') : name;
}

/**
 * The last word of a person's name of several words, skipping a regnal number, an initial or `Jr.`;
 * '' for one word or an ordinary word.
 */
function surnameIn(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && /^([IVX]{1,5}|\p{Lu}\.|Jr\.?|Sr\.?)$/u.test(words[words.length - 1])) words.pop();
  const surname = words.length > 1 ? words[words.length - 1].replace(/['’]s?$/, '') : '';
  // `Sir John French`: `French` alone means the nation, `Grey` the colour.
  return surname && !isPlaceWord(surname) && !english().isCommon(surname) ? surname : '';
}

/** Every mark withoutMarks takes away has one of these characters. */
const MARK = /[[*_`#]/;

/** A name without Markdown's marks: `**Yagoda**`, `_Arthur Vandenberg_`, `[[Lenin]]`, `[Lenin](lenin.md)`, `#Stalin`. */
export function withoutMarks(text: string): string {
  // Most names carry no mark: one test, rather than seven replacements that find nothing.
  if (!MARK.test(text)) return text.trim();
  return text
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=$|[\s).,;:!?'’])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(^|\s)#(?=\p{L})/gu, '$1')
    .replace(/[*_]+/g, '')
    .trim();
}

/** Marks that wrap a name: the span keeps what is inside. */
const WRAPPERS: [string, string][] = [
  ['**', '**'],
  ['__', '__'],
  ['[[', ']]'],
  ['*', '*'],
  ['_', '_'],
  ['`', '`'],
];

/** The same span with the marks around it left out of its range: `**Yagoda**` → `Yagoda`, `#Stalin` → `Stalin`. */
export function unmarkedSpan(span: TextSpan): TextSpan {
  let leading = 0;
  let trailing = 0;
  for (let changed = true; changed;) {
    changed = false;
    const inner = span.text.slice(leading, span.text.length - trailing);
    for (const [open, close] of WRAPPERS) {
      if (inner.length > open.length + close.length && inner.startsWith(open) && inner.endsWith(close)) {
        leading += open.length;
        trailing += close.length;
        changed = true;
        break;
      }
    }
  }
  if (/^#\p{L}/u.test(span.text.slice(leading))) leading++;
  if (leading === 0 && trailing === 0) return span;
  const { start, end } = span.range;
  return {
    text: span.text.slice(leading, span.text.length - trailing),
    range: {
      start: { line: start.line, character: start.character + leading },
      end: { line: end.line, character: end.character - trailing },
    },
  };
}

export function clip(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text;
}
