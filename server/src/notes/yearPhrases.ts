// Years a sentence ties to a name, read conservatively for the chronology checks. Only a few shapes
// count, where the year plainly belongs to the name (see docs in chronology.ts); anything that could
// mean something else (a range, `after`, `by`, `c.`, ...) reads as no year at all.
import { anyOf, wordList } from '../words/wordPattern';

/** A span of characters within one line. */
export interface Span {
  start: number;
  end: number;
}

/** A year as written on the line. */
export interface WrittenYear extends Span {
  year: number;
}

export type LifeEvent = 'died' | 'born';

/** A year of a life: `span` when written as a bracketed life span (`Kamenev (1883-1936)`). */
export interface LifeYear {
  event: LifeEvent;
  year: WrittenYear;
  span?: { born: number; died: number };
}

const MONTHS = ['Jan(?:uary)?', 'Feb(?:ruary)?', 'Mar(?:ch)?', 'Apr(?:il)?', 'May', 'June?', 'July?', 'Aug(?:ust)?', 'Sept?(?:ember)?'];
const MONTH = `${anyOf([...MONTHS, 'Oct(?:ober)?', 'Nov(?:ember)?', 'Dec(?:ember)?'])}\\.?`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?<year>1[0-9]{3}|20[0-9]{2})(?![\\p{L}\\p{N}])';
/** `1936`, `March 1938`, `2 March 1938`, `March 2, 1938`: only the year is compared. */
const DATE = `(?:(?:${DAY}\\s+)?${MONTH}\\s+|${MONTH}\\s+${DAY},?\\s+)?${YEAR}`;
/** Markdown emphasis around a name: `**Trial of the 21** (1938)`. */
const EMPH = '(?:\\*\\*|__|\\*|_)?';
/** What may open a sentence before its first word: spaces, a bullet, a quote, emphasis. */
const LEAD = '[\\s•*+>#_"“‘-]*';
/** What an event or trial does in its year: `the Trial of the 21 opened in 1938`. */
const EVENT_VERBS = anyOf([
  ...['took place', 'was held', 'were held', 'began', 'opened', 'started', 'happened', 'occurred', 'ended', 'closed', 'was signed'],
  ...['was launched', 'was adopted', 'was introduced', 'was founded', 'was created', 'was set up', 'was formed', 'broke out', 'met'],
  'convened',
]);
const DEATH_VERBS = '(?:murdered|assassinated|executed|killed|shot|hanged|guillotined|beheaded)';
/** Where it happened, between the verb and the date: `shot in Leningrad in 1934`, `died at Gorki, near Moscow, on`. */
const PLACE = "(?:(?:in|at|near)\\s+\\p{Lu}[\\p{L}'’-]*(?:,?\\s+(?:near\\s+)?\\p{Lu}[\\p{L}'’-]*){0,2},?\\s+)?";
const DEATH_NOUNS = '(?:murder|assassination|execution|death)';

/** Words that make a year mean something other than "when it happened". */
const HEDGE_WORDS = wordList(
  'after afterwards by before since until till from following between anniversary around about circa approximately roughly or',
);
const HEDGES = new RegExp(`\\b${anyOf(HEDGE_WORDS)}\\b|\\bca?\\.|~`, 'i');
/** A clause about memory, legacy or death says nothing about what a person did that year. */
const MEMORY_WORDS = wordList(
  'remember\\w* rehabilitat\\w* legacy trials? tried death dead died dies execut\\w* posthumous\\w* memor\\w* reputation ideas?',
  'writings? works books? body grave buried reburied honou?r\\w* commemorat\\w* names? named renamed statues? portraits? cult',
  'influence\\w* followers supporters image symbol murder\\w* kill\\w* assassinat\\w* shot purged denounc\\w* condemn\\w* blamed',
  'mourn\\w* funeral tomb mausoleum ghost spirit quoted cited inspir\\w*',
);
const MEMORY = new RegExp(`\\b${anyOf(MEMORY_WORDS)}\\b`, 'i');
/** The word after a person that is not something they do: `was`, `and`, `who`, ... */
const NOT_ACTING = new Set(
  wordList(
    'was were is are be been being has had have would could might may must should will shall can remains remained lives lived',
    'lay lies appears appeared features featured becomes became seems seemed and or but nor of in on at with who whom whose',
    'which that to for as by from after before than himself herself also still',
  ),
);
/** Between a subject and its year, these open another clause the year could belong to. */
const OTHER_CLAUSE =
  /\b(?:who|whom|whose|which|that|when|where|while|whereas|and|but|because|as|so|if|until|though|although|unless|once)\b/i;
