// Worker threads that read notes for names while the indexing thread reads files, takes their facts
// and answers requests: the first index of a big folder spends most of its time there. A note goes
// to the worker with the fewest waiting; what a worker cannot do (it failed, or there is none) is
// answered undefined, and the caller reads the note itself.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NotesFacts } from '../notes/extract';
import type { NotesFormat } from '../notes/model';
import { factsFromStored, type StoredFacts } from '../notes/storedFacts';
import { textTableFromStored } from '../notes/textTable';

export interface ExtractRequest {
  id: number;
  text: string;
  format: NotesFormat;
}

export type ToWorker = ExtractRequest | { vocabulary: string[] };

/** `newTexts`: the texts the worker numbered since its last reply (see extractWorker). */
export type ExtractReply = { id: number; newTexts: string[] } & ({ facts: StoredFacts } | { problem: string });

/** A note's facts as a worker sent them: made into facts of a note of so many lines, or undefined when unsound. */
export type ExtractedFacts = (lineCount: number) => NotesFacts | undefined;

/** Each worker holds its own dictionary (tens of megabytes), and the indexing thread takes their facts one note at a time. */
const MAX_EXTRACTORS = 4;

/** How many workers suit this machine: one per core, up to MAX_EXTRACTORS. */
export function extractorCount(): number {
  return Math.min(MAX_EXTRACTORS, availableParallelism());
}

/** Beside this file in both layouts: `dist/` for the bundles (see esbuild.mjs), `out/.../workspace/` for tests. */
const WORKER_SCRIPT = path.join(__dirname, 'extractWorker.js');

interface PoolWorker {
  worker: Worker;
  /** The worker's text table as far as its replies have told it. */
  texts: string[];
  waiting: Map<number, (reply: ExtractReply | undefined) => void>;
  alive: boolean;
}

export class ExtractorPool {
  private nextId = 0;
  /** What went wrong, as sentences for a log; the notes concerned are read by the caller. */
  readonly problems: string[] = [];

  private constructor(private readonly workers: PoolWorker[]) {}

  /**
   * `size` workers, which load their word lists at once; undefined when the worker's script is
   * missing. Give them the knowledge's vocabulary (useVocabulary) before the first note.
   */
  static start(size: number): ExtractorPool | undefined {
    if (size < 1 || !existsSync(WORKER_SCRIPT)) return undefined;
    const workers = Array.from({ length: size }, () => ({
      worker: new Worker(WORKER_SCRIPT),
      texts: [],
      waiting: new Map(),
      alive: true,
    }));
    const pool = new ExtractorPool(workers);
    for (const entry of workers) {
      pool.watch(entry);
      // After the listeners, which would hold it again.
      entry.worker.unref();
    }
    return pool;
  }

  /** The lower-case words of the knowledge's names (see scanPhrases), for every note from now on. */
  useVocabulary(vocabulary: ReadonlySet<string>): void {
    const words = [...vocabulary];
    for (const entry of this.workers) entry.worker.postMessage({ vocabulary: words } satisfies ToWorker);
  }

  /** The note's facts as a worker read them; undefined when no worker could. */
  async extract(text: string, format: NotesFormat): Promise<ExtractedFacts | undefined> {
    const alive = this.workers.filter((w) => w.alive);
    if (alive.length === 0) return undefined;
    const entry = alive.reduce((least, w) => (w.waiting.size < least.waiting.size ? w : least));
    const id = this.nextId++;
    const reply = await new Promise<ExtractReply | undefined>((resolve) => {
      entry.waiting.set(id, resolve);
      entry.worker.ref();
      try {
        entry.worker.postMessage({ id, text, format } satisfies ToWorker);
      } catch {
        entry.waiting.delete(id);
        resolve(undefined);
      }
    });
    if (!reply || 'problem' in reply) {
      if (reply) this.problems.push(`A worker could not read a note, so it was read here: ${reply.problem}`);
      return undefined;
    }
    // The table only grows, so the numbers of this reply still hold when the facts are taken.
    return (lineCount) => factsFromStored(reply.facts, lineCount, entry.texts);
  }

  /**
   * Stops the workers; notes still waiting are answered undefined. A worker holds the process open
   * only while a note waits on it, so a pool left open (an error while loading) never keeps a CLI alive.
   */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private watch(entry: PoolWorker): void {
    entry.worker.on('message', (reply: ExtractReply) => {
      const newTexts = textTableFromStored(reply.newTexts);
      if (!newTexts) {
        // Its numbers would mean other texts from now on.
        this.problems.push('A worker sent a malformed text table, so it was stopped and its notes read here.');
        void entry.worker.terminate();
        return;
      }
      // Not interned: a phrase's words are numbered as the facts are taken (see wordNumbers), which
      // keeps one copy of each, and interning every text too held the words in a second map (14 MB
      // of heap at 10,000 notes). A name or key may be kept once per worker.
      for (const text of newTexts) entry.texts.push(text);
      entry.waiting.get(reply.id)?.(reply);
      entry.waiting.delete(reply.id);
      if (entry.waiting.size === 0) entry.worker.unref();
    });
    entry.worker.on('error', (error) =>
      this.problems.push(`A worker stopped, so its notes were read here: ${String(error.stack ?? error)}`),
    );
    entry.worker.on('exit', () => {
      entry.alive = false;
      for (const resolve of entry.waiting.values()) resolve(undefined);
      entry.waiting.clear();
    });
  }
}
