// Knowledge packs on the client: the setting that turns them on or off (written only when the user
// asks, in the workspace's settings), the sidebar view with a checkbox per pack under its theme, and
// the quick pick.
import * as vscode from 'vscode';
import type { PackState } from '../../server/src/protocol';

const SETTING = 'knowledgePacks';

/** Sets one pack on, off, or (undefined) back to being chosen by the notes. */
export async function choosePack(id: string, on: boolean | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('historyNotes');
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = {
    ...(config.inspect<Record<string, boolean>>(SETTING)?.[
      target === vscode.ConfigurationTarget.Workspace ? 'workspaceValue' : 'globalValue'
    ] ?? {}),
  };
  if (on === undefined) delete current[id];
  else current[id] = on;
  await config.update(SETTING, Object.keys(current).length > 0 ? current : undefined, target);
}

/** "History Notes: Choose Knowledge Packs": tick the packs to use. */
export async function pickPacks(packs: readonly PackState[]): Promise<void> {
  if (packs.length === 0) {
    void vscode.window.showInformationMessage('History Notes has not read the knowledge packs yet: wait for the index, then try again.');
    return;
  }
  const items = themesOf(packs).flatMap(({ theme, packs: inTheme }) => [
    { label: theme, kind: vscode.QuickPickItemKind.Separator },
    ...inTheme.map((pack) => ({ label: pack.name, description: describePack(pack), picked: pack.active, pack })),
  ]);
  const picked = await vscode.window.showQuickPick<(typeof items)[number]>(items, {
    canPickMany: true,
    title: 'Knowledge packs to use',
    placeHolder: 'Ticked packs give cards and names; the others stay out of your notes',
  });
  if (!picked) return;
  const on = new Set(picked.flatMap((item) => ('pack' in item ? [item.pack.id] : [])));
  for (const pack of packs) if (on.has(pack.id) !== pack.active) await choosePack(pack.id, on.has(pack.id));
}

export function describePack(pack: PackState): string {
  const named = `${pack.peopleNamed} of its people in your notes`;
  return pack.chosenBy === 'setting'
    ? `${pack.active ? 'on' : 'off'} by your choice · ${named}`
    : `${pack.active ? 'on' : 'off'} automatically · ${named}`;
}

/** A theme in the Knowledge Packs view, with its packs in the order of their periods. */
export interface PackTheme {
  theme: string;
  packs: PackState[];
}

export type PackNode = PackTheme | PackState;

/** The packs by theme, the themes in the order of their first period (Britain from 1485 first). */
export function themesOf(packs: readonly PackState[]): PackTheme[] {
  const themes = new Map<string, PackState[]>();
  for (const pack of packs) themes.set(pack.theme, [...(themes.get(pack.theme) ?? []), pack]);
  return [...themes].map(([theme, inTheme]) => ({ theme, packs: inTheme }));
}

/** The sidebar's "Knowledge Packs" view. */
export class PackTreeProvider implements vscode.TreeDataProvider<PackNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private packs: readonly PackState[] = [];

  show(packs: readonly PackState[]): void {
    this.packs = packs;
    this.changed.fire(undefined);
  }

  get current(): readonly PackState[] {
    return this.packs;
  }

  getChildren(node?: PackNode): PackNode[] {
    if (!node) return themesOf(this.packs);
    return 'packs' in node ? node.packs : [];
  }

  getTreeItem(node: PackNode): vscode.TreeItem {
    if ('packs' in node) {
      const theme = new vscode.TreeItem(node.theme, vscode.TreeItemCollapsibleState.Expanded);
      theme.id = `theme:${node.theme}`;
      theme.description = `${node.packs.filter((p) => p.active).length} of ${node.packs.length} on`;
      return theme;
    }
    const pack = node;
    const item = new vscode.TreeItem(pack.name);
    item.id = pack.id;
    item.description = pack.chosenBy === 'setting' ? `${pack.peopleNamed} named · your choice` : `${pack.peopleNamed} named · auto`;
    item.tooltip =
      `${pack.name}: ${describePack(pack)}. Untick to keep its names out of your notes; "Choose Automatically" lets your ` +
      `notes decide again.`;
    item.checkboxState = pack.active ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.contextValue = pack.chosenBy === 'setting' ? 'pack-chosen' : 'pack-auto';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
