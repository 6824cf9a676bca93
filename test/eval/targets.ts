// The targets the names must meet on the annotated corpus and on ordinary prose, and the sums they
// are checked on.
import type { FileScore } from './score';

export const TARGETS = {
  /** Percent of the people the truth lists that are found. */
  recall: 90,
  /** Percent of what is found as people that the truth lists. */
  precision: 97,
  /** Percent of the events and trials the notes define that are found. */
  events: 80,
  /** People found in ordinary prose, per 100 KB. */
  prosePeoplePer100KB: 1,
  /** The least the harness must read to mean anything: annotated notes files, and KB of ordinary prose. */
  corpusFiles: 25,
  proseKB: 100,
};

export interface Totals {
  files: number;
  people: number;
  peopleFound: number;
  foundPeople: number;
  wrongPeople: number;
  inventedPeople: number;
  events: number;
  eventsFound: number;
  falseMisspellings: number;
  misspellings: number;
  missedMisspellings: number;
  plantedDates: number;
  caughtDates: number;
  falseDates: number;
  absurdNames: number;
  packsMissing: number;
}

export interface ProseScore {
  bytes: number;
  files: number;
  warnings: string[];
  warningsWithEveryPack: string[];
  packsOn: string[];
  people: string[];
  absurdNames: string[];
}

export function totalsOf(files: readonly FileScore[], packsMissing: number): Totals {
  const sum = (pick: (f: FileScore) => number): number => files.reduce((total, f) => total + pick(f), 0);
  return {
    files: files.length,
    people: sum((f) => f.people),
    peopleFound: sum((f) => f.peopleFound),
    foundPeople: sum((f) => f.foundPeople),
    wrongPeople: sum((f) => f.wrongPeople.length),
    inventedPeople: sum((f) => f.inventedPeople.length),
    events: sum((f) => f.events),
    eventsFound: sum((f) => f.eventsFound),
    falseMisspellings: sum((f) => f.falseMisspellings.length),
    misspellings: sum((f) => f.misspellings),
    missedMisspellings: sum((f) => f.missedMisspellings.length),
    plantedDates: sum((f) => f.plantedDates),
    caughtDates: sum((f) => f.caughtDates),
    falseDates: sum((f) => f.falseDates.length),
    absurdNames: sum((f) => f.absurdNames.length),
    packsMissing,
  };
}

/** Each target missed, in words; none when all are met. */
export function checkTargets(totals: Totals, prose: ProseScore | undefined): string[] {
  const missed: string[] = [];
  if (totals.files < TARGETS.corpusFiles) missed.push(`only ${totals.files} annotated files (at least ${TARGETS.corpusFiles})`);
  const rate = (part: number, whole: number): number => (whole === 0 ? 100 : (100 * part) / whole);
  if (rate(totals.peopleFound, totals.people) < TARGETS.recall) missed.push(`people recall below ${TARGETS.recall}%`);
  if (rate(totals.foundPeople - totals.wrongPeople, totals.foundPeople) < TARGETS.precision)
    missed.push(`people precision below ${TARGETS.precision}%`);
  if (totals.inventedPeople > 0) missed.push(`${totals.inventedPeople} invented people`);
  if (totals.falseMisspellings > 0) missed.push(`${totals.falseMisspellings} false "did you mean"`);
  if (totals.absurdNames > 0) missed.push(`${totals.absurdNames} absurd names`);
  if (rate(totals.eventsFound, totals.events) < TARGETS.events) missed.push(`events found below ${TARGETS.events}%`);
  if (totals.caughtDates < totals.plantedDates) missed.push(`${totals.plantedDates - totals.caughtDates} planted date errors missed`);
  if (totals.falseDates > 0) missed.push(`${totals.falseDates} false date warnings`);
  if (totals.packsMissing > 0) missed.push(`${totals.packsMissing} packs the notes are about stayed off`);
  if (prose) {
    if (prose.bytes < TARGETS.proseKB * 1024)
      missed.push(`only ${(prose.bytes / 1024).toFixed(0)} KB of prose (at least ${TARGETS.proseKB})`);
    if (prose.warnings.length > 0) missed.push(`${prose.warnings.length} warnings on ordinary prose`);
    if (prose.warningsWithEveryPack.length > 0)
      missed.push(`${prose.warningsWithEveryPack.length} warnings on ordinary prose with every pack on`);
    if (prose.packsOn.length > 0) missed.push(`packs on for ordinary prose: ${prose.packsOn.join(', ')}`);
    if (prose.people.length > (TARGETS.prosePeoplePer100KB * prose.bytes) / 102_400)
      missed.push(`${prose.people.length} people in ${(prose.bytes / 1024).toFixed(0)} KB of ordinary prose`);
    if (prose.absurdNames.length > 0) missed.push(`${prose.absurdNames.length} absurd names in ordinary prose`);
  }
  return missed;
}
