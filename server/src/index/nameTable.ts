// Which entity a written name means: exact names and aliases from the knowledge base and the notes,
// misspellings the knowledge base lists, `Stalins` for `Stalin's`, and a conservative fuzzy match
// of unknown capitalised words against people's names (`Bukarin` → Bukharin). A word the English
// dictionary knows (`Please`, `Station`, `Harry`) is never taken for a misspelt name.
import type { EntityKind } from '../notes/extract';
import { isSpellingVariant, MISSPELLING_LENGTH, misspellingDistance, nameKey, skeleton } from '../notes/names';
import type { KnowledgeBase } from '../knowledge/base';
import { yearsOf } from '../knowledge/years';
import { surnameOf } from '../knowledge/surname';
import { isGivenName } from '../words/givenNames';
import { english } from '../words/english';
import type { NameTarget } from './model';
import { closestPerson, PersonGroup, personWord, type PersonWord } from './closestPerson';
import { FUZZY_LENGTH_SPREAD, NameChanges, shapeOf } from './nameChanges';
import { Tally } from './tally';

export class NameTable {
  private knowledgeNames = new Map<string, NameTarget>();
  private knowledgePeople: PersonWord[] = [];
  /** The keys of knowledgePeople. */
  private readonly knowledgePersonKeys = new Set<string>();
  private readonly knowledgePersonIds = new Set<string>();
  /** The years each knowledge entity spans: a life, or an event from start to end. */
  private readonly spans = new Map<string, [number, number]>();
  /** Keys that name a knowledge person only as the surname taken from their name (`Marshall`), never written alone. */
  private readonly surnameOnlyKeys = new Set<string>();
  /** Every knowledge person's surname key, whether it names them alone or is too ambiguous to. */
  private readonly knowledgeSurnameKeys = new Set<string>();
  /** Person id → the first words of their multi-word names (`joseph`, `iosif`, `koba` not: one word). */
  private readonly givenNameKeys = new Map<string, Set<string>>();
  /** key → entity id → how many note definitions give it. */
  private noteNames = new Map<string, Tally>();
  /** Surname key → id of a person the notes name in full → how many definitions give it. */
  private noteSurnames = new Map<string, Tally>();
  /** People the notes define by a one-word key, with how often each spelling of it is written. */
  private notePeople = new Map<string, { id: string; forms: Tally }>();
  /**
   * People's single-word names by their first two letters and length: a misspelling is within 3
   * letters of its name, and students keep the start (`Zionev`, `Bukarin`, `Yeshov`); the knowledge
   * base lists the rest (`Kruschev`).
   */
  private knowledgePeopleByShape?: Map<string, PersonWord[]>;
  /** The keys of notePeople by shape, in notePeople's order: kept as notes change, so no change regroups them all. */
  private readonly notePeopleByShape = new Map<string, Set<string>>();
  /** The groups fuzzyPerson has compared with since the names last changed, each made on first use. */
  private readonly groupsByShape = new Map<string, PersonGroup | null>();
  private fuzzyCache = new Map<string, NameTarget | null>();
  /** The knowledge's people by the first letter of their key, made on first use after setKnowledge. */
  private knowledgePeopleByLetter?: Map<string, PersonGroup>;
  /** fuzzyKnownPerson's answers, which change only with the knowledge. */
  private readonly knownFuzzyCache = new Map<string, NameTarget | null>();
  /**
   * First word of a key → the most words a key starting with it has (never lowered until the names
   * are rebuilt, so an upper bound): the resolver tries only names that could exist at a position.
   */
  private wordsFrom = new Map<string, number>();
  /** Bumped whenever what a name resolves to may have changed. */
  generation = 0;
  /** What changed since takeChanges. */
  private changes = new NameChanges();
  /**
   * The words fuzzyPerson was asked about by resolutions, by their skeleton's first two letters: a
   * person who comes or goes changes the answers of those near them only. Never forgotten: a word no
   * note asks about any more costs at most a needless resolution.
   */
  private readonly askedByStart = new Map<string, Set<string>>();

