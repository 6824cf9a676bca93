// Wires LSP messages to the session and the feature providers; no logic of its own beyond
// waiting for the first index and applying pending edits before a request is answered.
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions } from './features/codeActions';
import { provideCompletion, type CompletionData } from './features/completion';
import { buildCard, renderMarkdown } from './features/card';
import { provideDefinition } from './features/definition';
import { provideEntities, provideMentions } from './features/entities';
import { provideHover } from './features/hover';
import { provideDocumentHighlights, provideReferences } from './features/references';
import { RenameError, prepareRename, provideRename } from './features/rename';
import { LEGEND, provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols, provideFoldingRanges, provideWorkspaceSymbols } from './features/symbols';
import { acceptVariant } from './features/acceptVariant';
import {
  Commands,
  CoverageRequest,
  EntitiesRequest,
  IndexChangedNotification,
  IndexReadyNotification,
  MentionsRequest,
  RevisionSheetRequest,
  TimelineRequest,
} from './protocol';
import { provideCoverage } from './features/coverage';
import { buildRevisionSheet } from './features/revisionSheet';
import { provideTimeline } from './features/timeline';
import { Session } from './session/session';
import { readSettings, type Settings } from './settings';
import { DiskWorkspace } from './workspace/disk';
import { toPath } from './workspace/files';
import { relativePath } from './workspace/workspace';
import { CancelledError } from './features/cancellation';

export interface ServerOptions {
  /** Where the bundled knowledge files are. */
  dataDir: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let session!: Session;
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canReportProgress = false;
  /** TextDocuments reports a change right after each open: that one is not an edit. */
  const justOpened = new Set<string>();

  let workspace!: DiskWorkspace;
  const describe = (uri: string): string => {
    const file = toPath(uri);
    return relativePath(session.roots, file) ?? path.basename(file);
  };

  /**
   * Applies any pending edit of `uri`, then answers. Requests about one document answer at once from
   * what is indexed so far; workspace-wide ones (no `uri`) wait for the first index.
   */
  const answer =
    <T>(uri: string | undefined, token: CancellationToken | undefined, fallback: T, handler: () => T | Promise<T>) =>
    async (): Promise<T | ResponseError> => {
      if (uri === undefined) await session.ready;
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      session.flush(uri);
      try {
        return await handler();
      } catch (error) {
        if (error instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
        if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
        if (error instanceof ResponseError) return error;
        connection.console.error(`History Notes: ${(error as Error).stack ?? String(error)}`);
        return fallback;
      }
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const roots = (params.workspaceFolders ?? []).map((f) => toPath(f.uri));
    if (roots.length === 0 && params.rootUri) roots.push(toPath(params.rootUri));
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    const initial = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    workspace = new DiskWorkspace(roots);
    session = new Session(sessionHost(), workspace, options.dataDir, initial);
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
  });

