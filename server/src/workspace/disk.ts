// The workspace on disk. Changes come from the editor (`workspace/didChangeWatchedFiles`): the
// server passes them on with `notify`, and everyone watching hears of them.
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileStat, findFiles, readTextFile, readTextFileSync, type FileMatcher, type FoundFiles, type ReadResult } from './files';
import type { FileChange, FileStat, Workspace } from './workspace';

export class DiskWorkspace implements Workspace {
  readonly roots: readonly string[];
  private listeners: ((change: FileChange) => void)[] = [];

  constructor(roots: readonly string[]) {
    this.roots = roots.map((root) => path.resolve(root));
  }

  /** The CLI names single notes too: a root that is a file is found as itself. */
  async find(matcher: FileMatcher): Promise<FoundFiles> {
    const found: FoundFiles = { notes: [], knowledge: [] };
    for (const root of this.roots) {
      if (isFile(root)) {
        found.notes.push(root);
        continue;
      }
      const under = await findFiles(root, matcher);
      found.notes.push(...under.notes);
      found.knowledge.push(...under.knowledge);
    }
    return found;
  }

  read(file: string): Promise<ReadResult> {
    return readTextFile(file);
  }

  readSync(file: string): ReadResult {
    return readTextFileSync(file);
  }

  async stat(file: string): Promise<FileStat | undefined> {
    return fileStat(await fs.stat(file).catch(() => undefined));
  }

  statSync(file: string): FileStat | undefined {
    return fileStat(statSync(file, { throwIfNoEntry: false }));
  }

  watch(listener: (change: FileChange) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  /** Changes the editor reported. */
  notify(changes: readonly FileChange[]): void {
    for (const change of changes) for (const listener of [...this.listeners]) listener(change);
  }
}

function isFile(target: string): boolean {
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}
