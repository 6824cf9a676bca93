// Chronology checks for a note or an essay: a year written with a name that contradicts the date the
// knowledge or the notes record (`the Trial of the 21 in 1936`: it was 1938), and a person said to act
// in a year after their death (`In 1940, Bukharin argued`: he died in 1938). Each problem names its
// evidence: the knowledge pack's entry, or the note line that gives the date.
//
// Which shapes count (see yearPhrases.ts), everything else is left alone:
// - events and trials: `<name> in|on|of <date>` with the name opening its clause (`The ...`, `At the ...`),
//   `<name> (<date>)`, `<name> <year>` ending a term,
//   `<name> opened|began|took place|was held ... in <date>`, `In <date>, <name> opened ...`, `<date>: <name>`;
// - people's deaths and births: `<name> was murdered|executed|... in <date>`, `<name> died in <date>`,
//   `<name>'s murder|death in <date>` or `(<date>)` and `the murder of <name> in <date>` opening their clause,
//   `<name> was born in <date>`: the year must be the recorded one;
// - a person acting: `In <date>, <name> <verb> ...`, or `<name> <verb> ... in <date>` opening a sentence,
//   the year after the year of death.
// Skipped: ranges (`1936-38`, `1936 to 1938`, `1930s`), hedges in the clause (after, by, before, since,
// until, from, following, between, anniversary, around, about, c.), a possessive or a non-act after a
// person (`Stalin's body`, `Bukharin was`, `Bukharin and`), another person or clause between a person and
// the year, memory and legacy (rehabilitated, remembered, legacy, trial, death, executed, posthumously...),
// a year within an event's span or a person's life, a year before a person's birth, and tables.
import type { Range } from 'vscode-languageserver-types';
import type { KnownEntry } from '../knowledge/base';
import type { NotesIndex } from '../index/notesIndex';
import type { Entity, Location, Mention } from '../index/model';
import type { LineResolutions, MentionsSeen } from '../index/mentions';
import type { LineMention } from '../index/resolutionMemo';
import { KeptLookup } from '../notes/keptLookup';
import { formatDate, formatSpan } from './dates';
import { mayTieYears, type Span, type WrittenYear } from '../notes/yearPhrases';
import { actingYearOn, eventYearsOn, lifeYearsOn } from './yearReadings';
import { compareRanges, movedRange, positionKey } from '../notes/ranges';
import { DiagnosticCodes } from '../protocol';
import { detach } from '../notes/strings';

export const CHRONOLOGY = DiagnosticCodes.chronology;
export const AFTER_DEATH = DiagnosticCodes.afterDeath;

/** Where a recorded date comes from. */
export interface Evidence {
  /** `Soviet Union 1917-1953 knowledge`, or `your notes, terror.txt:12`. */
  label: string;
  location: Location;
  /** What is recorded there: `Trial of the Twenty-One: 2–13 March 1938`. */
  detail: string;
}

export interface ChronologyProblem {
  code: typeof CHRONOLOGY | typeof AFTER_DEATH;
  /** The written year. */
  range: Range;
  written: string;
  /** The year to write instead; none for a person said to act after their death. */
  recorded?: string;
  entityId: string;
  message: string;
  evidence: Evidence;
}

/** Kinds whose dates are when they happened; a place or an organisation has none to contradict. */
const DATED_KINDS = new Set<Entity['kind']>(['event', 'trial', 'cause']);

/** When something happened, as recorded: years `from`..`to` inclusive. */
interface RecordedSpan {
  from: number;
  to: number;
  /** `2–13 March 1938`. */
  text: string;
  evidence: Evidence;
}

/**
 * What each line gave, by its text, with the mentions it had (see MentionsOnLine), while the index's
 * definitions and knowledge stay as they were: an edit changes a line or two, and the rest read as before.
 */
interface LineProblemsMemo {
  definitionsVersion: number;
  byText: Map<string, { line: number; seen: MentionsSeen; problems: ChronologyProblem[] }>;
  /** For notes being edited, by uri: each line's problems by where its mentions came from (see LineResolutions). */
  byResolution: Map<string, ResolutionsSeen>;
}

