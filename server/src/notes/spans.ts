// Small helpers for text spans and their LSP ranges (UTF-16 offsets within a line).
import type { Range } from 'vscode-languageserver-types';
import type { TextSpan } from './model';
import { movedRange } from './ranges';

/** Splits text into lines, keeping the UTF-16 offsets LSP positions count in. `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function span(text: string, line: number, start: number): TextSpan {
  return { text, range: lineRange(line, start, start + text.length) };
}

/** The same span `lines` further down (up when negative). */
export function movedSpan(span: TextSpan, lines: number): TextSpan {
  return { text: span.text, range: movedRange(span.range, lines) };
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Trims a piece of a line and returns it with its range, or undefined when nothing is left. */
export function trimmedSpan(lineText: string, line: number, start: number, end: number): TextSpan | undefined {
  start = trimmedStart(lineText, start, end);
  end = trimmedEnd(lineText, start, end);
  return start < end ? span(lineText.slice(start, end), line, start) : undefined;
}

/** The length trimmedSpan's text would have, without making it. */
export function trimmedLength(lineText: string, start: number, end: number): number {
  start = trimmedStart(lineText, start, end);
  return trimmedEnd(lineText, start, end) - start;
}

/** Where [start, end) of a line starts once spaces are trimmed. */
function trimmedStart(lineText: string, start: number, end: number): number {
  while (start < end && isSpace(lineText.charCodeAt(start))) start++;
  return start;
}

/** Where [start, end) of a line ends once spaces are trimmed. */
function trimmedEnd(lineText: string, start: number, end: number): number {
  while (end > start && isSpace(lineText.charCodeAt(end - 1))) end--;
  return end;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff || code === 0xa0;
}
