// Whether a word is English, by the Hunspell dictionaries for American and British English (nspell):
// students write both. A word the dictionary knows in any inflection (`Wages`, `Turns`, `Don't`) is
// never a misspelt name, and a surname that is also an ordinary word (`Grant`, `King`) needs context.
import { readFileSync } from 'node:fs';
import nspell from 'nspell';
import { WordCache } from '../notes/strings';
import { COMMON_WORDS } from './commonWords';
import { dataFile } from './dataFiles';

export interface EnglishDictionary {
  /** The word as written is English or a name the dictionary lists: `Please`, `Harry`, `Don't`, `Stalin`. */
  knows(word: string): boolean;
  /** The word in lower case is an ordinary English word (`grant`, `station`), not only a name (`stalin`). */
  isCommon(word: string): boolean;
  /**
   * Like knows, for a word with no possessive ending, uncached: words made up once (a key's
   * one-letter neighbours) would evict the words of notes from the cache.
   */
  knowsKey(key: string): boolean;
}

/** The dictionaries, as installed with npm (see dataFiles). */
const DICTIONARIES = [
  { name: 'en-US', module: 'dictionary-en' },
  { name: 'en-GB', module: 'dictionary-en-gb' },
];

class HunspellEnglish implements EnglishDictionary {
  private readonly known = new WordCache<boolean>(100_000);

  constructor(private readonly spellers: readonly nspell[]) {}

  knows(word: string): boolean {
    // Cached by the word as written too: folding the apostrophes on every call shows in profiles.
    let answer = this.known.get(word);
    if (answer !== undefined) return answer;
    const plain = word.replace(/’/g, "'").replace(/'s?$/, '');
    if (plain === '') return false;
    answer = this.known.get(plain) ?? this.known.set(plain, this.knowsKey(plain));
    if (word !== plain) this.known.set(word, answer);
    return answer;
  }

  isCommon(word: string): boolean {
    return this.knows(word.toLowerCase());
  }

  knowsKey(key: string): boolean {
    // `Five-Year` is English when its parts are words; `Mendez-France` is a name made of names.
    const knowsWord = (word: string): boolean => this.spellers.some((speller) => speller.correct(word));
    const parts = key.split('-');
    return knowsWord(key) || (parts.length > 1 && parts.every((part) => part !== '' && knowsWord(part.toLowerCase())));
  }
}

/** Used only when the dictionary files are missing (a broken install): the short list of common words. */
class FallbackEnglish implements EnglishDictionary {
  knows(word: string): boolean {
    return this.isCommon(word);
  }