  connection.onInitialized(() => {
    void (async () => {
      if (canPullConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'historyNotes' });
        await session.updateSettings(await pullSettings()).catch(logError);
      }
      if (canWatchFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      }
      await session.indexWorkspace();
    })().catch(logError);
  });

  function sessionHost(): ConstructorParameters<typeof Session>[0] {
    return {
      log: (message) => connection.console.log(message),
      publishDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch(logError),
      progress: async (title) => {
        if (!canReportProgress) return { report: () => undefined, done: () => undefined };
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin(title, 0, 'Starting', false);
        return { report: (percentage, message) => progress.report(percentage, message), done: () => progress.done() };
      },
      indexReady: (params) => void connection.sendNotification(IndexReadyNotification.type, params).catch(logError),
      indexChanged: (params) => void connection.sendNotification(IndexChangedNotification.type, params).catch(logError),
    };
  }

  async function pullSettings(): Promise<Settings> {
    return readSettings(await connection.workspace.getConfiguration('historyNotes'));
  }

  function logError(error: unknown): void {
    connection.console.error(`History Notes: ${(error as Error)?.stack ?? String(error)}`);
  }

  connection.onDidChangeConfiguration((change) => {
    const next = canPullConfiguration
      ? pullSettings()
      : Promise.resolve(readSettings((change.settings as { historyNotes?: unknown } | undefined)?.historyNotes));
    next.then((settings) => session.updateSettings(settings)).catch(logError);
  });

  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    session.opened(document);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    session.changed(document);
  });
  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    session.closed(document.uri).catch(logError);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const kinds = {
      [FileChangeType.Created]: 'created',
      [FileChangeType.Changed]: 'changed',
      [FileChangeType.Deleted]: 'deleted',
    } as const;
    workspace.notify(changes.filter((c) => c.uri.startsWith('file:')).map((c) => ({ file: toPath(c.uri), kind: kinds[c.type] })));
  });

  connection.onHover(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, null, () => provideHover(session.index, textDocument.uri, position, describe))(),
  );
  connection.onDefinition(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, [], () => provideDefinition(session.index, textDocument.uri, position))(),
  );
  connection.onDeclaration(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, [], () => provideDefinition(session.index, textDocument.uri, position))(),
  );
  connection.onReferences(({ textDocument, position, context }, token) =>
    answer(textDocument.uri, token, [], () =>
      provideReferences(session.index, textDocument.uri, position, context.includeDeclaration, token),
    )(),
  );
  connection.onDocumentHighlight(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, [], () => provideDocumentHighlights(session.index, textDocument.uri, position))(),
  );
  connection.onPrepareRename(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, null, () => prepareRename(session.index, textDocument.uri, position))(),
  );
  connection.onRenameRequest(({ textDocument, position, newName }, token) =>
    answer(textDocument.uri, token, null, () => provideRename(session.index, textDocument.uri, position, newName))(),
  );

  connection.onCompletion(({ textDocument, position }, token) =>
    answer(textDocument.uri, token, { isIncomplete: false, items: [] }, () => {
      const document = documents.get(textDocument.uri);
      const line =
        document
          ?.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } })
          .replace(/\r?\n$/, '') ?? '';
      return provideCompletion(session.index, line, position);
    })(),
  );
  connection.onCompletionResolve((item) => {
    const data = item.data as CompletionData | undefined;
    const entity = data && session.index.entity(data.id);
    if (entity) item.documentation = { kind: 'markdown', value: renderMarkdown(buildCard(session.index, entity), describe) };
    return item;
  });

  connection.onDocumentSymbol(({ textDocument }, token) =>
    answer(textDocument.uri, token, [], () => provideDocumentSymbols(session.index, textDocument.uri))(),
  );
  connection.onFoldingRanges(({ textDocument }, token) =>
    answer(textDocument.uri, token, [], () => provideFoldingRanges(session.index, textDocument.uri))(),
  );
  connection.onWorkspaceSymbol(({ query }, token) => answer(undefined, token, [], () => provideWorkspaceSymbols(session.index, query))());
  connection.onCodeAction(({ textDocument, range, context }, token) =>
    answer(textDocument.uri, token, [], () =>
      provideCodeActions(session.index, textDocument.uri, range, context.diagnostics, Commands.acceptVariant),
    )(),
  );
  connection.languages.semanticTokens.on(({ textDocument }, token) =>
    answer(textDocument.uri, token, { data: [] }, () => provideSemanticTokens(session.index, textDocument.uri))(),
  );

  connection.onExecuteCommand(({ command, arguments: args }, token) =>
    answer(undefined, token, null, async () => {
      if (command !== Commands.acceptVariant) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}`);
      const [variant, entityId] = (args ?? []) as [unknown, unknown];
      const entity = typeof entityId === 'string' ? session.index.entity(entityId) : undefined;
      if (typeof variant !== 'string' || !entity) return null;
      const context = {
        files: session.userKnowledgeFiles(),
        textOf: (uri: string) => session.textOf(uri),
        folder: session.roots[0],
        exists: async (file: string) => (await workspace.stat(file)) !== undefined,
      };
      const edit = await acceptVariant(context, entity, variant);
      if (!edit) return null;
      const result = await connection.workspace.applyEdit({ label: `Accept '${variant}'`, edit });
      return result.applied;
    })(),
  );

  connection.onRequest(EntitiesRequest.type, (params, token) =>
    answer(undefined, token, { version: 0, entities: [] }, () => provideEntities(session.index, params ?? {}, describe, token))(),
  );
  connection.onRequest(TimelineRequest.type, (params, token) =>
    answer(undefined, token, { version: 0, items: [] }, () => provideTimeline(session.index, params ?? {}, describe, token))(),
  );
  connection.onRequest(CoverageRequest.type, (params, token) =>
    answer(undefined, token, { version: 0, essay: false, groups: [] }, () =>
      provideCoverage(session.index, params.uri, (uri) => session.isEssay(uri)),
    )(),
  );
  connection.onRequest(RevisionSheetRequest.type, (params, token) =>
    answer(undefined, token, { markdown: '' }, () => ({
      markdown: buildRevisionSheet(session.index, params?.scope, scopeTitle(params?.scope, session.roots), describe, token),
    }))(),
  );
  connection.onRequest(MentionsRequest.type, (params, token) =>
    answer(undefined, token, [], () => provideMentions(session.index, params.id))(),
  );

  connection.onShutdown(() => session?.dispose());
  documents.listen(connection);
  connection.listen();
}

/** What a revision sheet is for: the folder's name, else the workspace's. */
function scopeTitle(scope: string | undefined, roots: readonly string[]): string {
  if (scope?.startsWith('file:')) return path.basename(toPath(scope));
  return roots.length > 0 ? path.basename(roots[0]) : 'your notes';
}
