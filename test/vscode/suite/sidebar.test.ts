// In a real VS Code: the sidebar's tree providers list the notes' people, trials and causes, open
// the right line, and follow edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HistoryNotesApi } from '../../../client/src/extension';
import type { TreeNode } from '../../../client/src/sidebar/entityTree';
import { eventually, extensionApi, openNote, when } from './helpers';

describe('History Notes sidebar', () => {
  let api: HistoryNotesApi;

  before(async () => {
    api = await extensionApi();
  });

  async function names(tree: keyof HistoryNotesApi['trees']): Promise<string[]> {
    const nodes = await api.trees[tree].getChildren();
    return nodes.map((n) => (n.type === 'entity' ? n.entity.name : ''));
  }

  it('lists people, trials and causes from the notes', async () => {
    assert.ok((await names('people')).includes('Lev Kamenev'));
    assert.ok((await names('trials')).includes('Trial of the Twenty-One'));
    assert.ok((await names('causes')).some((n) => /paranoia/i.test(n)));
    assert.ok(!(await names('people')).includes('Moscow'), 'no place among the people');
  });

  it('shows dates and the card on each item', async () => {
    const kamenev = (await api.trees.people.getChildren()).find((n) => n.type === 'entity' && n.entity.name === 'Lev Kamenev')!;
    const item = api.trees.people.getTreeItem(kamenev);
    assert.equal(item.description, '1883–1936');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Trial of the Sixteen/);
  });

  it('orders the timeline by date', async () => {
    const nodes = await api.trees.timeline.getChildren();
    const dates = nodes.map((n) => (n.type === 'entity' ? (n.entity.sortDate ?? '') : ''));
    assert.ok(dates.length > 3);
    assert.deepEqual(dates, [...dates].sort());
  });

  it('expands an entity into its mentions, and a click opens that line', async () => {
    const zinoviev = (await api.trees.people.getChildren()).find((n) => n.type === 'entity' && n.entity.id === 'zinoviev')!;
    const mentions = (await api.trees.people.getChildren(zinoviev)) as Extract<TreeNode, { type: 'mention' }>[];
    const misspelt = mentions.find((m) => m.mention.lineText.includes('Zionev'));
    assert.ok(misspelt, mentions.map((m) => m.mention.lineText).join(' | '));
    const command = api.trees.people.getTreeItem(misspelt).command!;
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.selection.start.line, misspelt.mention.range.start.line);
    assert.equal(editor.document.uri.toString(), misspelt.mention.uri);
  });

  it('follows an edit to a note', async () => {
    const editor = await openNote('terror.txt');
    const line = editor.document.lineCount;
    await editor.edit((b) =>
      b.insert(new vscode.Position(line, 0), '\nCauses of the Purges\n\n  • Fear of spies – Stalin saw enemies everywhere.\n'),
    );
    await eventually(api.onDidChangeIndex, async () => (await names('causes')).includes('Fear of spies'), 'the new cause in the sidebar');
    await vscode.commands.executeCommand('undo');
    await eventually(api.onDidChangeIndex, async () => !(await names('causes')).includes('Fear of spies'), 'the cause to go after undo');
  });

  it('shows the knowledge packs, the Soviet one on, and follows the setting without a reload', async () => {
    const soviet = api.packs.current.find((p) => p.id === 'soviet-union-1917-1953');
    assert.ok(soviet?.active, JSON.stringify(api.packs.current));
    assert.equal(api.packs.getTreeItem(soviet).checkboxState, vscode.TreeItemCheckboxState.Checked);
    assert.match(api.status.tooltip, /Knowledge packs on: .*Soviet Union 1917-1953/);
    const germany = 'germany-1918-1945';
    assert.equal(api.packs.current.find((p) => p.id === germany)?.active, false);

    // As a student would in the settings: turn the Germany pack on.
    await vscode.workspace
      .getConfiguration('historyNotes')
      .update('knowledgePacks', { [germany]: true }, vscode.ConfigurationTarget.Workspace);
    const on = await when(
      api.onDidChangeIndex,
      (counts) => counts.packs.some((p) => p.id === germany && p.active),
      'the Germany pack to turn on',
    );
    assert.equal(on.packs.find((p) => p.id === germany)?.chosenBy, 'setting');
    const item = api.packs.getTreeItem(api.packs.current.find((p) => p.id === germany)!);
    assert.equal(item.checkboxState, vscode.TreeItemCheckboxState.Checked);
    assert.equal(item.contextValue, 'pack-chosen');

    // The item's "Choose Automatically" action hands it back to the notes, which do not name its people.
    await vscode.commands.executeCommand('historyNotes.choosePackAutomatically', { id: germany });
    const auto = await when(
      api.onDidChangeIndex,
      (counts) => counts.packs.some((p) => p.id === germany && p.chosenBy === 'auto'),
      'the Germany pack to be chosen by the notes again',
    );
    assert.equal(auto.packs.find((p) => p.id === germany)?.active, false);
    assert.equal(vscode.workspace.getConfiguration('historyNotes').inspect('knowledgePacks')?.workspaceValue, undefined);
  });
});
