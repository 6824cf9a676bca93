// References walk an entity's mentions and definitions together: they must list what comparing every
// mention with every definition lists, on real notes (the fixtures and samples, copied three times).
import * as assert from 'node:assert/strict';
import { occurrences } from '../../server/src/features/references';
import type { Location } from '../../server/src/index/model';
import type { NotesIndex } from '../../server/src/index/notesIndex';
import { compareLocations } from '../../server/src/notes/ranges';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher } from '../../server/src/workspace/files';
import { loadWorkspace } from '../../server/src/workspace/load';
import { DATA } from '../support/paths';
import { copiesOfNotes, removeWorkspace } from '../support/workspace';

const bare = ({ uri, range }: Location): Location => ({ uri, range });

function overlapping(a: Location, b: Location): boolean {
  return (
    a.uri === b.uri &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character < b.range.end.character &&
    b.range.start.character < a.range.end.character
  );
}

describe('references: mentions and definitions together', () => {
  let index: NotesIndex;
  let root: string;

  before(async () => {
    root = copiesOfNotes(3);
    index = (await loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA)).index;
  });
  after(() => removeWorkspace(root));

  it('lists what comparing every pair lists, with and without the definitions', () => {
    let definitionsAdded = 0;
    let mentionsLeftOut = 0;
    for (const { id } of index.entities()) {
      const mentions = index.mentions(id).map(bare);
      const definitions = index.noteDefinitions(id).map(bare);
      const extra = definitions.filter((d) => !mentions.some((m) => overlapping(m, d)));
      const withDefinitions = [...mentions, ...extra].sort(compareLocations);
      const withoutDefinitions = mentions.filter((m) => !definitions.some((d) => overlapping(m, d)));
      assert.deepEqual(occurrences(index, id, true), withDefinitions, `${id}, with its definitions`);
      assert.deepEqual(occurrences(index, id, false), withoutDefinitions, `${id}, without its definitions`);
      definitionsAdded += extra.length;
      mentionsLeftOut += mentions.length - withoutDefinitions.length;
    }
    // Both ways of overlapping happen in these notes, so both were compared.
    assert.ok(definitionsAdded > 0 && mentionsLeftOut > 0, `${definitionsAdded} definitions added, ${mentionsLeftOut} mentions left out`);
  });
});

describe('references: the long lists made in one pass', () => {
  let index: NotesIndex;
  let root: string;
  /** The entities whose lists are long, at the length these tests set, the most mentioned first. */
  let long: string[];
  const LONG = 12;

  beforeEach(async () => {
    root = copiesOfNotes(3);
    index = (await loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA)).index;
    index.longListLength = LONG;
    long = index
      .entities()
      .map(({ id }) => ({ id, mentions: index.mentionCount(id).mentions }))
      .filter((e) => e.mentions >= LONG)
      .sort((a, b) => b.mentions - a.mentions)
      .map((e) => e.id);
  });
  afterEach(() => removeWorkspace(root));

  const sweep = (): number => {
    let slices = 0;
    while (index.sweepSome(Infinity)) slices++;
    return slices;
  };

  it('keeps, after one long list is asked for, the lists of every entity mentioned as often, as each alone makes them', () => {
    assert.ok(long.length >= 5, `${long.length} long lists`);
    assert.equal(index.wantsSweep, false, 'nothing asked for yet');
    index.mentionLocations(long[0]);
    assert.equal(index.wantsSweep, true);
    assert.equal(index.keptLocationLists, 1);
    assert.ok(sweep() > 0);
    assert.equal(index.wantsSweep, false);
    assert.equal(index.keptLocationLists, long.length);
    for (const id of long) assert.deepEqual(index.mentionLocations(id), index.mentions(id).map(bare), id);
  });

  it('stops when notes are resolved again meanwhile, and makes the lists again when one is asked for', () => {
    index.mentionLocations(long[0]);
    // The first slice orders the documents; then a note changes.
    assert.equal(index.sweepSome(Infinity), true);
    const uri = index.mentions(long[1])[0].uri;
    const lines = [...index.document(uri)!.lines];
    index.editDocument(uri, [...lines, `And ${index.mentions(long[1])[0].surface} again.`].join('\n'), 'plain');
    index.mentionCount(long[1]);
    const kept = index.keptLocationLists;
    assert.equal(index.sweepSome(Infinity), false, 'the pass stops');
    assert.equal(index.keptLocationLists, kept, 'and keeps nothing it made');
    assert.equal(index.wantsSweep, false, 'until a long list is asked for again');
    index.mentionLocations(long[1]);
    assert.equal(index.wantsSweep, true);
    sweep();
    assert.equal(index.keptLocationLists, long.length);
    for (const id of long) assert.deepEqual(index.mentionLocations(id), index.mentions(id).map(bare), id);
  });
});
