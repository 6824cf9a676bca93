// Scores what the CLI found in one file against the file's truth: which people were found, which
// found "people" are no one in the truth, false "did you mean", false date warnings, absurd names.
import { nameKey } from '../../server/src/notes/names';
import type { CorpusFile, TruthEvent, TruthPerson } from './truth';

/** One entity of `history-notes index --json`. */
export interface FoundEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  variants: string[];
  known: boolean;
  files: Record<string, number>;
  definitions: { file: string; line: number }[];
}

/** One finding of `history-notes check --json`. */
export interface Finding {
  file: string;
  line: number;
  written: string;
  suggestion?: string;
  message?: string;
}

export interface FileScore {
  file: string;
  people: number;
  peopleFound: number;
  missedPeople: string[];
  /** Found as people, and no one the truth lists. */
  wrongPeople: string[];
  /** Of the wrong people, those no knowledge pack knows: made up from the words. */
  inventedPeople: string[];
  foundPeople: number;
  events: number;
  eventsFound: number;
  missedEvents: string[];
  /** Planted misspellings (the truth's). */
  misspellings: number;
  falseMisspellings: string[];
  missedMisspellings: string[];
  plantedDates: number;
  caughtDates: number;
  missedDates: string[];
  falseDates: string[];
  absurdNames: string[];
}

const ROMAN = /^[ivx]+$/;
const TITLE_WORDS = new Set(
  [
    'grand duke abbe marquis citizen count earl president general tsar czar king queen emperor kaiser sir lord lady field marshal',
    'admiral chancellor archduke prince cardinal governor dr mr mrs comrade chairman pope father senator premier minister prime secretary',
  ]
    .join(' ')
    .split(' '),
);

export function scoreFile(
  file: CorpusFile,
  entities: readonly FoundEntity[],
  misspellings: readonly Finding[],
  dates: readonly Finding[],
): FileScore {
  const inFile = entities.filter((e) => (e.files[file.file] ?? 0) > 0 || e.definitions.some((d) => d.file === file.file));
  const people = inFile.filter((e) => e.kind === 'person');
  const truthPeople = file.truth.people;
  const missedPeople = truthPeople.filter((t) => !people.some((p) => samePerson(p, t))).map((t) => t.name);
  const wrong = people.filter((p) => !truthPeople.some((t) => samePerson(p, t)));
  const truthEvents = file.truth.events ?? [];
  const eventLike = inFile.filter((e) => e.kind === 'event' || e.kind === 'trial' || e.kind === 'cause');
  const missedEvents = truthEvents.filter((t) => !eventLike.some((e) => sameEvent(e, t))).map((t) => t.name);
  const plantedMisspellings = file.truth.misspellings ?? [];
  const mine = misspellings.filter((m) => m.file === file.file);
  const planted = file.truth.dateErrors ?? [];
  const myDates = dates.filter((d) => d.file === file.file);
  const caught = planted.filter((p) => myDates.some((d) => d.line === p.line && d.written === p.written));
  return {
    file: file.file,
    people: truthPeople.length,
    peopleFound: truthPeople.length - missedPeople.length,
    missedPeople,
    wrongPeople: wrong.map((p) => p.name),
    inventedPeople: wrong.filter((p) => !p.known).map((p) => p.name),
    foundPeople: people.length,
    events: truthEvents.length,
    eventsFound: truthEvents.length - missedEvents.length,
    missedEvents,
    misspellings: plantedMisspellings.length,
    falseMisspellings: mine
      .filter((m) => !plantedMisspellings.some((p) => sameWord(p.written, m.written)))
      .map((m) => `${m.line}: ${m.written} → ${m.suggestion}`),
    missedMisspellings: plantedMisspellings.filter((p) => !mine.some((m) => sameWord(m.written, p.written))).map((p) => p.written),
    plantedDates: planted.length,
    caughtDates: caught.length,
    missedDates: planted.filter((p) => !caught.includes(p)).map((p) => `${p.line}: ${p.written}`),
    falseDates: myDates
      .filter((d) => !planted.some((p) => p.line === d.line && p.written === d.written))
      .map((d) => `${d.line}: ${d.message ?? d.written}`),
    absurdNames: inFile.filter((e) => isAbsurd(e.name)).map((e) => `${e.kind} "${e.name}"`),
  };
}

