// An open document kept as its lines: an edit replaces the lines it touches, and the index reads the
// lines as they are. The stock TextDocument keeps one string, made anew at every edit; for a 100 KB
// note that is a copy of the whole text per keystroke (0.65 ms in a probe), which the index then split
// into lines again. It behaves as the stock one does (offsets, positions, ranges beyond the text).
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { comparePositions } from '../notes/ranges';

/** The line breaks a line may end with; the last line ends with none. */
const BREAK = /\r\n|\r|\n/g;

export class LinesDocument implements TextDocument {
  private text?: string;
  /** Offsets where each line starts, made when an offset is asked for. */
  private starts?: number[];

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    /** Never changed in place: an edit makes a new list, so a reader may keep the one it has. */
    private _lines: readonly string[],
    /** What ends each line. */
    private breaks: readonly string[],
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): LinesDocument {
    const { lines, breaks } = split(content);
    const document = new LinesDocument(uri, languageId, version, lines, breaks);
    document.text = content;
    return document;
  }

  static update(document: LinesDocument, changes: TextDocumentContentChangeEvent[], version: number): LinesDocument {
    for (const change of changes) document.apply(change);
    document.version = version;
    return document;
  }

  /** The lines, without their breaks. */
  get lines(): readonly string[] {
    return this._lines;
  }

  get lineCount(): number {
    return this._lines.length;
  }

  getText(range?: Range): string {
    if (!range) return (this.text ??= this._lines.map((line, i) => line + this.breaks[i]).join(''));
    const [from, to] = ordered(this.clamp(range.start), this.clamp(range.end));
    if (from.line === to.line) return this._lines[from.line].slice(from.character, to.character);
    let text = this._lines[from.line].slice(from.character) + this.breaks[from.line];
    for (let line = from.line + 1; line < to.line; line++) text += this._lines[line] + this.breaks[line];
    return text + this._lines[to.line].slice(0, to.character);
  }

  offsetAt(position: Position): number {
    const { line, character } = this.clamp(position);
    return this.lineStarts()[line] + character;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const end = starts[starts.length - 1] + this._lines[this._lines.length - 1].length;
    offset = Math.max(0, Math.min(offset, end));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break is the end of its line.
    return { line: low, character: Math.min(offset - starts[low], this._lines[low].length) };
  }

  /** The whole line, without its break; a line beyond the last is the last, one before the first is empty at the start. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this._lines.length - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: this._lines[at].length } };
  }

  getEOLCharacters(line: number): string {
    return this.breaks[line] ?? '';
  }

  /** A position inside the text: a line beyond the last is the end of the text, a character beyond its line is the line's end. */
  private clamp(position: Position): Position {
    const last = this._lines.length - 1;
    if (position.line > last) return { line: last, character: this._lines[last].length };
    if (position.line < 0) return { line: 0, character: 0 };
    return { line: position.line, character: Math.max(0, Math.min(position.character, this._lines[position.line].length)) };
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      this.starts = [0];
      for (let i = 0; i < this._lines.length - 1; i++) this.starts.push(this.starts[i] + this._lines[i].length + this.breaks[i].length);
    }
    return this.starts;
  }

  private apply(change: TextDocumentContentChangeEvent): void {
    this.text = undefined;
    this.starts = undefined;
    if (!('range' in change) || change.range === undefined) {
      ({ lines: this._lines, breaks: this.breaks } = split(change.text));
      this.text = change.text;
      return;
    }
    const [from, to] = ordered(change.range.start, change.range.end).map((position) => this.clamp(position));
    // Lines first..to.line are made again from their text with the change in it. A lone `\r` before
    // them may join a `\n` the change begins with into one break, so that line is made again too.
    const first = from.line > 0 && this.breaks[from.line - 1] === '\r' ? from.line - 1 : from.line;
    let text = first < from.line ? this._lines[first] + '\r' : '';
    text += this._lines[from.line].slice(0, from.character) + change.text + this._lines[to.line].slice(to.character) + this.breaks[to.line];
    const made = split(text);
    // The text ends with the old break of its last line (when there is one): what follows it is the next line's.
    if (this.breaks[to.line] !== '') {
      made.lines.pop();
      made.breaks.pop();
    }
    this._lines = [...this._lines.slice(0, first), ...made.lines, ...this._lines.slice(to.line + 1)];
    this.breaks = [...this.breaks.slice(0, first), ...made.breaks, ...this.breaks.slice(to.line + 1)];
  }
}

/** Two positions, the earlier first: a range may be written backwards. */
function ordered(a: Position, b: Position): [Position, Position] {
  return comparePositions(a, b) > 0 ? [b, a] : [a, b];
}

function split(text: string): { lines: string[]; breaks: string[] } {
  const lines: string[] = [];
  const breaks: string[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let match = BREAK.exec(text); match; match = BREAK.exec(text)) {
    lines.push(text.slice(start, match.index));
    breaks.push(match[0]);
    start = match.index + match[0].length;
  }
  lines.push(text.slice(start));
  breaks.push('');
  return { lines, breaks };
}
