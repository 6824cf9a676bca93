// Activation: the language client, the sidebar views, the status bar item, the commands and the
// names for Code Spell Checker. Every registration goes into context.subscriptions.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { IndexChangedNotification, IndexReadyNotification, type IndexCounts } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerKnowledgeCards } from './knowledgeCards';
import { createLanguageClient } from './languageClient';
import { PackTreeProvider, choosePack, pickPacks } from './packs';
import { CoverageTreeProvider } from './sidebar/coverageTree';
import { EntityTreeProvider } from './sidebar/entityTree';
import { IndexSource } from './sidebar/indexSource';
import { registerSpellingDictionary } from './spellChecker';
import { IndexStatus } from './statusBar';
import { TimelinePanel } from './timeline/timelinePanel';

/** What the extension exports, for its own tests in VS Code. */
export interface HistoryNotesApi {
  /** Resolves once the server has indexed the workspace (again after a restart). */
  ready(): Promise<IndexCounts>;
  readonly trees: Record<'people' | 'trials' | 'causes' | 'timeline', EntityTreeProvider>;
  readonly source: IndexSource;
  readonly status: IndexStatus;
  readonly packs: PackTreeProvider;
  readonly timeline: TimelinePanel;
  readonly coverage: CoverageTreeProvider;
  client(): LanguageClient | undefined;
  /** Fires with the counts whenever the index changes. */
  readonly onDidChangeIndex: vscode.Event<IndexCounts>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HistoryNotesApi> {
  const output = vscode.window.createOutputChannel('History Notes', { log: true });
  const status = new IndexStatus();
  let client: LanguageClient | undefined;
  const source = new IndexSource(() => client);
  const indexChanged = new vscode.EventEmitter<IndexCounts>();
  let indexed = waitForIndex();
  const packs = new PackTreeProvider();
  context.subscriptions.push(output, status, source, indexChanged, packs);

  const onCounts = (counts: IndexCounts): void => {
    status.show(counts);
    packs.show(counts.packs);
    void vscode.commands.executeCommand('setContext', 'historyNotes.noNotes', counts.notes === 0);
    void vscode.commands.executeCommand('setContext', 'historyNotes.ready', true);
    source.invalidate();
    indexChanged.fire(counts);
  };

  const start = async (): Promise<void> => {
    status.indexing();
    const next = createLanguageClient(context, output);
    next.onNotification(IndexReadyNotification.type, (params) => {
      onCounts(params);
      indexed.resolve(params);
    });
    next.onNotification(IndexChangedNotification.type, onCounts);
    next.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) status.stopped();
      if (newState !== State.Starting) return;
      status.indexing();
      // Also when the client restarts a server that crashed: ready() then waits for the new server's index.
      if (indexed.done) indexed = waitForIndex();
    });
    client = next;
    await next.start();
  };

  const restart = async (): Promise<void> => {
    const previous = client;
    client = undefined;
    await previous?.stop().catch(() => undefined);
    await start();
  };

  const trees = registerEntityTrees(context, source);
  registerPackView(context, packs);
  const timeline = TimelinePanel.register(context, () => client, indexChanged.event);
  const coverage = registerCoverage(context, () => client, indexChanged.event);
  registerKnowledgeCards(context, () => client, indexChanged.event);
  registerSpellingDictionary(context, () => client, indexChanged.event, output);

  registerCommands({ context, client: () => client, source, restart });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Which documents the client serves is fixed when it starts: restart for a new list.
      if (event.affectsConfiguration('historyNotes.languages')) void restart();
    }),
    { dispose: () => void client?.stop() },
  );

  await start().catch((error: unknown) => {
    output.error(`History Notes could not start its language server: ${String(error)}`);
    status.stopped();
  });
  return {
    ready: () => indexed.promise,
    trees,
    source,
    status,
    packs,
    timeline,
    coverage,
    client: () => client,
    onDidChangeIndex: indexChanged.event,
  };
}

/** The People, Trials, Causes and Timeline views. */
function registerEntityTrees(context: vscode.ExtensionContext, source: IndexSource): HistoryNotesApi['trees'] {
  const trees = {
    people: new EntityTreeProvider(source, { kinds: ['person'] }),
    trials: new EntityTreeProvider(source, { kinds: ['trial'] }),
    causes: new EntityTreeProvider(source, { kinds: ['cause'] }),
    timeline: new EntityTreeProvider(source, { kinds: ['event', 'trial'], timeline: true }),
  };
  for (const [name, provider] of Object.entries(trees)) {
    const view = vscode.window.createTreeView(`historyNotes.${name}`, { treeDataProvider: provider, showCollapseAll: true });
    context.subscriptions.push(provider, view);
  }
  return trees;
}

/** The Knowledge Packs view: a tick turns a pack on or off in the workspace settings. */
function registerPackView(context: vscode.ExtensionContext, packs: PackTreeProvider): void {
  const packView = vscode.window.createTreeView('historyNotes.packs', { treeDataProvider: packs });
  context.subscriptions.push(
    packView,
    packView.onDidChangeCheckboxState((event) => {
      for (const [node, state] of event.items)
        if (!('packs' in node)) void choosePack(node.id, state === vscode.TreeItemCheckboxState.Checked);
    }),
    vscode.commands.registerCommand('historyNotes.choosePacks', () => pickPacks(packs.current)),
    vscode.commands.registerCommand(
      'historyNotes.choosePackAutomatically',
      (pack: { id: string } | undefined) => pack && choosePack(pack.id, undefined),
    ),
  );
}

function registerCoverage(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  indexChanged: vscode.Event<IndexCounts>,
): CoverageTreeProvider {
  const coverage = new CoverageTreeProvider(client, indexChanged);
  const coverageView = vscode.window.createTreeView('historyNotes.coverage', { treeDataProvider: coverage });
  coverage.attach(coverageView);
  context.subscriptions.push(coverage, coverageView);
  return coverage;
}

export function deactivate(): void {
  // The client is stopped through context.subscriptions.
}

/** The promise `ready()` hands out, until a server's first index resolves it. */
function waitForIndex(): { promise: Promise<IndexCounts>; resolve(counts: IndexCounts): void; done: boolean } {
  let settle: (counts: IndexCounts) => void = () => undefined;
  const waiting = {
    promise: new Promise<IndexCounts>((resolve) => (settle = resolve)),
    resolve: (counts: IndexCounts) => {
      waiting.done = true;
      settle(counts);
    },
    done: false,
  };
  return waiting;
}
