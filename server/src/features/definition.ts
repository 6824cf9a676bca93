// Go to definition: where the notes define the entity under the cursor (every such place), else the
// page with its knowledge card.
import type { Location, Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { openLocations } from './knowledgeCard';

export function provideDefinition(index: NotesIndex, uri: string, position: Position): Location[] {
  const found = index.at(uri, position);
  return found ? openLocations(index, found.entityId) : [];
}
