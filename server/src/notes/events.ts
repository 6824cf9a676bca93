// Events from bullets: a term in an events section (`Congress of Victors 1934 – ...`), and a timeline
// line in any section (`1934 – Congress of Victors ...`, `* 10 July: Yagoda made head of the NKVD`,
// `- Feb 1917 - strikes in Petrograd`). On a timeline line the date dates the event; the text after it
// names it (`the Battle of Stalingrad begins` → `Battle of Stalingrad`) or, failing a name, describes it.
import type { Bullet, ParsedNotes, Section, TextSpan } from './model';
import { clip, noteDefinition, type NoteDefinition } from './definition';
import { NAME_CONNECTORS, isCapitalised, isNumber, wordsOf } from './names';
import { trimmedSpan } from './spans';
import { isTrialName } from './trials';
import { anyOf, wordList } from '../words/wordPattern';
import { wordCount } from './wordCount';

/** Words that say a name is an event's: `Battle of Stalingrad`, `Law of Suspects`, `Montgomery Bus Boycott`. */
const EVENT_WORDS = wordList(
  'battle siege operation treaty pact congress conference trial revolution war order plan act law purge famine massacre',
  'uprising rising rebellion revolt mutiny offensive campaign day night crisis affair agreement accords? putsch fire',
  'election assassination murder execution plot decree constitution landings? invasion blockade airlift summit coup riot',
  'boycott march strike raid sit-in rides speech resolution incident armistice settlement dissolution expedition',
  'evacuation surrender deal bombing blitz proclamation declaration charter fall sack reform purges terror',
);
const EVENT_WORD = new RegExp(`\\b${anyOf(EVENT_WORDS)}s?\\b`, 'i');
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;
const QUALIFIER = /^(c|ca|circa|to|early|late|mid|and|the|of|spring|summer|autumn|fall|winter)\.?$/i;
const NUMBER = /^\d{1,4}(st|nd|rd|th|s)?$/i;
const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/;
/** A description names the event in at most this many words. */
const MAX_NAME_WORDS = 8;

type ContextLines = NoteDefinition['contextLines'];

/**
 * `1934`, `22 June 1941`, `August 1942`, `April-May 1945`, `1942-43`, `10 July`, `May 5th`,
 * `Jan-Apr`, `March 25, 1920`: a date, with or without its year, never a name.
 */