/** What a note's lines gave, by the memo's array each took its mentions from, while guesses are kept or dropped alike. */
interface ResolutionsSeen {
  namesSomeone: boolean;
  lines: KeptLookup<{ line: number; problems: readonly ChronologyProblem[] }, readonly LineMention[]>;
}

/** Notes being edited whose lines a memo follows at once; then it starts again. */
const EDITED_NOTES_LIMIT = 8;

const memos = new WeakMap<NotesIndex, LineProblemsMemo>();
/** Lines a memo holds at most; then it starts again (a check of a whole folder reads each line once). */
const MEMO_LIMIT = 20_000;

function memoOf(index: NotesIndex): LineProblemsMemo {
  let memo = memos.get(index);
  if (!memo || memo.definitionsVersion !== index.definitionsVersion || memo.byText.size >= MEMO_LIMIT) {
    memo = { definitionsVersion: index.definitionsVersion, byText: new Map(), byResolution: new Map() };
    memos.set(index, memo);
  }
  return memo;
}

/** The problems a note's lines have, in document order. They are shared: never change them. */
export function chronologyProblems(index: NotesIndex, uri: string): ChronologyProblem[] {
  const lines = index.document(uri)?.lines ?? [];
  const resolutions = index.lineResolutions(uri);
  if (resolutions) return editedNoteProblems(index, uri, lines, resolutions);
  // Only a line with a year can contradict a date: the mentions on the others are never looked at.
  const onYearLines = index.mentionsByLine(uri, (line) => line < lines.length && mayTieYears(lines[line]));
  const memo = memoOf(index);
  const lookups = new Lookups(index);
  const problems: ChronologyProblem[] = [];
  for (const onLine of onYearLines) {
    const { line } = onLine;
    let made = memo.byText.get(lines[line]);
    if (!made || !onLine.matches(made.seen)) {
      made = { line, seen: onLine.seen(), problems: lineProblems(lines[line], onLine.mentions(), lookups) };
      // A copy of the line: a slice of the note's text would keep all of that version alive.
      memo.byText.set(detach(lines[line]), made);
    }
    addAt(problems, made, line);
  }
  return problems;
}

/**
 * For a note being edited: a line whose mentions came from the same memo array as at the last reading
 * has the same text and mentions, so its problems are taken as they were (moved with the line), and
 * only the lines resolved afresh are read: no line's text or mentions are compared, as the check by
 * text does for every line with a year.
 */
function editedNoteProblems(index: NotesIndex, uri: string, lines: readonly string[], resolutions: LineResolutions): ChronologyProblem[] {
  const memo = memoOf(index);
  let seen = memo.byResolution.get(uri);
  if (!seen || seen.namesSomeone !== resolutions.namesSomeone) {
    if (memo.byResolution.size >= EDITED_NOTES_LIMIT) memo.byResolution.clear();
    seen = { namesSomeone: resolutions.namesSomeone, lines: new KeptLookup() };
    memo.byResolution.set(uri, seen);
  }
  seen.lines.next();
  const { found } = resolutions;
  const made = found.map((mentions) => seen.lines.find(mentions));
  const fresh = new Map<number, number>();
  made.forEach((entry, k) => {
    if (!entry) fresh.set(resolutions.lines[k], k);
  });
  if (fresh.size > 0) {
    const lookups = new Lookups(index);
    // A line whose guesses were all dropped has no mentions: no problems.
    for (const k of fresh.values()) made[k] = seen.lines.keep(found[k], { line: resolutions.lines[k], problems: [] });
    for (const onLine of index.mentionsByLine(uri, (line) => fresh.has(line) && mayTieYears(lines[line]))) {
      const k = fresh.get(onLine.line)!;
      made[k] = seen.lines.keep(found[k], { line: onLine.line, problems: lineProblems(lines[onLine.line], onLine.mentions(), lookups) });
    }
  }
  const problems: ChronologyProblem[] = [];
  made.forEach((entry, k) => addAt(problems, entry!, resolutions.lines[k]));
  return problems;
}

