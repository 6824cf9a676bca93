// Background work gives way to a request until its answer is written, over a real socket and the
// real JSON-RPC connection: a request that came in during a slice waits for that slice, not two.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { RequestTraffic } from '../../server/src/session/pause';

const SLICE_MS = 2;
const REQUESTS = 20;

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('Work between requests', function () {
  let folder: string;
  let sockets: net.Socket[] = [];
  let server: net.Server | undefined;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'history-notes-pause-'))));
  afterEach(() => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Two connections over a Unix socket; `log` records what the serving side does, in order. */
  async function connect(log: string[]): Promise<{ served: MessageConnection; asking: MessageConnection }> {
    const file = path.join(folder, 'rpc.sock');
    const accepted = new Promise<net.Socket>((resolve) => (server = net.createServer(resolve).listen(file)));
    await new Promise((resolve) => server!.once('listening', resolve));
    const client = net.connect(file);
    const socket = await accepted;
    sockets = [client, socket];
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = (...args: unknown[]) => (log.push('answer written'), write(...args));
    const served = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const asking = createMessageConnection(new SocketMessageReader(client), new SocketMessageWriter(client));
    served.listen();
    asking.listen();
    return { served, asking };
  }

  it('writes the answer to a request that came during a slice before the next slice', async () => {
    const log: string[] = [];
    const { served, asking } = await connect(log);
    const traffic = new RequestTraffic();
    // As the server's Wiring.answer does around every handler.
    served.onRequest('probe', (n: number) => {
      traffic.begin();
      log.push(`request ${n} handled`);
      traffic.end();
      return n;
    });
    const answers: Promise<number>[] = [];
    const finished = new Promise<void>((resolve) =>
      traffic.repeat(() => {
        log.push('slice');
        // Requests arrive while a slice runs, and a turn or two after it, as a student's hovers do.
        const slices = log.filter((e) => e === 'slice').length;
        const send = (): number => answers.push(asking.sendRequest<number>('probe', answers.length));
        if (slices % 4 === 0) send();
        else if (slices % 4 === 1) setImmediate(send);
        else if (slices % 4 === 2) setImmediate(() => setImmediate(send));
        busy(SLICE_MS);
        return answers.length < REQUESTS;
      }, resolve),
    );
    await finished;
    assert.deepEqual(await Promise.all(answers), [...answers.keys()]);
    served.dispose();
    asking.dispose();
    for (let n = 0; n < REQUESTS - 1; n++) {
      const handled = log.indexOf(`request ${n} handled`);
      assert.deepEqual(log.slice(handled, handled + 2), [`request ${n} handled`, 'answer written'], log.join(', '));
    }
  });

  it('waits, before the next slice, for an answer still leaving for the client', async () => {
    const traffic = new RequestTraffic();
    let leaving = true;
    let leftAt = Infinity;
    traffic.outputPending = () => leaving;
    const started = performance.now();
    setTimeout(() => {
      leaving = false;
      leftAt = performance.now();
    }, 20);
    await traffic.pause();
    // Until it has left, or the longest pause (50 ms) is over: the rest of an answer does not wait for slices.
    assert.ok(performance.now() >= Math.min(leftAt, started + 50), `resumed ${(performance.now() - started).toFixed(1)} ms after starting`);
  });
});
