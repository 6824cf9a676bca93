// Resolves what one document contributes: its definitions to entity ids, and its name phrases to
// mentions, by the longest name the name table knows at each position.
import type { EntityKind, NoteDefinition } from '../notes/extract';
import type { LineYears } from '../notes/lineYears';
import { AFTER_PLACE_PREPOSITION, EXPOSED, runsOfLines, type NamePhrases } from '../notes/phrases';
import { NAME_CONNECTORS, isCapitalised, isNumber } from '../notes/names';
import { keyOfWord } from '../notes/wordNumbers';
import { english } from '../words/english';
import { isPlacePrefix } from '../words/places';
import { DocumentMentions } from './mentions';
import { ResolutionMemo, type LineMention } from './resolutionMemo';
import type { Definition, NameTarget } from './model';
import type { NameTable } from './nameTable';

const POSSESSIVE = /['’]s?$/;

/** Knowledge names run long: `Decree of the Reich President for the Protection of People and State`. */
const LONGEST_NAME_WORDS = 14;

/** The id an entity defined only in notes gets: its kind and its name's key. */
export function noteEntityId(kind: EntityKind, key: string): string {
  return `${kind}:${key.replace(/\s+/g, '-')}`;
}

/** A definition means a known entity when its name (or a misspelling of a person's) is known; else a new one. */
export function definitionId(definition: NoteDefinition, names: NameTable, years?: LineYears): NameTarget {
  for (const key of definition.lookupKeys) {
    const known = names.knowledgeTarget(key);
    if (known) return names.choose(known, years?.near(definition.range.start.line));
  }
  // Only the knowledge base's people: what other notes define must not decide this note's ids.
  if (definition.kind === 'person' && definition.strength === 'defined' && !definition.key.includes(' ')) {
    const fuzzy = names.fuzzyKnownPerson(definition.key);
    if (fuzzy) return fuzzy;
  }
  // `Joseph Djugashvilli`: a full name whose surname is a known person's, misspelt, is that person,
  // when they are written with that first name too (`David Wilmot` is not Woodrow Wilson).
  const surname = definition.surnameKey;
  if (
    definition.kind === 'person' &&
    definition.strength === 'named' &&
    surname &&
    !english().knows(surname[0].toUpperCase() + surname.slice(1))
  ) {
    const fuzzy = names.fuzzyKnownPerson(surname);
    if (fuzzy && names.hasGivenName(fuzzy.id, definition.key.slice(0, definition.key.indexOf(' ')))) return fuzzy;
  }
  // Without its year, so `Congress of Victors 1934` and `Congress of Victors` are one entity.
  return { id: noteEntityId(definition.kind, definition.lookupKeys[definition.lookupKeys.length - 1]) };
}

/** Surname → id of each person a document names in full whom no pack knows; a surname two of them share names neither. */
export function ownPeople(definitions: readonly Definition[]): Map<string, string> {
  const people = new Map<string, string>();
  for (const { note, entityId } of definitions) {
    if (note.kind !== 'person' || !note.surnameKey || !entityId.startsWith('person:')) continue;
    const before = people.get(note.surnameKey);
    people.set(note.surnameKey, before === undefined || before === entityId ? entityId : '');
  }
  for (const [surname, id] of people) if (id === '') people.delete(surname);
  return people;
}

/**
 * Resolves a document's name phrases. `ownPeople` maps the surnames of people the document names in
 * full and no pack knows (`Thurgood Marshall`) to their ids: there, that surname alone means them, not
 * a pack's person who merely shares it (George Marshall). `memo`: what its lines gave before, for a
 * note being edited.
 */
export function resolvePhrases(
  uri: string,
  phrases: NamePhrases,
  names: NameTable,
  ownPeople: ReadonlyMap<string, string> = new Map(),
  years?: LineYears,
  memo?: ResolutionMemo,
): DocumentMentions {
  const found: LineMention[] = [];
  // A memo's mentions count their words from their line's first: kept as they are, with that first word.
  const kept: { found: readonly LineMention[]; base: number }[] = [{ found, base: 0 }];
  // Through a memo: the lines with mentions and the memo's array for each, for the chronology check (see LineResolutions).
  const resolvedLines: number[] = [];
  const { bounds } = phrases;
  // Only phrases made of a LineMemo's runs can be looked up by them.
  const runsByLine = memo && runsOfLines(phrases);
  memo?.begin(names, ownPeople);
  for (let p = 0, lineNumber = 0; p < phrases.count; lineNumber++) {
    // A line's phrases are next to each other, and nothing beyond the line but its nearest year counts.
    const line = phrases.lines[bounds[p]];
    let next = p + 1;
    while (next < phrases.count && phrases.lines[bounds[next]] === line) next++;
    const year = years?.near(line);
    if (memo && runsByLine) {
      const runs = runsByLine[lineNumber];
      let onLine = memo.line(runs, year);
      if (!onLine) {
        const lineFound: LineMention[] = [];
        resolveLine(phrases, p, next, names, ownPeople, year, bounds[p], lineFound);
        onLine = memo.keep(runs, year, lineFound);
      }
      if (onLine.length > 0) {
        kept.push({ found: onLine, base: bounds[p] });
        resolvedLines.push(line);
      }
    } else resolveLine(phrases, p, next, names, ownPeople, year, 0, found);
    p = next;
  }
  // `Hadley cell` in geography notes is no misspelt Halsey: a guess at a pack person's misspelling needs
  // a note that names someone the packs know, exactly.
  const namesSomeone = kept.some((line) => line.found.some((m) => m.suggestion === undefined && names.isKnowledgePerson(m.id)));
  const mentions = new DocumentMentions(
    uri,
    phrases,
    kept.reduce((room, line) => room + line.found.length, 0),
  );
  for (const { found, base } of kept)
    for (const m of found)
      if (namesSomeone || !m.guess || !names.isKnowledgePerson(m.id)) mentions.add(m.id, m.first + base, m.end + base, m.suggestion);
  mentions.seal();
  if (memo) mentions.lineResolutions = { lines: resolvedLines, found: kept.slice(1).map((line) => line.found), namesSomeone };
  return mentions;
}

/** Resolves phrases [first, last) of one line; mentions count their words from `base`. */
function resolveLine(
  phrases: NamePhrases,
  first: number,
  last: number,
  names: NameTable,
  ownPeople: ReadonlyMap<string, string>,
  year: number | undefined,
  base: number,
  found: LineMention[],
): void {
  const { words, bounds, flags } = phrases;
  for (let p = first; p < last; p++) {
    const from = bounds[p];
    const to = bounds[p + 1];
    const keys: string[] = [];
    for (let w = from; w < to; w++) keys.push(keyOfWord(words[w]));
    const texts = phrases.texts(from, to);
    let i = 0;
    while (i < keys.length) {
      if (NAME_CONNECTORS.has(texts[i])) {
        i++;
        continue;
      }
      const name = longestNameAt(keys, texts, i, names, flags[from + i]) ?? ownSurnameAt(keys, texts, i, ownPeople, names);
      if (!name) {
        i++;
        continue;
      }
      const own = name.length - name.skip === 1 ? ownPeople.get(keys[i + name.skip]) : undefined;
      const target = own && names.mayBeNoteSurname(keys[i + name.skip]) ? { id: own } : names.choose(name.target, year);
      // A leading `The` helps find the name but is not part of it.
      found.push({
        id: target.id,
        first: from + i + name.skip - base,
        end: from + i + name.length - base,
        suggestion: target.suggestion,
        guess: !!name.guess,
      });
      i += name.length;
    }
  }
}

/** `Marshall` in a note that names Thurgood Marshall, where no pack person is written `Marshall` alone. */
function ownSurnameAt(
  keys: string[],
  texts: string[],
  start: number,
  ownPeople: ReadonlyMap<string, string>,
  names: NameTable,
): { target: NameTarget; length: number; skip: number; guess?: boolean } | undefined {
  const id = ownPeople.get(keys[start]);
  if (!id || !isCapitalised(texts[start]) || !names.mayBeNoteSurname(keys[start])) return undefined;
  if (start + 1 < texts.length && namesAThing(texts[start + 1])) return undefined;
  return { target: { id }, length: 1, skip: 0 };
}

/** A capitalised ordinary noun or an acronym after a surname: `Bus`, `NAACP`. */
function namesAThing(next: string): boolean {
  if (!isCapitalised(next)) return false;
  return english().isCommon(next) || (next.length > 1 && next === next.toUpperCase());
}

/**
 * The longest name starting at word `start`. A lower-case start names only events, trials and the
 * like, in two words or more (`the february revolution`); a one-word person's name that is also an
 * ordinary word (`Grant`, `King`) counts only where its capital is no sentence's or heading's, unless
 * the notes define it.
 */
function longestNameAt(
  keys: string[],
  texts: string[],
  start: number,
  names: NameTable,
  flags: number,
): { target: NameTarget; length: number; skip: number; guess?: boolean } | undefined {
  const exposed = (flags & EXPOSED) !== 0;
  const limit = Math.min(LONGEST_NAME_WORDS, keys.length - start);
  const capitalised = isCapitalised(texts[start]) || isNumber(texts[start]);
  // Only as many words as the longest name starting with the first one (after a leading `the`).
  const longest = names.longestFrom(keys[start]);
  const longestAfterThe = keys[start] === 'the' && start + 1 < keys.length ? names.longestFrom(keys[start + 1]) : 0;
  for (let length = limit; length >= 1; length--) {
    const skip = length > 1 && keys[start] === 'the' ? 1 : 0;
    if (length - skip > (skip ? longestAfterThe : longest)) continue;
    const lastText = texts[start + length - 1];
    if (NAME_CONNECTORS.has(lastText)) continue;
    const target = names.resolve(keys.slice(start + skip, start + length).join(' '));
    if (!target) continue;
    if (!capitalised && (length - skip < 2 || names.isPerson(target.id))) continue;
    if (length === 1 && names.isPerson(target.id) && !names.isNoteName(keys[start])) {
      // `Saint-Just` is no ordinary word because `saint` and `just` are.
      if (exposed && !texts[start].includes('-') && english().knows(keys[start])) continue;
      // `Montgomery NAACP`, `Kirov Ballet`: a surname before a noun names a thing after the person; not `Lafayette's National Guard`.
      if (start + 1 < texts.length && !POSSESSIVE.test(texts[start]) && namesAThing(texts[start + 1])) continue;
    }
    return { target, length, skip };
  }
  if (!capitalised || isNumber(texts[start])) return undefined;
  const target = names.resolveWord(keys[start], texts[start]);
  // `surrendered at Lüneburg Heath`: after `at` or `in`, or before a capitalised common noun, a near
  // miss is a place, not a misspelt person.
  const beforeNoun = start + 1 < texts.length && isCapitalised(texts[start + 1]) && english().isCommon(texts[start + 1]);
  // `North Lawndale`, `Port Huron`: after a word that opens a place's name, too.
  const inPlaceName = start > 0 && isPlacePrefix(texts[start - 1]);
  if (target?.suggestion !== undefined && ((flags & AFTER_PLACE_PREPOSITION) !== 0 || beforeNoun || inPlaceName)) return undefined;
  return target ? { target, length: 1, skip: 0, guess: target.suggestion !== undefined } : undefined;
}