/** `Woolsey’s` is the misspelling `Woolsey`. */
function sameWord(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The keys a person is written by, with titles dropped: `President Wilson` → `wilson`. */
function keysOf(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const words = nameKey(name).split(' ').filter(Boolean);
    while (words.length > 1 && TITLE_WORDS.has(words[0])) words.shift();
    while (words.length > 1 && /^(jr|sr)$/.test(words[words.length - 1])) words.pop();
    if (words.length > 0) keys.add(words.join(' '));
  }
  return keys;
}

/** The word a person is known by: the last, skipping a regnal number (`nicholas ii` → `nicholas`). */
function surnameKey(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && ROMAN.test(words[words.length - 1])) words.pop();
  return words[words.length - 1];
}

/**
 * Whether a found entity is the truth's person: a spelling in common, or one side's surname among the
 * other's spellings; but never two full names with one surname and different first names (Woodrow and
 * Harold Wilson).
 */
export function samePerson(found: FoundEntity, truth: TruthPerson): boolean {
  // A person the notes name in full is known by their surname too (`von Blomberg` → `Blomberg`).
  const foundKeys = keysOf([found.name, ...found.aliases, ...found.variants, ...(found.known ? [] : [found.name.split(' ').pop() ?? ''])]);
  const truthKeys = keysOf([truth.name, ...(truth.forms ?? [])]);
  const [foundName] = keysOf([found.name]);
  const [truthName] = keysOf([truth.name]);
  if (!foundName || !truthName) return false;
  // The found name is one the truth gives (`Kato Svanidze` for Ekaterine Svanidze): the same person.
  if (truthKeys.has(foundName)) return true;
  const shared =
    [...foundKeys].some((k) => truthKeys.has(k)) || foundKeys.has(surnameKey(truthName)) || truthKeys.has(surnameKey(foundName));
  if (!shared) return false;
  const a = foundName.split(' ');
  const b = truthName.split(' ');
  const differentFirstNames = a.length > 1 && b.length > 1 && surnameKey(foundName) === surnameKey(truthName) && a[0][0] !== b[0][0];
  return !differentFirstNames;
}

/** An event is found when a spelling matches, or one name holds the other's words in order (two words at least). */
export function sameEvent(found: FoundEntity, truth: TruthEvent): boolean {
  const foundKeys = [found.name, ...found.aliases, ...found.variants].map(nameKey);
  const truthKeys = [truth.name, ...(truth.forms ?? [])].map(nameKey);
  return foundKeys.some((f) => truthKeys.some((t) => f === t || contains(f, t) || contains(t, f)));
}

function contains(longer: string, shorter: string): boolean {
  return shorter.includes(' ') && ` ${longer} `.includes(` ${shorter} `);
}

/** Dates, numbers, Markdown marks and lone letters are never names. */
export function isAbsurd(name: string): boolean {
  const months =
    /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;
  const words = name.split(/[\s\-–—/,]+/).filter(Boolean);
  if (/[*_#[\]`|<>]/.test(name) || /^\W/.test(name)) return true;
  if (words.length === 0 || name.replace(/\W/g, '').length <= 1) return true;
  // `17th Party Congress` and `1945 general election` are names; `33k American soldiers` and `10 July` are not.
  if (/^\d/.test(name) && !/^(\d+(st|nd|rd|th)|1\d{3}|20\d{2})\s+\p{L}/iu.test(name)) return true;
  return words.every((w) => months.test(w) || /^\d{1,4}(st|nd|rd|th|s)?$/i.test(w));
}
