// The one way the tests, the storm and the benchmark start the built server (`dist/server.js --stdio`)
// and speak JSON-RPC to it, as an editor would: spawn, initialize, follow its notifications, stop.
// Waits are for the server's own signals (index ready, index changed, diagnostics), each bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProgressToken, RequestType, WorkspaceEdit } from 'vscode-languageserver-protocol';
import {
  IndexChangedNotification,
  IndexReadyNotification,
  type IndexChangedParams,
  type IndexReadyParams,
} from '../../server/src/protocol';
import { DIST } from './paths';

/** The server's index-ready notification, as protocol.ts defines it. */
export type IndexReady = IndexReadyParams;

export const SERVER = path.join(DIST, 'server.js');

export interface SpawnOptions {
  /** What the client answers to `workspace/configuration` (and then says it can be asked). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Flags for the server's node only (`--cpu-prof`). */
  nodeArgs?: string[];
}

export class TimeoutError extends Error {}

export class ServerProcess {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: { token: ProgressToken; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly logs: string[] = [];
  /** Every index-changed notification, in order. */
  readonly changes: IndexChangedParams[] = [];
  /** The index-ready notification, once it came, and when (performance.now()). */
  readyParams?: IndexReady;
  indexReadyAt = NaN;
  /** When `initialized` was sent (performance.now()). */
  startedAt = NaN;
  exited: number | null | undefined;
  private listeners: (() => void)[] = [];

  protected constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    readonly root: string,
    readonly options: SpawnOptions,
  ) {}

