// Titles written before a person's name: `President Wilson`, `General MacArthur`, `Tsar Nicholas`,
// `Field Marshal Montgomery`, `Sir Thomas More`. What follows a title is a name when it is capitalised
// and no ordinary word (`General Secretary`, `Lord Chancellor` are offices, not people).
import { lowercaseWordSet } from './wordSet';

const TITLES = [
  'President Vice-President Premier Chancellor Führer Fuhrer Duce Chairman Generalissimo Commissar Comrade',
  'Tsar Czar Tsarina Czarina Tsarevich Kaiser King Queen Emperor Empress Prince Princess Archduke Archduchess',
  'Duke Duchess Marquess Marquis Earl Count Countess Viscount Baron Baroness Lord Lady Sir Dame Shah Sultan',
  'General Marshal Admiral Commander Colonel Major Captain Lieutenant Sergeant Corporal Brigadier Commodore',
  'Senator Congressman Congresswoman Governor Mayor Judge Justice Ambassador Secretary Minister Attorney',
  'Pope Cardinal Archbishop Bishop Father Reverend Rev Abbot Saint Rabbi Imam Ayatollah',
  'Dr Doctor Professor Prof Mr Mrs Ms Miss Mme Herr Frau Monsieur Madame Signor Don',
];

/** Titles of two words: the first word alone is an ordinary word or a different title. */
const TWO_WORD_TITLES = [
  'field marshal',
  'prime minister',
  'foreign minister',
  'chief justice',
  'vice president',
  'air marshal',
  'rear admiral',
  'grand duke',
  'grand duchess',
  'holy roman',
];

const TITLE_WORDS = lowercaseWordSet(TITLES);

/** Whether a word (a dot after an abbreviation allowed: `Dr.`, `Mr.`) is a title. */
export function isTitle(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}

/** Whether two words make one title (`Field Marshal`, `Prime Minister`). */
export function isTwoWordTitle(first: string, second: string): boolean {
  return TWO_WORD_TITLES.includes(`${first} ${second}`.toLowerCase());
}