/** Entities and their recorded dates, each looked up once per call: an event may be dated in thousands of places. */
class Lookups {
  private readonly entities = new Map<string, Entity | undefined>();
  private readonly spans = new Map<string, RecordedSpan | undefined>();

  constructor(readonly index: NotesIndex) {}

  entity(id: string): Entity | undefined {
    if (!this.entities.has(id)) this.entities.set(id, this.index.entity(id));
    return this.entities.get(id);
  }

  recorded(entity: Entity): RecordedSpan | undefined {
    if (!this.spans.has(entity.id)) this.spans.set(entity.id, recordedSpan(this.index, entity));
    return this.spans.get(entity.id);
  }
}

/** The problems of one line, from its text and its mentions alone, in the order of their ranges. */
function lineProblems(line: string, mentions: Mention[], lookups: Lookups): ChronologyProblem[] {
  const problems = new Map<string, ChronologyProblem>();
  const people = mentions.filter((m) => lookups.entity(m.entityId)?.kind === 'person').map(spanOf);
  for (const mention of mentions) {
    // The index may be a moment behind the editor's text (a pending edit): only trust what still matches.
    const { start, end } = mention.range;
    if (end.character - start.character !== mention.surface.length || !line.startsWith(mention.surface, start.character)) continue;
    const entity = lookups.entity(mention.entityId);
    if (!entity) continue;
    const found =
      entity.kind === 'person'
        ? personProblems(lookups.index, entity, mention, line, people)
        : DATED_KINDS.has(entity.kind)
          ? eventProblems(entity, mention, line, (e) => lookups.recorded(e))
          : [];
    for (const problem of found) {
      const key = positionKey(problem.range.start);
      if (!problems.has(key)) problems.set(key, problem);
    }
  }
  return [...problems.values()].sort((a, b) => compareRanges(a.range, b.range));
}

/** A line's problem found when the line stood elsewhere in the note. */
/** Adds the problems a line had where it was read to `problems`, at `line`, where it is now. */
function addAt(problems: ChronologyProblem[], made: { line: number; problems: readonly ChronologyProblem[] }, line: number): void {
  for (const problem of made.problems) problems.push(made.line === line ? problem : movedTo(problem, line));
}

function movedTo(problem: ChronologyProblem, line: number): ChronologyProblem {
  return { ...problem, range: movedRange(problem.range, line - problem.range.start.line) };
}

function eventProblems(
  entity: Entity,
  mention: Mention,
  line: string,
  recorded: (entity: Entity) => RecordedSpan | undefined,
): ChronologyProblem[] {
  const written = eventYearsOn(line, spanOf(mention));
  if (written.length === 0) return [];
  const span = recorded(entity);
  if (!span) return [];
  return written
    .filter(({ year }) => year < span.from || year > span.to)
    .map((year) => {
      const recorded = String(year.year < span.from ? span.from : span.to);
      return problem(
        CHRONOLOGY,
        mention,
        year,
        entity,
        `${entity.name}: ${span.text}, not ${year.year} (${span.evidence.label})`,
        span.evidence,
        recorded,
      );
    });
}

function personProblems(index: NotesIndex, entity: Entity, mention: Mention, line: string, people: Span[]): ChronologyProblem[] {
  const known = entity.knowledge;
  const entry = known?.entry;
  if (!known || !entry) return [];
  const found: ChronologyProblem[] = [];
  const name = spanOf(mention);
  const possessive = isPossessive(entity, mention.surface);
  for (const { event, year, span } of lifeYearsOn(line, name, possessive)) {
    const date = event === 'died' ? entry.died : entry.born;
    if (!date || yearOf(date) === year.year) continue;
    if (span && !readsAsLife(span, entry.born)) continue;
    const verb = event === 'died' ? 'died' : 'was born';
    const evidence = knowledgeEvidence(index, known, `${entity.name}: ${verb} ${formatDate(date)}`);
    const message = `${entity.name} ${verb} ${onOrIn(date)} ${formatDate(date)}, not in ${year.year} (${evidence.label})`;
    found.push(problem(CHRONOLOGY, mention, year, entity, message, evidence, String(yearOf(date))));
  }
  if (found.length > 0 || possessive || !entry.died) return found;
  const acting = actingYearOn(line, name, people);
  // Only after the year of death: within it, or before birth, the sentence may well be right.
  if (acting && acting.year > yearOf(entry.died)) {
    const evidence = knowledgeEvidence(index, known, `${entity.name}: died ${formatDate(entry.died)}`);
    const message = `${entity.name} died ${onOrIn(entry.died)} ${formatDate(entry.died)}, before ${acting.year} (${evidence.label})`;
    found.push(problem(AFTER_DEATH, mention, acting, entity, message, evidence));
  }
  return found;
}