  setKnowledge(knowledge: KnowledgeBase): void {
    this.knowledgeNames.clear();
    this.knowledgePeople = [];
    this.knowledgePersonKeys.clear();
    this.knowledgePeopleByShape = undefined;
    this.knowledgePeopleByLetter = undefined;
    this.knownFuzzyCache.clear();
    this.knowledgePersonIds.clear();
    this.surnameOnlyKeys.clear();
    this.knowledgeSurnameKeys.clear();
    this.givenNameKeys.clear();
    this.wordsFrom.clear();
    for (const key of this.noteNames.keys()) this.noteLength(key);
    for (const key of this.noteSurnames.keys()) this.noteLength(key);
    const surnames: [string, NameTarget][] = [];
    const misspellings: [string, NameTarget][] = [];
    this.spans.clear();
    for (const { entry } of knowledge.entries.values()) {
      const span = yearsOf(entry);
      if (span) this.spans.set(entry.id, span);
      const names = [entry.name, ...(entry.aliases ?? [])];
      const keys = names.map(nameKey);
      for (const key of keys) this.addKnown(key, { id: entry.id }, true);
      if (entry.kind === 'person') {
        this.knowledgePersonIds.add(entry.id);
        const firstWords = keys.filter((key) => key.includes(' '));
        this.givenNameKeys.set(entry.id, new Set(firstWords.map((key) => key.slice(0, key.indexOf(' ')))));
        const surname = surnameOf(entry.name, entry.aliases);
        const surnameKey = nameKey(surname);
        surnames.push([surnameKey, { id: entry.id }]);
        [...keys, surnameKey].forEach((key, i) => {
          if (key.includes(' ')) return;
          const name = i < names.length ? names[i] : surname;
          const form = key === surnameKey || isSpellingVariant(key, surnameKey) ? surname : name;
          this.knowledgePeople.push(personWord(key, entry.id, form));
          this.knowledgePersonKeys.add(key);
        });
      }
      // Suggest the canonical spelling: a person's surname for one word (`Zionev`), else the name (`Nicolas II`).
      // A listed "misspelling" that is an English word (`Gobbles`) would flag ordinary prose: it is ignored.
      for (const misspelling of entry.misspellings ?? []) {
        const oneWord = !misspelling.trim().includes(' ');
        if (oneWord && english().knows(misspelling.trim())) continue;
        const suggestion = entry.kind === 'person' && oneWord ? surnameOf(entry.name, entry.aliases) : entry.name;
        misspellings.push([nameKey(misspelling), { id: entry.id, suggestion }]);
      }
    }
    // A surname taken from a name never takes a word that is written as someone's name or alias
    // (Alfred Rosenberg's "Rosenberg" before the Rosenbergs' surname), and misspellings come last.
    // A surname two people share (Hans and Sophie Scholl) names neither.
    const owners = new Map<string, Set<string>>();
    for (const [key, { id }] of surnames) owners.set(key, (owners.get(key) ?? new Set<string>()).add(id));
    for (const [key, target] of surnames) {
      this.knowledgeSurnameKeys.add(key);
      // A given name at the end of a full name (`David Lloyd George`, `Franz Joseph`) is no one's alone,
      // nor an ordinary word (`Huey Long`, `Edgar Snow`) unless the pack lists it alone as an alias.
      if (owners.get(key)!.size > 1 || this.knowledgeNames.has(key) || isGivenName(key) || english().isCommon(key)) continue;
      this.surnameOnlyKeys.add(key);
      this.addKnown(key, target);
    }
    for (const [key, target] of misspellings) this.addKnown(key, target, true);
    for (const [key, target] of possessiveShortNames(knowledge)) this.addKnown(key, target);
    this.changed((changes) => changes.all());
  }

  /** `shared`: a name or misspelling two packs may both write (`Cromwell`); the year nearby chooses (see choose). */
  private addKnown(key: string, target: NameTarget, shared = false): void {
    if (!key) return;
    const known = this.knowledgeNames.get(key);
    if (!known) {
      this.knowledgeNames.set(key, target);
      this.noteLength(key);
      return;
    }
    // An alias stays an alias where another entity lists it as a misspelling.
    const sameSort = (known.suggestion === undefined) === (target.suggestion === undefined);
    if (shared && sameSort && known.id !== target.id && !known.others?.some((o) => o.id === target.id))
      this.knowledgeNames.set(key, { ...known, others: [...(known.others ?? []), target] });
  }

  /** Of the entities a name may mean, the one whose years hold `year`, or come nearest to it; the first without a year. */
  choose(target: NameTarget, year: number | undefined): NameTarget {
    if (!target.others || year === undefined) return target;
    let best = target;
    let bestDistance = this.distanceInYears(target.id, year);
    for (const other of target.others) {
      const distance = this.distanceInYears(other.id, year);
      if (distance < bestDistance) [best, bestDistance] = [other, distance];
    }
    return best;
  }

  private distanceInYears(id: string, year: number): number {
    const span = this.spans.get(id);
    if (!span) return Infinity;
    return year < span[0] ? span[0] - year : year > span[1] ? year - span[1] : 0;
  }