/** Words before a full stop that is not the end of a sentence. */
const ABBREVIATIONS = new Set(['c', 'ca', 'no', 'st', 'dr', 'mr', 'mrs', 'gen', 'col', 'lt', 'vs', 'approx', 'etc']);

const after = (pattern: string): RegExp => new RegExp(`^${pattern}`, 'iud');
const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`, 'iud');

/** `<name> in 1936` only where the name opens its clause: in `Khrushchev denounced the Moscow Trials in 1956` the year is the verb's. */
const EVENT_IN_AFTER = after(`${EMPH}\\s+${PLACE}(?:in|on|of)\\s+${DATE}`);
const EVENT_AFTER = [
  after(`${EMPH}\\s*\\(\\s*${DATE}\\s*\\)`),
  // A bare number must end the term: `Congress of Victors 1934 – ...`, not `Congress of Victors 1966 delegates`.
  after(`${EMPH}\\s+${YEAR}(?=\\s*(?:$|[.,;:!?)\\]–—*_]|-\\s))`),
  after(`${EMPH}\\s+${EVENT_VERBS}\\s+(?:in|on)\\s+${DATE}`),
];
const IN_YEAR_PREFIX = whole(`${LEAD}In\\s+${DATE},?\\s+(?:the\\s+)?${EMPH}`);
const EVENT_VERB_AFTER = after(`${EMPH}\\s+${EVENT_VERBS}\\b`);
/** A timeline line: `1938: Trial of the 21`, `• 1934 – Kirov's murder`. */
const TIMELINE_PREFIX = whole(`\\s*(?:[•*+-]|\\d+[.)])?\\s*${EMPH}${DATE}${EMPH}\\s*[:–—-]\\s*(?:the\\s+)?${EMPH}`);

