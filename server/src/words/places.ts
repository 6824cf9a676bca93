// Countries, regions and the adjectives made from them, as history notes write them: a heading such
// as `Tsarist Russia (1894-1917)` or `Weimar Germany (1919-33)` names a period, not a person.
import { lowercaseWordSet } from './wordSet';

const PLACES = [
  'Africa America Americas Asia Europe Oceania Antarctica Arctic Atlantic Pacific Balkans Baltic Caribbean Caucasus',
  'Crimea Manchuria Siberia Ukraine Russia Muscovy Germany Prussia Bavaria Austria Hungary Bohemia Poland Lithuania',
  'Latvia Estonia Finland Sweden Norway Denmark Iceland Britain England Scotland Wales Ireland Ulster France Spain',
  'Portugal Italy Sicily Greece Turkey Ottoman Serbia Yugoslavia Bulgaria Romania Albania Croatia Bosnia Czechoslovakia',
  'Slovakia Netherlands Holland Belgium Luxembourg Switzerland Egypt Sudan Ethiopia Abyssinia Libya Algeria Morocco',
  'Tunisia Kenya Rhodesia Zimbabwe Congo Nigeria Ghana Angola Mozambique Transvaal China Japan Korea Vietnam Indochina',
  'Cambodia Laos Thailand Siam Burma Malaya Indonesia Philippines India Pakistan Bangladesh Ceylon Afghanistan Persia',
  'Iran Iraq Syria Lebanon Palestine Israel Jordan Arabia Kuwait Mexico Cuba Canada Brazil Argentina Chile Peru',
  'Venezuela Colombia Bolivia Australia Zealand Hawaii Alaska Texas Virginia Georgia Carolina Mississippi Alabama',
  'Louisiana Tennessee Kentucky Massachusetts Pennsylvania Ohio Illinois Kansas Nebraska California Florida Maryland',
  'USSR USA UK GDR FRG PRC Reich Weimar Soviet Tsarist Imperial Habsburg Hohenzollern Romanov Qing Ming Manchu',
  'Russian German Prussian Austrian Hungarian Polish British English Scottish Welsh Irish French Spanish Italian',
  'Greek Turkish Serbian Japanese Chinese Korean Vietnamese Indian American Mexican Cuban Canadian Egyptian Jewish',
  'Nazi Fascist Bolshevik Communist Confederate Union Federal Victorian Edwardian Elizabethan Tudor Stuart Georgian',
];

const PLACE_WORDS = lowercaseWordSet(PLACES);

/** Whether a word names a country or region, or is the adjective of one (`Tsarist`, `Weimar`, `Soviet`). */
export function isPlaceWord(word: string): boolean {
  const bare = word.toLowerCase().replace(/['’]s?$/, '');
  // `Germans`, `Americans`: the people of a place.
  return PLACE_WORDS.has(bare) || (bare.endsWith('s') && PLACE_WORDS.has(bare.slice(0, -1)));
}

/** Words that open the names of places: `North Carolina`, `Port Huron`, `San Francisco`. */
const PLACE_PREFIXES = lowercaseWordSet([
  'North South East West Northern Southern Port Fort Lake Mount San Santa New Upper Lower Cape Rio El Los Las',
]);

/** Whether a capitalised word opens a place's name, so the name after it is no person's. */
export function isPlacePrefix(word: string): boolean {
  return PLACE_PREFIXES.has(word.toLowerCase());
}
