// Starts the language server (dist/server.js over IPC) for the languages the settings name, and
// restarts it when that list changes or when asked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'historyNotes';

export function documentSelector(): DocumentSelector {
  const languages = vscode.workspace
    .getConfiguration('historyNotes')
    .get<string[]>('languages', ['history-notes', 'markdown', 'plaintext']);
  return languages.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    // Hover cards hold students' own text: never trusted, never HTML.
    markdown: { isTrusted: false, supportHtml: false },
    synchronize: { configurationSection: 'historyNotes' },
    // The server keeps its index here between sessions (VS Code's storage for this workspace, if it has one).
    initializationOptions: { cacheFolder: context.storageUri?.fsPath },
  };
  return new LanguageClient(CLIENT_ID, 'History Notes', serverOptions, clientOptions);
}
