// In a real VS Code: the timeline panel draws the notes' dated entities in lanes (its webview reports
// what it drew), narrows to one note, opens a definition on a click, and follows edits.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryNotesApi } from '../../../client/src/extension';
import type { RenderedMessage } from '../../../client/src/timeline/messages';
import { extensionApi, when, workspaceFile } from './helpers';

describe('History Notes timeline panel', () => {
  let api: HistoryNotesApi;

  before(async () => {
    api = await extensionApi();
  });

  after(() => {
    api.timeline.panel?.dispose();
  });

  /** Runs the command as the explorer's menu does, and waits for the webview to draw that scope. */
  async function showTimeline(target: vscode.Uri): Promise<RenderedMessage> {
    const drawn = when(
      api.timeline.onDidRender,
      (m) => m.scope === target.toString() && m.count > 0,
      `the timeline of ${target.path} to draw`,
      40000,
    );
    await vscode.commands.executeCommand('historyNotes.showTimeline', target);
    return drawn;
  }

  function lane(rendered: RenderedMessage, title: string): string[] {
    const found = rendered.lanes.find((l) => l.title === title);
    assert.ok(found, `no ${title} lane among ${rendered.lanes.map((l) => l.title).join(', ')}`);
    return found.names;
  }

  it('draws the workspace in lanes by kind, the Moscow trials in date order', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const rendered = await showTimeline(folder);
    assert.equal(api.timeline.panel?.title, `Timeline: ${path.basename(folder.path)}/`);
    assert.equal(rendered.count, api.timeline.lastItems.length);
    assert.deepEqual(rendered.lanes.map((l) => l.title).slice(0, 3), ['People', 'Trials', 'Events']);
    const trials = lane(rendered, 'Trials');
    const order = ['Trial of the Sixteen', 'Trial of the Seventeen', 'Trial of the Twenty-One'].map((name) => trials.indexOf(name));
    assert.ok(
      order.every((at) => at >= 0),
      trials.join(', '),
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      trials.join(', '),
    );
    // The first dozen by birth: the French notes' people come before the Bolsheviks.
    assert.ok(lane(rendered, 'People').includes('Maximilien Robespierre'), lane(rendered, 'People').join(', '));
    assert.ok(lane(rendered, 'Events').includes('Estates-General meets'), 'the other note is in the workspace');
  });

  it('narrows to one note', async () => {
    const note = workspaceFile('terror.md');
    const rendered = await showTimeline(note);
    assert.equal(api.timeline.panel?.title, 'Timeline: terror.md');
    const names = api.timeline.lastItems.map((i) => i.name);
    assert.ok(names.includes('Trial of the Twenty-One'), names.join(', '));
    assert.ok(!names.includes('Estates-General meets'), 'an event of another note');
    assert.equal(rendered.count, names.length);
  });

  it('opens the definition of a clicked item beside the panel', async () => {
    const trial = api.timeline.lastItems.find((i) => i.name === 'Trial of the Seventeen');
    assert.ok(trial?.definition, 'the notes define the Trial of the Seventeen');
    const editor = await api.timeline.handleMessage({ type: 'open', id: trial.id });
    assert.ok(editor, 'no editor opened');
    assert.equal(editor.document.uri.toString(), trial.definition.uri);
    assert.equal(path.basename(editor.document.uri.path), 'terror.md');
    assert.equal(editor.selection.start.line, trial.definition.range.start.line);
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /Trial of the 17/);
    assert.notEqual(editor.viewColumn, api.timeline.panel?.viewColumn, 'the timeline stays in view');
  });

  it('follows an edit to the notes', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const before = await showTimeline(folder);
    const document = await vscode.workspace.openTextDocument(workspaceFile('terror.txt'));
    // Beside the panel, so its webview stays visible while the note changes.
    const column = api.timeline.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column });
    const at = document.positionAt(document.getText().indexOf('  • 1941 – Operation Barbarossa'));
    const added = when(
      api.timeline.onDidRender,
      (m) => m.scope === folder.toString() && m.count === before.count + 1,
      'the new event on the timeline',
      40000,
    );
    await editor.edit((b) => b.insert(at, '  • 1939 – Nazi-Soviet Pact signed\n'));
    await added;
    assert.ok(api.timeline.lastItems.some((i) => i.name === 'Molotov-Ribbentrop Pact' && i.start === '1939-08-23'));
    const removed = when(
      api.timeline.onDidRender,
      (m) => m.scope === folder.toString() && m.count === before.count,
      'the event to go after undo',
      40000,
    );
    await vscode.commands.executeCommand('undo');
    await removed;
  });
});
