// Go to definition: where the notes define the entity under the cursor (every such place), else its
// entry in a knowledge file.
import type { Location, Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';

export function provideDefinition(index: NotesIndex, uri: string, position: Position): Location[] {
  const found = index.at(uri, position);
  return found ? index.definitionLocations(found.entityId) : [];
}
