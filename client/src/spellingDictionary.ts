// The files Code Spell Checker reads our names from: a word list and a cspell configuration that
// defines it as a dictionary, in the extension's own storage (never a user's folder). Written
// atomically, so the spell checker never reads half a list.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const SPELLING_CONFIG = 'cspell-ext.json';
const WORDS_FILE = 'history-notes-words.txt';

/** Writes the word list (and the configuration, the first time); returns the configuration's path. */
export async function writeSpellingDictionary(folder: string, words: readonly string[]): Promise<string> {
  await mkdir(folder, { recursive: true });
  const config = {
    version: '0.2',
    name: 'History Notes names',
    description: 'The people, trials and events of your notes and active knowledge packs.',
    dictionaryDefinitions: [{ name: 'history-notes-names', path: `./${WORDS_FILE}` }],
    dictionaries: ['history-notes-names'],
  };
  await replace(path.join(folder, WORDS_FILE), words.join('\n') + '\n');
  const configPath = path.join(folder, SPELLING_CONFIG);
  await replace(configPath, JSON.stringify(config, null, 2) + '\n');
  return configPath;
}

async function replace(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, file);
}
