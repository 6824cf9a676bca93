// What clicking a sidebar item does: open the notes where it points (the `historyNotes.openMention` command).
import type * as vscode from 'vscode';
import type { Location } from 'vscode-languageserver-types';

export function openCommand(title: string, { uri, range }: Location): vscode.Command {
  return { command: 'historyNotes.openMention', title, arguments: [uri, range] };
}
