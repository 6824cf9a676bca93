// The CLI's index kept between runs (`--cache DIR`): one file per set of paths it is run on, read as
// the server reads its own (see factsCache), and written again when the run read any note anew.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ResolutionToKeep } from './index/notesIndex';
import { writeFactsCache } from './workspace/factsCache';
import type { CacheUse } from './workspace/load';

/** The file in `folder` that keeps the index of these paths: the same paths, in any order, share it. */
export function cacheFileFor(folder: string, targets: readonly string[]): string {
  const paths = targets.map((target) => path.resolve(target)).sort();
  return path.join(folder, `index-${createHash('sha256').update(paths.join('\n')).digest('hex').slice(0, 16)}.cache`);
}

/**
 * Writes the cache unless every note, with its mentions, came from it unread; returns why it could not,
 * if it could not. A note read again for the same text (its file touched, or changed too lately for its
 * time to be trusted) has a new time to keep, or it would be read again at every run.
 */
export async function keepIndex(cache: CacheUse, resolution: ResolutionToKeep | undefined): Promise<string | undefined> {
  const notes = cache.keep.length;
  if (!cache.problem && cache.unread === notes && cache.resolved === notes) return undefined;
  try {
    await writeFactsCache(cache.file, cache.key, cache.keep, undefined, resolution);
    return undefined;
  } catch (error) {
    return `Could not write the index cache ${cache.file}: ${(error as Error).message}`;
  }
}
