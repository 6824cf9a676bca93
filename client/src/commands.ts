// The extension's commands: find an entity, check names in a file, open the samples, and the
// sidebar's item actions (definition, references, rename, open a mention).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import type { Range as LspRange } from 'vscode-languageserver-types';
import { knowledgeCardId, RevisionSheetRequest, type EntityKind } from '../../server/src/protocol';
import { ICONS, type TreeNode } from './sidebar/entityTree';
import type { IndexSource } from './sidebar/indexSource';

export interface CommandContext {
  context: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  source: IndexSource;
  restart: () => Promise<void>;
}

export function registerCommands({ context, client, source, restart }: CommandContext): void {
  const register = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  register('historyNotes.find', () => findEntity(client()));
  register('historyNotes.checkNames', () => checkNames());
  register('historyNotes.openSamples', () => openSamples(context));
  register('historyNotes.refresh', () => source.invalidate());
  register('historyNotes.restartServer', () => restart());
  register('historyNotes.createRevisionSheet', (folder?: vscode.Uri) => createRevisionSheet(client(), folder));
  register('historyNotes.openMention', (uri: string, range: LspRange) => openAt(uri, range));
  register('historyNotes.goToDefinition', (node: TreeNode) => {
    const target = definitionOf(node);
    return target && openAt(target.uri, target.range);
  });
  register('historyNotes.findReferences', async (node: TreeNode) => {
    const target = await anchorOf(node, source);
    if (!target) return;
    const uri = vscode.Uri.parse(target.uri);
    const position = toRange(target.range).start;
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
    await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations ?? []);
  });
  register('historyNotes.rename', async (node: TreeNode) => {
    const target = await anchorOf(node, source);
    if (!target) return;
    await openAt(target.uri, target.range);
    await vscode.commands.executeCommand('editor.action.rename');
  });
}

/** Opens the revision sheet as a new untitled Markdown document: nothing is written to disk. */
async function createRevisionSheet(client: LanguageClient | undefined, folder: vscode.Uri | undefined): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('History Notes is not running: run "History Notes: Restart Language Server" and try again.');
    return;
  }
  const scope = folder instanceof vscode.Uri ? folder.toString() : undefined;
  const { markdown } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Building the revision sheet…' },
    () => client.sendRequest(RevisionSheetRequest.type, { scope }),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document);
}

function definitionOf(node: TreeNode | undefined): { uri: string; range: LspRange } | undefined {
  if (!node) return undefined;
  if (node.type === 'mention') return node.mention;
  if (node.entity.definition) return node.entity.definition;
  void vscode.window.showInformationMessage(`Your notes do not define ${node.entity.name} yet.`);
  return undefined;
}

/** Where the notes' own providers can answer for an item: its definition, or for a knowledge card page, its first mention. */
async function anchorOf(node: TreeNode | undefined, source: IndexSource): Promise<{ uri: string; range: LspRange } | undefined> {
  const target = definitionOf(node);
  if (!target || node?.type !== 'entity' || knowledgeCardId(target.uri) === undefined) return target;
  const [first] = await source.mentions(node.entity.id);
  if (!first) void vscode.window.showInformationMessage(`Your notes do not mention ${node.entity.name} yet.`);
  return first;
}

export function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function openAt(uri: string, range: LspRange, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return vscode.window.showTextDocument(document, { viewColumn, selection: toRange(range), preview: true });
}

interface EntityPick extends vscode.QuickPickItem {
  symbol: SymbolInformation;
}

/** A quick pick over every entity; the server's fuzzy match finds `Zionev` → Zinoviev, so the editor's own filter is off. */
async function findEntity(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('History Notes is still starting. Try again in a moment.');
    return;
  }
  const pick = vscode.window.createQuickPick<EntityPick>();
  pick.placeholder = 'Type a name, even misspelt: Zionev, Bukarin, Trial of the 21...';
  pick.matchOnDescription = true;
  let generation = 0;
  const update = async (query: string): Promise<void> => {
    const mine = ++generation;
    pick.busy = true;
    const symbols = (await client.sendRequest<SymbolInformation[] | null>('workspace/symbol', { query }).catch(() => null)) ?? [];
    if (mine !== generation) return;
    pick.items = symbols.map((symbol) => ({
      label: `$(${ICONS[symbol.containerName as EntityKind] ?? 'symbol-misc'}) ${symbol.name}`,
      description: symbol.containerName,
      alwaysShow: true,
      symbol,
    }));
    pick.busy = false;
  };
  pick.onDidChangeValue((value) => void update(value));
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void openAt(chosen.symbol.location.uri, chosen.symbol.location.range);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  await update('');
}

async function checkNames(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a note to check the names in it.');
    return;
  }
  const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'History Notes');
  if (problems.length === 0) {
    void vscode.window.showInformationMessage('No misspelt names in this file.');
    return;
  }
  const summary = [...new Set(problems.map((p) => p.message))].slice(0, 5).join('; ');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`${problems.length} misspelt name${problems.length === 1 ? '' : 's'}: ${summary}`);
}

async function openSamples(context: vscode.ExtensionContext): Promise<void> {
  for (const [file, column] of [
    ['great-terror.md', vscode.ViewColumn.Beside],
    ['stalin-terror-and-ww2.txt', vscode.ViewColumn.One],
  ] as const) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(context.extensionUri, 'data', 'samples', file));
    await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  }
}
