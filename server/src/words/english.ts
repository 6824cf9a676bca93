// Whether a word is English, by the Hunspell dictionaries for American and British English (nspell):
// students write both. A word the dictionary knows in any inflection (`Wages`, `Turns`, `Don't`) is
// never a misspelt name, and a surname that is also an ordinary word (`Grant`, `King`) needs context.
import { readFileSync } from 'node:fs';
import nspell from 'nspell';
import { COMMON_WORDS } from './commonWords';
import { dataFile } from './dataFiles';

export interface EnglishDictionary {
  /** The word as written is English or a name the dictionary lists: `Please`, `Harry`, `Don't`, `Stalin`. */
  knows(word: string): boolean;
  /** The word in lower case is an ordinary English word (`grant`, `station`), not only a name (`stalin`). */
  isCommon(word: string): boolean;
}

/** The dictionaries, as installed with npm (see dataFiles). */
const DICTIONARIES = [
  { name: 'en-US', module: 'dictionary-en' },
  { name: 'en-GB', module: 'dictionary-en-gb' },
];
const CACHE_LIMIT = 100_000;

class HunspellEnglish implements EnglishDictionary {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly spellers: readonly nspell[]) {}

  knows(word: string): boolean {
    const plain = word.replace(/’/g, "'").replace(/'s?$/, '');
    if (plain === '') return false;
    let answer = this.known.get(plain);
    if (answer === undefined) {
      // `Five-Year` is English when its parts are words; `Mendez-France` is a name made of names.
      const knowsWord = (word: string): boolean => this.spellers.some((speller) => speller.correct(word));
      const parts = plain.split('-');
      answer = knowsWord(plain) || (parts.length > 1 && parts.every((part) => part !== '' && knowsWord(part.toLowerCase())));
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(plain, answer);
    }
    return answer;
  }

  isCommon(word: string): boolean {
    return this.knows(word.toLowerCase());
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
}

let loaded: EnglishDictionary | undefined;
let problem: string | undefined;

/** The English dictionary, read once on first use (about a third of a second). */
export function english(): EnglishDictionary {
  if (!loaded) {
    const folders = DICTIONARIES.map((d) => ({ ...d, files: dictionaryFiles(d.name, d.module) }));
    const missing = folders.filter((d) => !d.files);
    if (missing.length > 0) {
      problem = `English dictionaries not found (${missing.map((d) => d.name).join(', ')}): name checks fall back to a short word list.`;
      loaded = new FallbackEnglish();
    } else {
      loaded = new HunspellEnglish(folders.map((d) => nspell(readFileSync(d.files!.aff), readFileSync(d.files!.dic))));
    }
  }
  return loaded;
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
