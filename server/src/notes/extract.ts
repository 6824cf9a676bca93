// Reads what a parsed notes file says: which entities it defines (bullet terms, trial headings, names
// lines, people sections) and which name-like phrases it contains (resolved to entities by the index).
import type { Range } from 'vscode-languageserver-types';
import type { Bullet, Heading, ParsedNotes, Section, TextSpan } from './model';
import { NAME_CONNECTORS, forEachWord, isCapitalised, isNumber, nameKey, wordsOf } from './names';
import { NamePhrases } from './phrases';
import { detach, intern } from './strings';
import { trimmedSpan } from './spans';

export type EntityKind = 'person' | 'trial' | 'cause' | 'event' | 'organisation' | 'place';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'trial', 'cause', 'event', 'organisation', 'place'];

export interface NoteDefinition {
  kind: EntityKind;
  /** As written: `Kirov's Murder`, `Trial of the 16`, `Zinoviev`. */
  name: string;
  key: string;
  /** Keys to try first when resolving against the knowledge base (`Congress of Victors 1934` → `congress of victors`). */
  lookupKeys: string[];
  range: Range;
  /** What the notes say about it: a bullet's explanation, the paragraph under a trial heading. */
  text?: string;
  /** A year written with it (`Congress of Victors 1934`, `The secret trial of 1937`). */
  year?: string;
  /** For a trial: its defendants as written on the names line. */
  defendants?: TextSpan[];
  /** For a defendant: the key of the trial whose names line lists them. */
  trialKey?: string;
  /** Lines whose names are related to this entity (a cause's explanation, a trial's section). */
  contextLines: { from: number; to: number };
  section?: string;
}

export interface NotesFacts {
  definitions: NoteDefinition[];
  /** Runs of capitalised words (with `of`, `the` inside) that may name something: `Trial of the 16`, `Kirov's Murder`. */
  phrases: NamePhrases;
  /** Markdown front matter (`essay: true`). */
  frontMatter: Record<string, string>;
}

