// Reopening a folder: a note whose file shows the size and modification time it had when the last
// session read it is not read again; its facts and mentions come from the cache, and its lines are read
// only when something asks for them. A changed time, a changed size or a time too recent to trust
// means the note is read.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { splitLines } from '../../server/src/notes/spans';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { writeFactsCache } from '../../server/src/workspace/factsCache';
import { DEFAULT_FILE_SETTINGS, FileMatcher, toUri, type ReadResult } from '../../server/src/workspace/files';
import { loadWorkspace, type LoadedWorkspace } from '../../server/src/workspace/load';
import { answers } from '../support/indexAnswers';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { copyFixture, removeWorkspace } from '../support/workspace';

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const AN_HOUR_AGO = (Date.now() - 3_600_000) / 1000;

/** The disk, counting the notes read. */
class CountingWorkspace extends DiskWorkspace {
  readonly reads: string[] = [];

  readSync(file: string): ReadResult {
    this.reads.push(path.basename(file));
    return super.readSync(file);
  }
}

describe('Reopening: notes unchanged on disk are not read again', function () {
  this.timeout(30_000);
  let root: string;
  let cacheFolder: string;
  let cacheFile: string;
  let notes: string[];

  /** A session that keeps its index, as the server does once its first index is ready. */
  async function session(): Promise<{ loaded: LoadedWorkspace; reads: string[] }> {
    const workspace = new CountingWorkspace([root]);
    const loaded = await loadWorkspace(workspace, new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, { pause, cacheFile });
    const reads = [...workspace.reads];
    await writeFactsCache(cacheFile, loaded.cache!.key, loaded.cache!.keep, pause, loaded.index.resolutionToKeep());
    return { loaded, reads };
  }

  const setTime = (note: string, seconds: number): void => utimesSync(path.join(root, note), seconds, seconds);

  beforeEach(() => {
    root = copyFixture(SAMPLES, path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
    notes = readdirSync(root).filter((file) => /\.(md|txt)$/.test(file));
    // Written an hour ago: long enough for a file's time to tell any later change.
    for (const note of notes) setTime(note, AN_HOUR_AGO);
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'history-notes-unchanged-'));
    cacheFile = path.join(cacheFolder, 'index-facts.cache');
  });
  afterEach(() => {
    removeWorkspace(root);
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  it('takes an unchanged note from the cache without reading it, and reads its lines when asked', async () => {
    const first = await session();
    assert.ok(notes.length >= 4 && first.reads.length >= notes.length, 'the first session reads every note');
    assert.equal(first.loaded.cache?.unread, 0);
    const again = await session();
    assert.deepEqual(again.reads, []);
    assert.equal(again.loaded.cache?.unread, first.loaded.noteCount);
    assert.equal(again.loaded.cache?.resolved, first.loaded.noteCount);
    assert.deepEqual(answers(again.loaded.index), answers(first.loaded.index));
    const terror = path.join(root, 'terror.md');
    const document = again.loaded.index.document(toUri(terror))!;
    assert.equal(document.lineCount, splitLines(readFileSync(terror, 'utf8')).length, 'its line count, kept');
    assert.deepEqual(document.lines, splitLines(readFileSync(terror, 'utf8')));
  });

  it('reads a note whose time changed, takes its facts when its text is the same, and trusts the new time next', async () => {
    await session();
    setTime('terror.md', AN_HOUR_AGO + 60);
    const again = await session();
    assert.deepEqual(again.reads, ['terror.md']);
    assert.equal(again.loaded.cache?.reused, again.loaded.noteCount, 'the same text: its kept facts');
    assert.equal(again.loaded.cache?.unread, again.loaded.noteCount - 1);
    const third = await session();
    assert.deepEqual(third.reads, []);
  });

  it('reads a note whose size changed, though its time reads the same (a coarse clock)', async () => {
    await session();
    const terror = path.join(root, 'terror.md');
    const { mtime } = statSync(terror);
    writeFileSync(terror, `${readFileSync(terror, 'utf8')}\nLater, Kamenev and Zionev were shot.\n`);
    utimesSync(terror, mtime, mtime);
    const again = await session();
    assert.deepEqual(again.reads, ['terror.md']);
    assert.equal(again.loaded.cache?.reused, again.loaded.noteCount - 1);
    assert.ok(answers(again.loaded.index).some((line) => /mention \S*\/terror\.md:.* Zionev Zinoviev/.test(line)));
  });

  it('reads again a note that had changed just before it was read: its time could not tell a change after', async () => {
    setTime('terror.md', Date.now() / 1000);
    await session();
    const again = await session();
    assert.deepEqual(again.reads, ['terror.md']);
    assert.equal(again.loaded.cache?.reused, again.loaded.noteCount, 'its text is the same: its kept facts');
  });

  it('reads a note gone when asked as blank lines, as many as its facts were read from', async () => {
    await session();
    const again = await session();
    const terror = path.join(root, 'terror.md');
    const lineCount = splitLines(readFileSync(terror, 'utf8')).length;
    rmSync(terror);
    const document = again.loaded.index.document(toUri(terror))!;
    assert.deepEqual(document.lines, Array<string>(lineCount).fill(''));
  });
});

describe('A first index: the lines of a note read from disk are read again when asked for', function () {
  this.timeout(30_000);
  let root: string;

  beforeEach(() => {
    root = copyFixture(path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
    for (const note of readdirSync(root)) utimesSync(path.join(root, note), AN_HOUR_AGO, AN_HOUR_AGO);
  });
  afterEach(() => removeWorkspace(root));

  /** Loads the folder, then writes `terror.md` anew behind the index's back, and reads its first line from the index. */
  async function firstLineAfterAChange(): Promise<{ line: string | undefined; reads: string[]; before: string; after: string }> {
    const workspace = new CountingWorkspace([root]);
    const { index } = await loadWorkspace(workspace, new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, { pause });
    const terror = path.join(root, 'terror.md');
    const before = splitLines(readFileSync(terror, 'utf8'))[0];
    const after = 'Notes rewritten since';
    writeFileSync(terror, `${after}\n`);
    const document = index.document(toUri(terror))!;
    const line = document.line(0);
    assert.equal(document.line(0), line, 'the same when asked again');
    return { line, reads: workspace.reads, before, after };
  }

  it('reads a note settled on disk from its file again, once, when a line is asked for', async () => {
    const { line, reads, after } = await firstLineAfterAChange();
    assert.equal(line, after);
    assert.deepEqual(
      reads.filter((read) => read === 'terror.md'),
      ['terror.md', 'terror.md'],
    );
  });

  it('keeps the text of a note written just before it was read: its time could not tell a change after', async () => {
    utimesSync(path.join(root, 'terror.md'), Date.now() / 1000, Date.now() / 1000);
    const { line, reads, before } = await firstLineAfterAChange();
    assert.equal(line, before);
    assert.deepEqual(
      reads.filter((read) => read === 'terror.md'),
      ['terror.md'],
    );
  });
});
