// How names are compared: one normal key per spelling (case, accents, apostrophes and possessives folded),
// words with their offsets, and the conservative edit distance used to recognise misspelt names.
import { detach, WordCache } from './strings';
import { forEachWord } from './wordScan';

/** A word of a line with its UTF-16 offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A line's words (see forEachWord: a dotted acronym, `N.K.V.D.`, is one word). */
export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  forEachWord(line, (text, start) => words.push({ text, start, end: start + text.length }));
  return words;
}

/** Keys by word: the words of notes repeat, and folding one costs a Unicode normalisation. */
const WORD_KEYS_LIMIT = 200_000;
const wordKeys = new WordCache<string>(WORD_KEYS_LIMIT);

/** `Kirov's` → `kirov`, `Röhm` → `rohm`, `N.K.V.D.` → `nkvd`. */
export function wordKey(word: string): string {
  return wordKeys.get(word) ?? wordKeys.set(word, foldedWordKey(word));
}

/** The word's key made afresh, for callers that keep keys themselves (see wordNumbers). */
export function foldedWordKey(word: string): string {
  const key = fold(word)
    .replace(/['’](s)?$/, '')
    .replace(/['’.]/g, '');
  // A copy too: a key that is the word itself would keep the note's text alive.
  return detach(key);
}

/** The key a whole name is looked up by: `The Trial of the 16` → `trial of the 16`, `Kirov’s Murder` → `kirov murder`. */
export function nameKey(name: string): string {
  const words = wordsOf(name)
    .map((w) => wordKey(w.text))
    .filter((w) => w !== '');
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function isCapitalised(word: string): boolean {
  // ASCII first: most words are, and a regular expression per word shows in profiles.
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

export function isNumber(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return /^\p{N}/u.test(word);
}

export function isPossessive(word: string): boolean {
  return /['’]s?$/.test(word);
}

/** Small words that may sit inside a name (`Trial of the 16`, `Congress of Victors`, `von Papen`). */
export const NAME_CONNECTORS = new Set(['of', 'the', 'de', 'von', 'van', 'der', 'den', 'du', 'la', 'le', 'al', 'y', 'and']);

/** Which of the letters a–z a key holds, as bits: a cheap bound before computing an edit distance. */
export function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const bit = key.charCodeAt(i) - 97;
    if (bit >= 0 && bit < 26) mask |= 1 << bit;
  }
  return mask;
}

/** Rows of the distance table, reused: the resolver compares a word with thousands of names. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions) when it is at most
 * `limit`, else `limit + 1`. Only the cells within `limit` of the diagonal are computed: any path
 * through the others already costs more.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  if (Math.abs(n - m) > limit) return over;
  if (rows[0].length < m + 2) rows = rows.map(() => new Int32Array(2 * (m + 2)));
  let [previous2, previous, current] = rows;
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : over;
  previous[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[0] = i <= limit ? i : over;
    current[from - 1] = from === 1 ? current[0] : over;
    let rowMin = from === 1 ? current[0] : over;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The next row reads one cell beyond this row's band.
    if (to < m) current[to + 1] = over;
    if (rowMin > limit) return over;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m], over);
}

/**
 * The sound of a key as transliterations agree on it: `dzhugashvili`, `djugashvili` and `jughashvili`
 * are one, as are `khrushchev` and `krushchev`, `roehm` and `rohm`.
 */
export function skeleton(key: string): string {
  return skeletons.get(key) ?? skeletons.set(key, soundOf(key));
}

/** Skeletons by key: names are compared with many candidates, and ten replacements per comparison show in profiles. */
const skeletons = new WordCache<string>(WORD_KEYS_LIMIT);

function soundOf(key: string): string {
  return key
    .replace(/dzh|dj/g, 'j')
    .replace(/tsch|tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/([aou])e/g, '$1');
}

/** Two spellings of one name that differ only in transliteration (`Djugashvili`, `Jughashvili`): no misspelling. */
export function isSpellingVariant(candidate: string, known: string): boolean {
  return candidate !== known && candidate.length >= 4 && skeleton(candidate) === skeleton(known);
}

/**
 * Whether `candidate` is plausibly a misspelling of the name `known` (both keys): same first letter,
 * an allowance that grows with the shorter spelling (see allowanceFor), or three edits when the start
 * and the end agree (`zionev` → `zinoviev`). Words under five letters are
 * never taken for misspellings, nor words made from the name (`Trotskyite`).
 */
export function isLikelyMisspelling(candidate: string, known: string): boolean {
  return misspellingDistance(candidate, known) !== Infinity;
}

/**
 * Edits allowed between two spellings, by the shorter: one up to six letters (two at six when the
 * first two letters agree and so do the last or the lengths: `Stallen` for `Stalin`, `Yagado` for
 * `Yagoda`), two up to nine, three beyond.
 */
function allowanceFor(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 6) return 1;
  if (shorter === 6) return a.slice(0, 2) === b.slice(0, 2) && (a[a.length - 1] === b[b.length - 1] || a.length === b.length) ? 2 : 1;
  return shorter <= 9 ? 2 : 3;
}

/** A word shorter than this is taken for no misspelling. */
export const MISSPELLING_LENGTH = 5;

/**
 * The most edits misspellingDistance accepts between two keys of these lengths: the allowance, or
 * three when the start and the end may agree.
 */
export function mostEditsAllowed(candidateLength: number, knownLength: number): number {
  if (Math.min(candidateLength, knownLength) < 6) return 1;
  return knownLength >= 7 && candidateLength >= 6 ? 3 : 2;
}

/**
 * The edit distance when `candidate` is a likely misspelling of `known` (see isLikelyMisspelling), else
 * Infinity. A caller comparing one word with many names passes the skeletons it has already.
 */
export function misspellingDistance(
  candidate: string,
  known: string,
  candidateSound = skeleton(candidate),
  knownSound = skeleton(known),
): number {
  if (candidate === known || candidate.length < MISSPELLING_LENGTH || known.length < 4) return Infinity;
  const a = candidate;
  const b = known;
  if (a.charCodeAt(0) !== b.charCodeAt(0) && candidateSound.charCodeAt(0) !== knownSound.charCodeAt(0)) return Infinity;
  // `Trotskyite`, `Leninism`, `Stalingrad` are words made from the name, not misspellings of it.
  if (a.length >= b.length + 2 && candidateSound.startsWith(knownSound.slice(0, -1))) return Infinity;
  // `Stalins`, `Rosenbergs`: a plural or a possessive without its apostrophe, not a misspelling.
  if (a.length === b.length + 1 && a.endsWith('s') && a.startsWith(b)) return Infinity;
  const allowance = allowanceFor(a, b);
  const distance = editDistance(a, b, mostEditsAllowed(a.length, b.length));
  if (distance <= allowance) return distance;
  const sameEnds = b.length >= 7 && a.length >= 6 && a.slice(0, 2) === b.slice(0, 2) && a.slice(-2) === b.slice(-2);
  return distance === 3 && sameEnds ? distance : Infinity;
}
