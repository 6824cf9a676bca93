// How names are compared: one normal key per spelling (case, accents, apostrophes and possessives folded),
// words with their offsets, and the conservative edit distance used to recognise misspelt names.
import { detach } from './strings';

/** A word of a line with its UTF-16 offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// A dotted acronym (`N.K.V.D.`) is one word; otherwise letters and digits with inner apostrophes and hyphens.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*['’]?/gu;

export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  forEachWord(line, (text, start) => words.push({ text, start, end: start + text.length }));
  return words;
}

/** Calls `visit` with each word of a line and its start, without making an object per word. `visit` must not scan words itself. */
export function forEachWord(line: string, visit: (text: string, start: number) => void): void {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(line); match; match = WORD.exec(line)) visit(match[0], match.index);
}

/** Keys by word: the words of notes repeat, and folding one costs a Unicode normalisation. */
const wordKeys = new Map<string, string>();
const WORD_KEYS_LIMIT = 200_000;

/** `Kirov's` → `kirov`, `Röhm` → `rohm`, `N.K.V.D.` → `nkvd`. */
export function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = fold(word)
      .replace(/['’](s)?$/, '')
      .replace(/['’.]/g, '');
    // Bounded, so text no note holds any more cannot grow it for ever; copies, so no note's text is kept.
    if (wordKeys.size >= WORD_KEYS_LIMIT) wordKeys.clear();
    key = detach(key);
    wordKeys.set(detach(word), key);
  }
  return key;
}

/** The key a whole name is looked up by: `The Trial of the 16` → `trial of the 16`, `Kirov’s Murder` → `kirov murder`. */
export function nameKey(name: string): string {
  const words = wordsOf(name).map((w) => wordKey(w.text)).filter((w) => w !== '');
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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

/** How many letters one mask has that the other lacks: each needs at least one edit. */
export function maskDifference(a: number, b: number): number {
  let diff = (a & ~b) | (b & ~a);
  let count = 0;
  while (diff) {
    diff &= diff - 1;
    count++;
  }
  return count;
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early
 * once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Whether `candidate` is plausibly a misspelling of the name `known` (both keys): same first letter,
 * one edit for short names, two for longer, three when the start and the end agree (`zionev` → `zinoviev`).
 */
export function isLikelyMisspelling(candidate: string, known: string): boolean {
  return misspellingDistance(candidate, known) !== Infinity;
}

/** The edit distance when `candidate` is a likely misspelling of `known` (see isLikelyMisspelling), else Infinity. */
export function misspellingDistance(candidate: string, known: string): number {
  if (candidate === known || candidate.length < 4 || known.length < 4) return Infinity;
  if (candidate[0] !== known[0]) return Infinity;
  const distance = editDistance(candidate, known, known.length <= 5 ? 1 : 3);
  if (known.length <= 5) return distance <= 1 ? distance : Infinity;
  if (distance <= 2) return distance;
  const sameEnds = known.length >= 7 && candidate.length >= 6 && candidate.slice(0, 2) === known.slice(0, 2) && candidate.slice(-2) === known.slice(-2);
  return distance === 3 && sameEnds ? distance : Infinity;
}
