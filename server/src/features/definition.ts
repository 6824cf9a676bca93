// Go to definition: where the notes define the entity under the cursor (the nearest places first),
// else the page with its knowledge card.
import type { Location, Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { openLocations } from './knowledgeCard';

/**
 * A name defined in thousands of notes (7,520 in the 10k bench) makes a peek list no one reads, and
 * took 20-50 ms to send and read: the nearest this many, and Find All References for every one.
 */
export const MOST_DEFINITIONS = 100;

export function provideDefinition(index: NotesIndex, uri: string, position: Position): Location[] {
  const found = index.at(uri, position);
  return found ? nearestFirst(openLocations(index, found.entityId), uri, MOST_DEFINITIONS) : [];
}

/** Up to `most` of `locations`: those in the note `uri` first, then in its folder, then the rest, each in the order given. */
export function nearestFirst(locations: readonly Location[], uri: string, most: number): Location[] {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  const inNote: Location[] = [];
  const inFolder: Location[] = [];
  const elsewhere: Location[] = [];
  for (const location of locations) {
    if (location.uri === uri) inNote.push(location);
    else if (location.uri.startsWith(folder)) inFolder.push(location);
    else if (inNote.length + inFolder.length + elsewhere.length < most) elsewhere.push(location);
  }
  return [...inNote, ...inFolder, ...elsewhere].slice(0, most);
}
