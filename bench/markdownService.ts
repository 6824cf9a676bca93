// The baseline: vscode-markdown-languageservice (the engine of VS Code's own Markdown features) over
// the same folder, in-process, with markdown-it as its parser and an IWorkspace that reads the folder
// from disk. It only understands Markdown, so it runs twice: over the Markdown half of the notes, and
// over every note treated as Markdown (the same bytes the History Notes server indexes).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  createLanguageService,
  githubSlugifier,
  LogLevel,
  type FileStat,
  type IMdLanguageService,
  type IMdParser,
  type ITextDocument,
  type IWorkspace,
} from 'vscode-markdown-languageservice';
import { summarize, type Summary } from './stats';

/** A read-only workspace over one folder: every file with one of `extensions` is a Markdown document. */
export class FolderWorkspace implements IWorkspace {
  private readonly documents = new Map<string, TextDocument>();
  private readonly changed = new Emitter<ITextDocument>();
  private readonly created = new Emitter<ITextDocument>();
  private readonly deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.changed.event;
  readonly onDidCreateMarkdownDocument = this.created.event;
  readonly onDidDeleteMarkdownDocument = this.deleted.event;
  readonly workspaceFolders: readonly URI[];

  constructor(
    private readonly root: string,
    private readonly extensions: readonly string[],
  ) {
    this.workspaceFolders = [URI.file(root)];
  }

  private isMarkdown(file: string): boolean {
    return this.extensions.includes(path.extname(file).slice(1).toLowerCase());
  }

  private async files(): Promise<string[]> {
    const found: string[] = [];
    const folders = [this.root];
    while (folders.length > 0) {
      const folder = folders.pop()!;
      for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) folders.push(full);
        else if (entry.isFile() && this.isMarkdown(full)) found.push(full);
      }
    }
    return found.sort();
  }

  async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
    const documents: ITextDocument[] = [];
    for (const file of await this.files()) {
      const document = await this.openMarkdownDocument(URI.file(file));
      if (document) documents.push(document);
    }
    return documents;
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.documents.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
    const key = resource.toString();
    const open = this.documents.get(key);
    if (open) return open;
    if (resource.scheme !== 'file' || !this.isMarkdown(resource.fsPath)) return undefined;
    try {
      const text = await fs.readFile(resource.fsPath, 'utf8');
      const document = TextDocument.create(key, 'markdown', 1, text);
      this.documents.set(key, document);
      return document;
    } catch {
      return undefined;
    }
  }

  async stat(resource: URI): Promise<FileStat | undefined> {
    if (this.documents.has(resource.toString())) return { isDirectory: false };
    try {
      return { isDirectory: (await fs.stat(resource.fsPath)).isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, FileStat]>> {
    const entries = await fs.readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((e) => [e.name, { isDirectory: e.isDirectory() }] as const);
  }
}

export interface MarkdownServiceRun {
  /** Which files it was given. */
  files: 'markdown' | 'all';
  documents: number;
  /** From creating the service to its first provideWorkspaceSymbols answer (reads and parses every document). */
  firstWorkspaceSymbolsMs: number;
  symbols: number;
  /** getReferences at headings and link fragments of the Markdown notes. */
  references: Summary;
  referencesFound: number;
  /** The first references request builds the workspace's link cache. */
  firstReferencesMs: number;
}

export interface ReferenceTarget {
  /** Relative to the corpus folder. */
  file: string;
  line: number;
  character: number;
}

export async function runMarkdownService(
  root: string,
  files: 'markdown' | 'all',
  targets: readonly ReferenceTarget[],
  timeCapMs: number,
): Promise<MarkdownServiceRun> {
  const extensions = files === 'markdown' ? ['md'] : ['md', 'txt', 'notes', 'markdown'];
  const markdownIt = new MarkdownIt({ html: true });
  const parser: IMdParser = {
    slugifier: githubSlugifier,
    tokenize: (document) => Promise.resolve(markdownIt.parse(document.getText(), {})),
  };
  const token = new CancellationTokenSource().token;

  const started = performance.now();
  const workspace = new FolderWorkspace(root, extensions);
  const service: IMdLanguageService = createLanguageService({
    workspace,
    parser,
    logger: { level: LogLevel.Off, log: () => undefined },
    markdownFileExtensions: extensions,
    excludePaths: [],
  });
  const symbols = await service.getWorkspaceSymbols('', token);
  const firstWorkspaceSymbolsMs = performance.now() - started;

  const samples: number[] = [];
  let found = 0;
  const loopStarted = performance.now();
  for (const target of targets) {
    if (performance.now() - loopStarted > timeCapMs) break;
    const document = await workspace.openMarkdownDocument(URI.file(path.join(root, target.file)));
    if (!document) continue;
    const t0 = performance.now();
    const locations = await service.getReferences(
      document,
      { line: target.line, character: target.character },
      { includeDeclaration: true },
      token,
    );
    samples.push(performance.now() - t0);
    found += locations.length;
  }
  service.dispose();
  return {
    files,
    documents: [...(await workspace.getAllMarkdownDocuments())].length,
    firstWorkspaceSymbolsMs,
    symbols: symbols.length,
    references: summarize(samples),
    referencesFound: found,
    firstReferencesMs: samples[0] ?? NaN,
  };
}
