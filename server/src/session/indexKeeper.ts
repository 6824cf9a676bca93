// Keeps the first index for the next session (see workspace/factsCache). It is written once the index
// has been quiet a moment, every note is resolved (mentions still waiting could not be kept) and
// requests pause (a student at work goes first), in short slices between requests; and again, a few
// times, while what the index resolved could not go with it: when names changed during the write, or
// when open notes differ from their files (the next session reads the files, so mentions resolved with
// the edits would not hold).
import type { NotesIndex } from '../index/notesIndex';
import { writeFactsCache } from '../workspace/factsCache';
import type { CacheUse } from '../workspace/load';

/** After the first index, how long the index must be quiet before the cache is written. */
const FIRST_WRITE_DELAY_MS = 2000;
/** How long it must be quiet before the cache is written again, with the mentions this time. */
const RETRY_DELAY_MS = 10_000;
const ATTEMPTS = 4;
/** How long requests must have paused before a write starts: hovers in a row wait for no write. */
const REQUESTS_PAUSE_MS = 1000;
/** The longest a write waits for requests to pause and notes to be resolved; then it goes ahead, in its slices. */
const LONGEST_WAIT_MS = 60_000;

export class IndexKeeper {
  private cache?: CacheUse;
  private timer?: NodeJS.Timeout;
  private delay = FIRST_WRITE_DELAY_MS;
  private attempts = 0;
  private lastRequestAt = -Infinity;
  /** Since when a write has waited for requests to pause. */
  private waitingSince?: number;

  constructor(
    private readonly log: (message: string) => void,
    private readonly index: () => NotesIndex,
    /** Whether every open note the index holds has its file's text (and no edit waits): mentions can be kept. */
    private readonly openNotesAsOnDisk: () => Promise<boolean>,
    /** Gives way to requests between the write's slices (see RequestTraffic). */
    private readonly pause: () => Promise<void>,
  ) {}

  /** After the first index: what to write, once the index is quiet. */
  start(cache: CacheUse): void {
    this.cache = cache;
    this.schedule(FIRST_WRITE_DELAY_MS);
  }

  /** A request came: a write that is due waits for requests to pause. */
  requested(): void {
    this.lastRequestAt = performance.now();
  }

  /** The index changed: a write still waiting waits for it to be quiet again. */
  changed(): void {
    if (this.timer) this.schedule(this.delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cache = undefined;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.delay = delay;
    this.timer = setTimeout(() => void this.write(), delay);
  }

  /** A failure is logged, and only costs the next start its speed. */
  private async write(): Promise<void> {
    this.timer = undefined;
    const cache = this.cache;
    if (!cache) return;
    const now = performance.now();
    this.waitingSince ??= now;
    const quietFor = now - this.lastRequestAt;
    const busy = quietFor < REQUESTS_PAUSE_MS || this.index().pending > 0;
    if (busy && now - this.waitingSince < LONGEST_WAIT_MS) {
      this.timer = setTimeout(() => void this.write(), Math.max(REQUESTS_PAUSE_MS - quietFor, REQUESTS_PAUSE_MS / 2));
      return;
    }
    this.waitingSince = undefined;
    this.attempts++;
    try {
      const resolution = (await this.openNotesAsOnDisk()) ? this.index().resolutionToKeep() : undefined;
      const resolved = await writeFactsCache(cache.file, cache.key, cache.keep, this.pause, resolution);
      if (resolved || this.attempts >= ATTEMPTS) {
        this.log(`Index cache written: ${cache.file}${resolved ? '' : ', without mentions'}`);
        this.cache = undefined;
        return;
      }
      this.log(`Index cache written without mentions, the notes changing meanwhile: ${cache.file}; again once they are quiet`);
      if (this.cache) this.schedule(RETRY_DELAY_MS);
    } catch (error) {
      this.log(`Could not write the index cache ${cache.file}: ${(error as Error).message}`);
      this.cache = undefined;
    }
  }
}
