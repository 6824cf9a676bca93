// People the notes name by shape, with or without a knowledge pack: a who's-who heading
// (`### Sergei Kirov (1886-1934)` with a paragraph under it), a names line (`Kamenev & Zinoviev`),
// a `Key people:` line, and in running text a title before a name (`President Wilson`, `Tsar
// Nicholas`), a given name before a surname (`Thomas Mann`) or a life span after a name
// (`Ernst Thälmann (1886-1944)`). An ordinary word is never taken for a name.
import type { Heading, ParsedNotes, Section, TextSpan } from './model';
import { clip, noteDefinition, unmarkedSpan, withoutMarks, type NoteDefinition } from './definition';
import { NAME_CONNECTORS, isCapitalised, isNumber, nameKey } from './names';
import type { LineMemo, NamedOnLine } from './lineMemo';
import { EXPOSED, type NamePhrases } from './phrases';
import { trimmedSpan } from './spans';
import { detach } from './strings';
import { english } from '../words/english';
import { isGivenName } from '../words/givenNames';
import { isPlacePrefix, isPlaceWord } from '../words/places';
import { isPeopleName } from '../words/surnames';
import { isTitle, isTwoWordTitle } from '../words/titles';
import { anyOf, wordList } from '../words/wordPattern';

const NAMES_SEPARATOR = /\s*(?:&|,|\+|\/|\band\b)\s*/;
/** `and 14 others` on a names line. */
const OTHERS = /^(\d+|a few|several|many|some|[a-z]+teen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*others?$/i;
/** Small words inside people's names: `Charles de Gaulle`, `Joachim von Ribbentrop`. */
const PARTICLES = new Set(['de', 'von', 'van', 'der', 'den', 'du', 'la', 'le', 'di', 'da', 'del', 'bin', 'al']);
const ROMAN = /^[IVX]{1,5}$/;
/** `(1886-1934)`, `(1901–32)`, `(b. 1900)`, `(born 1900)`, `(d. 1934)`, `(c. 1870 - 1924)`. */
const YEAR_OF_LIFE = '1\\d{3}|20\\d{2}';
const LIFE_SPAN = new RegExp(
  '^\\s*\\(\\s*(?:(?:c\\.|ca\\.|circa)\\s*)?' +
    anyOf([
      `(?<born>${YEAR_OF_LIFE})\\s*[-–—]\\s*(?<died>\\d{2,4})`,
      `(?:b\\.|born)\\s*(?<bornOnly>${YEAR_OF_LIFE})`,
      `(?:d\\.|died)\\s*(?<diedOnly>${YEAR_OF_LIFE})`,
    ]) +
    '\\s*\\)',
);
const KEY_PEOPLE_LINE = /^(?:key\s+(?:people|figures|individuals|players)|people|who['’]?s\s+who)\s*[:–—-]\s*/i;

export interface LifeSpan {
  born?: number;
  died?: number;
}

/** A life span written in brackets at the start of `text`, if it reads as one (born before died, a life's length). */
export function lifeSpanAt(text: string): (LifeSpan & { length: number }) | undefined {
  const match = LIFE_SPAN.exec(text);
  if (!match?.groups) return undefined;
  const { born, died, bornOnly, diedOnly } = match.groups;
  if (bornOnly) return { born: Number(bornOnly), length: match[0].length };
  if (diedOnly) return { died: Number(diedOnly), length: match[0].length };
  const from = Number(born);
  // `(1901-32)`: the century of the birth year.
  const to = died.length === 4 ? Number(died) : Number(born.slice(0, 4 - died.length) + died);
  if (to - from < SHORTEST_LIFE || to - from > 110) return undefined;
  return { born: from, died: to, length: match[0].length };
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
    const words = withoutMarks(part).split(/\s+/);
    if (words.length > 4 || !isCapitalised(words[0]) || !words.every((w) => isCapitalised(w) || NAME_CONNECTORS.has(w))) return undefined;
    // `Court Cases`, `Other IDs`: words no one is named.
    if (
      words.some(
        (w) => isCapitalised(w) && english().isCommon(w) && !isTitle(w) && !isGivenName(w) && !isPeopleName(w.replace(/['’]s?$/, '')),
      )
    )
      return undefined;
    if (/[.!?;:]$/.test(part.trim())) return undefined;
    const spanOf = trimmedSpan(text, line, at, at + part.length);
    if (spanOf)
      names.push(
        unmarkedSpan({
          text: spanOf.text,
          range: {
            start: { line, character: offset + spanOf.range.start.character },
            end: { line, character: offset + spanOf.range.end.character },
          },
        }),
      );
  }
  return names.length > 0 ? names : undefined;
}

/**
 * A heading that names a person, defined by what follows it: `### Sergei Kirov (1886-1934)` always;
 * `## Ernst Röhm` when the knowledge knows them or the name has a person's shape (`Nadezhda Alliluyeva`).
 */
export function personFromHeading(heading: Heading, section: Section): NoteDefinition | undefined {
  const raw = heading.text;
  const open = raw.search(/\s*\(/);
  const namePart = (open > 0 ? raw.slice(0, open) : raw).replace(/,?\s+(Jr|Sr)\.?$/, '');
  const life = open > 0 ? lifeSpanAt(raw.slice(open)) : undefined;
  if (open > 0 && (!life || raw.slice(open + life.length).trim() !== '')) return undefined;
  const words = namePart.split(/\s+/);
  if (
    words.length > 4 ||
    words.some((w) => /['’]s?$|\d/.test(w)) ||
    !words.every((w) => isCapitalised(w) || PARTICLES.has(w) || ROMAN.test(w))
  )
    return undefined;
  // With a life span, a surname may be a word too (`Rosa Parks (1913-2005)`).
  const common = (w: string, i: number): boolean =>
    english().isCommon(w) && !isGivenName(w) && !(life && i === words.length - 1 && i > 0 && isGivenName(words[0]));
  if (words.some((w, i) => isPlaceWord(w) || common(w, i))) return undefined;
  const text = section.paragraphs[0]?.content.text ?? section.bullets.map((b) => b.content.text).join(' ');
  if (!text) return undefined;
  const shaped = isGivenName(words[0]) && words.length > 1;
  const start = heading.range.start.character + raw.indexOf(namePart);
  const range = { start: { line: heading.line, character: start }, end: { line: heading.line, character: start + namePart.length } };
  return noteDefinition('person', namePart, range, heading.text, {
    text: clip(text),
    strength: life || shaped ? 'defined' : 'ifKnown',
    contextLines: { from: heading.line, to: section.range.end.line },
  });
}

/** `Key people: Trotsky, Bukharin and Kamenev` on a line of its own. */
export function peopleFromKeyLine(raw: string, line: number, section: string | undefined): NoteDefinition[] {
  const match = KEY_PEOPLE_LINE.exec(raw.trim());
  if (!match) return [];
  const offset = raw.indexOf(raw.trim()) + match[0].length;
  const names = namesOnLine(raw.slice(offset), line, offset) ?? [];
  return names.map((name) => noteDefinition('person', name.text, name.range, section, { contextLines: { from: line, to: line } }));
}

/**
 * People named by shape in running text: `President Wilson`, `Field Marshal Montgomery`, `Thomas
 * Mann`, `Ernst Thälmann (1886-1944)`; once each per note, where first named. `memo`: as for
 * scanPhrases, which must have read these phrases with it.
 */
export function peopleInText(lines: readonly string[], notes: ParsedNotes, phrases: NamePhrases, memo?: LineMemo): NoteDefinition[] {
  const found = new Map<string, NoteDefinition>();
  const monarchs = monarchsNamed(phrases);
  memo?.setMonarchs(monarchs);
  const { bounds } = phrases;
  for (let p = 0; p < phrases.count;) {
    // A line's phrases are next to each other: what one line names depends on that line alone.
    const line = phrases.lines[bounds[p]];
    let next = p + 1;
    while (next < phrases.count && phrases.lines[bounds[next]] === line) next++;
    const text = lines[line];
    let named = memo?.peopleOn(line);
    if (!named) {
      named = namedOnLine(phrases, p, next, text, monarchs);
      memo?.keepPeople(line, named);
    }
    for (const person of named) {
      if (found.has(person.key)) continue;
      const { name, from } = person;
      const range = { start: { line, character: from }, end: { line, character: from + name.length } };
      found.set(
        person.key,
        noteDefinition('person', name, range, sectionAt(notes, line), {
          text: clip(sentenceAround(text, from)),
          strength: 'named',
          alsoTry: person.fullRun ? [person.fullRun] : [],
          contextLines: { from: line, to: line },
        }),
      );
    }
    p = next;
  }
  return [...found.values()];
}

/** The people phrases [from, to) of one line, whose text is `text`, name by shape. */
function namedOnLine(phrases: NamePhrases, from: number, to: number, text: string, monarchs: ReadonlySet<string>): NamedOnLine[] {
  const named: NamedOnLine[] = [];
  // The line's own words, counted from 0.
  const base = phrases.bounds[from];
  const lineEnd = phrases.bounds[to];
  const words = phrases.texts(base, lineEnd);
  const starts = phrases.starts.subarray(base, lineEnd);
  const flags = phrases.flags.subarray(base, lineEnd);
  for (let p = from; p < to; p++) {
    const first = phrases.bounds[p] - base;
    const end = phrases.bounds[p + 1] - base;
    for (let w = first; w < end;) {
      // `Anne showed Henry William Tyndale's book`: in notes on Henry VIII, `Henry` alone is the king.
      if (monarchs.has(words[w]) && w + 1 < end && isGivenName(words[w + 1]) && isCapitalised(words[w + 1])) {
        w++;
        continue;
      }
      // `North Lawndale`, `Port Huron`, `San Francisco Board`: a place, whatever names follow.
      if (isPlacePrefix(words[w]) && w + 1 < end && isCapitalised(words[w + 1])) {
        w += 2;
        continue;
      }
      const shape = personAt(words, w, first, end, text, starts, (flags[w] & EXPOSED) !== 0);
      if (!shape) {
        w++;
        continue;
      }
      const last = shape.nameTo - 1;
      const start = starts[shape.nameFrom];
      const name = text.slice(start, starts[last] + words[last].length).replace(/['’]s?$/, '');
      const key = nameKey(name);
      if (key) {
        const fullRun =
          shape.runTo > shape.nameTo ? nameKey(text.slice(start, starts[shape.runTo - 1] + words[shape.runTo - 1].length)) : undefined;
        // A copy: a LineMemo may keep it for many edits, and a slice would keep its version of the note.
        named.push({ name: detach(name), key, from: start, fullRun });
      }
      w = shape.nameTo;
    }
  }
  return named;
}

/** The given names of the monarchs a note names with their number (`Henry VIII`, `Francis I`). */
function monarchsNamed(phrases: NamePhrases): Set<string> {
  const names = new Set<string>();
  const { bounds, count } = phrases;
  for (let p = 0; p < count; p++)
    for (let w = bounds[p]; w + 1 < bounds[p + 1]; w++) {
      const next = phrases.word(w + 1);
      if (!mayBeRoman(next)) continue;
      const word = phrases.word(w);
      if (ROMAN.test(next) && isCapitalised(word) && isGivenName(word)) names.add(word);
    }
  return names;
}

/** Whether `word` starts with I, V or X: asked first, as a regular expression for every word of a note shows in profiles. */
function mayBeRoman(word: string): boolean {
  const code = word.charCodeAt(0);
  return code === 73 || code === 86 || code === 88;
}

interface Shape {
  /** The person's name: words [nameFrom, nameTo) of the phrases. */
  nameFrom: number;
  nameTo: number;
  /** Where the run of capitalised words the name stands in ends (`Martin Luther King`). */
  runTo: number;
}

/**
 * A title and a name, initials and a name, a given name and a surname, or a name and a life span,
 * starting at word `w` of a phrase that starts at `first`. A given name that is also a word (`Will`,
 * `Harry`) counts only where its capital is its own; a month (`April`) never.
 */
function personAt(
  words: readonly string[],
  w: number,
  first: number,
  end: number,
  text: string,
  starts: Int32Array,
  exposed: boolean,
): Shape | undefined {
  const word = words[w];
  const titleLength = w + 1 < end && isTwoWordTitle(word, words[w + 1]) ? 2 : isTitle(word) && !/['’]s?$/.test(word) ? 1 : 0;
  if (titleLength > 0) {
    let from = w + titleLength;
    // `General Secretary Stalin`: a title may follow a title.
    while (from < end && isTitle(words[from])) from++;
    const to = Math.max(
      nameWordsFrom(words, from, end, true),
      from < end && isGivenName(words[from]) && isCapitalised(words[from]) ? givenNameEnd(words, from, end) : from,
    );
    return to > from ? { nameFrom: from, nameTo: to, runTo: runEnd(words, to, end) } : undefined;
  }
  if (isInitial(word)) {
    // `A. Philip Randolph`, `E. D. Nixon`, and `Harry S. Truman` whole, with the given name before.
    let from = w;
    while (from < end && isInitial(words[from])) from++;
    const to = from < end && isGivenName(words[from]) ? givenNameEnd(words, from, end) : nameWordsFrom(words, from, end, false);
    const start = w > first && isGivenName(words[w - 1]) && isCapitalised(words[w - 1]) ? w - 1 : w;
    return to > from ? { nameFrom: start, nameTo: to, runTo: runEnd(words, to, end) } : undefined;
  }
  // `Georgia Cherokee`: a state is no one's given name in running text.
  if (isGivenName(word) && isCapitalised(word) && !MONTHS_AND_DAYS.has(word) && !isPlaceWord(word)) {
    const to = givenNameEnd(words, w, end);
    // `Roman Catholicism`, `Bank of England`: a given name that is also a word names someone only
    // before a name people bear (`John Kennedy`) or a word that is no English (`Frank Dikötter`).
    const next = w + 1 < end ? words[w + 1] : '';
    if (english().isCommon(word) && (next === 'of' || english().knows(next)) && !bearsNames(next)) return undefined;
    // `Will Hitler invade?`: a sentence may open with a word that is also a name; `Fritz Lang` still names.
    const doubtful = exposed && WORDLIKE_GIVEN_NAMES.has(word.toLowerCase()) && english().knows(next);
    if (to > w + 1 && !doubtful) return { nameFrom: w, nameTo: to, runTo: runEnd(words, to, end) };
  }
  // `Thälmann (1886-1944)`: a name of its own, directly followed by a life span. Few lines have a bracket
  // after the word: looked for first, as asking the dictionary about every capitalised word shows in profiles.
  if (isCapitalised(word) && text.includes('(', starts[w]) && !english().isCommon(word) && !isPlaceWord(word)) {
    const to = nameWordsFrom(words, w + 1, end, false);
    const last = to - 1;
    if (to - w <= 3 && lifeSpanAt(text.slice(starts[last] + words[last].length))) return { nameFrom: w, nameTo: to, runTo: to };
  }
  return undefined;
}

/** A surname, a middle name or an initial after a given name. */
function bearsNames(next: string): boolean {
  const bare = next.replace(/['’]s?$/, '');
  return isPeopleName(bare) || isGivenName(bare) || isInitial(next) || ROMAN.test(next);
}

/** Given names that open sentences as ordinary words: `Will Hitler invade?`, `Grant Stalin that.` */
const WORDLIKE_GIVEN_NAMES = new Set([
  'will',
  'may',
  'mark',
  'grant',
  'sue',
  'rob',
  'frank',
  'pat',
  'bill',
  'hope',
  'drew',
  'chase',
  'guy',
  'don',
  'art',
  'jack',
  'ray',
  'rose',
  'joy',
  'wade',
  'bob',
]);
/** A life is at least this long: `(1934-36)` after a name is a term of office. */
const SHORTEST_LIFE = 10;

const MONTHS_AND_DAYS = new Set(
  wordList(
    'January February March April May June July August September October November December',
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
  ),
);

/** `S.`: an initial, kept with its full stop by scanPhrases. */
function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}

/**
 * Where a name that opens with the given name at `w` ends: `Thomas Mann`, `Philip II` (a regnal
 * number), `Catherine of Aragon` (of and a place or house); `w` + 1 when no surname follows.
 */
function givenNameEnd(words: readonly string[], w: number, end: number): number {
  // Only within the phrase: `Robin, 1, which follows me round whenever I` is no `Robin I`.
  const next = w + 1 < end ? words[w + 1] : undefined;
  if (next !== undefined && ROMAN.test(next) && (next !== 'I' || w + 2 >= end)) return w + 2;
  if (next === 'of' && w + 2 < end && isCapitalised(words[w + 2]) && !english().isCommon(words[w + 2])) return w + 3;
  const to = nameWordsFrom(words, w + 1, end, false);
  if (/['’]s?$/.test(words[to - 1])) return to;
  // `Benjamin Carter Hett`: a middle name that is also a word, before a surname that is not.
  if (to === w + 1 && next !== undefined && isCapitalised(next) && !isPlaceWord(next) && !isTitle(next)) {
    const after = nameWordsFrom(words, w + 2, end, false);
    if (after > w + 2) return after;
  }
  // `Martin Luther King`, `Henry Cabot Lodge`: a surname that is also a word, ending the run after two
  // names, when people bear it (not `Von Neumann Architecture`).
  const last = words[to];
  const closes = to + 1 >= end || !isCapitalised(words[to + 1]) || /^(Jr|Sr)\.?$/.test(words[to + 1]);
  const surnameLike = last !== undefined && (isPeopleName(last) || !english().knows(last));
  if (to >= w + 2 && to < end && isCapitalised(last) && surnameLike && !isPlaceWord(last) && !isNumber(last) && closes) {
    return /^(Jr|Sr)\.?$/.test(words[to + 1] ?? '') ? to + 2 : to + 1;
  }
  return to;
}

/**
 * The end of the name words from `from`: capitalised, no ordinary word, no place, no title; particles
 * (`de`, `von`) and initials (`S.`) inside, a regnal number (`II`) after. After a title, a given name
 * may be followed by a surname that is also a word (`Sir Thomas More`, `Lady Jane Grey`).
 */
function nameWordsFrom(words: readonly string[], from: number, end: number, afterTitle: boolean): number {
  let to = from;
  let count = 0;
  for (let k = from; k < end; k++) {
    const word = words[k];
    const bare = word.replace(/['’]s?$/, '');
    if (count > 0 && (ROMAN.test(word) || isInitial(word) || /^(Jr|Sr)\.?$/.test(word))) {
      to = k + 1;
      continue;
    }
    // `von Blomberg`, `Charles de Gaulle`: a particle counts when a name follows it.
    if (PARTICLES.has(word) && k + 1 < end && isCapitalised(words[k + 1])) continue;
    const acronym = word.length > 1 && word === word.toUpperCase();
    if (/^(Jr|Sr)\.?$/.test(word)) break;
    const nameWord =
      isCapitalised(word) && !acronym && !isNumber(word) && !isTitle(word) && !isPlaceWord(bare) && !english().isCommon(bare);
    // After a title, a given name that is also a word (`Sir John`), and the surname after it (`Sir Thomas More`).
    const titledGiven = afterTitle && count === 0 && isGivenName(word) && isCapitalised(word);
    // `Rosa Parks`, `Ella Baker`: after a given name that is no word itself (not `Red`, `Christian`),
    // a surname that is also a word, when people bear it.
    const afterGiven = k > 0 && isGivenName(words[k - 1]) && count === (afterTitle ? 1 : 0);
    const plainGiven = afterGiven && !english().isCommon(words[k - 1]);
    const wordSurname =
      afterGiven && isCapitalised(word) && !isTitle(word) && (afterTitle || (plainGiven && isPeopleName(bare) && !isPlaceWord(bare)));
    if (!nameWord && !titledGiven && !wordSurname) break;
    count++;
    to = k + 1;
    // `Roosevelt's New Deal`: the name ends at its possessive.
    if (bare !== word || (wordSurname && !nameWord)) break;
  }
  return count > 0 ? to : from;
}

/** The end of the run of capitalised words a name stands in. */
function runEnd(words: readonly string[], from: number, end: number): number {
  let to = from;
  while (to < end && isCapitalised(words[to]) && !/['’]s?$/.test(words[to - 1])) to++;
  return to;
}

function sectionAt(notes: ParsedNotes, line: number): string | undefined {
  let name: string | undefined;
  for (const section of notes.sections) if (section.heading && section.heading.line <= line) name = section.heading.text;
  return name;
}

/** The sentence a position stands in, as the card's excerpt. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[.!?]\s+[^.!?]*$/);
  const start = before === -1 ? 0 : before + 1;
  const after = /[.!?](\s|$)/.exec(text.slice(at));
  return withoutMarks(text.slice(start, after ? at + after.index + 1 : text.length).replace(/^[\s•*+-]+/, ''));
}
