// The built server as the LSP tests use it: started, initialized and indexed before a test runs
// (see ServerProcess for the spawn and the waits), and `withServer` for a suite's before and after.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { IndexChangedParams } from '../../server/src/protocol';
import { openWithDiagnostics } from './editor';
import { FIXTURES } from './paths';
import { ServerProcess, type IndexReady, type SpawnOptions } from './serverProcess';
import { copyFixture, removeWorkspace } from './workspace';

export type { IndexReady } from './serverProcess';

export class LspServer extends ServerProcess {
  /** The index-ready notification: the first index is done when `start` returns. */
  ready!: IndexReady;

  /** The last index-changed notification's counts and packs. */
  get lastChange(): IndexChangedParams | undefined {
    return this.changes[this.changes.length - 1];
  }

  static async start(root: string, options: SpawnOptions = {}): Promise<LspServer> {
    const server = LspServer.spawn(root, options) as LspServer;
    await server.initialize();
    server.ready = await server.whenReady(15000);
    return server;
  }
}

/**
 * Before the suite: makes its workspace with `prepare` (a fresh copy of a fixture, say) and starts the
 * built server on it, handing both to `started`; after: stops the server and removes the workspace.
 */
export function withServer(prepare: () => string, started: (server: LspServer, root: string) => void, options?: SpawnOptions): void {
  let server: LspServer | undefined;
  let root: string | undefined;
  before(async () => {
    root = prepare();
    server = await LspServer.start(root, options);
    started(server, root);
  });
  after(async () => {
    await server?.stop();
    if (root) removeWorkspace(root);
  });
}

/** withServer on a fresh copy of the named folders of test/fixtures. */
export function withFixtureServer(fixtures: string[], started: (server: LspServer, root: string) => void, options?: SpawnOptions): void {
  withServer(() => copyFixture(...fixtures.map((name) => path.join(FIXTURES, name))), started, options);
}

/** withFixtureServer, then opens `file` before the suite and hands over the diagnostics first published for it. */
export function withOpenedNote(fixtures: string[], file: string, opened: (note: OpenedNote) => void, options?: SpawnOptions): void {
  let server: LspServer;
  let root: string;
  withFixtureServer(fixtures, (started, copy) => ([server, root] = [started, copy]), options);
  before(async () => opened({ server, root, ...(await openWithDiagnostics(server, file)) }));
}

export interface OpenedNote {
  server: LspServer;
  root: string;
  uri: string;
  diagnostics: Diagnostic[];
}
