// Finds the runs of words in a note that may name something: capitalised words with the small words
// that sit inside names (`Trial of the 16`, `Harry S. Truman`), and lower-case runs of the words the
// knowledge's names are made of (`the february revolution`). Each word is flagged when its capital
// may come from where it stands (a sentence's first word, a heading's words) rather than from a name.
import type { ParsedNotes } from './model';
import { NAME_CONNECTORS, isCapitalised, isNumber } from './names';
import { forEachWord } from './wordScan';
import type { LineMemo, LineRuns } from './lineMemo';
import { AFTER_PLACE_PREPOSITION, EXPOSED, NamePhrases } from './phrases';
import { wordNumber } from './wordNumbers';
import { isGivenName } from '../words/givenNames';

/** `Brown v. Board of Education`: the word between the parties of a court case. */
const CASE_WORDS = new Set(['v']);
/** Small words that neither start nor end a run; inside one only the connectors and the vocabulary's. */
const JOINING = new Set([...NAME_CONNECTORS, ...CASE_WORDS, 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'by', 'with']);
/** Abbreviations whose full stop does not end a sentence: `Dr. King`, `Gen. Patton`. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'gen',
  'col',
  'lt',
  'capt',
  'sgt',
  'rev',
  'prof',
  'maj',
  'adm',
  'gov',
  'sen',
  'pres',
  'fr',
  'jr',
  'sr',
  'mme',
  'messrs',
  'v',
]);
/** Characters that end a sentence or open a clause: the next word's capital says nothing. */
const BOUNDARIES = '.!?:;"“”—•#>|…';
const NO_WORDS: ReadonlySet<string> = new Set();
const PLACE_PREPOSITIONS = new Set([
  'at',
  'in',
  'near',
  'from',
  'outside',
  'towards',
  'toward',
  'into',
  'across',
  'around',
  'through',
  'to',
  'on',
]);

/**
 * `vocabulary`: lower-case words of the knowledge's names of several words; they may form runs.
 * `memo`: what each line yielded before, by its text (see LineMemo), for a note being edited.
 */
export function scanPhrases(
  lines: readonly string[],
  notes: ParsedNotes,
  vocabulary: ReadonlySet<string> = NO_WORDS,
  memo?: LineMemo,
): NamePhrases {
  const phrases = new NamePhrases();
  const headingLines = new Set<number>();
  for (const section of notes.sections) if (section.heading) headingLines.add(section.heading.line);
  if (notes.title) headingLines.add(notes.title.range.start.line);
  const runLines: number[] = [];
  const runsByLine: LineRuns[] = [];
  for (let line = 0; line < lines.length; line++) {
    if (notes.skippedLines.has(line)) continue;
    const heading = headingLines.has(line);
    if (memo) {
      const runs = memo.runsOf(line, lines[line], heading) ?? memo.keepRuns(line, lineRuns(lines[line], heading, vocabulary));
      if (runs.words.length > 0) {
        runLines.push(line);
        runsByLine.push(runs);
      }
    } else scanLine(lines[line], heading, vocabulary, (texts, starts, flags) => phrases.add(line, texts, starts, flags));
  }
  return memo ? NamePhrases.fromLineRuns(runLines, runsByLine) : phrases.seal();
}

/** The runs of one line, kept apart (see LineMemo); numbered, so they keep no version of the note's text alive. */
function lineRuns(text: string, heading: boolean, vocabulary: ReadonlySet<string>): LineRuns {
  const runs: LineRuns = { words: [], starts: [], flags: [], bounds: [0] };
  scanLine(text, heading, vocabulary, (texts, starts, flags) => {
    for (const word of texts) runs.words.push(wordNumber(word));
    runs.starts.push(...starts);
    runs.flags.push(...flags);
    runs.bounds.push(runs.words.length);
  });
  return runs;
}

