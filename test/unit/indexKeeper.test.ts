// When the index is kept for the next session: not while notes wait to be resolved (their mentions
// could not be kept), and then with every note's mentions.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { IndexKeeper } from '../../server/src/session/indexKeeper';
import { RequestTraffic } from '../../server/src/session/pause';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher } from '../../server/src/workspace/files';
import { loadWorkspace } from '../../server/src/workspace/load';
import { DATA, FIXTURES } from '../support/paths';
import { copyFixture, removeWorkspace } from '../support/workspace';

/** Longer than the keeper's first delay (2 s): a write that was going to start has started. */
const PAST_FIRST_DELAY_MS = 3000;

describe('Keeping the index for the next session', function () {
  this.timeout(30_000);
  let root: string;
  let cacheFolder: string;

  beforeEach(() => {
    root = copyFixture(path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'history-notes-keeper-'));
  });
  afterEach(() => {
    removeWorkspace(root);
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  const load = (): ReturnType<typeof loadWorkspace> =>
    loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, {
      cacheFile: path.join(cacheFolder, 'index-facts.cache'),
    });

  it('waits for every note to be resolved, then keeps all their mentions', async () => {
    const { index, cache } = await load();
    // The knowledge set again (as when a pack is turned off and on): every note waits to be resolved again.
    index.setKnowledge(index.knowledgeBase);
    assert.ok(index.pending > 0);
    const logs: string[] = [];
    let written: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (written = resolve));
    const keeper = new IndexKeeper(
      (message) => {
        logs.push(message);
        written();
      },
      () => index,
      () => Promise.resolve(true),
      new RequestTraffic().pause,
    );
    keeper.start(cache!);
    try {
      await new Promise((resolve) => setTimeout(resolve, PAST_FIRST_DELAY_MS));
      assert.deepEqual(logs, [], 'nothing written while notes wait');
      index.kindCounts(true);
      await done;
      assert.match(logs[0], /^Index cache written: /);
      assert.doesNotMatch(logs[0], /without mentions/);
      const reopened = await load();
      assert.equal(reopened.cache?.resolved, reopened.noteCount);
    } finally {
      keeper.dispose();
    }
  });
});
