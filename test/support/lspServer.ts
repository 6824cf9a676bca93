// Spawns the built server (`dist/server.js --stdio`) and speaks real JSON-RPC to it, as an editor would.
// Waits for the server's own signals (index ready, diagnostics), never for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProgressToken, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { DIST } from './paths';
import type { IndexChangedParams, IndexReadyParams } from '../../server/src/protocol';

/** The server's index-ready notification, as protocol.ts defines it. */
export type IndexReady = IndexReadyParams;

export class LspServer {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: { token: ProgressToken; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly logs: string[] = [];
  private listeners: (() => void)[] = [];
  private changedVersions: number[] = [];
  ready!: IndexReady;
  /** The last index-changed notification's counts and packs. */
  lastChange?: IndexChangedParams;
  exited: number | null | undefined;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    readonly root: string,
  ) {}

  static async start(root: string, options: { settings?: unknown; initializationOptions?: unknown } = {}): Promise<LspServer> {
    const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new LspServer(connection, child, root);
    child.on('exit', (code) => {
      server.exited = code;
      server.notify();
    });
    child.stderr.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      server.diagnostics.set(params.uri, params.diagnostics);
      server.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      server.logs.push(params.message);
    });
    connection.onNotification('historyNotes/indexChanged', (params: IndexChangedParams) => {
      server.lastChange = params;
      server.changedVersions.push(params.version);
      server.notify();
    });
    let ready: IndexReady | undefined;
    connection.onNotification('historyNotes/indexReady', (params: IndexReady) => {
      ready = params;
      server.notify();
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (params: LspServer['progress'][number]) => {
      server.progress.push(params);
      server.notify();
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', () => [options.settings ?? {}]);
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      server.appliedEdits.push(params.edit);
      server.notify();
      return { applied: true };
    });
    connection.listen();
    const rootUri = pathToFileURL(root).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: options.settings !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } }, rename: { prepareSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    server.ready = await server.until(() => ready, 'the index-ready notification');
    return server;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).toString();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  send(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves with `check()`'s first defined value, re-checked on every message from the server. */
  until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`Timed out waiting for ${what}${this.exited !== undefined ? ` (server exited with ${this.exited})` : ''}\n${this.logs.slice(-5).join('\n')}`));
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

  /** Waits for an index-changed notification sent after this call. */
  nextIndexChange(): Promise<number> {
    const seen = this.changedVersions.length;
    return this.until(() => (this.changedVersions.length > seen ? this.changedVersions[this.changedVersions.length - 1] : undefined), 'an index-changed notification');
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async stop(): Promise<void> {
    if (this.exited === undefined) {
      await this.request('shutdown', null).catch(() => undefined);
      await this.send('exit', null).catch(() => undefined);
      await this.until(() => this.exited !== undefined, 'the server to exit', 5000).catch(() => this.process.kill());
    }
    this.connection.dispose();
  }
}
