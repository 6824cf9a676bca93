// Which notes are essays: `essay: true` in the front matter, or a path matching the
// `historyNotes.essays` globs (relative to a workspace folder; by default folders named `essays`).
import picomatch from 'picomatch';
import type { NotesIndex } from '../index/notesIndex';
import { toPath } from './files';
import { relativePath } from './workspace';

export const DEFAULT_ESSAYS = ['**/essays/**'];

export class EssayMatcher {
  private readonly matches: (relative: string) => boolean;
  constructor(
    private readonly roots: readonly string[],
    globs: readonly string[],
  ) {
    this.matches = globs.length > 0 ? picomatch([...globs], { dot: true, nocase: true }) : () => false;
  }

  isEssay(index: NotesIndex, uri: string): boolean {
    if (/^(true|yes)$/i.test(index.frontMatter(uri).essay ?? '')) return true;
    if (!uri.startsWith('file:')) return false;
    const relative = relativePath(this.roots, toPath(uri));
    return relative !== undefined && this.matches(relative);
  }
}
