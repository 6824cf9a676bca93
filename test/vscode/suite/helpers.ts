// Shared steps of the in-editor tests: the extension's API, opening fixture notes, waiting for signals.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HistoryNotesApi } from '../../../client/src/extension';

export async function extensionApi(): Promise<HistoryNotesApi> {
  const extension = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'history-notes');
  assert.ok(extension, 'History Notes is not installed in this VS Code');
  const api = (await extension.activate()) as HistoryNotesApi;
  await api.ready();
  return api;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openNote(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** The position inside the `nth` occurrence of `word` in a document. */
export function positionOf(document: vscode.TextDocument, word: string, nth = 1): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(word, at + 1);
    assert.notEqual(at, -1, `'${word}' #${nth} is not in ${document.uri.fsPath}`);
  }
  return document.positionAt(at + 1);
}

/** Resolves when `event` fires with a value `check` accepts; rejects after `timeoutMs` with `what`. */
export function when<T>(event: vscode.Event<T>, check: (value: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!check(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves once `check` holds, re-checked each time `event` fires; rejects after `timeoutMs` with `what`. */
export async function eventually<T>(event: vscode.Event<T>, check: () => Promise<boolean>, what: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
    await when(event, () => true, what, left);
  }
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
