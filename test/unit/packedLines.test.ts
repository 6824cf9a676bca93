// A note read from disk keeps its lines packed as UTF-8 once its facts are taken: every line must
// read back exactly as it was, whatever its characters, and a line UTF-8 cannot keep leaves the
// note's lines as strings.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NoteDocument } from '../../server/src/notes/document';
import { PackedLines } from '../../server/src/notes/packedLines';
import { splitLines } from '../../server/src/notes/spans';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher } from '../../server/src/workspace/files';
import { FIXTURES, SAMPLES } from '../support/paths';

const MIXED = [
  '# The Moscow Trials – 1936-38',
  '',
  '- Zinoviev – “Trial of the Sixteen”, shot 25 August 1936',
  '- Łódź, Kraków and Zürich: letters beyond Latin-1 and within it (é, ß)',
  '- A line with an emoji 📜 and a CJK name 毛泽东',
  '\t  indented with a tab',
  '',
].join('\r\n');

describe('PackedLines', () => {
  it('reads back every line of a note exactly, with dashes, quotes, accents, emoji and empty lines', () => {
    const lines = splitLines(MIXED);
    const packed = PackedLines.of(lines)!;
    assert.equal(packed.count, lines.length);
    assert.deepEqual(packed.all(), lines);
    lines.forEach((line, n) => assert.equal(packed.line(n), line));
    assert.equal(packed.line(lines.length), undefined);
    assert.equal(packed.line(-1), undefined);
  });

  it('packs every fixture and sample note without changing a character', async () => {
    const { notes } = await new DiskWorkspace([SAMPLES, FIXTURES]).find(new FileMatcher(DEFAULT_FILE_SETTINGS));
    assert.ok(notes.length > 40, `only ${notes.length} note files found`);
    for (const file of notes) {
      const lines = splitLines(readFileSync(file, 'utf8'));
      assert.deepEqual(PackedLines.of(lines)?.all(), lines, file);
    }
  });

  it('will not pack half a surrogate pair, which UTF-8 would turn into another character', () => {
    assert.equal(PackedLines.of(['Kamenev', 'broken \ud83d here']), undefined);
  });
});

describe('NoteDocument.pack', () => {
  it('answers the same lines, line count and parse after packing', () => {
    const note = new NoteDocument('file:///trials.md', MIXED, 'markdown');
    const lines = [...note.lines];
    const headings = note.notes.sections.map((s) => s.heading?.text);
    note.releaseParse();
    note.pack();
    assert.equal(note.lineCount, lines.length);
    assert.deepEqual(note.lines, lines);
    assert.equal(note.line(2), lines[2]);
    assert.deepEqual(
      note.notes.sections.map((s) => s.heading?.text),
      headings,
    );
  });

  it('keeps lines it cannot pack as strings', () => {
    const note = new NoteDocument('file:///odd.txt', 'Bukharin\nhalf a pair \udc00', 'plain');
    note.pack();
    assert.deepEqual(note.lines, ['Bukharin', 'half a pair \udc00']);
  });
});
