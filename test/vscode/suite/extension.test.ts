// In a real VS Code: the language features as a student meets them, through VS Code's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, hoverText, openNote, positionOf } from './helpers';

describe('History Notes in VS Code', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await extensionApi();
    editor = await openNote('terror.txt');
  });

  it('shows a hover card for Kamenev with his dates and trial', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'Kamenev'),
    );
    const text = hoverText(hovers);
    assert.match(text, /Lev Kamenev/);
    assert.match(text, /1883–1936/);
    assert.match(text, /Trial of the Sixteen/);
  });

  it('hover cards are not trusted Markdown', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'Yagoda'),
    );
    const markdown = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.ok(markdown, 'a Markdown hover');
    assert.notEqual(markdown.isTrusted, true);
    assert.notEqual(markdown.supportHtml, true);
  });

  it('goes from the misspelling Zionev to where the notes define Zinoviev', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      positionOf(editor.document, 'Zionev'),
    );
    assert.ok(locations.length > 0, 'a definition');
    const first = locations[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetRange' in first ? first.targetRange : first.range;
    const line = (await vscode.workspace.openTextDocument(uri)).lineAt(range.start.line).text;
    assert.match(line, /Kamenev & Zinoviev/);
  });

  it('opens Stalin, whom no note defines, as a read-only card page, and shows his entry in the pack file on request', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      positionOf(editor.document, 'Stalin became'),
    );
    assert.equal(locations.length, 1);
    const first = locations[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    assert.equal(uri.scheme, 'history-notes-card');
    const page = await vscode.workspace.openTextDocument(uri);
    assert.equal(page.languageId, 'markdown');
    assert.match(page.getText(), /^# Joseph Stalin\n[\s\S]*1878/);
    await vscode.window.showTextDocument(page);
    const json = await vscode.commands.executeCommand<vscode.TextEditor>('historyNotes.showKnowledgeSource');
    assert.match(json.document.uri.path, /soviet-union-1917-1953\.history\.json$/);
    assert.match(json.document.lineAt(json.selection.start.line).text, /"Joseph Stalin"/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    editor = await openNote('terror.txt');
  });

  it('offers Zinoviev first when completing "Zi"', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'history-notes', content: 'Trotsky, Bukharin and Zi' });
    const position = new vscode.Position(0, document.lineAt(0).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const first = list.items[0];
    assert.ok(first, 'completion items');
    assert.equal(typeof first.label === 'string' ? first.label : first.label.label, 'Zinoviev');
  });

  it('finds every reference to Zinoviev, misspellings included', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      editor.document.uri,
      positionOf(editor.document, 'Zinoviev'),
    );
    const texts = await Promise.all(locations.map(async (l) => (await vscode.workspace.openTextDocument(l.uri)).getText(l.range)));
    assert.ok(texts.includes('Zinoviev'), texts.join(', '));
    assert.ok(texts.includes('Zionev'), texts.join(', '));
  });

  it('renames Zinoviev everywhere, as one undoable edit that changes nothing else', async () => {
    const before = editor.document.getText();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      editor.document.uri,
      positionOf(editor.document, 'Zinoviev'),
      'Zinovyev',
    );
    const edits = edit.get(editor.document.uri);
    assert.ok(edits.length >= 2, `edits: ${edits.length}`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!/Zionev|Zinoviev/.test(editor.document.getText()), 'every spelling renamed');
    assert.match(editor.document.getText(), /Kamenev & Zinovyev/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'undo restores the text byte for byte');
  });

  it('reports Zionev with a fix that replaces it', async () => {
    // A document of its own: nothing another test did to the shared editor (an undo still settling) matters here.
    const document = await vscode.workspace.openTextDocument({
      language: 'history-notes',
      content: 'Notes\n\nKamenev and Zionev were tried in 1936.\n',
    });
    await vscode.window.showTextDocument(document);
    const isZionev = (d: vscode.Diagnostic): boolean =>
      d.message.startsWith('Zionev: did you mean Zinoviev') && document.getText(d.range) === 'Zionev';
    const diagnostic = await waitForDiagnostic(document.uri, isZionev);
    const actions = await quickFixes(document.uri, diagnostic.range);
    const replace = actions.find((a) => a.title === "Replace with 'Zinoviev'");
    assert.ok(replace?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.equal(document.getText(), 'Notes\n\nKamenev and Zinoviev were tried in 1936.\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

function quickFixes(uri: vscode.Uri, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

function waitForDiagnostic(uri: vscode.Uri, match: (d: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic> {
  const now = vscode.languages.getDiagnostics(uri).find(match);
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `no matching diagnostic; have: ${
            vscode.languages
              .getDiagnostics(uri)
              .map((d) => d.message)
              .join(' | ') || 'none'
          }`,
        ),
      );
    }, 20000);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      const found = vscode.languages.getDiagnostics(uri).find(match);
      if (!found) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(found);
    });
  });
}
