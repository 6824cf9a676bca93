// Collecting the young generation between edits rather than inside one. An edit of the bench's 100 KB
// note allocates about 0.5 MB, so V8 collects its young generation (16 MB there) every 20 edits or so,
// and that collection (1.4-3.5 ms) fell inside an edit's round trip, from didChange to its diagnostics,
// in 12 of 300 edits measured: the student waits for it. Collected once the server is idle and the
// generation nearly full, it comes after an edit's answer instead. Needs V8's `gc`, which the process
// exposes on request; where it cannot, nothing changes.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** The share of the young generation left free below which it is collected: a quarter of 16 MB is several edits. */
const LEFT_SHARE = 0.25;

/** A function that collects the young generation when it is nearly full, or undefined where V8's `gc` is out of reach. */
export function youngCollector(): (() => void) | undefined {
  const collect = exposedGc();
  if (!collect) return undefined;
  return () => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (young && young.space_available_size < LEFT_SHARE * (young.space_used_size + young.space_available_size)) collect({ type: 'minor' });
  };
}

function exposedGc(): Collect | undefined {
  const global = globalThis as { gc?: Collect };
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}
