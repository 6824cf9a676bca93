// Entry point of `dist/server.js`: the only file that knows the transport (stdio, IPC or a socket,
// chosen by the command line as vscode-languageserver reads it).
import * as path from 'node:path';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { youngCollector } from './youngCollection';

const connection = createConnection(ProposedFeatures.all);
// One bad request or file must not take the server down: log and carry on.
process.on('unhandledRejection', (reason) =>
  connection.console.error(`History Notes: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`),
);
process.on('uncaughtException', (error) => connection.console.error(`History Notes: uncaught exception: ${error.stack ?? String(error)}`));
// On stdio, an answer leaves through a pipe as the client reads it: bytes still queued mean it has not all left.
const outputPending = process.argv.includes('--stdio') ? (): boolean => process.stdout.writableLength > 0 : undefined;
startServer(connection, { dataDir: path.join(__dirname, '..', 'data'), outputPending, collectYoung: youngCollector() });
