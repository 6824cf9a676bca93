// Every entity id that mentions name gets a number, kept while the server runs. A note's mentions
// hold their entities as these numbers in a typed array: finding an entity's mentions in a note then
// compares numbers side by side in memory, where comparing ids reached a string each, scattered over
// the heap (for an entity 4,000 notes name, two thirds of the time to list its references).
import { intern } from '../notes/strings';

const numbers = new Map<string, number>();
const ids: string[] = [];

export function entityNumber(id: string): number {
  let number = numbers.get(id);
  if (number === undefined) {
    const kept = intern(id);
    numbers.set(kept, (number = ids.length));
    ids.push(kept);
  }
  return number;
}

/** The number of an id no mention has had is -1: asking does not number it. */
export function knownEntityNumber(id: string): number {
  return numbers.get(id) ?? -1;
}

export function entityIdOf(number: number): string {
  return ids[number];
}
