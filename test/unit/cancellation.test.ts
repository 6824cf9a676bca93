// The long answers stop when the editor cancels them: every entity, the timeline, a revision sheet
// and references each check the request's token as they go.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancelledError } from '../../server/src/features/cancellation';
import { provideEntities } from '../../server/src/features/entities';
import { provideReferences } from '../../server/src/features/references';
import { buildRevisionSheet } from '../../server/src/features/revisionSheet';
import { provideTimeline } from '../../server/src/features/timeline';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { DATA, SAMPLES } from '../support/paths';

describe('cancellation: long answers', () => {
  const soviet = loadKnowledgeFile(
    'file:///data/soviet.history.json',
    readFileSync(path.join(DATA, 'soviet-union-1917-1953.history.json'), 'utf8'),
    true,
  );
  const index = new NotesIndex(new KnowledgeBase([soviet]));
  const uri = 'file:///notes/terror.txt';
  index.setDocument(uri, readFileSync(path.join(SAMPLES, 'stalin-terror-and-ww2.txt'), 'utf8'), 'plain');
  const describe = (u: string): string => u;
  const cancelled = { isCancellationRequested: true };
  const going = { isCancellationRequested: false };
  const kamenev = index.mentionsIn(uri).find((m) => m.entityId === 'kamenev')!.range.start;

  it('answers in full while the request stands', () => {
    assert.ok(provideEntities(index, {}, describe, going).entities.length > 10);
    assert.ok(provideTimeline(index, {}, describe, going).items.length > 5);
    assert.match(buildRevisionSheet(index, undefined, 'notes', describe, going), /Lev Kamenev/);
    assert.ok(provideReferences(index, uri, kamenev, true, going).length > 1);
  });

  it('stops with CancelledError once the request is cancelled', () => {
    assert.throws(() => provideEntities(index, {}, describe, cancelled), CancelledError);
    assert.throws(() => provideTimeline(index, {}, describe, cancelled), CancelledError);
    assert.throws(() => buildRevisionSheet(index, undefined, 'notes', describe, cancelled), CancelledError);
    assert.throws(() => provideReferences(index, uri, kamenev, true, cancelled), CancelledError);
  });
});
