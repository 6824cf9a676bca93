// The timeline panel ("History Notes: Show Timeline"): one webview that draws the dated entities of a
// scope (the workspace, a folder or a note), posts them again whenever the index changes, and opens an
// item's definition when the webview reports a click.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type IndexCounts, type TimelineItem } from '../../../server/src/protocol';
import { openAt } from '../commands';
import { isFromWebview, type ItemsMessage, type RenderedMessage } from './messages';
import { pickScope, scopeKey, scopeOf, type TimelineScope } from './scope';
import { timelineHtml, timelineMedia } from './timelineHtml';

export class TimelinePanel implements vscode.Disposable {
  static readonly viewType = 'historyNotes.timelinePanel';

  static register(
    context: vscode.ExtensionContext,
    client: () => LanguageClient | undefined,
    onDidChangeIndex: vscode.Event<IndexCounts>,
  ): TimelinePanel {
    const panel = new TimelinePanel(context, client, onDidChangeIndex);
    context.subscriptions.push(
      panel,
      // From the explorer's folder menu the folder comes first (then the selection); otherwise ask.
      vscode.commands.registerCommand('historyNotes.showTimeline', async (target?: unknown) => {
        const scope = target instanceof vscode.Uri ? await scopeOf(target) : await pickScope();
        if (scope) await panel.show(scope);
      }),
    );
    return panel;
  }

  private webviewPanel?: vscode.WebviewPanel;
  private scopeNow?: TimelineScope;
  private message?: ItemsMessage;
  private items: readonly TimelineItem[] = [];
  private generation = 0;
  private readonly rendered = new vscode.EventEmitter<RenderedMessage>();
  private readonly subscriptions: vscode.Disposable[] = [this.rendered];
  /** Fires when the webview reports it has drawn the items it was sent. */
  readonly onDidRender = this.rendered.event;

  private constructor(
    readonly context: vscode.ExtensionContext,
    readonly client: () => LanguageClient | undefined,
    onDidChangeIndex: vscode.Event<IndexCounts>,
  ) {
    this.subscriptions.push(onDidChangeIndex(() => void this.refresh()));
  }

  /** The open panel, if any. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.webviewPanel;
  }

  get scope(): TimelineScope | undefined {
    return this.scopeNow;
  }

  /** The items last posted to the webview, in the server's order (by start date). */
  get lastItems(): readonly TimelineItem[] {
    return this.items;
  }

  /** Opens the panel on `scope` (or turns the open one to it) and posts its items. */
  async show(scope: TimelineScope): Promise<void> {
    this.scopeNow = scope;
    const panel = this.webviewPanel ?? this.createPanel();
    panel.title = `Timeline: ${scope.label}`;
    panel.reveal();
    await this.refresh();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(TimelinePanel.viewType, 'Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [timelineMedia(this.context.extensionUri)],
    });
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', 'activity.svg');
    panel.webview.html = timelineHtml(panel.webview, this.context.extensionUri);
    const listening = panel.webview.onDidReceiveMessage((message) => void this.handleMessage(message));
    panel.onDidDispose(() => {
      listening.dispose();
      this.webviewPanel = undefined;
      this.message = undefined;
      this.items = [];
    });
    this.webviewPanel = panel;
    return panel;
  }

  /** Asks the server for the scope's items and posts them; a newer refresh wins over an older one. */
  async refresh(): Promise<void> {
    const scope = this.scopeNow;
    if (!this.webviewPanel || !scope) return;
    const mine = ++this.generation;
    const client = this.client();
    const starting = !client?.isRunning();
    const nothing = { version: 0, items: [] };
    const result =
      client && !starting ? await client.sendRequest(TimelineRequest.type, { scope: scope.uri?.toString() }).catch(() => nothing) : nothing;
    if (mine !== this.generation || !this.webviewPanel) return;
    this.items = result.items;
    this.message = {
      type: 'items',
      scope: scopeKey(scope),
      title: scope.label,
      version: result.version,
      items: result.items.map(({ definition, ...item }) => ({
        ...item,
        target: definition && `${path.posix.basename(vscode.Uri.parse(definition.uri).path)}:${definition.range.start.line + 1}`,
      })),
      starting,
    };
    await this.webviewPanel.webview.postMessage(this.message);
  }

  /** What the webview sends: `ready` (it (re)loaded), `rendered`, or `open` (an item was clicked). */
  async handleMessage(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (!isFromWebview(message)) return undefined;
    if (message.type === 'ready' && this.message) await this.webviewPanel?.webview.postMessage(this.message);
    if (message.type === 'rendered') this.rendered.fire(message);
    if (message.type === 'open') return this.open(message.id);
    return undefined;
  }

  /** Opens an item's definition beside the panel, so the timeline stays in view. */
  private async open(id: string): Promise<vscode.TextEditor | undefined> {
    const item = this.items.find((i) => i.id === id);
    if (!item) return undefined;
    if (!item.definition) {
      void vscode.window.showInformationMessage(`Your notes do not define ${item.name} yet.`);
      return undefined;
    }
    const panelColumn = this.webviewPanel?.viewColumn;
    const column =
      vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== panelColumn)?.viewColumn ??
      vscode.ViewColumn.Beside;
    return openAt(item.definition.uri, item.definition.range, column);
  }

  dispose(): void {
    this.webviewPanel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
