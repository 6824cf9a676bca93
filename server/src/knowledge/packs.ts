// Knowledge packs: the bundled files, one per period. Only the active packs' entities take part in
// the index, so a name from another period never claims a mention. A pack is active when the
// setting says so, or else when the notes name enough of the people it defines.
import { nameKey } from '../notes/names';
import { KnowledgeBase } from './base';
import type { KnowledgeFile } from './model';
import { surnameOf } from './surname';

export interface KnowledgePack {
  id: string;
  name: string;
  /** Entities the pack's file defines, then those of other packs it includes. */
  defines: string[];
  includes: string[];
  /** The people the pack defines: used to tell whether the notes are about its period. */
  people: string[];
}

/** The user's choice per pack id; a pack left out is chosen automatically. */
export type PackSetting = Readonly<Record<string, boolean>>;

export interface PackState {
  id: string;
  name: string;
  active: boolean;
  /** `setting` when the user chose, `auto` when the notes did. */
  chosenBy: 'setting' | 'auto';
  /** How many distinct people the pack defines appear in the notes. */
  peopleNamed: number;
}

/** A pack turns on by itself when the notes name at least this many of its people. */
export const AUTO_PACK_PEOPLE = 3;

export function packsOf(files: readonly KnowledgeFile[]): KnowledgePack[] {
  return files
    .filter((file) => file.bundled && file.packId)
    .map((file) => ({
      id: file.packId!,
      name: file.title ?? file.packId!,
      defines: file.entries.map((e) => e.id),
      includes: file.includes,
      people: file.entries.filter((e) => e.kind === 'person').map((e) => e.id),
    }));
}

/**
 * One-word keys that name a pack's person (surname, one-word aliases and misspellings) → the
 * person's id. Counting these in the notes needs no resolving, so it works for inactive packs too.
 */
export function packPersonWords(files: readonly KnowledgeFile[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const file of files) {
    if (!file.bundled || !file.packId) continue;
    for (const entry of file.entries) {
      if (entry.kind !== 'person') continue;
      for (const name of [surnameOf(entry.name), ...(entry.aliases ?? []), ...(entry.misspellings ?? [])]) {
        const key = nameKey(name);
        // A word two people share tells nothing about which period the notes are in.
        if (key && !key.includes(' ')) words.set(key, words.has(key) && words.get(key) !== entry.id ? '' : entry.id);
      }
    }
  }
  for (const [key, id] of words) if (!id) words.delete(key);
  return words;
}

/**
 * Which packs are on: the setting first; otherwise those whose people the notes name at least
 * AUTO_PACK_PEOPLE of; and if that turns none on, the ones the notes name most, so a new folder
 * with one note about Kamenev still gets his card.
 */
export function choosePacks(packs: readonly KnowledgePack[], isNamed: (personId: string) => boolean, setting: PackSetting): PackState[] {
  const named = packs.map((pack) => pack.people.filter(isNamed).length);
  const anyOn = packs.some((pack, i) => setting[pack.id] ?? named[i] >= AUTO_PACK_PEOPLE);
  const most = Math.max(0, ...packs.map((pack, i) => (setting[pack.id] === undefined ? named[i] : 0)));
  return packs.map((pack, i) => {
    const chosen = setting[pack.id];
    const auto = named[i] >= AUTO_PACK_PEOPLE || (!anyOn && most > 0 && named[i] === most);
    return { id: pack.id, name: pack.name, active: chosen ?? auto, chosenBy: chosen === undefined ? 'auto' : 'setting', peopleNamed: named[i] };
  });
}

/** The ids of every entity the active packs define or include. */
export function activeEntityIds(packs: readonly KnowledgePack[], states: readonly PackState[]): Set<string> {
  const active = new Set(states.filter((s) => s.active).map((s) => s.id));
  const ids = new Set<string>();
  for (const pack of packs) {
    if (!active.has(pack.id)) continue;
    for (const id of pack.defines) ids.add(id);
    for (const id of pack.includes) ids.add(id);
  }
  return ids;
}

/** The knowledge base of the chosen packs plus the user's files, and the state of every pack. */
export function chooseKnowledge(files: readonly KnowledgeFile[], isNamed: (personId: string) => boolean, setting: PackSetting): { base: KnowledgeBase; packs: PackState[] } {
  const packs = packsOf(files);
  const states = choosePacks(packs, isNamed, setting);
  return { base: new KnowledgeBase(files, activeEntityIds(packs, states)), packs: states };
}

/** Whether two choices turn on the same packs. */
export function samePacks(a: readonly PackState[], b: readonly PackState[]): boolean {
  const on = (states: readonly PackState[]): string => states.filter((s) => s.active).map((s) => s.id).join(' ');
  return on(a) === on(b);
}
