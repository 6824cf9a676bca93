// The timeline panel's data: every dated entity the notes in scope define or mention, with its
// dates (a person's life, an event's or trial's span) and where those dates come from.
import type { Entity } from '../index/model';
import type { NotesIndex } from '../index/notesIndex';
import { openLocation } from './knowledgeCard';
import type { TimelineItem, TimelineParams, TimelineResult } from '../protocol';
import { buildCard, renderMarkdown, type Describe } from './card';
import { documentsIn, entitiesIn } from './scope';
import { throwIfCancelled, type Cancellation } from './cancellation';

export function provideTimeline(index: NotesIndex, params: TimelineParams, describe: Describe, token?: Cancellation): TimelineResult {
  const items: TimelineItem[] = [];
  for (const id of entitiesIn(index, documentsIn(index, params.scope)).keys()) {
    throwIfCancelled(token);
    const entity = index.entity(id);
    const dates = entity && datesOf(index, entity);
    if (!entity || !dates) continue;
    items.push({
      id,
      kind: entity.kind,
      name: entity.name,
      ...dates,
      card: renderMarkdown(buildCard(index, entity), describe),
      definition: openLocation(index, id),
    });
  }
  items.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  return { version: index.version, items };
}

/** The knowledge's dates first; else a year the notes write with the entity's definition. */
export function datesOf(index: NotesIndex, entity: Entity): Pick<TimelineItem, 'start' | 'end' | 'dateSource'> | undefined {
  const entry = entity.knowledge?.entry;
  if (entry?.kind === 'person' && entry.born) return { start: entry.born, end: entry.died, dateSource: 'knowledge' };
  if (entry && entry.kind !== 'person' && entry.date) return { start: entry.date, end: entry.endDate, dateSource: 'knowledge' };
  const year = index.noteYear(entity.id);
  return year && entity.kind !== 'person' ? { start: year, dateSource: 'notes' } : undefined;
}