  isCommon(word: string): boolean {
    return COMMON_WORDS.has(word.toLowerCase().replace(/['’]s?$/, ''));
  }

  knowsKey(key: string): boolean {
    return this.isCommon(key);
  }
}

let loaded: EnglishDictionary | undefined;
let problem: string | undefined;

/** The English dictionary, read once on first use (about a third of a second) unless loadEnglish read it first. */
export function english(): EnglishDictionary {
  if (!loaded) {
    const found = findDictionaries();
    const read = (text: DictionaryText): nspell => nspell(text.aff, ['', ...linesOf(text, 1, text.lines.length)].join('\n'));
    loaded = found ? new HunspellEnglish([...dictionaryTexts(found)].map(read)) : new FallbackEnglish();
  }
  return loaded;
}

/** Dictionary lines read between two pauses: about 10 ms of work (2,000 took up to 31 ms). */
const LINES_PER_SLICE = 1_000;

/**
 * Reads the dictionary as english() would, awaiting `pause` every few milliseconds: a server reads it
 * while it answers requests, instead of stopping for a third of a second.
 */
export async function loadEnglish(pause: () => Promise<void>): Promise<void> {
  if (loaded) return;
  const read = await readEnglishInSlices(pause);
  // english() may have been called meanwhile, and read it all at once: keep that one.
  loaded ??= read;
}

/** A new dictionary read in slices (see loadEnglish); the fallback list when the files are missing. */
export async function readEnglishInSlices(pause: () => Promise<void>): Promise<EnglishDictionary> {
  const found = findDictionaries();
  if (!found) return new FallbackEnglish();
  const spellers: nspell[] = [];
  for (const text of dictionaryTexts(found)) {
    const speller = nspell(text.aff);
    await pause();
    // Each call to dictionary() turns the compound rules (`1st`, `22nd`) into expressions: each starts from their text.
    const withRules = speller as unknown as { compoundRules: unknown[] };
    const rules = [...withRules.compoundRules];
    // The first line of a .dic file is its word count, which dictionary() skips.
    for (let from = 1; from < text.lines.length; from += LINES_PER_SLICE) {
      withRules.compoundRules = [...rules];
      speller.dictionary(['', ...linesOf(text, from, from + LINES_PER_SLICE)].join('\n'));
      await pause();
    }
    spellers.push(speller);
  }
  return new HunspellEnglish(spellers);
}

/**
 * A dictionary's affix rules and word lines. A word line that an earlier dictionary with the same
 * rules has too (97% of the British lines are American ones) makes the same words again, so it is
 * left out: both are read in about a quarter less time, into 14 MB of heap rather than 23. Lines
 * with a flag the rules give a meaning beyond affixes stay (the compound rules for `22nd` are made
 * from the words they flag).
 */
interface DictionaryText {
  aff: Buffer;
  lines: string[];
  /** The lines given so far (see linesOf). */
  given: Set<string>;
  /** The earlier dictionary's lines given, when it has the same rules, and the flags that keep a line. */
  earlier?: { given: ReadonlySet<string>; special: ReadonlySet<string> };
}

/** One at a time, as they are read: reading and splitting both files took 55 ms in one go on a cold start. */
function* dictionaryTexts(found: readonly { aff: string; dic: string }[]): Generator<DictionaryText> {
  const texts: DictionaryText[] = [];
  for (const files of found) {
    const aff = readFileSync(files.aff);
    const same = texts.find((text) => text.aff.equals(aff));
    const earlier = same && { given: same.given, special: specialFlags(aff.toString('utf8')) };
    const text = { aff, lines: readFileSync(files.dic, 'utf8').split('\n'), given: new Set<string>(), earlier };
    texts.push(text);
    yield text;
  }
}

/** The lines from `from` up to `to` to read, in order (line 0 is the word count, which nspell skips). */
function linesOf(text: DictionaryText, from: number, to: number): string[] {
  const { earlier } = text;
  const needed = (line: string): boolean => !earlier?.given.has(line) || [...flagsOf(line)].some((flag) => earlier.special.has(flag));
  const lines = text.lines.slice(from, to).filter(needed);
  for (const line of lines) text.given.add(line);
  return lines;
}

/** Every character the .aff file's directives name, but for its affix classes and text settings: over-inclusive, never short. */
function specialFlags(aff: string): Set<string> {
  const flags = new Set<string>();
  for (const line of aff.split('\n')) {
    const [directive, value] = line.trim().split(/\s+/);
    if (value && !/^(#|PFX$|SFX$|SET$|TRY$|ICONV$|OCONV$|REP$|KEY$)/.test(directive)) for (const flag of value) flags.add(flag);
  }
  return flags;
}

/** A .dic line's flags: what follows its first unescaped slash. */
function flagsOf(line: string): string {
  const slash = line.search(/(?<!\\)\//);
  return slash === -1 ? '' : line.slice(slash + 1).trim();
}

/** The .aff and .dic files of each dictionary, or undefined (with the problem noted) when any is missing. */
function findDictionaries(): { aff: string; dic: string }[] | undefined {
  const folders = DICTIONARIES.map((d) => ({ ...d, files: dictionaryFiles(d.name, d.module) }));
  const missing = folders.filter((d) => !d.files);
  if (missing.length === 0) return folders.map((d) => d.files!);
  problem = `English dictionaries not found (${missing.map((d) => d.name).join(', ')}): name checks fall back to a short word list.`;
  return undefined;
}

/** Why the full dictionary could not be used, if it could not. */
export function englishProblem(): string | undefined {
  english();
  return problem;
}

function dictionaryFiles(name: string, module: string): { aff: string; dic: string } | undefined {
  const aff = dataFile(`${name}.aff`, module, 'index.aff');
  const dic = dataFile(`${name}.dic`, module, 'index.dic');
  return aff && dic ? { aff, dic } : undefined;
}