const SECTION_KINDS: [RegExp, EntityKind][] = [
  [/\b(causes?|reasons?|factors?|why|origins?)\b/i, 'cause'],
  [/\b(show trials|trials|purges)\b/i, 'trial'],
  [/\b(people|persons|key figures|figures|who['’]?s who|personalities|biographies|key players|leaders|characters)\b/i, 'person'],
  [/\b(events|timeline|chronology|key dates|dates)\b/i, 'event'],
];
const TRIAL_NAME = /\btrial\b/i;
const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/;
const NAMES_SEPARATOR = /\s*(?:&|,|\+|\/|\band\b)\s*/;
const MAX_TEXT = 280;
/** `and 14 others` on a names line. */
const OTHERS = /^(\d+|a few|several|many|some|[a-z]+teen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*others?$/i;

export function kindOfHeading(text: string): EntityKind | undefined {
  for (const [pattern, kind] of SECTION_KINDS) if (pattern.test(text)) return kind;
  return undefined;
}

export function isTrialName(text: string): boolean {
  return TRIAL_NAME.test(text) && text.split(/\s+/).length <= 8;
}

export function extractFacts(lines: string[], notes: ParsedNotes): NotesFacts {
  const definitions: NoteDefinition[] = [];
  const kinds = sectionKinds(notes.sections);
  notes.sections.forEach((section, i) => {
    const kind = kinds[i];
    const heading = section.heading;
    if (heading && isTrialName(heading.text) && kind === 'trial') definitions.push(...trialFromHeading(lines, heading, section));
    for (const bullet of section.bullets) definitions.push(...fromBullet(bullet, kind, section));
    if (kind === 'trial') definitions.push(...trialsFromTable(section));
  });
  return { definitions, phrases: namePhrases(lines, notes), frontMatter: notes.frontMatter };
}

/** A section takes its kind from its heading, else from the enclosing section (Markdown levels). */
function sectionKinds(sections: Section[]): (EntityKind | undefined)[] {
  const stack: { level: number; kind: EntityKind | undefined }[] = [];
  return sections.map((section) => {
    const heading = section.heading;
    if (!heading) return undefined;
    const own = isTrialName(heading.text) ? 'trial' : kindOfHeading(heading.text);
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    let kind = own ?? stack[stack.length - 1]?.kind;
    // In plain text every heading has level 1: a trial heading (`Trial of the 16`) sits inside the trials section.
    if (own === 'trial' && isTrialName(heading.text)) kind = 'trial';
    if (!isTrialName(heading.text)) stack.push({ level: heading.level, kind });
    return kind;
  });
}

function trialFromHeading(lines: string[], heading: Heading, section: Section): NoteDefinition[] {
  const definitions: NoteDefinition[] = [];
  // The names line follows the heading, directly or after one blank line.
  const namesLine = section.paragraphs.find((p) => p.line <= heading.line + 2);
  const defendants = namesLine ? namesOnLine(lines[namesLine.line], namesLine.line) : undefined;
  const trialKey = nameKey(heading.text);
  const paragraphs = section.paragraphs.filter((p) => !(defendants && p === namesLine));
  const text = paragraphs.map((p) => p.content.text).join(' ');
  const contextLines = { from: heading.line, to: section.range.end.line };
  definitions.push(noteDefinition('trial', heading.text, heading.range, heading.text, { text: clip(text), defendants, contextLines }));
  for (const name of defendants ?? []) {
    definitions.push(noteDefinition('person', name.text, name.range, heading.text, { text: `Defendant at the ${heading.text}`, trialKey, contextLines }));
  }
  return definitions;
}

function fromBullet(bullet: Bullet, sectionKind: EntityKind | undefined, section: Section): NoteDefinition[] {
  const term = bullet.term;
  if (!term) return [];
  const sectionName = section.heading?.text;
  const contextLines = { from: bullet.line, to: bullet.line };
  const text = clip(bullet.explanation?.text);
  if (isTrialName(term.text) && !/\btrials\b/i.test(term.text) && (sectionKind === 'trial' || YEAR.test(term.text) || / of /i.test(term.text))) {
    return [noteDefinition('trial', term.text, term.range, sectionName, { text, contextLines })];
  }
  switch (sectionKind) {
    case 'cause':
      return [noteDefinition('cause', term.text, term.range, sectionName, { text, contextLines })];
    case 'person': {
      const names = namesOnLine(term.text, term.range.start.line, term.range.start.character);
      return (names ?? []).map((name) => noteDefinition('person', name.text, name.range, sectionName, { text, contextLines }));
    }
    case 'event':
      return eventFromBullet(bullet, term, sectionName, contextLines);
    default:
      return [];
  }
}

/** `1934 – Congress of Victors ...` names the event after the date; `Congress of Victors 1934 – ...` before it. */
function eventFromBullet(bullet: Bullet, term: TextSpan, sectionName: string | undefined, contextLines: NoteDefinition['contextLines']): NoteDefinition[] {
  if (!isDateTerm(term.text)) {
    return [noteDefinition('event', term.text, term.range, sectionName, { text: clip(bullet.explanation?.text), contextLines })];
  }
  const explanation = bullet.explanation;
  if (!explanation) return [];
  // The name runs to the first clause break; `No. 227` is not one.
  const clause = /^(?:[^.,;:–—("“]|\.(?=\s*\d))+/.exec(explanation.text)?.[0] ?? '';
  const leading = leadingName(clause);
  const start = explanation.range.start.character + (leading?.start ?? 0);
  const name = trimmedSpan(explanation.text, explanation.range.start.line, leading?.start ?? 0, leading?.end ?? clause.length);
  if (!name || name.text.split(/\s+/).length > 8) return [];
  const range = { start: { line: name.range.start.line, character: start }, end: { line: name.range.start.line, character: start + name.text.length } };
  const year = YEAR.exec(term.text)?.[1];
  return [noteDefinition(isTrialName(name.text) ? 'trial' : 'event', name.text, range, sectionName, { year, text: clip(explanation.text), contextLines })];
}

/** A table in a trials section: rows whose first cell names a trial, with a defendants column. */
function trialsFromTable(section: Section): NoteDefinition[] {
  const header = section.rows.find((row) => row.isHeader);
  const defendantsColumn = header?.cells.findIndex((cell) => /defendant|accused|who/i.test(cell.text)) ?? -1;
  const definitions: NoteDefinition[] = [];
  for (const row of section.rows) {
    const first = row.cells[0];
    if (row.isHeader || !first || !isTrialName(first.text)) continue;
    const namesCell = defendantsColumn > 0 ? row.cells[defendantsColumn] : undefined;
    const defendants = namesCell ? namesOnLine(namesCell.text, row.line, namesCell.range.start.character) : undefined;
    const text = row.cells.slice(1).map((cell) => cell.text).join('; ');
    const contextLines = { from: row.line, to: row.line };
    definitions.push(noteDefinition('trial', first.text, first.range, section.heading?.text, { text: clip(text), defendants, contextLines }));
  }
  return definitions;
}

/** `the Battle of Stalingrad begins` → `Battle of Stalingrad`: a leading name of two or more capitalised words. */
function leadingName(clause: string): { start: number; end: number } | undefined {
  const words = wordsOf(clause);
  let i = words[0]?.text.toLowerCase() === 'the' ? 1 : 0;
  const first = i;
  let capitalised = 0;
  let end = -1;
  for (; i < words.length; i++) {
    const text = words[i].text;
    if (i > first && !/^[ \t]+$|^\.\s+$/.test(clause.slice(words[i - 1].end, words[i].start))) break;
    if (isCapitalised(text) || isNumber(text)) {
      capitalised++;
      end = words[i].end;
    } else if (!NAME_CONNECTORS.has(text)) break;
  }
  if (capitalised < 2 || end === -1) return undefined;
  // `Battle of Stalingrad begins` names an event; `Louis XVI executed` is one, whole.
  const name = clause.slice(words[first].start, end);
  return EVENT_WORD.test(name) ? { start: words[first].start, end } : undefined;
}

const EVENT_WORD = /\b(battle|siege|operation|treaty|pact|congress|conference|trial|revolution|war|order|plan|act|purge|famine|massacre|uprising|rebellion|revolt|offensive|campaign|day|night|crisis|affair|agreement|accords?|putsch|fire|election|assassination|murder|plot|decree|constitution|landings?|invasion|blockade|airlift|summit|coup)s?\b/i;

const MONTH_OR_QUALIFIER = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(c|ca|to|early|late|mid|and|the|of)\.?$/i;

/** `1934`, `22 June 1941`, `August 1942`, `April-May 1945`, `1942-43`: a date, not a name. */
function isDateTerm(text: string): boolean {
  const words = text.split(/[\s\-–—/,]+/).filter(Boolean);
  return words.some((w) => /^\d{4}s?$/.test(w)) && words.every((w) => /^\d{1,4}(st|nd|rd|th|s)?$/i.test(w) || MONTH_OR_QUALIFIER.test(w));
}

interface DefinitionDetails {
  text?: string;
  year?: string;
  defendants?: TextSpan[];
  trialKey?: string;
  contextLines: NoteDefinition['contextLines'];
}

/**
 * Every definition is built here, with its fields in one order: V8 then gives them all one shape
 * (spread objects each got their own, megabytes at scale), and its strings are copies, so a kept
 * definition does not keep its note's whole text alive.
 */
function noteDefinition(kind: EntityKind, written: string, range: Range, section: string | undefined, details: DefinitionDetails): NoteDefinition {
  const name = intern(written.replace(/(\*\*|__)/g, '').trim());
  const key = nameKey(name);
  const year = YEAR.exec(name)?.[1];
  const withoutYear = nameKey(name.replace(/\s*\(?\b(1[0-9]{3}|20[0-9]{2})\b\)?\s*$/, ''));
  const lookupKeys = withoutYear && withoutYear !== key ? [key, withoutYear] : [key];
  return {
    kind,
    name,
    key,
    lookupKeys,
    range,
    text: details.text === undefined ? undefined : detach(details.text),
    year: details.year ?? (kind === 'person' ? undefined : year),
    defendants: details.defendants?.map((d) => ({ text: intern(d.text), range: d.range })),
    trialKey: details.trialKey,
    contextLines: details.contextLines,
    section: section === undefined ? undefined : intern(section),
  };
}

/**
 * `Kamenev & Zinoviev`, `Bukharin, Rykov and Yagoda`: each part a name of one to four capitalised words.
 * Returns undefined unless every part looks like a name.
 */
export function namesOnLine(text: string, line: number, offset = 0): TextSpan[] | undefined {
  const names: TextSpan[] = [];
  let cursor = 0;
  for (const part of text.split(NAMES_SEPARATOR)) {
    const at = text.indexOf(part, cursor);
    cursor = at + part.length;
    if (part.trim() === '') continue;
    if (OTHERS.test(part.trim())) continue;
    const words = part.trim().split(/\s+/);
    if (words.length > 4 || !isCapitalised(words[0]) || !words.every((w) => isCapitalised(w) || NAME_CONNECTORS.has(w))) return undefined;
    if (/[.!?;:]$/.test(part.trim())) return undefined;
    const spanOf = trimmedSpan(text, line, at, at + part.length);
    if (spanOf) names.push({ text: spanOf.text, range: { start: { line, character: offset + spanOf.range.start.character }, end: { line, character: offset + spanOf.range.end.character } } });
  }
  return names.length > 0 ? names : undefined;
}

function namePhrases(lines: string[], notes: ParsedNotes): NamePhrases {
  const phrases = new NamePhrases();
  // The current run of words, as texts and start offsets: no object per word of the notes.
  const texts: string[] = [];
  const starts: number[] = [];
  let capitalised = 0;
  for (let line = 0; line < lines.length; line++) {
    if (notes.skippedLines.has(line)) continue;
    const text = lines[line];
    const flush = (): void => {
      while (texts.length > 0 && NAME_CONNECTORS.has(texts[texts.length - 1])) {
        texts.pop();
        starts.pop();
      }
      if (capitalised > 0 && texts.length > 0) phrases.add(line, texts, starts);
      texts.length = 0;
      starts.length = 0;
      capitalised = 0;
    };
    let previousEnd = -1;
    forEachWord(text, (word, start) => {
      const joined = texts.length > 0 && onlySpacesOrTabs(text, previousEnd, start);
      const upper = isCapitalised(word);
      if (upper || isNumber(word)) {
        if (!joined) flush();
        texts.push(word);
        starts.push(start);
        if (upper) capitalised++;
      } else if (joined && NAME_CONNECTORS.has(word)) {
        texts.push(word);
        starts.push(start);
      } else {
        flush();
      }
      previousEnd = start + word.length;
    });
    flush();
  }
  return phrases.seal();
}

/** Whether text[from, to) is one or more spaces and tabs. */
function onlySpacesOrTabs(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function clip(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text;
}
