// The structure of one notes file, as the parser finds it. Every range is in UTF-16 code units (LSP).
import type { Range } from 'vscode-languageserver-types';

export type NotesFormat = 'plain' | 'markdown';

export interface TextSpan {
  text: string;
  range: Range;
}

export interface Heading extends TextSpan {
  /** 1 for `#` or a plain-text standalone heading, 2 for `##`, and so on. */
  level: number;
  line: number;
}

export interface Bullet {
  line: number;
  /** The whole line's content after the marker. */
  content: TextSpan;
  /** `•`, `-`, `*`, `1.`; empty for a bold-term line without a marker (`**Yagoda** – ...`). */
  marker: string;
  /** What the bullet defines, when it reads `Term – explanation` (or is a short term alone). */
  term?: TextSpan;
  separator?: string;
  explanation?: TextSpan;
  indent: number;
}

export type Sentence = TextSpan;

export interface Paragraph {
  line: number;
  content: TextSpan;
  sentences: Sentence[];
}

export interface TableRow {
  line: number;
  cells: TextSpan[];
  isHeader: boolean;
}

export interface Section {
  /** Undefined for text before the first heading. */
  heading?: Heading;
  /** From the heading line to the line before the next heading of the same or a higher level. */
  range: Range;
  bullets: Bullet[];
  paragraphs: Paragraph[];
  rows: TableRow[];
}

export interface ParsedNotes {
  format: NotesFormat;
  title?: TextSpan;
  /** In document order; nesting is given by heading levels. */
  sections: Section[];
  lineCount: number;
  /** Lines inside fenced code or front matter: no mentions are read from them. */
  skippedLines: Set<number>;
  /** Key/value pairs of Markdown front matter (`essay: true`). */
  frontMatter: Record<string, string>;
}