/** Calls `add` with each run of words on one line (a run never crosses a line). */
function scanLine(
  text: string,
  heading: boolean,
  vocabulary: ReadonlySet<string>,
  add: (texts: readonly string[], starts: readonly number[], flags: readonly number[]) => void,
): void {
  // The current run, as texts, starts and flags: no object per word of the notes.
  const texts: string[] = [];
  const starts: number[] = [];
  const flags: number[] = [];
  let capitalised = 0;
  const flush = (): void => {
    // Most words end no run: nothing to flush, and no array touched (setting a length shows in profiles).
    if (texts.length === 0) return;
    trim(texts, starts, flags, capitalised > 0);
    if (texts.length > 0 && (capitalised > 0 || texts.length >= 2)) add(texts, starts, flags);
    texts.length = 0;
    starts.length = 0;
    flags.length = 0;
    capitalised = 0;
  };
  const push = (word: string, start: number, flag: number): void => {
    texts.push(word);
    starts.push(start);
    flags.push(flag);
  };
  let previousEnd = -1;
  let previousWord = '';
  forEachWord(text, (word, start) => {
    const afterInitial = previousEnd >= 0 && texts.length > 0 && isInitialStop(text, previousEnd, start, texts[texts.length - 1], word);
    // `Harry S. Truman`: the initial keeps its full stop, so the run reads as the name is written.
    if (afterInitial) texts[texts.length - 1] += '.';
    const joined = texts.length > 0 && (afterInitial || onlySpacesOrTabs(text, previousEnd, start));
    const exposed = heading || previousEnd < 0 || (!afterInitial && hasBoundary(text, previousEnd, start));
    const upper = isCapitalised(word);
    if (upper || isNumber(word)) {
      if (!joined) flush();
      const afterPreposition = onlySpacesOrTabs(text, previousEnd, start) && PLACE_PREPOSITIONS.has(previousWord);
      push(word, start, (exposed ? EXPOSED : 0) | (afterPreposition ? AFTER_PLACE_PREPOSITION : 0));
      if (upper) capitalised++;
    } else if (joined && (NAME_CONNECTORS.has(word) || CASE_WORDS.has(word) || vocabulary.has(word))) {
      push(word, start, 0);
    } else {
      flush();
      if (vocabulary.has(word) && !JOINING.has(word)) push(word, start, 0);
    }
    previousEnd = start + word.length;
    previousWord = word;
  });
  flush();
}

/** Drops joining words from the end of a run, and from its start when no word of it is capitalised. */
function trim(texts: string[], starts: number[], flags: number[], capitalised: boolean): void {
  while (texts.length > 0 && JOINING.has(texts[texts.length - 1])) {
    texts.pop();
    starts.pop();
    flags.pop();
  }
  if (capitalised) return;
  let drop = 0;
  while (drop < texts.length && JOINING.has(texts[drop])) drop++;
  if (drop === 0) return;
  texts.splice(0, drop);
  starts.splice(0, drop);
  flags.splice(0, drop);
}

/** `S. Truman`, `Dr. King`: a full stop and spaces after an initial or an abbreviation. */
function isInitialStop(text: string, from: number, to: number, previous: string, next: string): boolean {
  if (text.charCodeAt(from) !== 46 || !onlySpacesOrTabs(text, from + 1, to)) return false;
  // `I` and `A` end sentences (`World War I. Then ...`) more often than they are initials (`A. Philip Randolph`).
  const initial = previous.length === 1 && isCapitalised(previous) && ((previous !== 'I' && previous !== 'A') || isGivenName(next));
  return initial || ABBREVIATIONS.has(previous.toLowerCase());
}

function hasBoundary(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (BOUNDARIES.includes(c)) return true;
    // A spaced dash separates a term from its explanation; `1936-38` and `Rimsky-Korsakov` do not.
    if ((c === '–' || c === '-') && text[i - 1] === ' ' && text[i + 1] === ' ') return true;
  }
  return false;
}

/** Whether text[from, to) is one or more spaces and tabs. */
function onlySpacesOrTabs(text: string, from: number, to: number): boolean {
  if (from < 0 || from >= to) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
