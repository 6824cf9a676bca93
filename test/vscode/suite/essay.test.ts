// In a real VS Code: the Essay Coverage view follows the essay in the editor, marks what it uses
// and leaves out, opens an unused cause's definition; the revision sheet opens as an untitled page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HistoryNotesApi } from '../../../client/src/extension';
import type { CoverageNode } from '../../../client/src/sidebar/coverageTree';
import type { CoverageResult } from '../../../server/src/protocol';
import { extensionApi, when, workspaceFile } from './helpers';

const ESSAY = 'essays/coverage-essay.md';
const TEXT = "# Why the Terror?\n\nStalin's paranoia and Lenin's police state explain the Trial of the 16 and the fate of Kamenev.\n";

describe('History Notes essay companion', () => {
  let api: HistoryNotesApi;

  before(async () => {
    api = await extensionApi();
    await vscode.commands.executeCommand('historyNotes.coverage.focus');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('essays'), { recursive: true, useTrash: false });
  });

  function coverageOf(check: (result: CoverageResult) => boolean, what: string): Promise<CoverageResult> {
    const now = api.coverage.current;
    if (now && check(now)) return Promise.resolve(now);
    return when(api.coverage.onDidUpdate, (result) => result !== undefined && check(result), what) as Promise<CoverageResult>;
  }

  it('marks what an essay uses and leaves out, and opens an unused cause where the notes define it', async () => {
    await vscode.workspace.fs.writeFile(workspaceFile(ESSAY), Buffer.from(TEXT));
    const document = await vscode.workspace.openTextDocument(workspaceFile(ESSAY));
    await vscode.window.showTextDocument(document);
    const result = await coverageOf((r) => r.groups.some((g) => g.kind === 'cause' && g.used.length >= 2), 'coverage of the essay');
    const causes = result.groups.find((g) => g.kind === 'cause')!;
    assert.match(causes.summary, /^2 of \d+ causes of the Great Terror used$/);

    // What the view shows: the group with its count, used items ticked, unused ones clickable.
    const roots = api.coverage.getChildren();
    const group = roots.find((n): n is Extract<CoverageNode, { type: 'group' }> => n.type === 'group' && n.group.kind === 'cause')!;
    assert.match(String(api.coverage.getTreeItem(group).description), /^2 of \d+ used$/);
    const items = api.coverage.getChildren(group) as Extract<CoverageNode, { type: 'item' }>[];
    const paranoia = items.find((n) => n.item.name === "Stalin's paranoia")!;
    assert.equal(api.coverage.getTreeItem(paranoia).description, 'used 1×');
    const unused = items.find((n) => !n.used)!;
    const item = api.coverage.getTreeItem(unused);
    assert.equal(item.description, 'not used yet');
    await vscode.commands.executeCommand(item.command!.command, ...((item.command!.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), unused.item.definition!.uri);
    assert.equal(editor.selection.start.line, unused.item.definition!.range.start.line);
  });

  it('follows an edit to the essay', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(ESSAY)));
    // Back on the essay (the last test left the definition's note in front).
    const shown = await coverageOf((r) => r.groups.some((g) => g.kind === 'cause'), 'coverage of the essay again');
    const before = shown.groups.find((g) => g.kind === 'cause')!;
    const next = before.unused[0];
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\n${next.name} mattered too.\n`));
    const after = await coverageOf(
      (r) => r.groups.some((g) => g.kind === 'cause' && g.used.some((i) => i.id === next.id)),
      `${next.name} to count as used`,
    );
    assert.equal(after.groups.find((g) => g.kind === 'cause')!.used.length, before.used.length + 1);
    await vscode.commands.executeCommand('undo');
  });

  it('flags a wrong year in the essay with its evidence, and fixes it to the recorded one', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(ESSAY)));
    await editor.edit((b) =>
      b.insert(new vscode.Position(editor.document.lineCount, 0), '\nThe Trial of the 21 in 1936 was the last of the three.\n'),
    );
    const isWrongYear = (d: vscode.Diagnostic): boolean => d.code === 'chronology' && editor.document.getText(d.range) === '1936';
    const found = () => vscode.languages.getDiagnostics(editor.document.uri).find(isWrongYear);
    const diagnostic =
      found() ??
      (await when(vscode.languages.onDidChangeDiagnostics, () => found() !== undefined, 'the wrong year to be flagged').then(found))!;
    assert.equal(diagnostic.message, 'Trial of the Twenty-One: 2–13 March 1938, not 1936 (Soviet Union 1917-1953 knowledge)');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.relatedInformation?.[0]?.location.uri.path ?? '', /soviet-union-1917-1953\.history\.json$/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Change 1936 to 1938');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /The Trial of the 21 in 1938 was the last/);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
  });

  it('opens a revision sheet as an untitled Markdown page, writing no file', async () => {
    const opened = when(vscode.window.onDidChangeActiveTextEditor, (editor) => editor?.document.isUntitled === true, 'the revision sheet');
    await vscode.commands.executeCommand('historyNotes.createRevisionSheet');
    const editor = (await opened)!;
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^# Revision sheet: /);
    assert.match(text, /\| Lev Kamenev \| 1883–1936 \|/);
    assert.match(text, /## Timeline/);
    assert.match(text, /### Causes of the Great Terror/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
