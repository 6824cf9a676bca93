// How work gives way to requests. The JSON-RPC connection takes a turn of the event loop (a
// setImmediate) to decode a message it has read, another to handle it, and another to write the
// answer. Work that paused for a fixed number of turns ran its next slice before one of those, and
// a request waited for two slices. So the work watches the requests being answered (RequestTraffic)
// and goes on only after a few turns without one. An answer written to a pipe (a client on stdio)
// leaves it a piece at a time, a turn each: work waits for it all to leave, as it waits for requests.

/** Turns without a request in flight before work goes on: one read during a slice is handled in two. */
const QUIET_TURNS = 3;
/**
 * How long after a request work stays paused, in `idle`: a client asks again within a millisecond of
 * an answer (a hover as the mouse moves, a completion at each keystroke), and would wait for a slice.
 */
const GRACE_MS = 1;
/** Requests in a row hold work back no longer than this: the index must be resolved some time. */
const LONGEST_PAUSE_MS = 50;

export class RequestTraffic {
  /** Whether answers written are still leaving (see ServerOptions.outputPending); none by default. */
  outputPending: () => boolean = () => false;
  private inFlight = 0;
  private begun = 0;
  private lastEnded = -Infinity;

  /** A request is being answered: work waits. */
  begin(): void {
    this.inFlight++;
    this.begun++;
  }

  /** Its handler is done: its answer is written in the connection's next turn, and work waits for that too. */
  end(): void {
    setImmediate(() =>
      setImmediate(() => {
        this.inFlight--;
        this.lastEnded = performance.now();
      }),
    );
  }

  /** Resolves once requests read meanwhile have been answered and their answers written. */
  readonly pause = (): Promise<void> => this.wait(0);

  /** Like pause, and also until no request came for a moment: for work that can wait (see GRACE_MS). */
  readonly idle = (): Promise<void> => this.wait(GRACE_MS);

  /** Calls `step` again when idle, for as long as it returns true. */
  repeat(step: () => boolean, done: () => void): void {
    const next = (): void => {
      if (step()) void this.idle().then(next);
      else done();
    };
    void this.idle().then(next);
  }

  private wait(graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      const started = performance.now();
      let quiet = 0;
      let begun = this.begun;
      const turn = (): void => {
        quiet = this.inFlight > 0 || this.begun !== begun ? 0 : quiet + 1;
        begun = this.begun;
        const now = performance.now();
        if (now - started > LONGEST_PAUSE_MS) return resolve();
        // A timer rather than a turn: an answer leaves as the client reads it, not at every turn.
        if (this.outputPending()) return void setTimeout(turn, 1);
        if (quiet < QUIET_TURNS) return void setImmediate(turn);
        const untilQuiet = this.lastEnded + graceMs - now;
        if (untilQuiet <= 0) return resolve();
        // Idle meanwhile: a request read now is answered at once.
        quiet = 0;
        setTimeout(turn, untilQuiet);
      };
      setImmediate(turn);
    });
  }
}
