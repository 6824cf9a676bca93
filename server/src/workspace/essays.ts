// Which notes are essays: `essay: true` in the front matter, or a path matching the
// `historyNotes.essays` globs (relative to a workspace folder; by default folders named `essays`).
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { NotesIndex } from '../index/notesIndex';
import { toPath } from './files';

export const DEFAULT_ESSAYS = ['**/essays/**'];

export class EssayMatcher {
  private readonly matches: (relative: string) => boolean;
  private readonly roots: string[];

  constructor(roots: readonly string[], globs: readonly string[]) {
    this.roots = roots.map((r) => path.resolve(r));
    this.matches = globs.length > 0 ? picomatch([...globs], { dot: true, nocase: true }) : () => false;
  }

  isEssay(index: NotesIndex, uri: string): boolean {
    if (/^(true|yes)$/i.test(index.frontMatter(uri).essay ?? '')) return true;
    if (!uri.startsWith('file:')) return false;
    const file = toPath(uri);
    const root = this.roots.find((r) => file.startsWith(r + path.sep));
    return root !== undefined && this.matches(path.relative(root, file).split(path.sep).join('/'));
  }
}