  /** Records how many words `key` has under its first word (see wordsFrom). */
  private noteLength(key: string): void {
    const space = key.indexOf(' ');
    const first = space === -1 ? key : key.slice(0, space);
    let words = 1;
    for (let i = space; i !== -1; i = key.indexOf(' ', i + 1)) words++;
    if ((this.wordsFrom.get(first) ?? 0) < words) this.wordsFrom.set(first, words);
  }

  /** At most how many words a name starting with the word key `first` has; 0 when none does. */
  longestFrom(first: string): number {
    return this.wordsFrom.get(first) ?? 0;
  }

  /** Records that a note defines `key` as entity `id`; returns true when the key's meaning changed. */
  addNoteName(key: string, id: string, kind: EntityKind, form: string): boolean {
    const existing = this.noteNames.get(key);
    const meantBefore = existing && meaningOf(existing);
    const ids = this.countsFor(this.noteNames, key);
    ids.add(id);
    let peopleChanged = false;
    if (kind === 'person' && !key.includes(' ')) {
      let person = this.notePeople.get(key);
      if (!person) {
        this.notePeople.set(key, (person = { id, forms: new Tally() }));
        const bucket = bucketOf(key);
        this.notePeopleByShape.set(bucket, (this.notePeopleByShape.get(bucket) ?? new Set<string>()).add(key));
      }
      const spelledBefore = person.forms.size > 0 ? mostUsed(person.forms) : undefined;
      person.forms.add(form);
      peopleChanged = spelledBefore !== mostUsed(person.forms);
    }
    const meaningChanged = meantBefore !== meaningOf(ids) && !this.knowledgeNames.has(key);
    if (peopleChanged) this.changed((changes) => changes.person(key, () => this.askedNear(key)));
    else if (meaningChanged) this.changed((changes) => changes.key(key));
    return meaningChanged || peopleChanged;
  }

  removeNoteName(key: string, id: string, kind: EntityKind, form: string): boolean {
    const ids = this.noteNames.get(key);
    if (!ids?.has(id)) return false;
    const meantBefore = meaningOf(ids);
    ids.add(id, -1);
    // The key now means something else (another note's entity, or nothing) unless the knowledge base owns it.
    const meaningChanged = !this.knowledgeNames.has(key) && (ids.size === 0 || meaningOf(ids) !== meantBefore);
    if (ids.size === 0) this.noteNames.delete(key);
    let peopleChanged = false;
    const person = kind === 'person' && !key.includes(' ') ? this.notePeople.get(key) : undefined;
    if (person?.forms.has(form)) {
      const spelledBefore = mostUsed(person.forms);
      person.forms.add(form, -1);
      if (person.forms.size === 0) {
        this.notePeople.delete(key);
        this.notePeopleByShape.get(bucketOf(key))?.delete(key);
      }
      // A respelt person (`DANTON` → `Danton`) is suggested as the notes now spell them.
      peopleChanged = person.forms.size === 0 || mostUsed(person.forms) !== spelledBefore;
    }
    if (peopleChanged) this.changed((changes) => changes.person(key, () => this.askedNear(key)));
    else if (meaningChanged) this.changed((changes) => changes.key(key));
    return meaningChanged || peopleChanged;
  }

  /**
   * Records that a note names the person `id` in full (`Thomas Mann`), so their surname alone
   * (`Mann`) names them too, unless another such person shares it; returns true when that changed.
   */
  addNoteSurname(key: string, id: string): boolean {
    const existing = this.noteSurnames.get(key);
    const before = existing && soleMeaning(existing);
    const ids = this.countsFor(this.noteSurnames, key);
    ids.add(id);
    return this.surnameChanged(key, before, soleMeaning(ids));
  }

  removeNoteSurname(key: string, id: string): boolean {
    const ids = this.noteSurnames.get(key);
    if (!ids?.has(id)) return false;
    const before = soleMeaning(ids);
    ids.add(id, -1);
    if (ids.size === 0) this.noteSurnames.delete(key);
    return this.surnameChanged(key, before, ids.size === 0 ? undefined : soleMeaning(ids));
  }

  /** The counts of what a note name means, made (and its length noted) on first use. */
  private countsFor(table: Map<string, Tally>, key: string): Tally {
    let ids = table.get(key);
    if (!ids) {
      table.set(key, (ids = new Tally()));
      this.noteLength(key);
    }
    return ids;
  }

  private surnameChanged(key: string, before: string | undefined, after: string | undefined): boolean {
    const changed = before !== after && !this.knowledgeNames.has(key) && !this.noteNames.has(key);
    if (changed) this.changed((changes) => changes.key(key));
    return changed;
  }

