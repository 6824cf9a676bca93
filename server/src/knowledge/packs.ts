// Knowledge packs: the bundled files, one per period. Only the active packs' entities take part in
// the index, so a name from another period never claims a mention. A pack is active when the
// setting says so, or else when the notes name enough of its people exactly.
import { nameKey } from '../notes/names';
import { english } from '../words/english';
import { KnowledgeBase } from './base';
import type { KnowledgeFile } from './model';
import { surnameOf } from './surname';

export interface KnowledgePack {
  id: string;
  name: string;
  /** The part of history it belongs to: `Britain`, `Europe`, `Asia`. */
  theme: string;
  /** Entities the pack's file defines, then those of other packs it includes. */
  defines: string[];
  includes: string[];
  /** The people the pack defines or includes: used to tell whether the notes are about its period. */
  people: string[];
  /** The people the pack itself defines. */
  ownPeople: string[];
}

/** The user's choice per pack id; a pack left out is chosen automatically. */
export type PackSetting = Readonly<Record<string, boolean>>;

export interface PackState {
  id: string;
  name: string;
  theme: string;
  active: boolean;
  /** `setting` when the user chose, `auto` when the notes did. */
  chosenBy: 'setting' | 'auto';
  /** How many distinct people of the pack the notes name exactly. */
  peopleNamed: number;
}

/** Where a pack that names no theme is listed. */
export const OTHER_THEME = 'Other';

/** A pack turns on by itself when the notes name at least this many of its people. */
export const AUTO_PACK_PEOPLE = 3;

export function packsOf(files: readonly KnowledgeFile[]): KnowledgePack[] {
  // In the order of their periods, as their names give them (`Russia 1894-1924` first), then by name.
  const startYear = (file: KnowledgeFile): string => /\b(1\d{3}|20\d{2})\b/.exec(file.title ?? '')?.[1] ?? '9999';
  const bundled = files
    .filter((file) => file.bundled && file.packId)
    .sort((a, b) => startYear(a).localeCompare(startYear(b)) || (a.title ?? '').localeCompare(b.title ?? ''));
  const people = new Set(bundled.flatMap((file) => file.entries.filter((e) => e.kind === 'person').map((e) => e.id)));
  return bundled.map((file) => {
    const ownPeople = file.entries.filter((e) => e.kind === 'person').map((e) => e.id);
    return {
      id: file.packId!,
      name: file.title ?? file.packId!,
      theme: file.theme ?? OTHER_THEME,
      defines: file.entries.map((e) => e.id),
      includes: file.includes,
      // Its own people and those it shares with other packs: Stalin counts for the war as for the USSR.
      people: [...ownPeople, ...file.includes.filter((id) => people.has(id))],
      ownPeople,
    };
  });
}

/**
 * Name keys that name a pack's person exactly → the person's id: full names, aliases, and the
 * surname. Counting these in the notes needs no resolving, so it works for inactive packs too.
 * Misspellings never count, nor a one-word name that is an ordinary English word (`Grant`, `King`).
 */
export async function packPersonNames(files: readonly KnowledgeFile[], pause?: () => Promise<void>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const file of files) {
    if (!file.bundled || !file.packId) continue;
    for (const entry of file.entries) {
      if (entry.kind !== 'person') continue;
      for (const name of [entry.name, surnameOf(entry.name, entry.aliases), ...(entry.aliases ?? [])]) {
        const key = nameKey(name);
        if (!key || (!key.includes(' ') && english().isCommon(name.trim()))) continue;
        // A name two people share tells nothing about which period the notes are in.
        names.set(key, names.has(key) && names.get(key) !== entry.id ? '' : entry.id);
      }
    }
    // Between packs: the dictionary is asked about each name of one word.
    await pause?.();
  }
  for (const [key, id] of names) if (!id) names.delete(key);
  return names;
}

/**
 * Which packs are on: the setting first; otherwise those whose people the notes name at least
 * AUTO_PACK_PEOPLE of, one of them at least the pack's own (notes on the war that name Stalin,
 * Truman and Chiang do not turn on China). With no such evidence no pack is on: a code README or
 * a shopping list gets no cards.
 */
export function choosePacks(packs: readonly KnowledgePack[], isNamed: (personId: string) => boolean, setting: PackSetting): PackState[] {
  return packs.map((pack) => {
    const chosen = setting[pack.id];
    const peopleNamed = pack.people.filter(isNamed).length;
    const auto = peopleNamed >= AUTO_PACK_PEOPLE && pack.ownPeople.some(isNamed);
    return {
      id: pack.id,
      name: pack.name,
      theme: pack.theme,
      active: chosen ?? auto,
      chosenBy: chosen === undefined ? 'auto' : 'setting',
      peopleNamed,
    };
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
export function chooseKnowledge(
  files: readonly KnowledgeFile[],
  isNamed: (personId: string) => boolean,
  setting: PackSetting,
): { base: KnowledgeBase; packs: PackState[] } {
  const packs = packsOf(files);
  const states = choosePacks(packs, isNamed, setting);
  return { base: new KnowledgeBase(files, activeEntityIds(packs, states)), packs: states };
}

/** Whether two choices turn on the same packs. */
export function samePacks(a: readonly PackState[], b: readonly PackState[]): boolean {
  const on = (states: readonly PackState[]): string =>
    states
      .filter((s) => s.active)
      .map((s) => s.id)
      .join(' ');
  return on(a) === on(b);
}
