// The built server as the LSP tests use it: started, initialized and indexed before a test runs
// (see ServerProcess for the spawn and the waits), and `withServer` for a suite's before and after.
import type { IndexChangedParams } from '../../server/src/protocol';
import { ServerProcess, type IndexReady, type SpawnOptions } from './serverProcess';
import { removeWorkspace } from './workspace';

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