  /** Forgets every name the notes define. */
  clearNoteNames(): void {
    this.noteNames.clear();
    this.noteSurnames.clear();
    this.notePeople.clear();
    this.notePeopleByShape.clear();
    this.wordsFrom.clear();
    for (const key of this.knowledgeNames.keys()) this.noteLength(key);
    this.changed((changes) => changes.all());
  }

  /** What changed since the last call, for the index to resolve again what it touches (see NameChanges). */
  takeChanges(): NameChanges {
    const changes = this.changes;
    this.changes = new NameChanges();
    return changes;
  }

  private changed(record: (changes: NameChanges) => void): void {
    record(this.changes);
    this.generation++;
    // Clearing a map makes it a new table even when it is empty, and loading a folder changes names hundreds of thousands of times.
    if (this.groupsByShape.size > 0) this.groupsByShape.clear();
    if (this.fuzzyCache.size > 0) this.fuzzyCache.clear();
  }

  /** Whether a note defines `key` as a name. */
  isNoteName(key: string): boolean {
    return this.noteNames.has(key);
  }

  /**
   * Whether a person the notes name in full may take `key`, their surname, in that note: no pack
   * person is written by it alone (`Stalin` is), though one may bear it (George Marshall).
   */
  mayBeNoteSurname(key: string): boolean {
    return this.surnameOnlyKeys.has(key) || (this.knowledgeSurnameKeys.has(key) && !this.knowledgeNames.has(key));
  }

  /** The knowledge base's meaning of a key, if it has one. */
  knowledgeTarget(key: string): NameTarget | undefined {
    return this.knowledgeNames.get(key);
  }

  /** Exact names, aliases and listed misspellings; then the surnames of people the notes name in full. */
  resolve(key: string): NameTarget | undefined {
    const known = this.knowledgeNames.get(key);
    if (known) return known;
    const ids = this.noteNames.get(key);
    if (ids && ids.size > 0) return { id: meaningOf(ids) };
    // A surname a pack person bears too (`Marshall`) names a notes person only in the note that names them in full.
    if (this.knowledgeSurnameKeys.has(key)) return undefined;
    const surname = this.noteSurnames.get(key);
    const sole = surname && soleMeaning(surname);
    return sole ? { id: sole } : undefined;
  }

  /** Whether an entity is one of the knowledge's people. */
  isKnowledgePerson(id: string): boolean {
    return this.knowledgePersonIds.has(id);
  }

  /** Whether an entity is a person: the knowledge's people and the people the notes define. */
  isPerson(id: string): boolean {
    return this.knowledgePersonIds.has(id) || id.startsWith('person:');
  }

  /**
   * A single capitalised word that no name matches exactly: `Stalins`, or a misspelling of someone.
   * Never an English word (`Wages`, `Harry`), an acronym (`TODO`) or a word with digits.
   */
  resolveWord(key: string, written: string): NameTarget | undefined {
    if (key.length > 3 && key.endsWith('s')) {
      const stem = this.resolve(key.slice(0, -1));
      if (stem && this.isPersonKey(key.slice(0, -1))) return stem;
    }
    if (!mayBeAsked(key, written)) return undefined;
    this.noteAsked(key);
    return this.fuzzyPerson(key);
  }

  private noteAsked(key: string): void {
    const { start } = shapeOf(key);
    const asked = this.askedByStart.get(start);
    if (asked) asked.add(key);
    else this.askedByStart.set(start, new Set([key]));
  }

  /** The words asked about (see noteAsked) whose fuzzy match may be the person `key`: another spelling, or a misspelling. */
  private askedNear(key: string): string[] {
    const { start, length } = shapeOf(key);
    const sound = skeleton(key);
    const near: string[] = [];
    for (const word of this.askedByStart.get(start) ?? []) {
      const wordSound = skeleton(word);
      if (Math.abs(wordSound.length - length) > FUZZY_LENGTH_SPREAD) continue;
      if (wordSound === sound || misspellingDistance(word, key, wordSound, sound) !== Infinity) near.push(word);
    }
    return near;
  }

  /** The closest person's name to a misspelt key, when the match is conservative enough. */
  fuzzyPerson(key: string): NameTarget | undefined {
    const cached = this.fuzzyCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const groups: PersonGroup[] = [];
    // Misspellings are at most three letters longer or shorter than the name (as skeletons).
    const { start, length } = shapeOf(key);
    for (let other = length - FUZZY_LENGTH_SPREAD; other <= length + FUZZY_LENGTH_SPREAD; other++) {
      const group = this.peopleShaped(`${start}${other}`);
      if (group) groups.push(group);
    }
    const target = closestPerson(key, groups);
    this.fuzzyCache.set(key, target ?? null);
    return target;
  }

