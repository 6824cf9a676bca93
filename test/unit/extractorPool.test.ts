// Notes read in worker threads: the facts a worker sends are the facts this thread would read, and a
// first index built with workers answers exactly as one built without them, note order included.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import { nameVocabulary } from '../../server/src/knowledge/vocabulary';
import { NoteDocument } from '../../server/src/notes/document';
import { extractFacts } from '../../server/src/notes/extract';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { ExtractorPool } from '../../server/src/workspace/extractorPool';
import { bundledKnowledgeFiles, DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, toUri } from '../../server/src/workspace/files';
import { loadWorkspace, type LoadedWorkspace } from '../../server/src/workspace/load';
import { bytesHeld, typedArrays } from '../support/arrayBuffers';
import { answers } from '../support/indexAnswers';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { copiesOfNotes, removeWorkspace } from '../support/workspace';

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function bundledVocabulary(): Promise<Set<string>> {
  const files = await bundledKnowledgeFiles(DATA);
  return nameVocabulary(files.map((file) => loadKnowledgeFile(toUri(file), readFileSync(file, 'utf8'), true)));
}

describe('Reading notes in worker threads', function () {
  this.timeout(120_000);

  it('sends the facts this thread would read, and nothing once closed', async () => {
    const vocabulary = await bundledVocabulary();
    const { notes } = await new DiskWorkspace([SAMPLES, FIXTURES]).find(new FileMatcher(DEFAULT_FILE_SETTINGS));
    assert.ok(notes.length > 40);
    const pool = ExtractorPool.start(2);
    assert.ok(pool, 'the worker script is built beside the pool');
    pool.useVocabulary(vocabulary);
    try {
      // All at once, so both workers have several waiting and their text tables grow between replies.
      const sent = notes.map((file) => pool.extract(readFileSync(file, 'utf8'), formatOf(file)));
      for (const [i, file] of notes.entries()) {
        const note = new NoteDocument(toUri(file), readFileSync(file, 'utf8'), formatOf(file));
        const fromWorker = (await sent[i])?.(note.lines.length);
        assert.ok(fromWorker, path.basename(file));
        assert.deepEqual(fromWorker, extractFacts(note.lines, note.notes, vocabulary), path.basename(file));
        // What the note keeps of them came in one buffer, holding no more than it (but a few bytes between arrays).
        const { words, ...kept } = fromWorker.phrases.parts();
        const arrays = typedArrays(kept, fromWorker.years.parts());
        const { held, needed } = bytesHeld(arrays);
        assert.ok(held <= needed + 8 * arrays.length && new Set(arrays.map((a) => a.buffer)).size === 1, path.basename(file));
        assert.notEqual(words.buffer, arrays[0].buffer, 'the words, numbered anew, are not in it');
      }
      assert.deepEqual(pool.problems, []);
    } finally {
      await pool.close();
    }
    assert.equal(await pool.extract('Kamenev was shot in 1936.', 'plain'), undefined);
  });

  it('never keeps a process alive once no note waits on it', () => {
    // A pool left open, as after an error while loading: the process still ends when its work is done.
    const script = [
      `const { ExtractorPool } = require(${JSON.stringify(require.resolve('../../server/src/workspace/extractorPool'))});`,
      'const pool = ExtractorPool.start(2);',
      'pool.useVocabulary(new Set());',
      "pool.extract('Kamenev was shot in 1936.', 'plain').then((note) => console.log(note ? 'read' : 'not read'));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, 'the process had to be killed');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'read');
  });

  it('runs its workers at a lower priority than this thread, where the system allows it', async function () {
    // Linux gives each thread its own niceness, in field 19 of its stat line.
    if (!existsSync('/proc/thread-self')) this.skip();
    const niceness = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const threads = (): number[] =>
      readdirSync('/proc/self/task').map((id) => niceness(readFileSync(`/proc/self/task/${id}/stat`, 'utf8')));
    const own = niceness(readFileSync('/proc/thread-self/stat', 'utf8'));
    // Nothing runs below the lowest priority.
    if (own >= 19) this.skip();
    const before = threads().filter((n) => n > own).length;
    const pool = ExtractorPool.start(2)!;
    pool.useVocabulary(new Set());
    try {
      // A note read means both workers' scripts have run (each is sent one while the other works).
      await Promise.all([pool.extract('Kamenev was shot in 1936.', 'plain'), pool.extract('Zinoviev too.', 'plain')]);
      assert.equal(threads().filter((n) => n > own).length - before, 2, 'two threads below this one');
      assert.equal(niceness(readFileSync('/proc/thread-self/stat', 'utf8')), own, 'this thread as it was');
    } finally {
      await pool.close();
    }
  });

  it('builds a first index that answers as one built in this thread', async () => {
    // Enough notes for the workers to start (a small folder is read in this thread).
    const root = copiesOfNotes(250);
    try {
      const load = (extractors: number): Promise<LoadedWorkspace> =>
        loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, { pause, extractors });
      const here = await load(0);
      const inWorkers = await load(2);
      assert.equal(here.readInWorkers, 0);
      assert.equal(inWorkers.readInWorkers, inWorkers.noteCount);
      assert.ok(inWorkers.noteCount >= 2000, `${inWorkers.noteCount} notes`);
      assert.deepEqual(inWorkers.extractorProblems, []);
      assert.ok(answers(here.index).some((line) => /mention .* Kamenev/.test(line)));
      assert.deepEqual(answers(inWorkers.index), answers(here.index));
      assert.deepEqual(inWorkers.index.documentUris(), here.index.documentUris());
      assert.deepEqual(inWorkers.packs, here.packs);
    } finally {
      removeWorkspace(root);
    }
  });
});
