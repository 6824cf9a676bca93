// The card shown for an entity: in a hover, in completion documentation, in the sidebar's tooltips
// and by `history-notes lookup`. Built once as data, rendered as escaped Markdown or plain text.
import type { FactOrigin, KnownEntry } from '../knowledge/base';
import type { KnowledgeEntry } from '../knowledge/model';
import type { NotesIndex } from '../index/notesIndex';
import type { Entity } from '../index/model';
import { formatDate, formatSpan } from './dates';

export interface CardLine {
  label: string;
  value: string;
  /** Where the fact comes from: a knowledge file's entry, or a line of the notes. */
  origin: FactOrigin | NoteOrigin;
}

export interface NoteOrigin {
  uri: string;
  /** Zero-based, as in LSP. */
  line: number;
}

export interface NoteExcerpt {
  text?: string;
  uri: string;
  /** Zero-based, as in LSP. */
  line: number;
}

export interface Card {
  id: string;
  name: string;
  kind: string;
  dates?: string;
  facts: CardLine[];
  inNotes: NoteExcerpt[];
  related: { name: string; relation: string }[];
  variants: string[];
  mentions: number;
  documents: number;
  /** No knowledge pack that is on knows it: the card holds only what the notes say. */
  notesOnly: boolean;
  /** Others of the active packs written as the hovered word is (`Cromwell`), so the student can tell which is meant. */
  alsoWritten: { written: string; name: string; dates?: string }[];
}

const KIND_LABELS: Record<string, string> = {
  person: 'person',
  trial: 'trial',
  cause: 'cause',
  event: 'event',
  organisation: 'organisation',
  place: 'place',
};
const MAX_EXCERPTS = 3;
const MAX_RELATED = 12;

