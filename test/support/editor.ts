// What an editor does around the LspServer harness: opens, changes and closes documents, writes files
// and announces them as a file watcher would, answers configuration, and waits for the server's
// own signals (published diagnostics, index changes).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, Range, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import type { LspServer } from './lspServer';
import { DIST } from './paths';
import { readNote } from './text';

export const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;

function languageOf(file: string): string {
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.json$/i.test(file)) return 'json';
  return 'plaintext';
}

/** Opens a file of the workspace in the "editor" with its text on disk (BOM dropped, as VS Code does). */
export async function openFile(
  server: LspServer,
  file: string,
  text = readNote(server.root, file),
): Promise<{ uri: string; text: string }> {
  const uri = server.uri(file);
  await server.send('textDocument/didOpen', { textDocument: { uri, languageId: languageOf(file), version: 1, text } });
  return { uri, text };
}

/** Replaces a document's whole text (a full-content didChange). */
export async function replaceText(server: LspServer, uri: string, version: number, text: string): Promise<void> {
  await server.send('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

/** An incremental didChange replacing `range` with `text`. */
export async function editRange(server: LspServer, uri: string, version: number, range: Range, text: string): Promise<void> {
  await server.send('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
}

export async function closeFile(server: LspServer, uri: string): Promise<void> {
  await server.send('textDocument/didClose', { textDocument: { uri } });
}

/** Writes a file into the workspace (creating folders), without telling the server. */
export function writeFile(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

export function deleteFile(root: string, file: string): void {
  rmSync(path.join(root, file), { recursive: true, force: true });
}

/** What a file watcher reports: `workspace/didChangeWatchedFiles`. */
export async function announce(server: LspServer, file: string, type: (typeof FileChange)[keyof typeof FileChange]): Promise<void> {
  await server.send('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(file), type }] });
}

/** Waits until the diagnostics last published for `uri` satisfy `check` (re-checked on every message). */
export function diagnosticsWhere(
  server: LspServer,
  uri: string,
  check: (diagnostics: Diagnostic[]) => boolean,
  what: string,
): Promise<Diagnostic[]> {
  return server.until(() => {
    const diagnostics = server.diagnostics.get(uri);
    return diagnostics !== undefined && check(diagnostics) ? diagnostics : undefined;
  }, what);
}

/** Waits for a publishDiagnostics for `uri` sent after this call. Call it before the message that causes it. */
export function nextDiagnostics(server: LspServer, uri: string): Promise<Diagnostic[]> {
  const before = server.diagnostics.get(uri);
  return server.until(() => {
    const diagnostics = server.diagnostics.get(uri);
    return diagnostics !== undefined && diagnostics !== before ? diagnostics : undefined;
  }, `diagnostics for ${uri}`);
}

/** Opens a note and waits for the diagnostics the server publishes for it. */
export async function openWithDiagnostics(server: LspServer, file: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const published = nextDiagnostics(server, server.uri(file));
  const { uri } = await openFile(server, file);
  return { uri, diagnostics: await published };
}

/** From now on, answer `workspace/configuration` with `settings` (the harness answers with its start options until then). */
export function answerConfiguration(server: LspServer, settings: unknown): void {
  server.connection.onRequest('workspace/configuration', () => [settings]);
}

/**
 * The server's answer to `initialize` (its capabilities and semantic-token legend), from a short
 * handshake with its own server process: the harness does not keep the answer.
 */
export async function initializeResult(root: string): Promise<InitializeResult> {
  const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const rootUri = pathToFileURL(root).toString();
    return await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities: {},
    });
  } finally {
    await connection.sendRequest('shutdown', null).catch(() => undefined);
    await connection.sendNotification('exit', null).catch(() => undefined);
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 3000).unref())]);
    if (child.exitCode === null) child.kill();
    connection.dispose();
  }
}

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes `SemanticTokens.data` (relative quintuples) with the server's legend. */
export function decodeSemanticTokens(data: readonly number[], legend: SemanticTokensLegend): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, bits] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    tokens.push({
      line,
      character,
      length,
      type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown there too). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
