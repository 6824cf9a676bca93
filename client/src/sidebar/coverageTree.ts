// The "Essay Coverage" view: for the essay in the active editor, what the rest of the notes hold
// (causes by section, trials, people, events), each marked used (with how often) or not; a click
// on an unused one opens where the notes define it.
import * as vscode from 'vscode';
import { openCommand } from './openCommand';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CoverageRequest,
  type CoverageGroup,
  type CoverageItem,
  type CoverageResult,
  type IndexCounts,
} from '../../../server/src/protocol';

export type CoverageNode = { type: 'group'; group: CoverageGroup } | { type: 'item'; item: CoverageItem; used: boolean };

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<CoverageResult | undefined>();
  /** Fires after each update with the coverage shown (undefined when no essay is open). */
  readonly onDidUpdate = this.updated.event;
  private readonly subscriptions: vscode.Disposable[];
  private view?: vscode.TreeView<CoverageNode>;
  private essayUri?: string;
  private result?: CoverageResult;
  private generation = 0;
  /** Asked for while the view was hidden: a big folder need not pay for a view nobody looks at. */
  private stale = false;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    onDidChangeIndex: vscode.Event<IndexCounts>,
  ) {
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => void this.update()), onDidChangeIndex(() => void this.update())];
  }

  attach(view: vscode.TreeView<CoverageNode>): void {
    this.view = view;
    this.subscriptions.push(view.onDidChangeVisibility(({ visible }) => visible && this.stale && void this.update()));
    void this.update();
  }

  get current(): CoverageResult | undefined {
    return this.result;
  }

  /** Asks the server about the active editor's document, if it is a note. */
  async update(): Promise<void> {
    if (this.view && !this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    // Keep showing the last essay while another kind of editor (output, settings) is active.
    const uri = document && document.uri.scheme === 'file' ? document.uri.toString() : this.essayUri;
    let result: CoverageResult | undefined;
    if (uri && client?.isRunning()) result = await client.sendRequest(CoverageRequest.type, { uri }).catch(() => undefined);
    if (generation !== this.generation) return;
    this.essayUri = result?.essay ? uri : undefined;
    this.result = result?.essay ? result : undefined;
    if (this.view) {
      this.view.description = this.result && uri ? vscode.workspace.asRelativePath(vscode.Uri.parse(uri)) : undefined;
      this.view.message = this.result
        ? undefined
        : 'Open an essay to see which causes, trials, people and events from your notes it uses. An essay has `essay: ' +
          'true` in its front matter, or sits in a folder matched by the historyNotes.essays setting (by default, ' +
          'folders named essays).';
    }
    void vscode.commands.executeCommand('setContext', 'historyNotes.essayOpen', this.result !== undefined);
    this.changed.fire(undefined);
    this.updated.fire(this.result);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!this.result) return [];
    if (!node) return this.result.groups.map((group) => ({ type: 'group', group }));
    if (node.type === 'group')
      return [
        ...node.group.used.map((item) => ({ type: 'item', item, used: true }) as const),
        ...node.group.unused.map((item) => ({ type: 'item', item, used: false }) as const),
      ];
    return [];
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.group.title, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.group.usedCount} of ${node.group.total} used`;
      item.tooltip = node.group.summary;
      item.id = `group:${node.group.kind}:${node.group.title}`;
      return item;
    }
    const { item: entry, used } = node;
    const item = new vscode.TreeItem(entry.name);
    item.id = `item:${entry.id}`;
    item.description = used ? `used ${entry.mentions}×` : 'not used yet';
    item.iconPath = new vscode.ThemeIcon(
      used ? 'pass-filled' : 'circle-large-outline',
      new vscode.ThemeColor(used ? 'testing.iconPassed' : 'disabledForeground'),
    );
    item.tooltip = used
      ? `${entry.name}: your essay names it ${entry.mentions} time${entry.mentions === 1 ? '' : 's'}.`
      : `${entry.name}: in your notes, not in this essay. Click to open where your notes define it.`;
    if (entry.definition) item.command = openCommand('Open Definition', entry.definition);
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.updated.dispose();
  }
}
