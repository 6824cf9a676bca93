// What the timeline shows: the whole workspace, a folder or a note. From the explorer's folder menu
// the folder is given; otherwise a quick pick offers the workspace, the active note and its folder.
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface TimelineScope {
  /** The note or folder; the whole workspace when absent. */
  uri?: vscode.Uri;
  /** `Whole workspace`, `terror.txt` or `notes/`: the panel's title and toolbar say it. */
  label: string;
}

export const WORKSPACE: TimelineScope = { label: 'Whole workspace' };

export function scopeKey(scope: TimelineScope): string {
  return scope.uri?.toString() ?? 'workspace';
}

export async function scopeOf(uri: vscode.Uri): Promise<TimelineScope> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  return stat && stat.type & vscode.FileType.Directory ? folderScope(uri) : { uri, label: path.posix.basename(uri.path) };
}

function folderScope(uri: vscode.Uri): TimelineScope {
  const relative = vscode.workspace.asRelativePath(uri, false);
  const root = vscode.workspace.getWorkspaceFolder(uri);
  const name = root && root.uri.toString() === uri.toString() ? root.name : relative;
  return { uri, label: `${name}/` };
}

interface ScopePick extends vscode.QuickPickItem {
  scope: TimelineScope;
}

/** Asks which scope; undefined if the student dismisses the pick. No pick when there is no note open. */
export async function pickScope(): Promise<TimelineScope | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const picks: ScopePick[] = [{ label: '$(root-folder) Whole workspace', scope: WORKSPACE }];
  if (document && document.uri.scheme === 'file') {
    const note = { uri: document.uri, label: path.posix.basename(document.uri.path) };
    const folder = folderScope(vscode.Uri.joinPath(document.uri, '..'));
    picks.push(
      { label: '$(note) This note', description: vscode.workspace.asRelativePath(document.uri), scope: note },
      { label: '$(folder) This folder', description: folder.label, scope: folder },
    );
  }
  if (picks.length === 1) return WORKSPACE;
  const chosen = await vscode.window.showQuickPick(picks, { title: 'Show Timeline', placeHolder: 'Which notes should the timeline show?' });
  return chosen?.scope;
}
