// The conservative fuzzy match of an unknown capitalised word against people's one-word names
// (`Bukarin` → Bukharin). A word is compared with every person of its groups, and the groups grow
// with the people the notes define, so the first cut works on flat arrays and skips most of them
// without a call.
import { letterMask, MISSPELLING_LENGTH, misspellingDistance, mostEditsAllowed, skeleton } from '../notes/names';
import { WordCache } from '../notes/strings';
import { COMMON_WORDS } from '../words/commonWords';
import { english } from '../words/english';
import type { NameTarget } from './model';

export interface PersonWord {
  key: string;
  id: string;
  /**
   * The spelling to suggest for a near miss: the canonical surname for the surname and its
   * transliterations, else the alias as written (`Djugashvilli` → `Dzhugashvili`, not `Stalin`).
   */
  form: string;
  /** The key's skeleton (see skeleton). */
  sound: string;
}

export function personWord(key: string, id: string, form: string): PersonWord {
  return { key, id, form, sound: skeleton(key) };
}

/** A word the fuzzy match is asked about, with what a group's scan compares, made once for every group. */
export interface AskedWord {
  key: string;
  /** The key's skeleton (see skeleton). */
  sound: string;
  /** See letterMask. */
  mask: number;
  /** See letterCounts. */
  counts: Uint8Array;
  /** See cappedLength. */
  length: number;
}

export function askedWord(key: string): AskedWord {
  return { key, sound: skeleton(key), mask: letterMask(key), counts: letterCounts(key), length: cappedLength(key) };
}

/**
 * People compared in the order given, with each key's letters (see letterMask), letter counts and
 * length side by side in flat arrays: groups grow with the notes (at 10,000 notes one in ten compared
 * held over 700 people), and at 30,000 reading each person's object to rule them out took longer
 * than the edit distances (5.5 s against 2.2 in one profile).
 */
export class PersonGroup {
  private readonly masks: Int32Array;
  private readonly lengths: Uint16Array;
  /** LETTERS.length counts per person, in order (see letterCounts). */
  private readonly counts: Uint8Array;
  /** Skeleton → the people whose key has it, in order: another transliteration is found without a scan. */
  private readonly bySound = new Map<string, PersonWord[]>();

  constructor(readonly people: readonly PersonWord[]) {
    this.masks = new Int32Array(people.length);
    this.lengths = new Uint16Array(people.length);
    this.counts = new Uint8Array(people.length * LETTERS.length);
    people.forEach((person, i) => {
      // Measured as a word asked about is: the bounds hold only between like measures (both capped alike).
      const { mask, length, counts } = askedWord(person.key);
      this.masks[i] = mask;
      this.lengths[i] = length;
      this.counts.set(counts, i * LETTERS.length);
      const same = this.bySound.get(person.sound);
      if (same) same.push(person);
      else this.bySound.set(person.sound, [person]);
    });
  }

  /** The first person spelt otherwise whose key sounds like `key` (see isSpellingVariant). */
  variantOf(key: string, sound: string): PersonWord | undefined {
    return this.bySound.get(sound)?.find((person) => person.key !== key);
  }

  /**
   * The first person nearer to `key` than `bestDistance` edits, with the distance, or undefined.
   * Each edit adds or removes at most one letter on each side, so the letters one key has beyond
   * the other's (first by kind, then counted) and the difference in length each bound the edits
   * from below: people those bounds rule out are skipped.
   */
  nearest(asked: AskedWord, bestDistance: number): { person: PersonWord; distance: number } | undefined {
    const { key, sound, mask, counts, length } = asked;
    let best: { person: PersonWord; distance: number } | undefined;
    for (let i = 0; i < this.people.length && bestDistance > 1; i++) {
      const edits = Math.min(mostEditsAllowed(length, this.lengths[i]), bestDistance - 1);
      if (Math.abs(length - this.lengths[i]) > edits) continue;
      const other = this.masks[i];
      if (bitCount(mask & ~other) > edits || bitCount(other & ~mask) > edits) continue;
      if (bagDistance(counts, this.counts, i * LETTERS.length) > edits) continue;
      const person = this.people[i];
      const distance = misspellingDistance(key, person.key, sound, person.sound);
      if (distance < bestDistance) {
        best = { person, distance };
        bestDistance = distance;
      }
    }
    return best;
  }
}

/**
 * The person whose name `key` most plausibly misspells, searching the groups in order: another
 * transliteration first, else the fewest edits, the first on a tie.
 */
export function closestPerson(key: string, groups: readonly PersonGroup[]): NameTarget | undefined {
  if (key.length < MISSPELLING_LENGTH || COMMON_WORDS.has(key) || /\d/.test(key)) return undefined;
  const asked = askedWord(key);
  // Another transliteration of the name (`Jughashvili` for `Dzhugashvili`) means them, and is no misspelling.
  for (const group of groups) {
    const variant = group.variantOf(key, asked.sound);
    if (variant) return { id: variant.id };
  }
  let best: PersonWord | undefined;
  let bestDistance = Infinity;
  for (const group of groups) {
    const nearer = group.nearest(asked, bestDistance);
    if (nearer) ({ person: best, distance: bestDistance } = nearer);
  }
  // `Wether` is whether misspelt, not Webster: a word one letter from an English word is that word, unless the name is as near.
  if (!best || (bestDistance >= 2 && oneLetterFromAWord(key))) return undefined;
  return { id: best.id, suggestion: best.form };
}

/** How many bits of a 32-bit number are set. */
function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A key's length as the groups keep it: capping both sides keeps a difference a lower bound. */
function cappedLength(key: string): number {
  return Math.min(key.length, 0xffff);
}

/** How many of each letter a–z a key holds, capped at 255 (on both sides, so still a lower bound). */
function letterCounts(key: string): Uint8Array {
  const counts = new Uint8Array(LETTERS.length);
  for (let i = 0; i < key.length; i++) {
    const letter = key.charCodeAt(i) - 97;
    if (letter >= 0 && letter < LETTERS.length && counts[letter] < 255) counts[letter]++;
  }
  return counts;
}

/**
 * The bag distance between a key's counts and the person's at `offset`: the more of the letters one
 * has beyond the other. No fewer edits turn one into the other (a swap of two letters moves none).
 */
function bagDistance(counts: Uint8Array, all: Uint8Array, offset: number): number {
  let extra = 0;
  let missing = 0;
  for (let letter = 0; letter < counts.length; letter++) {
    const difference = counts[letter] - all[offset + letter];
    if (difference > 0) extra += difference;
    else missing -= difference;
  }
  return Math.max(extra, missing);
}

/** oneLetterFromAWord's answers: fuzzyPerson and fuzzyKnownPerson ask about the same words. */
const nearWords = new WordCache<boolean>(50_000);

/** Whether deleting, adding, changing or swapping one letter of `key` makes a word the dictionary knows. */
function oneLetterFromAWord(key: string): boolean {
  return nearWords.get(key) ?? nearWords.set(key, anyWordOneLetterFrom(key));
}

function anyWordOneLetterFrom(key: string): boolean {
  const dictionary = english();
  const knows = (word: string): boolean => dictionary.knowsKey(word);
  for (let i = 0; i <= key.length; i++) {
    const [before, after] = [key.slice(0, i), key.slice(i)];
    if (i < key.length && knows(before + after.slice(1))) return true;
    if (i + 1 < key.length && knows(before + after[1] + after[0] + after.slice(2))) return true;
    for (const letter of LETTERS) {
      if (knows(before + letter + after)) return true;
      if (i < key.length && letter !== after[0] && knows(before + letter + after.slice(1))) return true;
    }
  }
  return false;
}
