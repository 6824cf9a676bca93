// How long work gives way to requests. The JSON-RPC connection handles a message it has read in a
// setImmediate it queues then; work that paused with setImmediate too would run its next slice
// first, and a request would wait for two slices. A timer resumes after those handlers.

/** Resolves once the messages read meanwhile have been handled. */
export function pauseForRequests(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `step` again after pending requests, for as long as it returns true. */
export function repeatBetweenRequests(step: () => boolean, done: () => void): void {
  const next = (): void => {
    if (step()) setTimeout(next, 0);
    else done();
  };
  setTimeout(next, 0);
}
