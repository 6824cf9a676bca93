// Edits wait a moment, since typing comes in bursts, and are applied one document at a time; a
// request about a document applies its pending edit first (`flush`).
export class EditQueue {
  private readonly pending = new Map<string, { apply: () => void; timer: NodeJS.Timeout }>();

  constructor(private readonly delayMs: number) {}

  /** Applies `apply` after the delay, in place of any edit of `uri` still waiting. */
  schedule(uri: string, apply: () => void): void {
    const waiting = this.pending.get(uri);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.set(uri, { apply, timer: setTimeout(() => this.flush(uri), this.delayMs) });
  }

  /** Applies the pending edit of `uri` now, or every pending edit. */
  flush(uri?: string): void {
    for (const [pendingUri, { apply, timer }] of [...this.pending]) {
      if (uri !== undefined && pendingUri !== uri) continue;
      clearTimeout(timer);
      this.pending.delete(pendingUri);
      apply();
    }
  }

  get size(): number {
    return this.pending.size;
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
