// Spawns the built server (`dist/server.js --stdio`) and talks JSON-RPC to it over the child's stdio,
// as an editor would. Every wait is bounded: a request or notification that does not come in time is
// an error, and stop() ends the child it started (by its handle) if it does not exit by itself.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { REPO } from './corpus';
import type { IndexReadyParams } from '../server/src/protocol';

export const SERVER = path.join(REPO, 'dist', 'server.js');

/** The server's index-ready notification, as protocol.ts defines it. */
export type IndexReady = IndexReadyParams;

export class TimeoutError extends Error {}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

type DiagnosticsWaiter = { accept: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void };

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export class BenchServer {
  readonly logs: string[] = [];
  exitCode: number | null | undefined;
  private readonly diagnosticWaiters = new Map<string, DiagnosticsWaiter[]>();
  private readonly notificationWaiters = new Map<string, (() => void)[]>();
  private readyResolve!: (params: IndexReady) => void;
  readonly indexReady: Promise<IndexReady>;
  /** When the index-ready notification arrived (performance.now()). */
  indexReadyAt = NaN;
  private readonly exited: Promise<void>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly root: string,
  ) {
    this.indexReady = new Promise((resolve) => (this.readyResolve = resolve));
    this.exited = new Promise((resolve) => child.on('exit', (code) => ((this.exitCode = code), resolve())));
  }

  /** Starts the server process and listens; nothing is sent yet. */
  static spawn(root: string): BenchServer {
    // BENCH_SERVER_NODE_ARGS passes flags to the server's node only (`--cpu-prof --cpu-prof-dir=/tmp/prof`): NODE_OPTIONS refuses some.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new BenchServer(child, connection, root);
    child.stderr.on('data', (chunk: Buffer) => server.log(chunk.toString()));
    connection.onNotification('window/logMessage', (params: { message: string }) => server.log(params.message));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => server.diagnosticsArrived(params.uri, params.diagnostics));
    connection.onNotification('historyNotes/indexChanged', () => server.wake(server.notificationWaiters, 'historyNotes/indexChanged'));
    connection.onNotification('historyNotes/indexReady', (params: IndexReady) => {
      server.indexReadyAt = performance.now();
      server.readyResolve(params);
    });
    connection.onNotification('$/progress', () => undefined);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onError(([error]) => server.log(`connection error: ${error.message}`));
    connection.listen();
    return server;
  }

  private log(message: string): void {
    this.logs.push(message);
    if (this.logs.length > 200) this.logs.splice(0, this.logs.length - 200);
  }

  private diagnosticsArrived(uri: string, diagnostics: Diagnostic[]): void {
    const waiters = this.diagnosticWaiters.get(uri);
    if (!waiters) return;
    const waiting = waiters.filter((w) => !w.accept(diagnostics));
    for (const w of waiters) if (!waiting.includes(w)) w.resolve(diagnostics);
    if (waiting.length > 0) this.diagnosticWaiters.set(uri, waiting);
    else this.diagnosticWaiters.delete(uri);
  }

  private wake(waiters: Map<string, (() => void)[]>, key: string): void {
    const list = waiters.get(key);
    if (!list) return;
    waiters.delete(key);
    for (const resolve of list) resolve();
  }

  private nextOf(waiters: Map<string, (() => void)[]>, key: string): Promise<void> {
    return new Promise((resolve) => {
      const list = waiters.get(key) ?? [];
      list.push(resolve);
      waiters.set(key, list);
    });
  }

  /**
   * Resolves at the next publishDiagnostics for `uri` that `accept` takes (any, by default). Call it
   * before sending what triggers it.
   */
  nextDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push({ accept, resolve });
      this.diagnosticWaiters.set(uri, list);
    });
  }

  nextIndexChanged(): Promise<void> {
    return this.nextOf(this.notificationWaiters, 'historyNotes/indexChanged');
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).toString();
  }

  initialize(): Promise<unknown> {
    const rootUri = pathToFileURL(this.root).toString();
    return this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(this.root) }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: false, symbol: {} },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
          publishDiagnostics: {},
        },
      },
    });
  }

  request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    if (this.exitCode !== undefined) return Promise.reject(new Error(`the server exited with ${this.exitCode}`));
    return withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The server process's peak and current resident set, from /proc (Linux), in MB. */
  memory(): { peakRssMb: number; rssMb: number } {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return { peakRssMb: NaN, rssMb: NaN };
    }
  }

  /** shutdown + exit, then waits for the process; kills our own child if it lingers. */
  async stop(): Promise<void> {
    if (this.exitCode === undefined) {
      await withTimeout(this.connection.sendRequest('shutdown', null), 5000, 'shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit', null).catch(() => undefined);
      await withTimeout(this.exited, 5000, 'the server to exit').catch(() => {
        this.child.kill('SIGKILL');
        return withTimeout(this.exited, 5000, 'the server to die').catch(() => undefined);
      });
    }
    this.connection.dispose();
  }

  lastLogs(count = 8): string {
    return this.logs.slice(-count).join('\n').trim();
  }
}
