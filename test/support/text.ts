// Text helpers for LSP tests: exact ranges of words (built on positionOf), positions in text that only
// an editor holds, and applying the edits a server returns, as an editor would.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { positionOf } from './positions';

/** The exact range of the `nth` occurrence of `word` in a file under `root`. */
export function rangeOf(root: string, file: string, word: string, nth = 1): Range {
  const inside = positionOf(root, file, word, nth);
  const start = { line: inside.line, character: inside.character - 1 };
  return { start, end: { line: start.line, character: start.character + word.length } };
}

/** The position just after the `nth` occurrence of `word` in a file: where the cursor is after typing it. */
export function endOf(root: string, file: string, word: string, nth = 1): Position {
  return rangeOf(root, file, word, nth).end;
}

/** A file's text as an editor holds it: without its byte-order mark. */
export function readNote(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, '');
}

/** The lines of a text, split as LSP counts them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The text a range covers (single- or multi-line). */
export function textIn(text: string, range: Range): string {
  const offsets = lineOffsets(text);
  return text.slice(offsets[range.start.line] + range.start.character, offsets[range.end.line] + range.end.character);
}

/**
 * The position of the `nth` occurrence of `word` in text that is not on disk (an untitled document, a
 * line typed through didChange), one character into the word, like positionOf.
 */
export function positionIn(text: string, word: string, nth = 1): Position {
  const lines = linesOf(text);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let at = lines[line].indexOf(word); at !== -1; at = lines[line].indexOf(word, at + 1)) {
      if (++seen === nth) return { line, character: at + 1 };
    }
  }
  throw new Error(`'${word}' #${nth} not in the text`);
}

/** Applies LSP text edits (all relative to the original text), as an editor does. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (p: Position): number => offsets[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, at(edit.range.start)) + edit.newText + result.slice(at(edit.range.end));
  return result;
}

/** How often `word` occurs in `text` as a whole word. */
export function countWord(text: string, word: string): number {
  return text.split(new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u')).length - 1;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** `uri#line:start-end`, to compare sets of locations. */
export function locationKey(location: { uri: string; range: Range }): string {
  const { start, end } = location.range;
  return `${location.uri}#${start.line}:${start.character}-${end.line}:${end.character}`;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) offsets.push(i + 1);
  }
  return offsets;
}
