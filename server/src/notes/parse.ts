// Turns the text of a notes file (plain-text or Markdown style) into sections, headings, bullets,
// paragraphs, sentences and table rows with exact ranges. Line-based: students' notes are line-shaped,
// and a single pass keeps big folders fast.
import { detach } from './strings';
import type { Bullet, Heading, NotesFormat, Paragraph, ParsedNotes, Section, Sentence, TableRow, TextSpan } from './model';
import { splitBulletContent } from './bullet';
import type { LineMemo, LineRead, LineReading } from './lineMemo';
import { lineRange, movedSpan, splitLines, trimmedLength, trimmedSpan } from './spans';
import { wordCount } from './wordCount';

const MARKDOWN_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
// Outlines number their items too: `I.`, `A.`, `1.`, `a)` (APUSH-style notes).
const OUTLINE_MARKER = '\\d{1,3}[.)]|(?:[IVX]{1,4}|[ivx]{1,4}|[A-Za-z])[.)]';
const MARKDOWN_BULLET = new RegExp(`^([ \\t]*)([-*+•◦▪‣]|${OUTLINE_MARKER})[ \\t]+(.*)$`);
const PLAIN_BULLET = new RegExp(`^([ \\t]*)([•◦▪‣·*-]|${OUTLINE_MARKER})[ \\t]+(.*)$`);
const BOLD_TERM_LINE = /^([ \t]*)(\*\*|__)(.+?)\2/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const TABLE_DIVIDER = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const MAX_PLAIN_HEADING_WORDS = 8;
const MAX_PLAIN_HEADING_CHARS = 70;
/** `\s` is what `trim` removes, a byte order mark included: a line it does not match is blank. */
const NOT_BLANK = /\S/;

export function parseNotes(text: string, format: NotesFormat): ParsedNotes {
  return parseLines(splitLines(text), format);
}

/**
 * Parses a note already split into lines (see NoteDocument); the lines are not changed. `memo`: what
 * its lines read as before, for a note being edited.
 */
