// What the server and the CLI need of the files they read: find the notes and knowledge files under
// the workspace folders, read and stat one, and hear of changes. The disk implements it (disk.ts);
// tests implement it in memory, so the session is tested without a folder or a process.
import * as path from 'node:path';
import type { FileMatcher, FoundFiles, ReadResult } from './files';

export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface FileChange {
  /** An absolute path. */
  file: string;
  kind: 'created' | 'changed' | 'deleted';
}

export interface Workspace {
  /** The workspace folders (or, for the CLI, the files and folders named), as absolute paths. */
  readonly roots: readonly string[];
  /** Every note and knowledge file under the roots, by path, sorted. */
  find(matcher: FileMatcher): Promise<FoundFiles>;
  read(file: string): Promise<ReadResult>;
  /** Like read, without yielding: for many small files, where the awaits cost more than the reads. */
  readSync(file: string): ReadResult;
  stat(file: string): Promise<FileStat | undefined>;
  /** Like stat, without yielding (see readSync). */
  statSync(file: string): FileStat | undefined;
  /** Calls `listener` with each change from now on. */
  watch(listener: (change: FileChange) => void): { dispose(): void };
}

/** The workspace folder a file is in, if any. */
export function rootOf(roots: readonly string[], file: string): string | undefined {
  return roots.find((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/** A file's path relative to its workspace folder, with `/` separators; undefined outside them. */
export function relativePath(roots: readonly string[], file: string): string | undefined {
  const root = rootOf(roots, file);
  return root === undefined ? undefined : path.relative(root, file).split(path.sep).join('/');
}