/** `Kirov was shot in Leningrad in 1934`, and as an aside: `Yezhov, who was shot in 1940,`, `Tukhachevsky, executed in 1937`. */
const DIED_AFTER = [
  after(`${EMPH},?\\s+(?:who\\s+)?(?:was\\s+|were\\s+)?${DEATH_VERBS}\\s+${PLACE}(?:in|on)\\s+${DATE}`),
  after(`${EMPH},?\\s+(?:who\\s+)?died\\s+${PLACE}(?:in|on)\\s+${DATE}`),
];
const BORN_AFTER = after(`${EMPH},?\\s+(?:who\\s+)?was\\s+born\\s+${PLACE}(?:in|on)\\s+${DATE}`);
/** `Born Joseph Djugashvilli, December 21, 1879`: the name after `Born` (a first name may come between), the date after it. */
const BORN_PREFIX = whole(`${LEAD}Born\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,2}${EMPH}`);
const BORN_DATE_AFTER = after(`${EMPH},?\\s+(?:on\\s+|in\\s+)?${DATE}`);
/** `Lev Kamenev (1883-1936)`, `### Sergei Kirov (1886–1934)`: a life span just after the name. */
const LIFE_SPAN_AFTER = after(`${EMPH}\\s*\\(\\s*(?:c\\.\\s*)?(?<born>1[0-9]{3}|20[0-9]{2})\\s*[-–—]\\s*(?<died>[0-9]{2,4})\\s*\\)`);
/** `Zhdanov, writing in 1950, argued`: an act in an aside, closed by a comma before the sentence ends. */
const APPOSITIVE_ACT = after(`,\\s+(?<verb>\\p{Ll}+ing)\\b(?<between>(?:\\s+[\\p{L}\\p{N}'’-]+){0,7}?)\\s+in\\s+${DATE}(?=[^.;!?]*,)`);
/** Words in -ing that are no act of the person's. */
const NOT_ACTS = new Set([
  'being',
  'having',
  'following',
  'including',
  'according',
  'during',
  'nothing',
  'something',
  'everything',
  'anything',
]);
const POSSESSIVE_DIED_AFTER = [
  after(`${EMPH}\\s+${DEATH_NOUNS}${EMPH}\\s+(?:in|on|of)\\s+${DATE}`),
  after(`${EMPH}\\s+${DEATH_NOUNS}${EMPH}\\s*\\(\\s*${DATE}\\s*\\)`),
];
/** What may come between the start of a clause and the name it is about: `At the`, `During`, `the`. */
const OPENS_CLAUSE = whole(`${LEAD}(?:(?:at|during|in)\\s+)?(?:the\\s+)?${EMPH}`);
const DEATH_OF_PREFIX = whole(`${LEAD}(?:(?:at|during|in)\\s+)?(?:the\\s+)?${DEATH_NOUNS}\\s+of\\s+${EMPH}`);
const IN_DATE_AFTER = after(`${EMPH}\\s+(?:in|on)\\s+${DATE}`);
const DEATH_NOUN_AFTER = after(`${EMPH}\\s+${DEATH_NOUNS}\\b`);
const IN_YEAR_SUBJECT_PREFIX = whole(`${LEAD}In\\s+${DATE},?\\s+`);
const SENTENCE_OPENING = new RegExp(`^${LEAD}$`, 'u');
/** A verb and a few more words, then the year: ` argued for the NEP in 1940`. */
const VERB_THEN_YEAR = after(`((?:\\s+[\\p{L}\\p{N}'’-]+){1,7}?)\\s+in\\s+${DATE}`);

/** Every shape above has a year of four digits: a line without one ties no year to any name. */
export function mayTieYears(line: string): boolean {
  return FOUR_DIGIT_YEAR.test(line);
}
const FOUR_DIGIT_YEAR = /1[0-9]{3}|20[0-9]{2}/;

/**
 * Years written with an event or trial named at `name`: `<name> in 1936` (the name opening its
 * clause), `<name> (1936)`, a term's `<name> 1936 –`, `<name> opened in 1936`, `In 1936, <name> opened`,
 * and a timeline's `1936: <name>`.
 */
export function eventYears(line: string, name: Span): WrittenYear[] {
  const found: WrittenYear[] = [];
  const rest = following(line, name.end);
  // `**Victory in China** (1949)`: the year is the whole bold term's, not the name's.
  if (closesEarlierEmphasis(line, name)) return [];
  const patterns = opensClause(line, name) ? [EVENT_IN_AFTER, ...EVENT_AFTER] : EVENT_AFTER;
  for (const pattern of patterns) {
    const year = yearOf(pattern.exec(rest), name.end);
    if (year) found.push(year);
  }
  const sentence = boundaryBefore(line, name.start, false);
  if (EVENT_VERB_AFTER.test(rest)) {
    const year = yearOf(exec(IN_YEAR_PREFIX, leading(line, sentence, name.start)), sentence);
    if (year) found.push(year);
  }
  const timeline = yearOf(exec(TIMELINE_PREFIX, leading(line, 0, name.start)), 0);
  if (timeline) found.push(timeline);
  return found.filter((year) => plain(line, name, year));
}

/**
 * A death or birth year written with a person named at `name` (`possessive` when written `Kirov's`):
 * `Kirov was murdered in 1934`, `Kirov died in 1934`, `Kirov's murder in 1934`, `Kirov's murder (1934)`,
 * `the murder of Kirov in 1934`, `1934: Kirov's murder`, `Kirov was born in 1886`.
 */
