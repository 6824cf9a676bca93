// References and document highlights: every mention of the entity under the cursor, misspellings and
// possessives included, with the definitions when asked.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { compareLocations, locationKey } from '../notes/ranges';
import { knowledgeCardId } from '../protocol';
import { throwIfCancelled, type Cancellation } from './cancellation';

export function provideReferences(
  index: NotesIndex,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
  token?: Cancellation,
): Location[] {
  // On a knowledge card page, the page's entry.
  const entityId = knowledgeCardId(uri) ?? index.at(uri, position)?.entityId;
  if (!entityId) return [];
  const locations = occurrences(index, entityId, includeDeclaration);
  throwIfCancelled(token);
  return locations.map(({ uri, range }) => ({ uri, range }));
}

export function provideDocumentHighlights(index: NotesIndex, uri: string, position: Position): DocumentHighlight[] {
  const found = index.at(uri, position);
  if (!found) return [];
  const definitions = new Set(
    index
      .definitionsIn(uri)
      .filter((d) => d.entityId === found.entityId)
      .map((d) => key(d)),
  );
  return occurrences(index, found.entityId, true)
    .filter((o) => o.uri === uri)
    .map((o) => ({ range: o.range, kind: definitions.has(key(o)) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

/**
 * Mentions, plus definitions no mention covers (a cause's term, `Lenin's police state`), in document
 * order; without the definitions when asked.
 */
export function occurrences(index: NotesIndex, id: string, includeDefinitions: boolean): Location[] {
  const mentions: Location[] = index.mentions(id);
  const definitions = index.noteDefinitions(id);
  // Only locations on the same line can overlap: compare within a line, not every pair (an entity
  // every note names has tens of thousands of each).
  if (!includeDefinitions) {
    const definitionLines = byLine(definitions);
    return mentions.filter((m) => !definitionLines.get(lineKey(m))?.some((d) => overlaps(m, d)));
  }
  const mentionLines = byLine(mentions);
  const extra = definitions.filter((d) => !mentionLines.get(lineKey(d))?.some((m) => overlaps(m, d)));
  return [...mentions, ...extra].sort(compareLocations);
}

function overlaps(a: Location, b: Location): boolean {
  const { start: as, end: ae } = a.range;
  const { start: bs, end: be } = b.range;
  if (as.line !== bs.line) return false;
  return as.character < be.character && bs.character < ae.character && ae.line === be.line;
}

function byLine(locations: readonly Location[]): Map<string, Location[]> {
  const lines = new Map<string, Location[]>();
  for (const location of locations) {
    const key = lineKey(location);
    const list = lines.get(key);
    if (list) list.push(location);
    else lines.set(key, [location]);
  }
  return lines;
}

function lineKey(location: Location): string {
  return `${location.uri}#${location.range.start.line}`;
}

function key(location: Location): string {
  return locationKey(location);
}
