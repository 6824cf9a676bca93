// A large name search is rebuilt in slices while completion answers from it as it was; other
// queries, and small searches, wait for it to be finished.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { NotesIndex } from '../../server/src/index/notesIndex';
import { BackgroundResolver } from '../../server/src/session/backgroundResolver';
import { RequestTraffic } from '../../server/src/session/pause';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher } from '../../server/src/workspace/files';
import { loadWorkspace } from '../../server/src/workspace/load';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { copyFixture, removeWorkspace } from '../support/workspace';

const NEW_PERSON = 'Key people: Mikhail Verkholansky';

describe('The name search behind the names', function () {
  this.timeout(60_000);
  let root: string;
  let index: NotesIndex;

  beforeEach(async () => {
    root = copyFixture(SAMPLES, path.join(FIXTURES, 'plain'));
    index = (await loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA)).index;
  });
  afterEach(() => removeWorkspace(root));

  /** Whether a search for his surname offers the person the edit defines. */
  const offered = (mayBeBehind: boolean, surname = 'Verkholansky'): boolean =>
    index.find(surname, 5, mayBeBehind).some((r) => r.entity.name.endsWith(surname));

  it('answers completion from the search as it was until the new one is built, then from the new one', () => {
    index.syncSearchLimit = 0;
    assert.equal(offered(true), false, 'the first search is built at once');
    assert.equal(index.searchBehind, false);
    index.editDocument('untitled:Scratch', NEW_PERSON, 'plain');
    assert.equal(index.searchBehind, true);
    assert.equal(offered(true), false, 'answered from the search as it was');
    assert.equal(index.searchBehind, true, 'and it is still behind');
    let slices = 0;
    while (index.prepareSearch(0)) slices++;
    assert.ok(slices > 1, `built in slices (${slices})`);
    assert.equal(index.searchBehind, false);
    assert.equal(offered(true), true);
  });

  it('finishes the search first for other queries, and for a search below the limit', () => {
    index.syncSearchLimit = 0;
    offered(true);
    index.editDocument('untitled:Scratch', NEW_PERSON, 'plain');
    assert.equal(offered(false), true, 'a query that may not be behind');
    index.syncSearchLimit = Infinity;
    index.editDocument('untitled:Scratch', `${NEW_PERSON} and Pavel Zhurdinov`, 'plain');
    assert.equal(offered(true, 'Zhurdinov'), true, 'a search within the limit');
  });

  it('is brought up to date by the background resolver, after the notes', async () => {
    index.syncSearchLimit = 0;
    offered(true);
    index.editDocument('untitled:Scratch', NEW_PERSON, 'plain');
    await new Promise<void>((resolve) => new BackgroundResolver(4, new RequestTraffic()).start(() => index, resolve));
    assert.equal(index.pending, 0);
    assert.equal(index.searchBehind, false);
    assert.equal(offered(true), true);
  });
});
