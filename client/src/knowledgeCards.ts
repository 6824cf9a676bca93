// Knowledge entries the notes do not define open as read-only card pages (`history-notes-card:/<id>.md`),
// written by the server and kept up to date with the index; a command shows the entry in its pack
// file for those who want the JSON.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { KNOWLEDGE_CARD_SCHEME, KnowledgeCardRequest, knowledgeCardId, type KnowledgeCardResult } from '../../server/src/protocol';
import { openAt } from './commands';

export function registerKnowledgeCards(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  indexChanged: vscode.Event<unknown>,
): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const request = (uri: vscode.Uri): Promise<KnowledgeCardResult | undefined> => requestCard(client(), uri);
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(KNOWLEDGE_CARD_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: async (uri) =>
        (await request(uri))?.markdown ?? 'History Notes is starting: this card appears in a moment.',
    }),
    // A card lists where the notes mention the entry: it follows the notes.
    indexChanged(() => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === KNOWLEDGE_CARD_SCHEME) changed.fire(document.uri);
    }),
    vscode.commands.registerCommand('historyNotes.showKnowledgeSource', async (target?: vscode.Uri) => {
      const uri = target ?? vscode.window.activeTextEditor?.document.uri;
      const source = uri && (await request(uri))?.source;
      if (source) return openAt(source.uri, source.range);
      void vscode.window.showInformationMessage('This is not a knowledge card page.');
      return undefined;
    }),
  );
}

async function requestCard(client: LanguageClient | undefined, uri: vscode.Uri): Promise<KnowledgeCardResult | undefined> {
  const id = knowledgeCardId(uri.toString());
  if (id === undefined || !client?.isRunning()) return undefined;
  const page = await client.sendRequest(KnowledgeCardRequest.type, { id });
  return { markdown: page.markdown || `No knowledge pack that is on has the entry "${id}".`, source: page.source };
}
