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
  return locations;
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
 * order; without the definitions when asked. Each is a bare location, as a list of references sends it.
 */
export function occurrences(index: NotesIndex, id: string, includeDefinitions: boolean): Location[] {
  const mentions = index.mentionLocations(id);
  const definitions = index.noteDefinitions(id);
  if (!includeDefinitions) return notOverlapped(mentions, definitions);
  const extra = notOverlapped(definitions, mentions).map(({ uri, range }) => ({ uri, range }));
  return merged(mentions, extra);
}

/**
 * Those of `locations` that none of `others` overlaps, both in document order: only locations on the
 * same line can overlap, and walking both lists together finds them (an entity every note names has
 * tens of thousands of each; keys made for each line took longer than the rest of the answer).
 */
function notOverlapped<T extends Location>(locations: readonly T[], others: readonly Location[]): T[] {
  const kept: T[] = [];
  let o = 0;
  for (const location of locations) {
    while (o < others.length && onEarlierLine(others[o], location)) o++;
    let covered = false;
    for (let k = o; !covered && k < others.length && onSameLine(others[k], location); k++) covered = overlaps(others[k], location);
    if (!covered) kept.push(location);
  }
  return kept;
}

/** One list in document order from two; on a tie, `first`'s comes first. */
function merged(first: readonly Location[], second: readonly Location[]): Location[] {
  const all: Location[] = [];
  let s = 0;
  for (const location of first) {
    while (s < second.length && compareLocations(second[s], location) < 0) all.push(second[s++]);
    all.push(location);
  }
  while (s < second.length) all.push(second[s++]);
  return all;
}

function onEarlierLine(a: Location, b: Location): boolean {
  return a.uri < b.uri || (a.uri === b.uri && a.range.start.line < b.range.start.line);
}

function onSameLine(a: Location, b: Location): boolean {
  return a.uri === b.uri && a.range.start.line === b.range.start.line;
}

function overlaps(a: Location, b: Location): boolean {
  const { start: as, end: ae } = a.range;
  const { start: bs, end: be } = b.range;
  return as.character < be.character && bs.character < ae.character && ae.line === be.line;
}

function key(location: Location): string {
  return locationKey(location);
}
