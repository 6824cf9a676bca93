// Mentions kept between sessions: on reopening, a note's resolution from the last session is used only
// where resolving again would give the same, and the index answers exactly as a fresh one does.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { writeFactsCache } from '../../server/src/workspace/factsCache';
import { DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, toUri } from '../../server/src/workspace/files';
import { loadWorkspace, type LoadedWorkspace } from '../../server/src/workspace/load';
import { answers, canonicalAnswers } from '../support/indexAnswers';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { copyFixture, removeWorkspace } from '../support/workspace';

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Kept resolutions: mentions from the last session', function () {
  this.timeout(30_000);
  let root: string;
  let cacheFolder: string;
  let cacheFile: string;

  const load = (options: { cache?: boolean; packs?: Record<string, boolean> } = {}): Promise<LoadedWorkspace> =>
    loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, {
      pause,
      packs: options.packs,
      cacheFile: options.cache === false ? undefined : cacheFile,
    });

  /** A session that keeps its index, as the server does once its first index is ready. */
  async function session(packs?: Record<string, boolean>): Promise<LoadedWorkspace> {
    const loaded = await load({ packs });
    await writeFactsCache(cacheFile, loaded.cache!.key, loaded.cache!.keep, pause, loaded.index.resolutionToKeep());
    return loaded;
  }

  beforeEach(() => {
    root = copyFixture(SAMPLES, path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'history-notes-kept-'));
    cacheFile = path.join(cacheFolder, 'index-facts.cache');
  });
  afterEach(() => {
    removeWorkspace(root);
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  it('takes every unchanged note’s mentions on reopening, and answers as the first session did', async () => {
    const first = await session();
    assert.equal(first.cache?.resolved, 0);
    const again = await session();
    assert.equal(again.cache?.reused, first.noteCount);
    assert.equal(again.cache?.resolved, first.noteCount);
    assert.ok(answers(first.index).some((line) => /mention .* Kamenev/.test(line)));
    assert.deepEqual(answers(again.index), answers(first.index));
    // The people each note names, kept too, choose the same packs with the same counts.
    assert.deepEqual(again.packs, first.packs);
    assert.ok(first.packs.some((pack) => pack.peopleNamed > 0));
  });

  it('takes the kept mentions a slice at a time, as many notes as the slice has time for', async () => {
    const first = await session();
    const prototype = NotesIndex.prototype as { resolveSome(this: NotesIndex, budgetMs: number): boolean };
    const resolveSome = Object.getOwnPropertyDescriptor(prototype, 'resolveSome')!;
    const taken: number[] = [];
    // Every look at the clock finds a slice's time gone: a slice takes one note's mentions.
    let clock = performance.now();
    Object.defineProperty(performance, 'now', { value: () => (clock += 1000), configurable: true });
    prototype.resolveSome = function (budgetMs) {
      const more = (resolveSome.value as typeof prototype.resolveSome).call(this, budgetMs);
      taken.push(this.keptMentions);
      return more;
    };
    try {
      const again = await load();
      assert.equal(again.cache?.resolved, first.noteCount);
      assert.deepEqual(answers(again.index), answers(first.index));
    } finally {
      Object.defineProperty(prototype, 'resolveSome', resolveSome);
      Reflect.deleteProperty(performance, 'now');
    }
    const partway = taken.filter((count) => count > 0 && count < first.noteCount).length;
    assert.ok(partway >= first.noteCount - 2, `${partway} of ${taken.length} slices ended with some notes' mentions taken, not all`);
  });

  it('resolves again only a note whose text changed, when the names the notes define did not', async () => {
    await session();
    appendFileSync(path.join(root, 'terror.md'), '\nLater, Kamenev and Zionev were shot.\n');
    const again = await session();
    assert.equal(again.cache?.reused, again.noteCount - 1);
    assert.equal(again.cache?.resolved, again.noteCount - 1);
    const fresh = await load({ cache: false });
    assert.deepEqual(answers(again.index), answers(fresh.index));
    assert.ok(answers(again.index).some((line) => /mention \S*\/terror\.md:.* Zionev Zinoviev/.test(line)));
  });

  it('resolves every note again when a note defines a new name', async () => {
    await session();
    appendFileSync(path.join(root, 'terror.md'), '\n## More people\n- Tukhachevsky: a marshal shot in 1937\n');
    const again = await session();
    assert.equal(again.cache?.reused, again.noteCount - 1);
    assert.equal(again.cache?.resolved, 0);
    assert.deepEqual(answers(again.index), answers((await load({ cache: false })).index));
  });

  it('reads a kept note anew when an edit defines the person it misspells', async () => {
    appendFileSync(path.join(root, 'terror.md'), '\nOskolkof wrote the report.\n');
    await session();
    const again = await session();
    assert.equal(again.cache?.resolved, again.noteCount);
    const definer = path.join(root, 'french-revolution.txt');
    const text = `${readFileSync(definer, 'utf8')}\n\nKey figures\n- Oskolkov – wrote the report\n`;
    again.index.editDocument(toUri(definer), text, formatOf(definer));
    writeFileSync(definer, text);
    const answered = canonicalAnswers(again.index);
    assert.ok(answered.some((line) => /^person:oskolkov {2}mention \S*\/terror\.md:.* Oskolkof Oskolkov$/.test(line)));
    assert.deepEqual(answered, canonicalAnswers((await load({ cache: false })).index));
  });

  it('resolves every note again under other knowledge', async () => {
    const first = await session();
    const active = first.packs.find((pack) => pack.active)!;
    const again = await session({ [active.id]: false });
    assert.equal(again.cache?.reused, again.noteCount);
    assert.equal(again.cache?.resolved, 0);
    assert.deepEqual(answers(again.index), answers((await load({ cache: false, packs: { [active.id]: false } })).index));
  });

  it('keeps no fingerprints when the names change while it writes', async () => {
    const first = await load();
    const resolution = first.index.resolutionToKeep()!;
    first.index.setKnowledge(new KnowledgeBase([]));
    await writeFactsCache(cacheFile, first.cache!.key, first.cache!.keep, pause, resolution);
    const again = await load();
    assert.equal(again.cache?.reused, again.noteCount);
    assert.equal(again.cache?.resolved, 0);
  });
});