/**
 * Whether `Name (A-B)` is the person's life rather than their years in office (`Yagoda (1934-36)`,
 * `Stalin (1924-53)`): its first year is the birth year, or it with two digits swapped (`1984` for
 * `1894`). Otherwise the brackets may mean anything, and nothing is said.
 */
function readsAsLife(span: { born: number; died: number }, born: string | undefined): boolean {
  if (!born) return false;
  const recorded = String(yearOf(born));
  const written = String(span.born);
  const swapped = [...written].sort().join('') === [...recorded].sort().join('');
  return Math.abs(span.born - Number(recorded)) <= 3 || swapped;
}

/** An event's or trial's dates: the knowledge's, else the years the notes define it with. */
function recordedSpan(index: NotesIndex, entity: Entity): RecordedSpan | undefined {
  const known = entity.knowledge;
  const date = known?.entry.date;
  if (known && date) {
    const text = formatSpan(date, known.entry.endDate)!;
    return {
      from: yearOf(date),
      to: yearOf(known.entry.endDate ?? date),
      text,
      evidence: knowledgeEvidence(index, known, `${entity.name}: ${text}`),
    };
  }
  const dated = index.noteDefinitions(entity.id).filter((d) => d.note.year !== undefined);
  if (dated.length === 0) return undefined;
  // Notes that disagree among themselves allow any year between them: they are not for us to settle.
  const years = dated.map((d) => Number(d.note.year));
  const from = Math.min(...years);
  const to = Math.max(...years);
  const text = from === to ? String(from) : `${from}–${to}`;
  const first = dated[0];
  const label = `your notes, ${fileName(first.uri)}:${first.range.start.line + 1}`;
  return {
    from,
    to,
    text,
    evidence: { label, location: { uri: first.uri, range: first.range }, detail: `${first.note.name}: ${first.note.year}` },
  };
}

function knowledgeEvidence(index: NotesIndex, known: KnownEntry, detail: string): Evidence {
  const file = index.knowledgeBase.files.find((f) => f.uri === known.uri);
  return { label: `${file?.title ?? fileName(known.uri)} knowledge`, location: { uri: known.uri, range: known.range }, detail };
}

function problem(
  code: ChronologyProblem['code'],
  mention: Mention,
  year: WrittenYear,
  entity: Entity,
  message: string,
  evidence: Evidence,
  recorded?: string,
): ChronologyProblem {
  const line = mention.range.start.line;
  const range = { start: { line, character: year.start }, end: { line, character: year.end } };
  return { code, range, written: String(year.year), recorded, entityId: entity.id, message, evidence };
}

/** `Kirov's`, `Stalins`: the name is not the subject, something of theirs is. */
function isPossessive(entity: Entity, surface: string): boolean {
  if (/['’]s?$/.test(surface)) return true;
  // Only a surface ending in s may be one; most do not, and need no lower-case copies of every name.
  if (!/[sS]$/.test(surface)) return false;
  const lower = surface.toLowerCase();
  return ![entity.name, ...entity.aliases].some((n) => n.toLowerCase().endsWith(lower));
}

function spanOf(mention: Mention): Span {
  return { start: mention.range.start.character, end: mention.range.end.character };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** `on 1 December 1934`, `in 1939`, `in March 1938`. */
function onOrIn(date: string): string {
  return date.length === 10 ? 'on' : 'in';
}

function fileName(uri: string): string {
  const last = uri.split(/[/\\]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