  /** Starts the process and listens; nothing is sent yet. */
  static spawn(root: string, options: SpawnOptions = {}): ServerProcess {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const server = new this(
      createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)),
      child,
      root,
      options,
    );
    server.listen();
    return server;
  }

  private listen(): void {
    const { connection } = this;
    this.process.on('exit', (code) => {
      this.exited = code;
      this.notify();
    });
    this.process.stderr?.on('data', (chunk: Buffer) => this.log(chunk.toString()));
    connection.onNotification('window/logMessage', (params: { message: string }) => this.log(params.message));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) =>
      this.record(() => this.diagnostics.set(params.uri, params.diagnostics)),
    );
    connection.onNotification(IndexChangedNotification.method, (params: IndexChangedParams) =>
      this.record(() => this.changes.push(params)),
    );
    connection.onNotification(IndexReadyNotification.method, (params: IndexReady) =>
      this.record(() => ((this.readyParams = params), (this.indexReadyAt = performance.now()))),
    );
    connection.onNotification('$/progress', (params: ServerProcess['progress'][number]) => this.record(() => this.progress.push(params)));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings ?? {}));
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.record(() => this.appliedEdits.push(params.edit));
      return { applied: true };
    });
    connection.onError(([error]) => this.log(`connection error: ${error.message}`));
    connection.listen();
  }

  /** `initialize` and (unless told not to, for a caller that times the two apart) `initialized`. */
  async initialize(thenInitialized = true): Promise<void> {
    const rootUri = pathToFileURL(this.root).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(this.root) }],
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: this.options.settings !== undefined,
          didChangeWatchedFiles: { dynamicRegistration: true },
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          symbol: {},
        },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
          rename: { prepareSupport: true },
          publishDiagnostics: {},
        },
      },
    });
    if (!thenInitialized) return;
    this.startedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with `check()`'s first defined value, re-checked on every message from the server. */
  until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(
          new TimeoutError(
            `Timed out after ${timeoutMs} ms waiting for ` +
              `${what}${this.exited !== undefined ? ` (server exited with ${this.exited})` : ''}\n${this.lastLogs(5)}`,
          ),
        );
      }, timeoutMs);
      const listener = (): void => {
        const value = check();
        if (value !== undefined && value !== false) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== listener);
          resolve(value);
        }
      };
      this.listeners.push(listener);
      listener();
    });
  }

  /** The index-ready notification. */
  whenReady(timeoutMs = 60_000): Promise<IndexReady> {
    return this.until(() => this.readyParams, 'the index-ready notification', timeoutMs);
  }

  /**
   * Once the server has written the index it keeps for the next session for the last time (not a write
   * it will make again, its names having changed meanwhile), or logged that it could not.
   */
  cacheWritten(timeoutMs?: number): Promise<boolean> {
    return this.until(
      () => this.logs.some((l) => /Index cache written: |Could not write the index cache/.test(l)) || undefined,
      'the index cache to be written',
      timeoutMs,
    );
  }

  /**
   * How many notes the first index took from the kept index, of how many, and of those how many with
   * their mentions; undefined before the server says.
   */
  notesFromCache(): { read: number; of: number; resolved: number } | undefined {
    const match = /Index cache: (\d+) of (\d+) notes read from .*, (\d+) with their mentions/.exec(this.logs.join('\n'));
    return match ? { read: Number(match[1]), of: Number(match[2]), resolved: Number(match[3]) } : undefined;
  }

  /** Of the notes from the cache, how many were not read at all (their files unchanged on disk). */
  notesNotRead(): number {
    return Number(/Index cache: (\d+) notes not read again/.exec(this.logs.join('\n'))?.[1] ?? 0);
  }

  /** The version of the next index-changed notification sent after this call. */
  nextIndexChange(timeoutMs?: number): Promise<number> {
    const seen = this.changes.length;
    return this.until(
      () => (this.changes.length > seen ? this.changes[this.changes.length - 1].version : undefined),
      'an index-changed notification',
      timeoutMs,
    );
  }

  /**
   * The version of the next index-changed notification that announces a newer index than any announced
   * before this call. Waiting for a change made after the call: the background resolver's notices of
   * an index already announced do not count.
   */
  nextIndexVersion(timeoutMs?: number): Promise<number> {
    return this.indexVersionAtLeast(Math.max(-1, ...this.changes.map((c) => c.version)) + 1, timeoutMs);
  }

  /** The version of the first index-changed notification (sent at any time) for version `least` or newer. */
  indexVersionAtLeast(least: number, timeoutMs?: number): Promise<number> {
    return this.until(
      () => this.changes.find((c) => c.version >= least)?.version,
      `an index-changed notification for version ${least} or newer`,
      timeoutMs,
    );
  }

  /** The next diagnostics published for `uri` (after this call) that `accept` takes. */
  nextDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    const before = this.diagnostics.get(uri);
    return this.until(
      () => {
        const now = this.diagnostics.get(uri);
        return now !== undefined && now !== before && accept(now) ? now : undefined;
      },
      `diagnostics for ${uri}`,
      timeoutMs,
    );
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).toString();
  }

  /** A request of the protocol's own (protocol.ts), typed by its RequestType. */
  ask<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.request<R>(type.method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    if (this.exited !== undefined) return Promise.reject(new Error(`the server exited with ${this.exited}`));
    return this.connection.sendRequest<R>(method, params);
  }

  send(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The process's peak and current resident set, from /proc (Linux), in MB. */
  memory(): { peakRssMb: number; rssMb: number } {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return { peakRssMb: NaN, rssMb: NaN };
    }
  }

  lastLogs(count = 8): string {
    return this.logs.slice(-count).join('\n').trim();
  }

  /** shutdown and exit, then waits for the process; kills it if it lingers. */
  async stop(): Promise<void> {
    if (this.exited === undefined) {
      await withTimeout(this.connection.sendRequest('shutdown', null), 5000, 'shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit', null).catch(() => undefined);
      await this.until(() => this.exited !== undefined, 'the server to exit', 5000).catch(() => this.process.kill('SIGKILL'));
    }
    this.connection.dispose();
  }

  private log(message: string): void {
    this.logs.push(message);
    if (this.logs.length > 500) this.logs.splice(0, this.logs.length - 500);
    // A test may wait for a log line (`until`).
    this.notify();
  }

  private record(change: () => void): void {
    change();
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

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