export function lifeYears(line: string, name: Span, possessive: boolean): LifeYear[] {
  const found: LifeYear[] = [];
  const rest = following(line, name.end);
  const add = (event: LifeEvent, match: RegExpExecArray | null, offset: number): void => {
    const year = yearOf(match, offset);
    if (year) found.push({ event, year });
  };
  if (possessive) {
    if (opensClause(line, name)) for (const pattern of POSSESSIVE_DIED_AFTER) add('died', pattern.exec(rest), name.end);
    if (DEATH_NOUN_AFTER.test(rest)) add('died', exec(TIMELINE_PREFIX, leading(line, 0, name.start)), 0);
  } else {
    for (const pattern of DIED_AFTER) add('died', pattern.exec(rest), name.end);
    add('born', BORN_AFTER.exec(rest), name.end);
    if (exec(BORN_PREFIX, leading(line, boundaryBefore(line, name.start, false), name.start)))
      add('born', BORN_DATE_AFTER.exec(rest), name.end);
    if (exec(DEATH_OF_PREFIX, leading(line, boundaryBefore(line, name.start, true), name.start)))
      add('died', IN_DATE_AFTER.exec(rest), name.end);
  }
  // A life span is a range by nature: it needs no check for one.
  return [
    ...found.filter(({ year }) => plain(line, name, year)),
    ...(possessive ? [] : lifeSpanYears(LIFE_SPAN_AFTER.exec(rest), name.end)),
  ];
}

/** Both years of a life span, as written: `(1901-32)` gives 1932, at the `32`. */
function lifeSpanYears(match: RegExpExecArray | null, offset: number): LifeYear[] {
  const at = match?.indices?.groups;
  if (!match?.groups || !at?.born || !at.died) return [];
  const { born, died } = match.groups;
  const diedYear = died.length === 4 ? Number(died) : Number(born.slice(0, 4 - died.length) + died);
  const span = { born: Number(born), died: diedYear };
  return [
    { event: 'born', year: { year: span.born, start: offset + at.born[0], end: offset + at.born[1] }, span },
    { event: 'died', year: { year: diedYear, start: offset + at.died[0], end: offset + at.died[1] }, span },
  ];
}

/**
 * The year in which a person named at `name` is the subject of something they do: `In 1940, Bukharin
 * argued ...`, or `Bukharin argued for the NEP in 1940` with the person opening the sentence. Not when
 * the word after the name is not an act (`was`, `and`, `who`), when another person or clause comes
 * between, or when the clause is about memory, legacy or death (`rehabilitated`, `executed`, `trial`).
 * `people` are where the line names people (the subject among them).
 */