export function parseLines(noteLines: readonly string[], format: NotesFormat, memo?: LineMemo): ParsedNotes {
  memo?.beginParse();
  // A BOM counts as one character of line 0: read it as a space so `# Heading` still matches. Only
  // then are the lines copied: an edited note is parsed at each edit.
  const lines = noteLines[0]?.startsWith('\uFEFF') ? [' ' + noteLines[0].slice(1), ...noteLines.slice(1)] : noteLines;
  const notes: ParsedNotes = { format, sections: [], lineCount: lines.length, skippedLines: new Set(), frontMatter: {} };
  let section: Section = newSection(undefined, 0);
  notes.sections.push(section);
  let first = skipFrontMatter(lines, notes);
  let fence: string | undefined;
  let previousBlank = true;
  let lastHeading: Heading | undefined;

  // The first non-empty line of a plain-text file is its title (`Stalin - his terror and WW2`).
  if (format === 'plain') {
    while (first < lines.length && lines[first].trim().replace(/^\uFEFF/, '') === '') first++;
    if (first < lines.length && !PLAIN_BULLET.test(lines[first])) {
      notes.title = trimmedSpan(lines[first], first, 0, lines[first].length);
      first++;
    }
  }

  for (let line = first; line < lines.length; line++) {
    const raw = lines[line];
    if (fence !== undefined) {
      notes.skippedLines.add(line);
      if (raw.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const fenceMatch = format === 'markdown' ? FENCE.exec(raw) : null;
    if (fenceMatch) {
      fence = fenceMatch[1];
      notes.skippedLines.add(line);
      continue;
    }
    // Without trimming it: most lines are not blank, and a copy of each at every edit of an open note adds up.
    if (!NOT_BLANK.test(raw)) {
      previousBlank = true;
      continue;
    }
    const heading = readHeading(lines, line, format, previousBlank && !isNamesLineOf(lastHeading, line, raw));
    if (heading) {
      if (notes.title === undefined && format === 'markdown' && heading.level === 1 && notes.sections.length === 1) {
        notes.title = { text: heading.text, range: heading.range };
      }
      section = newSection(heading, line);
      notes.sections.push(section);
      lastHeading = heading;
      if (heading.underlined) line++;
      previousBlank = false;
      continue;
    }
    if (format === 'markdown' && TABLE_ROW.test(raw)) {
      if (!TABLE_DIVIDER.test(raw)) section.rows.push(readTableRow(raw, line, section.rows.length === 0 || previousBlank));
      previousBlank = false;
      continue;
    }
    const kept = memo?.readOf(raw);
    let read: LineReading;
    if (kept) read = readFrom(kept, raw, line);
    else {
      read = readLine(raw, line, format);
      memo?.keepRead(raw, line, read);
    }
    if (read.bullet) section.bullets.push(read.bullet);
    else section.paragraphs.push(read.paragraph);
    previousBlank = false;
  }
  // Text before the first heading is a section only when there is some.
  notes.sections = notes.sections.filter((s) => s.heading || s.bullets.length > 0 || s.paragraphs.length > 0 || s.rows.length > 0);
  closeSections(notes.sections, lines);
  return notes;
}

/** `Bukharin, Rykov and Yagoda` just under a trial heading names its defendants: it is no heading. */
function isNamesLineOf(heading: Heading | undefined, line: number, raw: string): boolean {
  return heading !== undefined && line - heading.line <= 2 && /\btrial\b/i.test(heading.text) && /,|\sand\s|\s&\s/.test(raw.trim());
}

function newSection(heading: Heading | undefined, line: number): Section {
  return { heading, range: lineRange(line, 0, 0), bullets: [], paragraphs: [], rows: [] };
}

/** A section runs until the next heading of the same or a higher level (or the end of the file). */
function closeSections(sections: Section[], lines: readonly string[]): void {
  const last = lines.length - 1;
  for (let i = 0; i < sections.length; i++) {
    const level = sections[i].heading?.level ?? 0;
    let endLine = last;
    for (let j = i + 1; j < sections.length; j++) {
      const next = sections[j].heading!;
      if (next.level <= level || level === 0) {
        endLine = next.line - 1;
        break;
      }
    }
    endLine = Math.max(endLine, sections[i].range.start.line);
    while (endLine > sections[i].range.start.line && lines[endLine].trim() === '') endLine--;
    sections[i].range = { start: sections[i].range.start, end: { line: endLine, character: lines[endLine]?.length ?? 0 } };
  }
}

function skipFrontMatter(lines: readonly string[], notes: ParsedNotes): number {
  if (notes.format !== 'markdown' || lines[0]?.replace(/^\uFEFF/, '').trim() !== '---') return 0;
  for (let line = 1; line < lines.length; line++) {
    if (lines[line].trim() === '---') {
      for (let l = 0; l <= line; l++) notes.skippedLines.add(l);
      return line + 1;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(lines[line]);
    // Copied: the index keeps front matter, and a substring would keep the whole note alive.
    if (pair) notes.frontMatter[detach(pair[1])] = detach(pair[2].trim());
  }
  notes.frontMatter = {};
  return 0;
}

function readHeading(
  lines: readonly string[],
  line: number,
  format: NotesFormat,
  previousBlank: boolean,
): (Heading & { underlined?: boolean }) | undefined {
  const raw = lines[line];
  if (format === 'markdown') {
    const match = MARKDOWN_HEADING.exec(raw);
    if (match) {
      const start = raw.indexOf(match[2], match[1].length + raw.indexOf('#'));
      const text = stripInlineMarkup(match[2]);
      return { text, level: match[1].length, line, range: lineRange(line, start, start + match[2].length) };
    }
    const next = lines[line + 1];
    if (next !== undefined && SETEXT_UNDERLINE.test(next) && !MARKDOWN_BULLET.test(raw) && raw.trim() !== '') {
      const textSpan = trimmedSpan(raw, line, 0, raw.length)!;
      return { ...textSpan, text: stripInlineMarkup(textSpan.text), level: next.trim().startsWith('=') ? 1 : 2, line, underlined: true };
    }
    return undefined;
  }
  // Plain text: a short standalone line with no final full stop, after a blank line.
  // Most lines of running text are longer than a heading can be: told so before a span is made of them.
  if (!previousBlank || trimmedLength(raw, 0, raw.length) > MAX_PLAIN_HEADING_CHARS || PLAIN_BULLET.test(raw)) return undefined;
  const textSpan = trimmedSpan(raw, line, 0, raw.length);
  if (!textSpan || !looksLikePlainHeading(textSpan.text)) return undefined;
  const next = lines[line + 1];
  // A heading stands alone: what follows is a blank line, a bullet, or a short line (a names line).
  if (next !== undefined && next.trim() !== '' && !PLAIN_BULLET.test(next) && next.trim().length > MAX_PLAIN_HEADING_CHARS) {
    return undefined;
  }
  return { ...textSpan, level: 1, line };
}

function looksLikePlainHeading(text: string): boolean {
  if (text.length > MAX_PLAIN_HEADING_CHARS) return false;
  if (/[.,;!?…]$/.test(text)) return false;
  if (/[.!?]\s/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  // `Kamenev & Zinoviev` under a trial heading is a names line, not a heading.
  if (/\s&\s/.test(text)) return false;
  return wordCount(text) <= MAX_PLAIN_HEADING_WORDS;
}

function readBullet(raw: string, line: number, format: NotesFormat): Bullet | undefined {
  const match = (format === 'markdown' ? MARKDOWN_BULLET : PLAIN_BULLET).exec(raw);
  if (match) {
    const contentStart = raw.length - match[3].length;
    const content = trimmedSpan(raw, line, contentStart, raw.length);
    if (!content) return undefined;
    return { line, marker: match[2], indent: match[1].length, content, ...splitBulletContent(raw, line, contentStart) };
  }
  // `**Yagoda** – head of the NKVD` on a line of its own defines a term too.
  const bold = BOLD_TERM_LINE.exec(raw);
  if (bold) {
    const parts = splitBulletContent(raw, line, bold[1].length);
    if (parts.term && parts.separator) {
      return { line, marker: '', indent: bold[1].length, content: trimmedSpan(raw, line, bold[1].length, raw.length)!, ...parts };
    }
  }
  return undefined;
}

/** A line that is no heading or table row: a bullet, else a paragraph. */
function readLine(raw: string, line: number, format: NotesFormat): LineReading {
  const bullet = readBullet(raw, line, format);
  return bullet ? { bullet } : { paragraph: readParagraph(raw, line) };
}

/** A line read before, at `line` now: the same bullet or paragraph where it has not moved (their parts are never changed). */
function readFrom(read: LineRead, raw: string, line: number): LineReading {
  if (read.line === line) return read;
  const { bullet } = read;
  if (!bullet) return { paragraph: readParagraph(raw, line) };
  const lines = line - read.line;
  const moved: Bullet = { ...bullet, line, content: movedSpan(bullet.content, lines) };
  if (bullet.term) moved.term = movedSpan(bullet.term, lines);
  if (bullet.explanation) moved.explanation = movedSpan(bullet.explanation, lines);
  return { bullet: moved };
}

function readParagraph(raw: string, line: number): Paragraph {
  const content = trimmedSpan(raw, line, 0, raw.length)!;
  let sentences: Sentence[] | undefined;
  // Split on first use: indexing a big folder never looks at sentences.
  return {
    line,
    content,
    get sentences() {
      return (sentences ??= splitSentences(raw, line, content.range.start.character));
    },
  };
}

/** Sentence ends: `.`, `!`, `?` or `…` followed by space and a capital, or an ellipsis glued to the next word (`Secretary...However`). */
const SENTENCE_END = /[.!?…]+["”’')\]]*(?:\s+|(?<=\.\.\.|…)(?=\p{Lu}))(?=["“‘'([]?[\p{Lu}\p{N}])/gu;

export function splitSentences(raw: string, line: number, from: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let match = SENTENCE_END.exec(raw); match; match = SENTENCE_END.exec(raw)) {
    const end = match.index + match[0].trimEnd().length;
    const sentence = trimmedSpan(raw, line, start, end);
    if (sentence) sentences.push(sentence);
    start = match.index + match[0].length;
    if (match[0].length === 0) SENTENCE_END.lastIndex++;
  }
  const rest = trimmedSpan(raw, line, start, raw.length);
  if (rest) sentences.push(rest);
  return sentences;
}

function readTableRow(raw: string, line: number, isHeader: boolean): TableRow {
  const cells: TextSpan[] = [];
  let cellStart = raw.indexOf('|') + 1;
  const lastPipe = raw.lastIndexOf('|');
  for (let i = cellStart; i <= lastPipe; i++) {
    if (raw[i] === '|' && raw[i - 1] !== '\\') {
      // Empty cells are kept, so every row's columns line up with the header's.
      cells.push(trimmedSpan(raw, line, cellStart, i) ?? { text: '', range: lineRange(line, cellStart, cellStart) });
      cellStart = i + 1;
    }
  }
  return { line, cells, isHeader };
}

/** Drops `**`, `__`, backticks and link targets so a heading reads as text. */
export function stripInlineMarkup(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}
