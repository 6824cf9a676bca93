// One note as the index keeps it: its lines, and its parse, made once from them. Every feature that
// reads a note's text or structure reads this, rather than splitting or parsing the text again.
import type { LineMemo } from './lineMemo';
import type { NotesFormat, ParsedNotes } from './model';
import { PackedLines } from './packedLines';
import { parseLines } from './parse';
import { splitLines } from './spans';

/**
 * A note's text not read yet, for a note whose facts were kept from the last session and whose file
 * has not changed since (see loadWorkspace): read when a line is first asked for.
 */
export interface UnreadText {
  readonly lineCount: number;
  /** The file's text; undefined when it can no longer be read. */
  read(): string | undefined;
}

export class NoteDocument {
  /** Until a line is asked for, for a note not read yet. */
  private unread?: UnreadText;
  /** The lines as strings: while the note is read, and for as long as it is being edited. */
  private strings?: readonly string[];
  /** The lines once packed (see pack). */
  private packed?: PackedLines;
  private parsed?: ParsedNotes;

  /**
   * `text`: the note's text, or its lines as an open document keeps them (never changed in place).
   * `memo`: what its lines read as before, for a note being edited (see parseLines).
   */
  constructor(
    readonly uri: string,
    text: string | readonly string[] | UnreadText,
    readonly format: NotesFormat,
    private readonly memo?: LineMemo,
  ) {
    if (typeof text === 'string') this.strings = splitLines(text);
    else if ('read' in text) this.unread = text;
    else this.strings = text;
  }

  /** Every line; for a packed note, made again at each call: read it once, or use `line`. */
  get lines(): readonly string[] {
    this.readNow();
    return this.strings ?? this.packed!.all();
  }

  get lineCount(): number {
    return this.unread?.lineCount ?? this.strings?.length ?? this.packed!.count;
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

  /** Keeps the lines as UTF-8 bytes (see PackedLines), for a note read from disk once its facts are taken. */
  pack(): void {
    if (!this.strings) return;
    const packed = PackedLines.of(this.strings);
    if (!packed) return;
    this.packed = packed;
    this.strings = undefined;
  }

  /**
   * Forgets the lines of a note read from its file, once its facts are taken: `read` reads them again
   * when one is asked for, as for a note the last session kept (see UnreadText).
   */
  dropText(read: () => string | undefined): void {
    this.unread = { lineCount: this.lineCount, read };
    this.strings = undefined;
    this.packed = undefined;
    this.parsed = undefined;
  }

  line(n: number): string | undefined {
    this.readNow();
    return this.strings ? this.strings[n] : this.packed!.line(n);
  }

  /** Reads a note not read yet, and packs its lines: it is read only for a line or two, not to be edited. */
  private readNow(): void {
    const { unread } = this;
    if (!unread) return;
    this.unread = undefined;
    // A file gone meanwhile reads as blank lines, as many as its facts were read from, until the
    // workspace reports it gone (or changed, and it is read again).
    this.strings = splitLines(unread.read() ?? '\n'.repeat(unread.lineCount - 1));
    this.pack();
  }
}
