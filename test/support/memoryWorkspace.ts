// A workspace held in memory: notes and knowledge files by path, and changes heard as the disk's
// would be. The session runs on it in unit tests, with no folder and no process.
import * as path from 'node:path';
import type { FileMatcher, FoundFiles, ReadResult } from '../../server/src/workspace/files';
import { relativePath, type FileChange, type FileStat, type Workspace } from '../../server/src/workspace/workspace';

export class MemoryWorkspace implements Workspace {
  readonly roots: readonly string[];
  private readonly files = new Map<string, { text: string; mtimeMs: number }>();
  private listeners: ((change: FileChange) => void)[] = [];
  private clock = 0;

  /** `files`: paths relative to the one root, and their text. */
  constructor(root: string, files: Record<string, string> = {}) {
    this.roots = [root];
    for (const [relative, text] of Object.entries(files)) this.files.set(this.path(relative), { text, mtimeMs: this.clock++ });
  }

  path(relative: string): string {
    return path.join(this.roots[0], relative);
  }

  async find(matcher: FileMatcher): Promise<FoundFiles> {
    const found: FoundFiles = { notes: [], knowledge: [] };
    for (const file of [...this.files.keys()].sort()) {
      const kind = matcher.classify(relativePath(this.roots, file) ?? '');
      if (kind === 'note') found.notes.push(file);
      else if (kind === 'knowledge') found.knowledge.push(file);
    }
    return Promise.resolve(found);
  }

  read(file: string): Promise<ReadResult> {
    return Promise.resolve(this.readSync(file));
  }

  readSync(file: string): ReadResult {
    const entry = this.files.get(file);
    return entry ? { text: entry.text, stat: this.statSync(file) } : { skipped: 'not readable (no such file)' };
  }

  stat(file: string): Promise<FileStat | undefined> {
    return Promise.resolve(this.statSync(file));
  }

  statSync(file: string): FileStat | undefined {
    const entry = this.files.get(file);
    return entry && { size: entry.text.length, mtimeMs: entry.mtimeMs };
  }

  watch(listener: (change: FileChange) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  /** Writes a file, and tells the watchers. */
  write(relative: string, text: string): void {
    const file = this.path(relative);
    const kind = this.files.has(file) ? 'changed' : 'created';
    this.files.set(file, { text, mtimeMs: this.clock++ });
    this.fire({ file, kind });
  }

  /** Deletes a file, or every file under a folder, and tells the watchers (once, as for a folder on disk). */
  delete(relative: string): void {
    const target = this.path(relative);
    for (const file of [...this.files.keys()]) if (file === target || file.startsWith(target + path.sep)) this.files.delete(file);
    this.fire({ file: target, kind: 'deleted' });
  }

  private fire(change: FileChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
