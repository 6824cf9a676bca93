// The documents the editor holds open: their text wins over the disk's.
import type { Workspace } from '../workspace/workspace';
import { toPath } from '../workspace/files';

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
  /** Its lines, when it keeps them (see LinesDocument): the index reads them as they are. */
  readonly lines?: readonly string[];
}

export class OpenDocuments {
  private readonly documents = new Map<string, OpenDocument>();

  set(document: OpenDocument): void {
    this.documents.set(document.uri, document);
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  delete(uri: string): boolean {
    return this.documents.delete(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  /** A document's current text: the editor's if it is open, else the workspace's. */
  async textOf(uri: string, workspace: Workspace): Promise<string | undefined> {
    const open = this.documents.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return undefined;
    const read = await workspace.read(toPath(uri));
    return 'text' in read ? read.text : undefined;
  }
}