/** `written`: the word hovered, when the card is for a mention; names other entities spelt the same. */
export function buildCard(index: NotesIndex, entity: Entity, written?: string): Card {
  const card = index.remember(`card ${entity.id}`, () => entityCard(index, entity));
  return written ? { ...card, alsoWritten: alsoWritten(index, entity.id, written.replace(/['’]s?$/, '')) } : card;
}

/** The card without what depends on the word hovered (see buildCard). */
function entityCard(index: NotesIndex, entity: Entity): Card {
  const entry = entity.knowledge?.entry;
  const kinds = [...new Set([entity.kind, ...index.noteKinds(entity.id)])].map((k) => KIND_LABELS[k]);
  const { mentions, documents } = index.mentionCount(entity.id);
  return {
    id: entity.id,
    name: entity.name,
    kind: kinds.join(', '),
    dates: entry ? shortDates(entry) : index.noteYear(entity.id),
    facts: [...(entity.knowledge ? knowledgeFacts(entity.knowledge) : []), ...noteDateFacts(index, entity.id, entry)],
    inNotes: index
      .noteDefinitions(entity.id)
      .slice(0, MAX_EXCERPTS)
      .map((d) => ({ text: d.note.text, uri: d.uri, line: d.range.start.line })),
    related: index
      .related(entity.id)
      .slice(0, MAX_RELATED)
      .map((r) => ({ name: index.entity(r.id)!.name, relation: r.relation })),
    variants: index.variants(entity.id),
    mentions,
    documents,
    notesOnly: entity.knowledge === undefined,
    alsoWritten: [],
  };
}

function alsoWritten(index: NotesIndex, entityId: string, written: string): Card['alsoWritten'] {
  return index.alsoWrittenAs(written, entityId).map((other) => {
    const entry = other.knowledge?.entry;
    return { written, name: other.name, dates: entry ? shortDates(entry) : undefined };
  });
}

/** A year written nearby chose this card; without one, the other is as likely. */
function alsoWrittenLine(other: Card['alsoWritten'][number]): string {
  return `“${other.written}” may also mean ${other.name}${other.dates ? ` (${other.dates})` : ''}: a year nearby tells them apart.`;
}

/** `1883–1936` for a life, `1936` or `1936–1938` for a trial or event. */
export function shortDates(entry: KnowledgeEntry): string | undefined {
  const from = (entry.kind === 'person' ? entry.born : entry.date)?.slice(0, 4);
  const to = (entry.kind === 'person' ? entry.died : entry.endDate)?.slice(0, 4);
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (entry.kind === 'person') return from ? `born ${from}` : to && `died ${to}`;
  return from;
}

function knowledgeFacts(known: KnownEntry): CardLine[] {
  const { entry, origins } = known;
  const facts: CardLine[] = [];
  const add = (label: string, value: string | undefined, field: keyof KnowledgeEntry): void => {
    const origin = origins[field] ?? origins.id;
    if (value && origin) facts.push({ label, value, origin });
  };
  if (entry.kind === 'person') {
    add('Born', entry.born && formatDate(entry.born), 'born');
    add('Died', entry.died && formatDate(entry.died), 'died');
  } else {
    add('Date', formatSpan(entry.date, entry.endDate), entry.date ? 'date' : 'endDate');
  }
  add(
    'Also called',
    entry.aliases
      ?.filter((a) => a !== entry.name)
      .slice(0, 4)
      .join(', '),
    'aliases',
  );
  add('Role', entry.roles?.map((r) => `${r.title}${r.from || r.to ? ` (${formatRoleYears(r.from, r.to)})` : ''}`).join('; '), 'roles');
  add('What', entry.summary, 'summary');
  add('Charges', entry.charges, 'charges');
  add('Verdict', entry.verdict, 'verdict');
  add('Fate', entry.fate, 'fate');
  return facts;
}

/**
 * The year the notes write with an event or trial, when there is no knowledge date, or when it
 * disagrees with the knowledge: then the card shows both, each with where it comes from.
 */
function noteDateFacts(index: NotesIndex, id: string, entry: KnowledgeEntry | undefined): CardLine[] {
  if (entry?.kind === 'person') return [];
  const from = entry?.date?.slice(0, 4);
  const to = entry?.endDate?.slice(0, 4) ?? from;
  const facts: CardLine[] = [];
  for (const { note, uri, range } of index.noteDefinitions(id)) {
    if (!note.year || (from && note.year >= from && note.year <= to!)) continue;
    facts.push({ label: from ? 'Date in your notes' : 'Date', value: note.year, origin: { uri, line: range.start.line } });
    // Without a knowledge date, the first year the notes write is the date.
    if (!from) break;
  }
  return facts;
}

function formatRoleYears(from: string | undefined, to: string | undefined): string {
  const a = from?.slice(0, 4);
  const b = to?.slice(0, 4);
  if (a && b) return a === b ? a : `${a}–${b}`;
  return a ? `from ${a}` : `until ${b}`;
}

/** Backslash-escapes every Markdown character and HTML, so note text is shown as written and stays inert. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~:<>"'=]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/\r?\n/g, ' ');
}

/** `file:line` relative to the workspace, with the link opening the note at that line. */
export type Describe = (uri: string) => string;

export function renderMarkdown(card: Card, describe: Describe): string {
  const out: string[] = [];
  out.push(`**${escapeMarkdown(card.name)}** *${escapeMarkdown(card.kind)}*${card.dates ? ` · ${escapeMarkdown(card.dates)}` : ''}`);
  if (card.notesOnly) out.push('', `*${escapeMarkdown(notesOnlyLine(card))}*`);
  for (const group of byOrigin(card.facts)) {
    const facts = group.facts.map((f) => `**${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`);
    // Hard line breaks (two spaces): the origin heads its facts, one per line.
    out.push('', [`*${originLink(group.origin, describe)}*`, ...facts].join('  \n'));
  }
  if (card.inNotes.length > 0) {
    out.push('', '**In your notes:**');
    for (const excerpt of card.inNotes) {
      const where = `${describe(excerpt.uri)}:${excerpt.line + 1}`;
      const link = `[${escapeMarkdown(where)}](${excerpt.uri}#L${excerpt.line + 1})`;
      out.push(`- ${excerpt.text ? `${escapeMarkdown(excerpt.text)} — ` : ''}${link}`);
    }
  }
  if (card.related.length > 0) {
    out.push('', `**Related:** ${card.related.map((r) => `${escapeMarkdown(r.name)} (${r.relation})`).join(', ')}`);
  }
  if (card.variants.length > 0) out.push('', `**Spelt in your notes as:** ${card.variants.map(escapeMarkdown).join(', ')}`);
  for (const other of card.alsoWritten) out.push('', `*${escapeMarkdown(alsoWrittenLine(other))}*`);
  out.push('', `*${mentionLine(card)}*`);
  return out.join('\n');
}

export function renderText(card: Card, describe: Describe): string {
  const out: string[] = [`${card.name} (${card.kind}${card.dates ? `, ${card.dates}` : ''})`];
  if (card.notesOnly) out.push(`  ${notesOnlyLine(card)}`);
  for (const group of byOrigin(card.facts)) {
    out.push(`  ${originText(group.origin, describe)}`);
    for (const fact of group.facts) out.push(`    ${fact.label}: ${fact.value}`);
  }
  if (card.inNotes.length > 0) {
    out.push('  In your notes:');
    for (const excerpt of card.inNotes)
      out.push(`    ${describe(excerpt.uri)}:${excerpt.line + 1}${excerpt.text ? `  ${excerpt.text}` : ''}`);
  }
  if (card.related.length > 0) out.push(`  Related: ${card.related.map((r) => `${r.name} (${r.relation})`).join(', ')}`);
  if (card.variants.length > 0) out.push(`  Spelt in your notes as: ${card.variants.join(', ')}`);
  for (const other of card.alsoWritten) out.push(`  ${alsoWrittenLine(other)}`);
  out.push(`  ${mentionLine(card)}`);
  return out.join('\n');
}

/** Consecutive facts from the same place, so each group is introduced once. */
function byOrigin(facts: readonly CardLine[]): { origin: CardLine['origin']; facts: CardLine[] }[] {
  const groups: { origin: CardLine['origin']; facts: CardLine[] }[] = [];
  for (const fact of facts) {
    const last = groups[groups.length - 1];
    if (last && sameOrigin(last.origin, fact.origin)) last.facts.push(fact);
    else groups.push({ origin: fact.origin, facts: [fact] });
  }
  return groups;
}

function sameOrigin(a: CardLine['origin'], b: CardLine['origin']): boolean {
  return (
    a.uri === b.uri &&
    ('line' in a ? a.line : a.range.start.line) === ('line' in b ? b.line : b.range.start.line) &&
    ('reference' in a ? a.reference : undefined) === ('reference' in b ? b.reference : undefined)
  );
}

/** `From the Soviet Union 1917-1953 pack`, `From mine.history.json:12`, `From your notes, terror.txt:40`, with the entry's source. */
function originText(origin: CardLine['origin'], describe: Describe): string {
  if ('line' in origin) return `From your notes, ${describe(origin.uri)}:${origin.line + 1}:`;
  const where = origin.bundled ? `the ${origin.title ?? 'bundled'} pack` : `${describe(origin.uri)}:${origin.range.start.line + 1}`;
  return `From ${where}${origin.reference ? ` (source: ${origin.reference})` : ''}:`;
}

/** originText as Markdown: a note or the user's file links to the line. */
function originLink(origin: CardLine['origin'], describe: Describe): string {
  const text = escapeMarkdown(originText(origin, describe));
  if (!('line' in origin) && origin.bundled) return text;
  const line = 'line' in origin ? origin.line : origin.range.start.line;
  return `[${text}](${origin.uri}#L${line + 1})`;
}

function notesOnlyLine(card: Card): string {
  return `No knowledge pack that is on knows this ${card.kind.split(',')[0]}: what this card shows comes from your notes.`;
}

function mentionLine(card: Card): string {
  if (card.mentions === 0) return 'Not mentioned in your notes yet';
  return `Mentioned ${card.mentions} time${card.mentions === 1 ? '' : 's'} in ${card.documents} note${card.documents === 1 ? '' : 's'}`;
}
