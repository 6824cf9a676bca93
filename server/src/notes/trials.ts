// Trials the notes define: a heading naming a trial with its names line and paragraph (`Trial of the
// 16` / `Kamenev & Zinoviev` / what happened), and rows of a table in a trials section.
import type { Heading, Section } from './model';
import { clip, noteDefinition, type NoteDefinition } from './definition';
import { nameKey } from './names';
import { namesOnLine } from './people';
import { wordCount } from './wordCount';

const TRIAL_NAME = /\btrial\b/i;

export function isTrialName(text: string): boolean {
  return TRIAL_NAME.test(text) && wordCount(text) <= 8;
}

export function trialFromHeading(lines: readonly string[], heading: Heading, section: Section): NoteDefinition[] {
  const definitions: NoteDefinition[] = [];
  // The names line follows the heading, directly or after one blank line.
  const namesLine = section.paragraphs.find((p) => p.line <= heading.line + 2);
  const defendants = namesLine ? namesOnLine(lines[namesLine.line], namesLine.line) : undefined;
  const trialKey = nameKey(heading.text);
  const paragraphs = section.paragraphs.filter((p) => !(defendants && p === namesLine));
  const text = paragraphs.map((p) => p.content.text).join(' ');
  const contextLines = { from: heading.line, to: section.range.end.line };
  definitions.push(noteDefinition('trial', heading.text, heading.range, heading.text, { text: clip(text), defendants, contextLines }));
  for (const name of defendants ?? []) {
    definitions.push(
      noteDefinition('person', name.text, name.range, heading.text, { text: `Defendant at the ${heading.text}`, trialKey, contextLines }),
    );
  }
  return definitions;
}

/** A table in a trials section: rows whose first cell names a trial, with a defendants column. */
export function trialsFromTable(section: Section): NoteDefinition[] {
  const header = section.rows.find((row) => row.isHeader);
  const defendantsColumn = header?.cells.findIndex((cell) => /defendant|accused|who/i.test(cell.text)) ?? -1;
  const definitions: NoteDefinition[] = [];
  for (const row of section.rows) {
    const first = row.cells[0];
    if (row.isHeader || !first || !isTrialName(first.text)) continue;
    const namesCell = defendantsColumn > 0 ? row.cells[defendantsColumn] : undefined;
    const defendants = namesCell ? namesOnLine(namesCell.text, row.line, namesCell.range.start.character) : undefined;
    const text = row.cells
      .slice(1)
      .map((cell) => cell.text)
      .join('; ');
    const contextLines = { from: row.line, to: row.line };
    definitions.push(
      noteDefinition('trial', first.text, first.range, section.heading?.text, { text: clip(text), defendants, contextLines }),
    );
  }
  return definitions;
}
