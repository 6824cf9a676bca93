// Wires LSP messages to the session and the feature providers: the lifecycle here (initialize,
// settings, documents, file changes), the requests in handlers.ts. No logic of its own beyond
// waiting for the first index and applying pending edits before a request is answered.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { LEGEND } from './features/semanticTokens';
import { registerHistoryRequests, registerLanguageFeatures } from './handlers';
import { Commands, IndexChangedNotification, IndexReadyNotification } from './protocol';
import { LinesDocument } from './session/linesDocument';
import { Session, type SessionHost } from './session/session';
import { readSettings, type Settings } from './settings';
import { DiskWorkspace } from './workspace/disk';
import { toPath } from './workspace/files';
import { Wiring } from './wiring';

export interface ServerOptions {
  /** Where the bundled knowledge files are. */
  dataDir: string;
  /** Whether answers written are still leaving for the client, where the transport can tell (see RequestTraffic). */
  outputPending?: () => boolean;
  /** Collects the young generation if it is nearly full, where the process allows (see youngCollection). */
  collectYoung?: () => void;
}

/** What the client said it can do, in `initialize`. */
interface ClientAbilities {
  pullConfiguration: boolean;
  watchFiles: boolean;
  reportProgress: boolean;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const wiring = new Wiring(connection, new TextDocuments(LinesDocument));
  const abilities: ClientAbilities = { pullConfiguration: false, watchFiles: false, reportProgress: false };
  connection.onInitialize((params) => initialize(wiring, abilities, params, options));
  connection.onInitialized(() => void initialized(wiring, abilities).catch(wiring.logError));
  followSettings(wiring, abilities);
  followDocuments(wiring);
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const kinds = {
      [FileChangeType.Created]: 'created',
      [FileChangeType.Changed]: 'changed',
      [FileChangeType.Deleted]: 'deleted',
    } as const;
    const inFiles = changes.filter((c) => c.uri.startsWith('file:'));
    wiring.workspace.notify(inFiles.map((c) => ({ file: toPath(c.uri), kind: kinds[c.type] })));
  });
  registerLanguageFeatures(wiring);
  registerHistoryRequests(wiring);
  connection.onShutdown(() => wiring.session?.dispose());
  wiring.documents.listen(connection);
  connection.listen();
}

function initialize(wiring: Wiring, abilities: ClientAbilities, params: InitializeParams, options: ServerOptions): InitializeResult {
  const roots = (params.workspaceFolders ?? []).map((f) => toPath(f.uri));
  if (roots.length === 0 && params.rootUri) roots.push(toPath(params.rootUri));
  abilities.pullConfiguration = params.capabilities.workspace?.configuration === true;
  abilities.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  abilities.reportProgress = params.capabilities.window?.workDoneProgress === true;
  const initOptions = params.initializationOptions as { settings?: unknown; cacheFolder?: unknown } | undefined;
  const initial = readSettings(initOptions?.settings);
  const cacheFolder = typeof initOptions?.cacheFolder === 'string' && initOptions.cacheFolder !== '' ? initOptions.cacheFolder : undefined;
  wiring.workspace = new DiskWorkspace(roots);
  wiring.session = new Session(sessionHost(wiring, abilities, options), wiring.workspace, options.dataDir, initial, cacheFolder);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      declarationProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      completionProvider: { resolveProvider: true, triggerCharacters: [] },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      executeCommandProvider: { commands: [Commands.acceptVariant] },
      semanticTokensProvider: { legend: LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'History Notes', version: '0.1.0' },
  };
}

/** Registers for settings and file changes where the client allows it, then indexes the folders. */
async function initialized(wiring: Wiring, abilities: ClientAbilities): Promise<void> {
  const { connection, session } = wiring;
  if (abilities.pullConfiguration) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'historyNotes' });
    await session.updateSettings(await pullSettings(connection)).catch(wiring.logError);
  }
  if (abilities.watchFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
  }
  await session.indexWorkspace();
}

function sessionHost(wiring: Wiring, abilities: ClientAbilities, options: ServerOptions): SessionHost {
  const { connection, logError } = wiring;
  return {
    outputPending: options.outputPending,
    collectYoung: options.collectYoung,
    log: (message) => connection.console.log(message),
    publishDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch(logError),
    progress: async (title) => {
      if (!abilities.reportProgress) return { report: () => undefined, done: () => undefined };
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin(title, 0, 'Starting', false);
      return { report: (percentage, message) => progress.report(percentage, message), done: () => progress.done() };
    },
    indexReady: (params) => void connection.sendNotification(IndexReadyNotification.type, params).catch(logError),
    indexChanged: (params) => void connection.sendNotification(IndexChangedNotification.type, params).catch(logError),
  };
}

async function pullSettings(connection: Connection): Promise<Settings> {
  return readSettings(await connection.workspace.getConfiguration('historyNotes'));
}

/** Settings apply as they change: pulled where the client allows it, else as pushed. */
function followSettings(wiring: Wiring, abilities: ClientAbilities): void {
  wiring.connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { historyNotes?: unknown } | undefined)?.historyNotes;
    const next = abilities.pullConfiguration ? pullSettings(wiring.connection) : Promise.resolve(readSettings(pushed));
    next.then((settings) => wiring.session.updateSettings(settings)).catch(wiring.logError);
  });
}

function followDocuments(wiring: Wiring): void {
  /** TextDocuments reports a change right after each open: that one is not an edit. */
  const justOpened = new Set<string>();
  wiring.documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    wiring.session.opened(document);
  });
  wiring.documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    wiring.session.changed(document);
  });
  wiring.documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    wiring.session.closed(document.uri).catch(wiring.logError);
  });
}
