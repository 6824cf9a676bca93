// What the sidebar lists: entities by kind with dates, cards and definitions, and one entity's
// mentions with the text of each line.
import type { Entity } from '../index/model';
import type { NotesIndex } from '../index/notesIndex';
import { openLocation } from './knowledgeCard';
import type { EntitiesParams, EntitiesResult, EntityItem, MentionItem } from '../protocol';
import { buildCard, renderMarkdown, type Describe } from './card';
import { occurrences } from './references';
import { locationKey } from '../notes/ranges';
import { surnameOf } from '../knowledge/surname';
import { throwIfCancelled, type Cancellation } from './cancellation';

export function provideEntities(index: NotesIndex, params: EntitiesParams, describe: Describe, token?: Cancellation): EntitiesResult {
  const wanted = params.kinds && new Set(params.kinds);
  const entities: EntityItem[] = [];
  for (const entity of index.entities()) {
    throwIfCancelled(token);
    const kinds = [...new Set([entity.kind, ...index.noteKinds(entity.id)])];
    if (wanted && !kinds.some((k) => wanted.has(k))) continue;
    entities.push(toItem(index, entity, kinds, describe));
  }
  entities.sort((a, b) => a.name.localeCompare(b.name));
  return { version: index.version, entities };
}

function toItem(index: NotesIndex, entity: Entity, kinds: Entity['kind'][], describe: Describe): EntityItem {
  const entry = entity.knowledge?.entry;
  const card = buildCard(index, entity);
  const definition = openLocation(index, entity.id);
  return {
    id: entity.id,
    kind: entity.kind,
    kinds,
    name: entity.name,
    sortName: entity.kind === 'person' ? `${surnameOf(entity.name, entity.aliases)} ${entity.name}` : entity.name,
    dates: card.dates,
    sortDate: (entry?.kind === 'person' ? entry.born : entry?.date) ?? index.noteYear(entity.id),
    card: renderMarkdown(card, describe),
    definition,
    mentions: card.mentions,
    documents: card.documents,
  };
}

/** Every place the notes name an entity, with the line's text as indexed (the editor's for an open note). */
export function provideMentions(index: NotesIndex, id: string): MentionItem[] {
  const definitions = new Set(index.noteDefinitions(id).map(locationKey));
  const items: MentionItem[] = [];
  for (const location of occurrences(index, id, true)) {
    const text = index.document(location.uri)?.line(location.range.start.line) ?? '';
    const { preview, highlight } = excerpt(text, location.range.start.character, location.range.end.character);
    items.push({
      uri: location.uri,
      range: location.range,
      lineText: text.trim(),
      preview,
      previewHighlight: highlight,
      isDefinition: definitions.has(locationKey(location)),
    });
  }
  // Where the notes define it first, then every mention in order.
  return [...items.filter((i) => i.isDefinition), ...items.filter((i) => !i.isDefinition)];
}

const BEFORE = 20;
const AFTER = 44;

/** `…Kamenev, Zionev and fourteen others were…` around a mention at [start, end) of a line. */
export function excerpt(line: string, start: number, end: number): { preview: string; highlight: [number, number] } {
  let from = Math.max(0, start - BEFORE);
  let to = Math.min(line.length, end + AFTER);
  // Cut at word boundaries.
  if (from > 0) from = line.indexOf(' ', from) + 1 || from;
  if (from > start) from = start;
  if (to < line.length) to = Math.max(end, line.lastIndexOf(' ', to));
  const before = (from > 0 ? '…' : '') + readable(line.slice(from, start)).trimStart();
  const name = line.slice(start, end);
  const after = readable(line.slice(end, to)).trimEnd() + (to < line.length ? '…' : '');
  return { preview: before + name + after, highlight: [before.length, before.length + name.length] };
}

/** Drops Markdown and bullet markers so an excerpt reads as text. */
function readable(text: string): string {
  return text
    .replace(/^\s*(?:[-*+•]|\d+[.)]|#+|\|)\s+/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s*\|\s*/g, ' · ')
    .replace(/\s+/g, ' ');
}
