// One note as the index keeps it: its lines, and its parse, made once from them. Every feature that
// reads a note's text or structure reads this, rather than splitting or parsing the text again.
import type { LineMemo } from './lineMemo';
import type { NotesFormat, ParsedNotes } from './model';
import { parseLines } from './parse';
import { splitLines } from './spans';

export class NoteDocument {
  readonly lines: readonly string[];
  private parsed?: ParsedNotes;

  /**
   * `text`: the note's text, or its lines as an open document keeps them (never changed in place).
   * `memo`: what its lines read as before, for a note being edited (see parseLines).
   */
  constructor(
    readonly uri: string,
    text: string | readonly string[],
    readonly format: NotesFormat,
    private readonly memo?: LineMemo,
  ) {
    this.lines = typeof text === 'string' ? splitLines(text) : text;
  }

  /** Sections, headings, bullets and paragraphs with their ranges. */
  get notes(): ParsedNotes {
    return (this.parsed ??= parseLines(this.lines, this.format, this.memo));
  }

  /**
   * Drops the parse, made again when asked for: the index reads a note's facts once, and kept for
   * every note of a folder the parses were a fifth of its memory.
   */
  releaseParse(): void {
    this.parsed = undefined;
  }

  line(n: number): string | undefined {
    return this.lines[n];
  }
}
