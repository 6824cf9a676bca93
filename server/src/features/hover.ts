// Hover: the card of the person, trial, cause or event under the cursor, in any spelling.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { buildCard, renderMarkdown, type Describe } from './card';

export function provideHover(index: NotesIndex, uri: string, position: Position, describe: Describe): Hover | null {
  const found = index.at(uri, position);
  const entity = found && index.entity(found.entityId);
  if (!found || !entity) return null;
  return {
    contents: { kind: 'markdown', value: renderMarkdown(buildCard(index, entity, found.mention?.surface), describe) },
    range: found.range,
  };
}
