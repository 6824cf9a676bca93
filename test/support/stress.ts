// Helpers for the hardening tests: a seeded random source, requests with a time limit whose outcome is
// recorded rather than thrown, a process's resident memory, and a server handle available before the
// first index is done (LspServer.start only returns once it is).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { MessageConnection } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { IndexReady } from './lspServer';
import { DIST } from './paths';

/** A small seeded PRNG (mulberry32), so a failing storm can be replayed with its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export type Outcome = { kind: 'result'; value: unknown; ms: number } | { kind: 'error'; code: number; message: string; ms: number } | { kind: 'timeout'; ms: number };

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

/**
 * The built server, started like LspServer.start but handed back as soon as `initialized` is sent, so a
 * test can talk to it while it indexes. `ready` resolves with the index-ready notification.
 */
export class EarlyServer {
  readonly logs: string[] = [];
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly changes: number[] = [];
  exited: number | null | undefined;
  readonly ready: Promise<IndexReady>;
  /** When `initialized` was sent (performance.now()). */
  startedAt = 0;
  private onReady!: (params: IndexReady) => void;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    readonly root: string,
  ) {
    this.ready = new Promise<IndexReady>((resolve) => (this.onReady = resolve));
  }

  static async start(root: string): Promise<EarlyServer> {
    const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new EarlyServer(connection, child, root);
    child.on('exit', (code) => (server.exited = code));
    child.stderr.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
    connection.onNotification('window/logMessage', (params: { message: string }) => void server.logs.push(params.message));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => void server.diagnostics.set(params.uri, params.diagnostics));
    connection.onNotification('historyNotes/indexChanged', (params: { version: number }) => void server.changes.push(params.version));
    connection.onNotification('historyNotes/indexReady', (params: IndexReady) => server.onReady(params));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', () => undefined);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.listen();
    const rootUri = pathToFileURL(root).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    });
    server.startedAt = performance.now();
    await connection.sendNotification('initialized', {});
    return server;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).toString();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Whether an index-changed notification arrives beyond the first `seen` (waits up to `ms`). */
  async changedSince(seen: number, ms = 15000): Promise<boolean> {
    const deadline = performance.now() + ms;
    while (this.changes.length <= seen && performance.now() < deadline) await sleep(20);
    return this.changes.length > seen;
  }

  async stop(): Promise<void> {
    if (this.exited === undefined) {
      await settle(this.connection.sendRequest('shutdown', null), 5000);
      await this.connection.sendNotification('exit', null).catch(() => undefined);
      const deadline = performance.now() + 5000;
      while (this.exited === undefined && performance.now() < deadline) await sleep(20);
      if (this.exited === undefined) this.process.kill();
    }
    this.connection.dispose();
  }
}
