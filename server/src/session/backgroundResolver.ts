// Resolves what a change made stale in short slices, yielding between them so requests are answered
// meanwhile, and says when it is all done.
import type { NotesIndex } from '../index/notesIndex';
import type { RequestTraffic } from './pause';

export class BackgroundResolver {
  private running = false;

  constructor(
    private readonly sliceMs: number,
    private readonly traffic: RequestTraffic,
  ) {}

  /** Starts unless it runs already; `index` is asked anew each slice, since a reload replaces it. */
  start(index: () => NotesIndex, done: () => void): void {
    if (this.running || (index().pending === 0 && !index().searchBehind)) return;
    this.running = true;
    this.traffic.repeat(
      // Notes first (answers depend on them), then the name search (see NotesIndex.syncSearchLimit).
      () => index().resolveSome(this.sliceMs) || index().prepareSearch(this.sliceMs),
      () => {
        this.running = false;
        done();
      },
    );
  }
}
