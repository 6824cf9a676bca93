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
