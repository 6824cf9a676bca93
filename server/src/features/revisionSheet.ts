// "Create Revision Sheet": a Markdown page built from the index for the workspace or one folder:
// a who's who, a timeline and the causes with the notes' own explanations, each row saying where
// it comes from.
import type { NotesIndex } from '../index/notesIndex';
import { surnameOf } from '../knowledge/surname';
import { formatSpan } from './dates';
import { shortDates, type Describe } from './card';
import { documentsIn, entitiesIn } from './scope';
import { datesOf } from './timeline';
import { throwIfCancelled, type Cancellation } from './cancellation';

export function buildRevisionSheet(
  index: NotesIndex,
  scope: string | undefined,
  title: string,
  describe: Describe,
  token?: Cancellation,
): string {
  const documents = documentsIn(index, scope);
  const inScope = new Set(documents);
  const ids = [...entitiesIn(index, documents).keys()];
  const entities = ids.map((id) => index.entity(id)).filter((e) => e !== undefined);
  const out: string[] = [
    `# Revision sheet: ${cell(title)}`,
    '',
    `*Built by History Notes from ${documents.length} note${documents.length === 1 ? '' : 's'}. Dates and fates come ` +
      `from the knowledge packs that are on; explanations from your notes.*`,
  ];

  const people = entities
    .filter((e) => e.kind === 'person')
    .sort((a, b) => surnameOf(a.name, a.aliases).localeCompare(surnameOf(b.name, b.aliases)));
  out.push('', "## Who's who", '');
  if (people.length === 0) out.push('*No people in these notes yet.*');
  else {
    out.push('| Person | Dates | Who they were | Fate |', '|---|---|---|---|');
    for (const person of people) {
      throwIfCancelled(token);
      const entry = person.knowledge?.entry;
      const said = index.noteDefinitions(person.id).find((d) => inScope.has(d.uri) && d.note.text)?.note.text;
      out.push(
        `| ${cell(person.name)} | ${cell((entry && shortDates(entry)) ?? '')} | ` +
          `${cell(brief(entry?.summary ?? said ?? ''))} | ${cell(brief(entry?.fate ?? ''))} |`,
      );
    }
  }

  const dated = entities
    .filter((e) => e.kind === 'event' || e.kind === 'trial')
    .map((entity) => ({ entity, dates: datesOf(index, entity) }))
    .filter((d) => d.dates !== undefined)
    .map(({ entity, dates }) => ({ entity, start: dates!.start, end: dates!.end }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.entity.name.localeCompare(b.entity.name));
  out.push('', '## Timeline', '');
  if (dated.length === 0) out.push('*No dated events or trials in these notes yet.*');
  else {
    out.push('| Date | Event or trial |', '|---|---|');
    for (const { entity, start, end } of dated)
      out.push(`| ${cell(formatSpan(start, end) ?? '')} | ${cell(entity.name)}${entity.kind === 'trial' ? ' (trial)' : ''} |`);
  }

  out.push('', '## Causes', '');
  // One line per cause, under the most specific heading any note gives it, in the notes' words.
  const causes = new Map<string, { heading: string; line: string }>();
  for (const uri of documents) {
    throwIfCancelled(token);
    for (const definition of index.definitionsIn(uri)) {
      if (definition.note.kind !== 'cause') continue;
      const heading = definition.note.section ?? 'Causes';
      const known = causes.get(definition.entityId);
      if (known && known.heading.length >= heading.length) continue;
      const name = index.entity(definition.entityId)?.name ?? definition.note.name;
      const said = index.noteDefinitions(definition.entityId).find((d) => d.note.text && inScope.has(d.uri)) ?? definition;
      const explanation = said.note.text ? ` – ${inline(said.note.text)}` : '';
      const where = `${inline(describe(said.uri))}:${said.range.start.line + 1}`;
      const line = `- **${inline(name)}**${explanation} *(${where})*`;
      causes.set(definition.entityId, { heading, line });
    }
  }
  const sections = new Map<string, string[]>();
  for (const { heading, line } of causes.values()) sections.set(heading, [...(sections.get(heading) ?? []), line]);
  if (sections.size === 0) out.push('*No causes sections in these notes yet.*');
  for (const [heading, lines] of sections) out.push(`### ${inline(heading)}`, '', ...lines, '');
  return out.join('\n').trimEnd() + '\n';
}

const BRIEF = 120;

/** A table cell's worth: the first clause or sentence, cut at a word near BRIEF characters. */
function brief(text: string): string {
  const first = (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text).trim();
  if (first.length <= BRIEF) return first;
  const cut = first.lastIndexOf(' ', BRIEF);
  return `${first.slice(0, cut > 0 ? cut : BRIEF)}…`;
}

/** Text inside a table cell: no pipes or line breaks to break the table. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** The notes' text as it was written, on one line, with Markdown that could turn into links made inert. */
function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([[\]<>`])/g, '\\$1');
}
