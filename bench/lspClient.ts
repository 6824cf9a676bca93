// The server as the benchmark drives it: the tests' ServerProcess, with requests and waits that give
// up after a set time, and flags for the server's node from BENCH_SERVER_NODE_ARGS
// (`--cpu-prof --cpu-prof-dir=/tmp/prof`; NODE_OPTIONS refuses some).
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ServerProcess, withTimeout } from '../test/support/serverProcess';

export { SERVER, TimeoutError, withTimeout, type IndexReady } from '../test/support/serverProcess';

export class BenchServer extends ServerProcess {
  /** `cacheFolder`: where the server keeps its index between sessions, as VS Code's workspace storage would be. */
  static start(root: string, cacheFolder?: string): BenchServer {
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    return BenchServer.spawn(root, { nodeArgs, initializationOptions: { cacheFolder } }) as BenchServer;
  }

  /** A request that fails with TimeoutError after `timeoutMs`. */
  requestWithin<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    return withTimeout(this.request<R>(method, params), timeoutMs, method);
  }

  /** The next diagnostics for `uri` that `accept` takes, however long they take. */
  diagnosticsFor(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return this.nextDiagnostics(uri, accept, 2 ** 31 - 1);
  }
}