export function actingYear(line: string, name: Span, people: readonly Span[]): WrittenYear | undefined {
  const rest = following(line, name.end);
  const aside = APPOSITIVE_ACT.exec(rest);
  // The aside's own verb is the act (`writing`); its other words may still be about memory (`honouring his memory`).
  if (
    aside?.groups &&
    !NOT_ACTS.has(aside.groups.verb) &&
    !MEMORY.test(aside.groups.between) &&
    !/^(remember|commemorat|honou?r|mourn|rehabilitat)/.test(aside.groups.verb)
  ) {
    const year = yearOf(aside, name.end);
    return year && plain(line, name, year) ? year : undefined;
  }
  const verb = /^\s+(\p{Ll}+)(?![\p{L}'’-])/u.exec(rest)?.[1];
  if (verb === undefined || NOT_ACTING.has(verb)) return undefined;
  const sentence = boundaryBefore(line, name.start, false);
  const clauseEnd = boundaryAfter(line, name.end, true);
  const prefix = leading(line, sentence, name.start);
  let year = yearOf(exec(IN_YEAR_SUBJECT_PREFIX, prefix), sentence);
  if (!year && prefix !== undefined && SENTENCE_OPENING.test(prefix)) {
    // The year closes the subject's own clause, a few words on: `Bukharin argued for the NEP in 1940`.
    const clause = line.slice(name.end, Math.min(clauseEnd, name.end + REACH));
    const match = VERB_THEN_YEAR.exec(clause);
    year = yearOf(match, name.end);
    if (!match || !year || OTHER_CLAUSE.test(match[1]) || people.some((p) => p.start >= name.end && p.start < year!.start))
      return undefined;
  }
  if (!year || MEMORY.test(line.slice(sentence, clauseEnd))) return undefined;
  return plain(line, name, year) ? year : undefined;
}

/** The name opens its clause, perhaps after `at the`, `during`: what follows it is about it. */
function opensClause(line: string, name: Span): boolean {
  return exec(OPENS_CLAUSE, leading(line, boundaryBefore(line, name.start, true), name.start)) !== null;
}

/** Emphasis closing right after the name that opened before an earlier word: `**Victory in China**`. */
function closesEarlierEmphasis(line: string, name: Span): boolean {
  const closing = /^(\*\*|__|\*|_)/.exec(line.slice(name.end, name.end + 2))?.[1];
  if (!closing) return false;
  const prefix = line.slice(Math.max(0, name.start - 12), name.start);
  return !(prefix.endsWith(closing) || new RegExp(`${closing.replace(/\*/g, '\\*')}the\\s+$`, 'i').test(prefix));
}

/** The year is not part of a range (`1936-38`, `1936 to 1938`, `1930s`) and its clause has no hedge. */
function plain(line: string, name: Span, year: WrittenYear): boolean {
  const tail = line.slice(year.end, year.end + 24);
  if (/^(?:['’]?s(?![\p{L}])|\s*[-–—/]\s*\d|\s*(?:to|and|or|&|till|until|through)\s+\d)/iu.test(tail)) return false;
  if (/\d\s*[-–—/]\s*$/.test(line.slice(Math.max(0, year.start - 8), year.start))) return false;
  // A hedge before the year changes what it means (`after 1934`); after it (`in 1938 after the trial`), not.
  const start = boundaryBefore(line, Math.min(name.start, year.start), true);
  return !HEDGES.test(line.slice(start, Math.max(name.end, year.end)));
}

/** The patterns read a short way around a name: a paragraph on one long line is not copied for each name. */
const REACH = 160;

function following(line: string, at: number): string {
  return line.slice(at, at + REACH);
}

/** The text from `from` (a line or sentence start) up to `to`; none when it is too long for any pattern to match. */
function leading(line: string, from: number, to: number): string | undefined {
  return to - from > REACH ? undefined : line.slice(from, to);
}

function exec(pattern: RegExp, text: string | undefined): RegExpExecArray | null {
  return text === undefined ? null : pattern.exec(text);
}

function yearOf(match: RegExpExecArray | null, offset: number): WrittenYear | undefined {
  const at = match?.indices?.groups?.year;
  if (!match || !at) return undefined;
  return { year: Number(match.groups!.year), start: offset + at[0], end: offset + at[1] };
}

/** Where the sentence (or, with `commas`, the clause) around `at` starts. */
function boundaryBefore(line: string, at: number, commas: boolean): number {
  for (let i = at - 1; i >= 0; i--) if (isBoundary(line, i, commas)) return i + 1;
  return 0;
}

function boundaryAfter(line: string, at: number, commas: boolean): number {
  for (let i = at; i < line.length; i++) if (isBoundary(line, i, commas)) return i;
  return line.length;
}

function isBoundary(line: string, i: number, commas: boolean): boolean {
  const c = line[i];
  if (';!?()[]|"“”:'.includes(c)) return true;
  if (c === ',') return commas;
  if (c === '—') return true;
  // A spaced dash separates (`Term – explanation`); `1936–38` is a range.
  if (c === '–' || c === '-') return line[i - 1] === ' ' && line[i + 1] === ' ';
  if (c !== '.') return false;
  const next = line[i + 1];
  if (next !== undefined && !/[\s.\p{Lu}]/u.test(next)) return false;
  const word = /(\p{L}+)$/u.exec(line.slice(Math.max(0, i - 8), i))?.[1];
  return !(word && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)));
}
