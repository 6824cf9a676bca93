// The sidebar's view of the server's index: entities and mentions on request, cached per index
// version, and an event when the index changed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntitiesRequest, MentionsRequest, type EntityItem, type MentionItem } from '../../../server/src/protocol';

export class IndexSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private cache?: Promise<EntityItem[]>;
  private mentionCache = new Map<string, Promise<MentionItem[]>>();

  constructor(private client: () => LanguageClient | undefined) {}

  /** The index changed: forget what was fetched and tell the views. */
  invalidate(): void {
    this.cache = undefined;
    this.mentionCache.clear();
    this.changed.fire();
  }

  entities(): Promise<EntityItem[]> {
    const client = this.client();
    if (!client?.isRunning()) return Promise.resolve([]);
    this.cache ??= client.sendRequest(EntitiesRequest.type, {}).then(
      (result) => result.entities,
      () => [],
    );
    return this.cache;
  }

  mentions(id: string): Promise<MentionItem[]> {
    const client = this.client();
    if (!client?.isRunning()) return Promise.resolve([]);
    let mentions = this.mentionCache.get(id);
    if (!mentions) {
      mentions = client.sendRequest(MentionsRequest.type, { id }).then(
        (items) => items,
        () => [],
      );
      this.mentionCache.set(id, mentions);
    }
    return mentions;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
