// Timed loops of requests, each stopped at its count or its time cap, and the event-loop probes sent
// while the server indexes.
import { performance } from 'node:perf_hooks';
import { TimeoutError, type BenchServer } from './lspClient';
import { summarize, type Summary } from './stats';

// ---- timed loops

export interface LoopResult {
  latency: Summary;
  /** The first request of the loop: it pays for anything the server builds lazily. */
  firstMs: number;
  /** Requests with a useful answer (a card, a location, completion items). */
  hits: number;
  failures: number;
  /** Stopped by the time cap before `count` requests. */
  capped: boolean;
  /** Why the loop stopped early, if it did. */
  aborted?: string;
  extra: Record<string, number>;
  /** What the first few requests without a useful answer asked about. */
  misses: string[];
}

interface Step {
  ms: number;
  hit: boolean;
  /** Said of a miss: which name at which position. */
  what?: string;
}

export async function timedLoop(
  count: number,
  timeCapMs: number,
  step: (i: number, extra: Record<string, number>) => Promise<Step>,
): Promise<LoopResult> {
  const samples: number[] = [];
  const extra: Record<string, number> = {};
  const misses: string[] = [];
  let hits = 0;
  let failures = 0;
  let capped = false;
  let aborted: string | undefined;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (performance.now() - started > timeCapMs) {
      capped = true;
      break;
    }
    try {
      const result = await step(i, extra);
      samples.push(result.ms);
      if (result.hit) hits++;
      else if (misses.length < 5 && result.what) misses.push(result.what);
    } catch (error) {
      failures++;
      if (error instanceof TimeoutError || failures > 10) {
        aborted = (error as Error).message;
        break;
      }
    }
  }
  return { latency: summarize(samples), firstMs: samples[0] ?? NaN, hits, failures, capped, aborted, extra, misses };
}

/**
 * Event-loop blocking seen from the client: a cheap request (`completionItem/resolve`, answered
 * without touching the index) every 20 ms while the server indexes. A server that yields answers
 * each within a millisecond or so; the slowest answer is the longest stretch the server could not
 * answer anything, give or take the 20 ms spacing.
 */
export function startProbes(
  server: BenchServer,
  intervalMs = 20,
): { stop(): Promise<{ maxMs: number; maxEndedAt: number; count: number }> } {
  let maxMs = 0;
  let maxEndedAt = NaN;
  let count = 0;
  const pending = new Set<Promise<void>>();
  const send = (): void => {
    const t0 = performance.now();
    const probe = server.requestWithin('completionItem/resolve', { label: 'zz' }, 3_600_000).then(
      () => {
        const now = performance.now();
        if (now - t0 > maxMs) {
          maxMs = now - t0;
          maxEndedAt = now;
        }
        count++;
      },
      () => undefined,
    );
    pending.add(probe);
    void probe.finally(() => pending.delete(probe));
  };
  const timer = setInterval(send, intervalMs);
  send();
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
      return { maxMs, maxEndedAt, count };
    },
  };
}

// ---- the server's measurements
