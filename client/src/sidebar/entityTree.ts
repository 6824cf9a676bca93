// A sidebar view of entities (People, Trials, Causes, or the Timeline): each entity shows its dates
// and its card, opens its definition, and expands to its mentions with the text of each line.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntityItem, EntityKind, MentionItem } from '../../../server/src/protocol';
import type { IndexSource } from './indexSource';
import { openCommand } from './openCommand';

export type TreeNode = { type: 'entity'; entity: EntityItem } | { type: 'mention'; entityId: string; mention: MentionItem };

export interface ViewOptions {
  kinds: EntityKind[];
  /** The timeline lists dated entities in order of date, the date before the name. */
  timeline?: boolean;
}

export class EntityTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly source: IndexSource,
    readonly options: ViewOptions,
  ) {
    this.subscription = source.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const entities = (await this.source.entities()).filter((e) => e.kinds.some((k) => this.options.kinds.includes(k)));
      const shown = this.options.timeline
        ? entities.filter((e) => e.sortDate).sort((a, b) => a.sortDate!.localeCompare(b.sortDate!) || a.name.localeCompare(b.name))
        : entities.sort((a, b) => a.sortName.localeCompare(b.sortName));
      return shown.map((entity) => ({ type: 'entity', entity }));
    }
    if (node.type === 'entity') {
      const mentions = await this.source.mentions(node.entity.id);
      return mentions.map((mention) => ({ type: 'mention', entityId: node.entity.id, mention }));
    }
    return [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.type === 'entity' ? this.entityItem(node.entity) : mentionItem(node.entityId, node.mention);
  }

  private entityItem(entity: EntityItem): vscode.TreeItem {
    const label = this.options.timeline && entity.sortDate ? `${entity.sortDate.slice(0, 4)} · ${entity.name}` : entity.name;
    // Stable ids keep each item's expansion state across refreshes.
    const item = new vscode.TreeItem(
      label,
      entity.mentions + (entity.definition ? 1 : 0) > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `${this.options.timeline ? 'timeline' : this.options.kinds.join('+')}:${entity.id}`;
    // The timeline's label already starts with the year.
    item.description = this.options.timeline ? entity.kind : entity.dates;
    const tooltip = new vscode.MarkdownString(entity.card);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(ICONS[entity.kind]);
    item.contextValue = 'entity';
    if (entity.definition) item.command = openCommand('Go to Definition', entity.definition);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The codicon of each kind, in the sidebar and the find quick pick. */
export const ICONS: Record<EntityKind, string> = {
  person: 'person',
  trial: 'law',
  cause: 'lightbulb',
  event: 'calendar',
  organisation: 'organization',
  place: 'location',
};

function mentionItem(entityId: string, mention: MentionItem): vscode.TreeItem {
  const label: vscode.TreeItemLabel = mention.preview
    ? { label: mention.preview, highlights: [mention.previewHighlight] }
    : { label: '(empty line)' };
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `${entityId}@${mention.uri}#${mention.range.start.line}:${mention.range.start.character}`;
  item.description = `${path.basename(vscode.Uri.parse(mention.uri).fsPath)}:${mention.range.start.line + 1}`;
  item.iconPath = new vscode.ThemeIcon(mention.isDefinition ? 'symbol-key' : 'quote');
  item.tooltip = `${mention.isDefinition ? 'Defined here' : 'Mentioned here'}: ${mention.lineText}`;
  item.command = openCommand('Open', mention);
  return item;
}