  /** Like fuzzyPerson, over the knowledge base's people only. */
  fuzzyKnownPerson(key: string): NameTarget | undefined {
    const cached = this.knownFuzzyCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.knowledgePeopleByLetter ??= new Map(
      [...groupBy(this.knowledgePeople, (person) => person.key[0])].map(([letter, people]) => [letter, new PersonGroup(people)]),
    );
    const group = this.knowledgePeopleByLetter.get(key[0]);
    const target = group && closestPerson(key, [group]);
    this.knownFuzzyCache.set(key, target ?? null);
    return target;
  }

  /** Whether a knowledge person is ever written with this first name (`joseph` for Stalin, not `david` for Wilson). */
  hasGivenName(id: string, givenKey: string): boolean {
    return this.givenNameKeys.get(id)?.has(givenKey) ?? false;
  }

  private isPersonKey(key: string): boolean {
    return this.knowledgePersonKeys.has(key) || this.notePeople.has(key);
  }

  /** The people whose keys have this shape (see bucketOf): the knowledge's, then the notes'. */
  private peopleShaped(bucket: string): PersonGroup | undefined {
    let group = this.groupsByShape.get(bucket);
    if (group === undefined) {
      this.knowledgePeopleByShape ??= groupBy(this.knowledgePeople, (person) => bucketOf(person.key));
      const people = [...(this.knowledgePeopleByShape.get(bucket) ?? [])];
      for (const key of this.notePeopleByShape.get(bucket) ?? []) {
        const person = this.notePeople.get(key)!;
        people.push(personWord(key, person.id, mostUsed(person.forms)));
      }
      group = people.length > 0 ? new PersonGroup(people) : null;
      this.groupsByShape.set(bucket, group);
    }
    return group ?? undefined;
  }
}

/**
 * `Churchill's Iron Curtain speech` is also `Churchill's speech`: the owner and the last word of an
 * event's possessive name, when no other event shortens to the same.
 */
function possessiveShortNames(knowledge: KnowledgeBase): Map<string, NameTarget> {
  const owners = new Map<string, Set<string>>();
  for (const { entry } of knowledge.entries.values()) {
    if (entry.kind === 'person') continue;
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const match = /^(\p{Lu}[\p{L}-]*)['’]s\s+.*\s(\p{Ll}+)$/u.exec(name);
      if (match) {
        const key = nameKey(`${match[1]} ${match[2]}`);
        owners.set(key, (owners.get(key) ?? new Set<string>()).add(entry.id));
      }
    }
  }
  const short = new Map<string, NameTarget>();
  for (const [key, ids] of owners) if (ids.size === 1) short.set(key, { id: [...ids][0] });
  return short;
}

/**
 * Which of the entities notes define by one name it means: the first by id, so the answer never
 * depends on the order notes were read or edited in (`cause:danton` before `person:danton`).
 */
function meaningOf(ids: Tally): string {
  let first: string | undefined;
  for (const id of ids.keys()) if (first === undefined || id < first) first = id;
  return first!;
}

/** The one entity a surname means, when only one person the notes name has it. */
function soleMeaning(ids: Tally): string | undefined {
  return ids.size === 1 ? [...ids.keys()][0] : undefined;
}

/** The spelling written most often; on a tie the first in sort order, whatever the order of edits. */
export function mostUsed(forms: Tally): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms.entries()) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/** People's names go in buckets by their skeleton's first two letters and its length (see shapeOf). */
function bucketOf(key: string): string {
  const { start, length } = shapeOf(key);
  return `${start}${length}`;
}

/** People in lists by `keyOf`, each list in the order given. */
function groupBy(people: readonly PersonWord[], keyOf: (person: PersonWord) => string): Map<string, PersonWord[]> {
  const lists = new Map<string, PersonWord[]>();
  for (const person of people) {
    const key = keyOf(person);
    const list = lists.get(key);
    if (list) list.push(person);
    else lists.set(key, [person]);
  }
  return lists;
}

/** Whether resolveWord asks fuzzyPerson about a word no name matches: no acronym, no English word, long enough to misspell a name. */
function mayBeAsked(key: string, written: string): boolean {
  return key.length >= MISSPELLING_LENGTH && !isAcronym(written) && !english().knows(written);
}

/** `TODO`, `NKVD`, `USSR`: capitals throughout. */
function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}
