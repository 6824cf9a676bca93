// Positions and ranges (UTF-16, as LSP counts them): order, containment and keys, written once.
import type { Position, Range } from 'vscode-languageserver-types';

/** Something at a place in a document: a mention, a definition, a location. */
export interface Located {
  uri: string;
  range: Range;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** By start, in document order. */
export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start);
}

/** By document, then by start. */
export function compareLocations(a: Located, b: Located): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : compareRanges(a.range, b.range);
}

/** Whether `position` lies in `range`, both ends included. */
export function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Whether two ranges share a character, or touch where one is empty. */
export function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Whether two ranges start and end at the same places. */
export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** The same range `lines` further down (up when negative). */
export function movedRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** `12:4`: a start within one document. */
export function positionKey(position: Position): string {
  return `${position.line}:${position.character}`;
}

/** `file:///a.txt#12:4`: a start across documents. */
export function locationKey(location: Located): string {
  return `${location.uri}#${positionKey(location.range.start)}`;
}
