// What the message handlers share: the connection, the editor's documents, the session once
// `initialize` made it, and `answer`, which every request goes through.
import * as path from 'node:path';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver/node';
import { CancelledError } from './features/cancellation';
import { RenameError } from './features/rename';
import type { LinesDocument } from './session/linesDocument';
import type { Session } from './session/session';
import type { DiskWorkspace } from './workspace/disk';
import { toPath } from './workspace/files';
import { relativePath } from './workspace/workspace';

export class Wiring {
  session!: Session;
  workspace!: DiskWorkspace;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<LinesDocument>,
  ) {}

  /** A note's path for people: relative to its workspace folder, else its name. */
  readonly describe = (uri: string): string => {
    const file = toPath(uri);
    return relativePath(this.session.roots, file) ?? path.basename(file);
  };

  /**
   * Applies any pending edit of `uri`, then answers. Requests about one document answer at once from
   * what is indexed so far; workspace-wide ones (no `uri`) wait for the first index. A cancelled
   * request answers "cancelled"; an unexpected error is logged and answers `fallback`.
   */
  async answer<T>(
    uri: string | undefined,
    token: CancellationToken | undefined,
    fallback: T,
    handler: () => T | Promise<T>,
  ): Promise<T | ResponseError> {
    if (uri === undefined) await this.session.ready;
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    this.session.answering(uri);
    try {
      return await handler();
    } catch (error) {
      if (error instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
      if (error instanceof ResponseError) return error;
      this.logError(error);
      return fallback;
    } finally {
      this.session.answered();
    }
  }

  /**
   * Answers a request that reads no note (completionItem/resolve) at once, even during the first
   * index. Background work still waits for its answer to be written: else a slice could run between
   * handling it and writing the answer.
   */
  answerAside<T>(handler: () => T): T {
    this.session.answeringAside();
    try {
      return handler();
    } finally {
      this.session.answered();
    }
  }

  readonly logError = (error: unknown): void => {
    this.connection.console.error(`History Notes: ${(error as Error)?.stack ?? String(error)}`);
  };
}
