// The years a line ties to a name on it (see notes/yearPhrases), read once for each line's text and
// name's place: a note's diagnostics are made again at every edit, and all but the edited lines read
// as they did before.
import { WordCache } from '../notes/strings';
import { actingYear, eventYears, lifeYears, type LifeYear, type Span, type WrittenYear } from '../notes/yearPhrases';

/** By line, at most 5,000 lines; then they are all read afresh. */
const readingsByLine = new WordCache<Map<string | number, unknown>>(5000);

/** What `read` says of `line`, remembered under `what`. The answer is shared: never change it. */
function remembered<T>(line: string, what: string | number, read: () => T): T {
  const readings = readingsByLine.get(line) ?? readingsByLine.set(line, new Map<string | number, unknown>());
  if (readings.has(what)) return readings.get(what) as T;
  const value = read();
  readings.set(what, value);
  return value;
}

/** A reading of a name's place as one number (no string to build at each mention), below 2^53. */
function readingKey(reading: 0 | 1 | 2, name: Span): number | string {
  return name.end < 2 ** 24 ? (name.start * 2 ** 24 + name.end) * 4 + reading : `${reading} ${name.start} ${name.end}`;
}

export function eventYearsOn(line: string, name: Span): readonly WrittenYear[] {
  return remembered(line, readingKey(0, name), () => eventYears(line, name));
}

export function lifeYearsOn(line: string, name: Span, possessive: boolean): readonly LifeYear[] {
  return remembered(line, readingKey(possessive ? 2 : 1, name), () => lifeYears(line, name, possessive));
}

/** The people on a line as part of a key, made once for the line's list (a line names many people). */
const peopleKeys = new WeakMap<readonly Span[], string>();

export function actingYearOn(line: string, name: Span, people: readonly Span[]): WrittenYear | undefined {
  let others = peopleKeys.get(people);
  if (others === undefined) peopleKeys.set(people, (others = people.map((p) => `${p.start} ${p.end}`).join(' ')));
  return remembered(line, `acting ${name.start} ${name.end} ${others}`, () => actingYear(line, name, people));
}
