// Essay coverage: what the rest of the notes hold (causes by their section, trials, people,
// events) and whether the essay uses each, with how often, so a student sees what they left out.
import type { NotesIndex } from '../index/notesIndex';
import type { CoverageGroup, CoverageItem, CoverageResult, EntityKind } from '../protocol';
import { entitiesIn } from './scope';
import { phraseCount } from '../notes/phraseCount';

const CAUSES_HEADING = /\b(causes?|reasons?|factors?|why|origins?)\b/i;

const KINDS: { kind: EntityKind; plural: string }[] = [
  { kind: 'cause', plural: 'Causes' },
  { kind: 'trial', plural: 'Trials' },
  { kind: 'person', plural: 'People' },
  { kind: 'event', plural: 'Events' },
];

export function provideCoverage(index: NotesIndex, essayUri: string, isEssay: (uri: string) => boolean): CoverageResult {
  const essay = isEssay(essayUri);
  if (!essay) return { version: index.version, essay, groups: [] };
  // What the essay names; one it only defines counts as used once.
  const named = entitiesIn(index, [essayUri]);
  const timesNamed = (id: string): number => {
    const count = named.get(id);
    return count === undefined ? 0 : Math.max(count, 1);
  };
  // Causes are often written in lower case, where names in the index do not catch them.
  const essayLines = index.document(essayUri)?.lines ?? [];
  const timesWritten = (item: CoverageItem): number =>
    Math.max(timesNamed(item.id), item.kind === 'cause' ? phraseCount(essayLines, item.name) : 0);

  // What the other notes define. A cause goes under the most specific heading any note gives it
  // (`Causes of the Great Terror` rather than `Causes`).
  const items = new Map<string, { item: CoverageItem; title: string }>();
  for (const uri of index.documentUris()) {
    if (uri === essayUri || isEssay(uri)) continue;
    for (const definition of index.definitionsIn(uri)) {
      const { kind, section } = definition.note;
      const plural = KINDS.find((k) => k.kind === kind)?.plural;
      if (!plural) continue;
      const title = kind === 'cause' && section && CAUSES_HEADING.test(section) ? section : plural;
      const known = items.get(definition.entityId);
      if (known) {
        if (title.length > known.title.length) known.title = title;
        continue;
      }
      const item = {
        id: definition.entityId,
        name: index.entity(definition.entityId)?.name ?? definition.note.name,
        kind,
        mentions: 0,
        definition: { uri: definition.uri, range: definition.range },
      };
      item.mentions = timesWritten(item);
      items.set(definition.entityId, { item, title });
    }
  }
  const groups = new Map<string, { kind: EntityKind; title: string; items: CoverageItem[] }>();
  for (const { item, title } of items.values()) {
    const key = `${item.kind}\u0000${title.toLowerCase()}`;
    const group = groups.get(key) ?? { kind: item.kind, title, items: [] };
    groups.set(key, group);
    group.items.push(item);
  }

  const order = (kind: EntityKind): number => KINDS.findIndex((k) => k.kind === kind);
  const result: CoverageGroup[] = [...groups.values()]
    .sort((a, b) => order(a.kind) - order(b.kind) || a.title.localeCompare(b.title))
    .map(({ kind, title, items }) => {
      const all = [...items].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
      const usedItems = all.filter((i) => i.mentions > 0);
      return {
        kind,
        title,
        used: usedItems,
        unused: all.filter((i) => i.mentions === 0),
        summary: `${usedItems.length} of ${all.length} ${lowerFirst(title)} used`,
        usedCount: usedItems.length,
        total: all.length,
      };
    });
  return { version: index.version, essay, groups: result };
}

/** `Causes of the Great Terror` → `causes of the Great Terror`. */
function lowerFirst(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}
