// Helpers for the hardening tests: requests with a time limit whose outcome is recorded rather than
// thrown, raw requests, a process's resident memory, and a server handle available before the first
// index is done (LspServer.start only returns once it is).
import { readFileSync } from 'node:fs';
import { CancellationTokenSource, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { MessageConnection } from 'vscode-jsonrpc';
import { ServerProcess } from './serverProcess';

export { Random } from './random';

/** The built server, handed back as soon as `initialized` is sent, so a test can talk to it while it indexes. */
export async function startEarly(root: string): Promise<ServerProcess> {
  const server = ServerProcess.spawn(root);
  await server.initialize();
  return server;
}

export type Outcome =
  | { kind: 'result'; value: unknown; ms: number }
  | { kind: 'error'; code: number; message: string; ms: number }
  | { kind: 'timeout'; ms: number };

/** Waits for a request's answer for at most `ms`; never throws. */
export async function settle(request: Promise<unknown>, ms: number): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', ms: performance.now() - started }), ms);
  });
  try {
    return await Promise.race([
      request.then(
        (value): Outcome => ({ kind: 'result', value, ms: performance.now() - started }),
        (error: unknown): Outcome => {
          const { code, message } = error as { code?: unknown; message?: unknown };
          return { kind: 'error', code: typeof code === 'number' ? code : NaN, message: String(message), ms: performance.now() - started };
        },
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a request with raw arguments, as vscode-jsonrpc passes them: none (no `params` at all), one
 * value (an object is sent by name, anything else as `[value]`), or several (by position).
 * With `cancel`, sends `$/cancelRequest` right after it.
 */
export function sendRaw(connection: ProtocolConnection, method: string, args: unknown[], cancel = false): Promise<unknown> {
  // A ProtocolConnection is a MessageConnection (createProtocolConnection returns one), whose types allow any arguments.
  const raw = connection as unknown as MessageConnection;
  if (!cancel) return raw.sendRequest(method, ...args);
  const source = new CancellationTokenSource();
  const sent = raw.sendRequest(method, ...args, source.token);
  source.cancel();
  return sent.finally(() => source.dispose());
}

/** A process's resident set size in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Server messages that mean an error escaped every handler. */
export const ESCAPED_ERROR = /unhandled rejection|uncaught exception/i;
