// The indexing thread answers the editor while workers read notes: on a machine with as many cores
// as workers, the system shared the cores out evenly, and a request waited while a worker ran (some
// requests the indexing thread had took 46-80 ms to answer). A worker therefore asks to come second.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Ten steps below the indexing thread (or as low as it goes): a worker still gets every core that thread leaves idle. */
const STEPS_BELOW = 10;
const LOWEST = 19;

/** Lowers the calling thread's priority where the system can say which thread it is (Linux); elsewhere does nothing. */
export function lowerThisThreadsPriority(): void {
  try {
    // `<pid>/task/<thread id>`: Linux sets a priority per thread when given its id.
    const thread = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    // A new thread starts at the niceness of the thread that made it, the indexing thread.
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, Math.min(LOWEST, getPriority(thread) + STEPS_BELOW));
  } catch {
    // No /proc, or not allowed: the worker runs at the indexing thread's priority, as before.
  }
}
