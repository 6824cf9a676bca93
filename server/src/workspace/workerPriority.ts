// The indexing thread answers the editor while workers read notes: on a machine with as many cores
// as workers, the system shared the cores out evenly, and a request waited while a worker ran (some
// requests the indexing thread had took 46-80 ms to answer). A worker therefore asks to come second.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice 10: a worker still gets every core the indexing thread leaves idle. */
const WORKER_NICENESS = 10;

/** Lowers the calling thread's priority where the system can say which thread it is (Linux); elsewhere does nothing. */
export function lowerThisThreadsPriority(): void {
  try {
    // `<pid>/task/<thread id>`: Linux sets a priority per thread when given its id.
    const thread = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, WORKER_NICENESS);
  } catch {
    // No /proc, or not allowed: the worker runs at the indexing thread's priority, as before.
  }
}
