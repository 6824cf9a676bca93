// Go to definition: where the notes define the entity under the cursor (the nearest places first),
// else the page with its knowledge card.
import type { Location, Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { openLocation } from './knowledgeCard';

/**
 * A name defined in thousands of notes (7,520 in the 10k bench) makes a peek list no one reads, and
 * took 20-50 ms to send and read: the nearest this many, and Find All References for every one.
 */
export const MOST_DEFINITIONS = 100;

export function provideDefinition(index: NotesIndex, uri: string, position: Position): Location[] {
  const found = index.at(uri, position);
  if (!found) return [];
  const definitions = index.noteDefinitions(found.entityId);
  if (definitions.length === 0) {
    const page = openLocation(index, found.entityId);
    return page ? [page] : [];
  }
  return nearestFirst(definitions, uri, MOST_DEFINITIONS).map(({ uri, range }) => ({ uri, range }));
}

/**
 * Up to `most` of `locations`, which are in document order: those in the note `uri` first, then in its
 * folder, then the rest, each in document order. A note's and a folder's locations lie together in
 * that order, so they are found by halving rather than by reading them all.
 */
export function nearestFirst<T extends Location>(locations: readonly T[], uri: string, most: number): T[] {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  const folderStart = firstWhere(locations, (l) => l.uri >= folder);
  const noteStart = firstWhere(locations, (l) => l.uri >= uri);
  const noteEnd = firstWhere(locations, (l) => l.uri > uri);
  // A uri after the folder's differs from the folder's name before its end, so no later one starts with it.
  const folderEnd = firstWhere(locations, (l) => l.uri > folder && !l.uri.startsWith(folder));
  const nearest = [
    ...locations.slice(noteStart, noteEnd),
    ...locations.slice(folderStart, noteStart),
    ...locations.slice(noteEnd, folderEnd),
  ].slice(0, most);
  const before = locations.slice(0, Math.min(folderStart, most - nearest.length));
  const after = locations.slice(folderEnd, folderEnd + most - nearest.length - before.length);
  return [...nearest, ...before, ...after];
}

/** The first index whose location `holds`, where every location after one that holds holds too; the length when none does. */
function firstWhere<T>(locations: readonly T[], holds: (location: T) => boolean): number {
  let low = 0;
  let high = locations.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (holds(locations[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
