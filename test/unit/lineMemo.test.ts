// Reading a note being edited with a LineMemo: the parse and facts are exactly those of a fresh
// reading, after any edit (a line changed, added, removed, made a heading, a bullet, a code fence or a
// table row), and only what changed is read again.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import { nameVocabulary } from '../../server/src/knowledge/vocabulary';
import { NoteDocument } from '../../server/src/notes/document';
import { extractFacts, type NotesFacts } from '../../server/src/notes/extract';
import { LineMemo, type LineRuns } from '../../server/src/notes/lineMemo';
import type { NotesFormat, ParsedNotes } from '../../server/src/notes/model';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { bundledKnowledgeFiles, DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, toUri } from '../../server/src/workspace/files';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { Random } from '../support/random';

const EDITS_PER_NOTE = 12;

/** The note's parse and facts, read with `memo` when given, else afresh. */
function read(
  lines: readonly string[],
  format: NotesFormat,
  vocabulary: ReadonlySet<string>,
  memo?: LineMemo,
): { parse: ParsedNotes; facts: NotesFacts } {
  const note = new NoteDocument('file:///edited.md', lines.join('\n'), format, memo);
  return { parse: note.notes, facts: extractFacts(note.lines, note.notes, vocabulary, memo) };
}

/** One edit as a student might make it, or one that changes the note's structure. */
function edit(lines: string[], format: NotesFormat, random: Random): void {
  const at = random.int(0, lines.length - 1);
  const markers = format === 'markdown' ? ['## ', '```', '- **', '| a | ', '---'] : ['', '• ', '- ', 'Causes'];
  switch (random.int(0, 5)) {
    case 0:
      lines[at] += ' Stallin met Henry VIII and President Wilson in 1937.';
      break;
    case 1:
      lines.splice(at, 0, random.pick(lines));
      break;
    case 2:
      lines.splice(at, 1);
      break;
    case 3:
      lines[at] = random.pick(markers) + lines[at];
      break;
    case 4:
      lines[at] = lines[at].slice(0, random.int(0, lines[at].length));
      break;
    default:
      lines.splice(at, 0, '');
  }
}

describe('Reading a note being edited (LineMemo)', function () {
  this.timeout(120_000);

  it('reads exactly what a fresh reading does, edit after edit, in every sample and fixture', async () => {
    const files = await bundledKnowledgeFiles(DATA);
    const vocabulary = nameVocabulary(files.map((file) => loadKnowledgeFile(toUri(file), readFileSync(file, 'utf8'), true)));
    const { notes } = await new DiskWorkspace([SAMPLES, FIXTURES]).find(new FileMatcher(DEFAULT_FILE_SETTINGS));
    assert.ok(notes.length > 40);
    const random = new Random(20261206);
    for (const file of notes) {
      const format = formatOf(file);
      const lines = readFileSync(file, 'utf8').split('\n');
      const memo = new LineMemo();
      read(lines, format, vocabulary, memo);
      for (let i = 0; i < EDITS_PER_NOTE && lines.length > 0; i++) {
        edit(lines, format, random);
        assert.deepEqual(read(lines, format, vocabulary, memo), read(lines, format, vocabulary), `${path.basename(file)}, edit ${i + 1}`);
      }
    }
  });

  it('makes again only the lines whose text is new, and forgets lines no longer in the note', () => {
    const memo = new LineMemo();
    const made: string[] = [];
    const runs = (line: number, text: string): LineRuns => {
      const found = memo.runsOf(line, text, false);
      if (found) return found;
      made.push(text);
      return memo.keepRuns(line, { words: [], starts: [], flags: [], bounds: [0] });
    };
    memo.begin(undefined);
    ['Kamenev was shot.', 'Zinoviev too.'].forEach((text, line) => runs(line, text));
    assert.deepEqual(made, ['Kamenev was shot.', 'Zinoviev too.']);
    // The second line edited, and a line added above the first: the first is looked up where it now is.
    memo.begin(undefined);
    ['Trial of the 16', 'Kamenev was shot.', 'Zinoviev too, in 1936.'].forEach((text, line) => runs(line, text));
    assert.deepEqual(made.slice(2), ['Trial of the 16', 'Zinoviev too, in 1936.']);
    // `Zinoviev too.` was not in the last reading: it is made again, not kept for ever.
    memo.begin(undefined);
    runs(0, 'Zinoviev too.');
    assert.deepEqual(made.slice(4), ['Zinoviev too.']);
    // Another vocabulary reads lines differently: everything is made again.
    memo.begin(new Set(['terror']));
    runs(0, 'Zinoviev too.');
    assert.deepEqual(made.slice(5), ['Zinoviev too.']);
  });

  it('keeps the paragraphs and bullets of lines that have not moved, and reads a moved one where it now is', () => {
    const memo = new LineMemo();
    const parse = (lines: string[]): ParsedNotes => new NoteDocument('file:///edited.md', lines.join('\n'), 'markdown', memo).notes;
    const lines = ['# Trials', '', 'Kamenev was shot.', '- **Zinoviev** – shot in 1936', 'Bukharin followed.'];
    const first = parse(lines).sections[0];
    // The last line edited: the others are the very paragraphs and bullets read before.
    lines[4] = 'Bukharin followed in 1938.';
    const second = parse(lines).sections[0];
    assert.equal(second.paragraphs[0], first.paragraphs[0]);
    assert.equal(second.bullets[0], first.bullets[0]);
    assert.equal(second.paragraphs[1].content.text, 'Bukharin followed in 1938.');
    // A line added above them: each is read at its new line.
    lines.splice(2, 0, 'Three trials.');
    const third = parse(lines).sections[0];
    assert.deepEqual(
      third.paragraphs.map((p) => [p.line, p.content.range.start.line, p.content.text]),
      [
        [2, 2, 'Three trials.'],
        [3, 3, 'Kamenev was shot.'],
        [5, 5, 'Bukharin followed in 1938.'],
      ],
    );
    assert.deepEqual([third.bullets[0].line, third.bullets[0].term?.range.start.line], [4, 4]);
  });
});
