// How work gives way to requests. The JSON-RPC connection handles a message it has read in a
// setImmediate it queues then; work that paused with one setImmediate would run its next slice
// before that handler, and a request would wait for two slices. Two steps put the handler first:
// the first runs in the same turn as before, the second in the next turn, after what was read.

/** Resolves once the messages read meanwhile have been handled. */
export function pauseForRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Calls `step` again after pending requests, for as long as it returns true. */
export function repeatBetweenRequests(step: () => boolean, done: () => void): void {
  const next = (): void => {
    if (step()) void pauseForRequests().then(next);
    else done();
  };
  void pauseForRequests().then(next);
}
