// Long answers (every entity, the timeline, a revision sheet, references) stop when the editor no
// longer wants them: each checks its token as it goes, and the server answers "cancelled".

/** The part of LSP's CancellationToken the features read. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('Request cancelled');
  }
}

/** Throws CancelledError once the request is cancelled. */
export function throwIfCancelled(token: Cancellation | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}