export function isDateTerm(text: string): boolean {
  const words = text.split(/[\s\-–—/,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || !words.every((w) => NUMBER.test(w) || MONTH.test(w) || QUALIFIER.test(w))) return false;
  const months = words.filter((w) => MONTH.test(w)).length;
  const numbers = words.filter((w) => NUMBER.test(w));
  return numbers.some((w) => /^\d{4}s?$/.test(w)) || (months > 0 && numbers.length > 0) || months > 1;
}

/** An events section's bullet: a term is the event; a date term dates the event its explanation names. */
export function eventFromBullet(
  bullet: Bullet,
  term: TextSpan,
  sectionName: string | undefined,
  contextLines: ContextLines,
): NoteDefinition[] {
  if (isDateTerm(term.text)) return datedEvent(bullet, term, sectionName, contextLines);
  return [noteDefinition('event', term.text, term.range, sectionName, { text: clip(bullet.explanation?.text), contextLines })];
}

/**
 * A term in a section of no kind that reads as an event: one with an event's word (`Law of Suspects`,
 * `Battle of Gravelines`), or dated in brackets after it or at the start of its explanation
 * (`**Neutrality Acts** (1935–1937)`, `Verdun – February–December 1916`).
 */
export function eventFromTerm(
  bullet: Bullet,
  term: TextSpan,
  line: string,
  sectionName: string | undefined,
  contextLines: ContextLines,
): NoteDefinition[] {
  if (!readsAsName(term.text)) return [];
  const bracket = /^[*_]*\s*\(([^)]*)\)/.exec(line.slice(term.range.end.character))?.[1];
  const opening = /^([^.,;:(]+)/.exec(bullet.explanation?.text ?? '')?.[1].trim();
  const date = [bracket, opening].find((text) => text !== undefined && isDateTerm(text));
  // An event's word is enough with an explanation or a year (`Election of 1940`); a bare `The Road to War` is a title.
  const explained = bullet.explanation !== undefined || YEAR.test(term.text);
  if (!date && !(namesEvent(term.text) && explained)) return [];
  const year = YEAR.exec(date ?? term.text)?.[1];
  const kind = isTrialName(term.text) ? 'trial' : 'event';
  return [noteDefinition(kind, term.text, term.range, sectionName, { year, date, text: clip(bullet.explanation?.text), contextLines })];
}

/**
 * Bold terms inside running text that name events (`FDR gave in with **Executive Order 8802**`):
 * students embolden what they must know. Each once per note, where first written.
 */
export function eventsInBold(lines: readonly string[], notes: ParsedNotes): NoteDefinition[] {
  const found = new Map<string, NoteDefinition>();
  const headings = new Map(notes.sections.filter((s) => s.heading).map((s) => [s.heading!.line, s.heading!.text]));
  let section: string | undefined;
  for (let line = 0; line < lines.length; line++) {
    if (headings.has(line)) section = headings.get(line);
    if (notes.skippedLines.has(line) || headings.has(line)) continue;
    for (const match of lines[line].matchAll(/(\*\*|__)([^*_]+?)\1/g)) {
      const text = match[2].trim();
      if (!readsAsName(text) || !namesEvent(text) || found.has(text.toLowerCase())) continue;
      const start = match.index + match[1].length + match[2].indexOf(text);
      const range = { start: { line, character: start }, end: { line, character: start + text.length } };
      const year = YEAR.exec(text)?.[1];
      found.set(
        text.toLowerCase(),
        noteDefinition(isTrialName(text) ? 'trial' : 'event', text, range, section, { year, contextLines: { from: line, to: line } }),
      );
    }
  }
  return [...found.values()];
}

/** An event's word, or a court case (`Brown v. Board of Education`). */
function namesEvent(text: string): boolean {
  return EVENT_WORD.test(text) || /\s(v|vs)\.?\s\p{Lu}/u.test(text);
}

/** A name, not a clause: capitalised, at most eight words, no sentence's punctuation (`v.` and `No.` allowed). */
function readsAsName(text: string): boolean {
  if (!/^\p{Lu}/u.test(text) || wordCount(text) > 8) return false;
  return !/[.!?,;:]/.test(text.replace(/\b(v|vs|No|St|Dr|U\.S|U\.K)\./g, '$1'));
}

/**
 * A table whose header names an event column (`Event`, `Battle`, `What happened`): its rows are
 * events, dated by a `Date` or `Year` column.
 */
export function eventsFromTable(section: Section): NoteDefinition[] {
  const header = section.rows.find((row) => row.isHeader);
  const column = header?.cells.findIndex((cell) => /^(events?|battles?|conferences?|treaty|treaties|name)$/i.test(cell.text.trim())) ?? -1;
  if (!header || column === -1) return [];
  const dateColumn = header.cells.findIndex((cell) => /^(date|dates|year|when)$/i.test(cell.text.trim()));
  const definitions: NoteDefinition[] = [];
  for (const row of section.rows) {
    const cell = row.cells[column];
    if (row.isHeader || !cell || !/^\p{Lu}/u.test(cell.text) || isDateTerm(cell.text) || wordCount(cell.text) > 10) continue;
    const date = dateColumn === -1 ? undefined : row.cells[dateColumn]?.text;
    const year = date ? YEAR.exec(date)?.[1] : undefined;
    const kind = isTrialName(cell.text) ? 'trial' : 'event';
    const text = row.cells
      .filter((_, i) => i !== column)
      .map((c) => c.text)
      .join('; ');
    definitions.push(
      noteDefinition(kind, cell.text, cell.range, section.heading?.text, {
        year,
        date,
        text: clip(text),
        contextLines: { from: row.line, to: row.line },
      }),
    );
  }
  return definitions;
}

/** `10 July: Yagoda made head of the NKVD`: the event the explanation names or describes, dated by the term. */
export function datedEvent(bullet: Bullet, term: TextSpan, sectionName: string | undefined, contextLines: ContextLines): NoteDefinition[] {
  const explanation = endOfRange(bullet.explanation);
  if (!explanation) return [];
  // The name runs to the first clause break; `No. 227` is not one.
  const clause = /^(?:[^.,;:–—("“]|\.(?=\s*\d))+/.exec(explanation.text)?.[0] ?? '';
  const named = leadingName(clause);
  const span = named ?? describedBy(clause);
  if (!span) return [];
  const line = explanation.range.start.line;
  const name = trimmedSpan(explanation.text, line, span.start, span.end);
  if (!name || !/\p{L}/u.test(name.text)) return [];
  const start = explanation.range.start.character + name.range.start.character;
  const range = { start: { line, character: start }, end: { line, character: start + name.text.length } };
  const year = YEAR.exec(term.text)?.[1];
  const kind = isTrialName(name.text) ? 'trial' : 'event';
  // `Storming of the Bastille` is a name, written so elsewhere; `Yagoda made head of the NKVD` describes.
  const described = !named && !isTitled(name.text);
  return [
    noteDefinition(kind, name.text, range, sectionName, { year, date: term.text, text: clip(explanation.text), described, contextLines }),
  ];
}

/** `17 July – 2 Aug 1945: Potsdam Conference`: the range's second date is no part of the event's text. */
function endOfRange(explanation: TextSpan | undefined): TextSpan | undefined {
  if (!explanation) return undefined;
  const date = /^([^:–—]+?)\s*(?::|\s[–—-])\s+/.exec(explanation.text);
  if (!date || !isDateTerm(date[1])) return explanation;
  const { start, end } = explanation.range;
  const rest = explanation.text.slice(date[0].length);
  if (rest.trim() === '') return explanation;
  return { text: rest, range: { start: { line: start.line, character: start.character + date[0].length }, end } };
}

/** A description as the event's name: its first words, cut at a word. */
function describedBy(clause: string): { start: number; end: number } | undefined {
  const words = wordsOf(clause);
  if (words.length === 0) return undefined;
  const last = words[Math.min(words.length, MAX_NAME_WORDS) - 1];
  return { start: words[0].start, end: last.end };
}

/** Every word capitalised but the small ones inside names: `Storming of the Bastille`. */
function isTitled(text: string): boolean {
  const words = wordsOf(text).map((w) => w.text);
  if (words[0]?.toLowerCase() === 'the') words.shift();
  return words.length > 0 && isCapitalised(words[0]) && words.every((w) => isCapitalised(w) || isNumber(w) || NAME_CONNECTORS.has(w));
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
