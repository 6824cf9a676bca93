// Which notes a request is about: one note, the notes under a folder, or the whole workspace; and
// which entities those notes define or mention.
import type { NotesIndex } from '../index/notesIndex';

/** The indexed documents at or under `scope` (a note's or a folder's URI); all of them without one. */
export function documentsIn(index: NotesIndex, scope: string | undefined): string[] {
  const uris = index.documentUris();
  if (!scope) return uris;
  const folder = scope.endsWith('/') ? scope : `${scope}/`;
  return uris.filter((uri) => uri === scope || uri.startsWith(folder));
}

/** The ids of the entities these documents define or mention, with how many times they name each. */
export function entitiesIn(index: NotesIndex, uris: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const uri of uris) {
    for (const definition of index.definitionsIn(uri)) if (!counts.has(definition.entityId)) counts.set(definition.entityId, 0);
    for (const mention of index.mentionsIn(uri)) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
  }
  return counts;
}
