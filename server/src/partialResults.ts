// A long list sent in parts to a client that asks for partial results (`partialResultToken`):
// references to an entity every note names run to tens of thousands of locations, megabytes of
// JSON in one message. Each part goes out a turn of the event loop after the last, so other requests
// are answered between them; the response is then empty, as the protocol asks.
import type { ResultProgressReporter } from 'vscode-languageserver/node';
import { throwIfCancelled, type Cancellation } from './features/cancellation';

/** Items in a part: a thousand locations are about 130 KB of JSON. */
export const PART_SIZE = 1_000;

export async function inParts<T>(items: T[], progress: ResultProgressReporter<T[]> | undefined, token?: Cancellation): Promise<T[]> {
  if (!progress || items.length <= PART_SIZE) return items;
  for (let from = 0; from < items.length; from += PART_SIZE) {
    throwIfCancelled(token);
    progress.report(items.slice(from, from + PART_SIZE));
    await new Promise(setImmediate);
  }
  return [];
}
