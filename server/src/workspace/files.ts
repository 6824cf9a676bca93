// Finding and reading notes and knowledge files on disk: globs, size limits, binary files, BOMs.
// Shared by the CLI and the server; file paths stop here, the index sees URIs.
import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { NotesFormat } from '../notes/model';
import type { FileStat } from './workspace';

export interface FileSettings {
  include: string[];
  exclude: string[];
  knowledge: string[];
}

export const DEFAULT_FILE_SETTINGS: FileSettings = {
  include: ['**/*.notes', '**/*.txt', '**/*.md', '**/*.markdown'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.*/**'],
  knowledge: ['**/*.history.json'],
};

/** Files larger than this are skipped with a log line: notes are text a person wrote. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export interface FoundFiles {
  notes: string[];
  knowledge: string[];
}

export class FileMatcher {
  private readonly isNote: (p: string) => boolean;
  private readonly isKnowledge: (p: string) => boolean;
  private readonly isExcluded: (p: string) => boolean;

  constructor(settings: FileSettings) {
    const options = { dot: true, nocase: true };
    this.isNote = picomatch(settings.include, options);
    this.isKnowledge = picomatch(settings.knowledge, options);
    this.isExcluded = settings.exclude.length > 0 ? picomatch(settings.exclude, options) : () => false;
  }

  /** Whether nothing under a folder (relative to its workspace folder) can be indexed. */
  excludesFolder(relativePath: string): boolean {
    return this.isExcluded(relativePath.split(path.sep).join('/') + '/file');
  }

  /** What a file is, by its path relative to its workspace folder. */
  classify(relativePath: string): 'note' | 'knowledge' | undefined {
    const posix = relativePath.split(path.sep).join('/');
    if (this.isExcluded(posix)) return undefined;
    if (this.isKnowledge(posix)) return 'knowledge';
    if (this.isNote(posix)) return 'note';
    return undefined;
  }
}

/**
 * Every note and knowledge file under `root`. Symbolic links are not followed, so a link loop cannot
 * trap the crawl; an unreadable folder is reported and skipped.
 */
export async function findFiles(
  root: string,
  matcher: FileMatcher,
  onSkip?: (folder: string, reason: string) => void,
): Promise<FoundFiles> {
  const found: FoundFiles = { notes: [], knowledge: [] };
  const folders = [root];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      onSkip?.(folder, (error as Error).message);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full);
      if (entry.isDirectory()) {
        if (!matcher.excludesFolder(relative)) folders.push(full);
      } else if (entry.isFile()) {
        const kind = matcher.classify(relative);
        if (kind === 'note') found.notes.push(full);
        else if (kind === 'knowledge') found.knowledge.push(full);
      }
    }
  }
  found.notes.sort();
  found.knowledge.sort();
  return found;
}

/** `bytes`: the file as read, when it was read from disk (see textHash); `stat`: its size and time just before. */
export type ReadResult = { text: string; bytes?: Buffer; stat?: FileStat } | { skipped: string };

/** Reads a text file as UTF-8 without its BOM; binary and oversized files are skipped with the reason. */
export async function readTextFile(file: string, maxBytes = MAX_NOTE_BYTES): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    return sizeProblem(stat, maxBytes) ?? decode(await fs.readFile(file), stat);
  } catch (error) {
    return unreadable(error);
  }
}

/** Like readTextFile, without yielding: for loading many small files, where the awaits cost more than the reads. */
export function readTextFileSync(file: string, maxBytes = MAX_NOTE_BYTES): ReadResult {
  try {
    const stat = statSync(file);
    return sizeProblem(stat, maxBytes) ?? decode(readFileSync(file), stat);
  } catch (error) {
    return unreadable(error);
  }
}

function sizeProblem(stat: Stats, maxBytes: number): ReadResult | undefined {
  if (!stat.isFile()) return { skipped: 'not a regular file' };
  if (stat.size > maxBytes)
    return { skipped: `too large (${Math.round(stat.size / 1024)} KB; the limit is ${Math.round(maxBytes / 1024)} KB)` };
  return undefined;
}

function unreadable(error: unknown): ReadResult {
  const denied = (error as NodeJS.ErrnoException).code === 'EACCES';
  return { skipped: denied ? 'not readable (permission denied)' : `not readable (${(error as Error).message})` };
}

function decode(bytes: Buffer, stat: Stats): ReadResult {
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary file' };
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes, stat: fileStat(stat) };
}

/** A regular file's size and modification time; undefined for anything else. */
export function fileStat(stat: Stats | undefined): FileStat | undefined {
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
}

export function formatOf(file: string): NotesFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(file) ? 'markdown' : 'plain';
}

export function toUri(file: string): string {
  return URI.file(path.resolve(file)).toString();
}

export function toPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** The knowledge files that ship with the extension, beside the bundles in dist/. */
export async function bundledKnowledgeFiles(dataDir: string): Promise<string[]> {
  const names = await fs.readdir(dataDir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.history.json'))
    .sort()
    .map((n) => path.join(dataDir, n));
}
