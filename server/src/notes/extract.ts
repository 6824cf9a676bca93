// Reads what a parsed notes file says: which entities it defines (bullet terms, trial headings, names
// lines, who's-who headings, timeline lines, people named by shape) and which name-like phrases it
// contains (resolved to entities by the index).
import type { Bullet, ParsedNotes, Section } from './model';
import { readsAsCause } from './causes';
import { clip, noteDefinition, unmarkedSpan, type EntityKind, type NoteDefinition } from './definition';
import { datedEvent, eventFromBullet, eventFromTerm, eventsFromTable, eventsInBold, isDateTerm } from './events';
import { namesOnLine, peopleFromKeyLine, peopleInText, personFromHeading } from './people';
import type { LineMemo } from './lineMemo';
import { LineYears } from './lineYears';
import type { NamePhrases } from './phrases';
import { scanPhrases } from './scanPhrases';
import { isTrialName, trialFromHeading, trialsFromTable } from './trials';

export { ENTITY_KINDS, type EntityKind, type NoteDefinition } from './definition';
export { namesOnLine } from './people';
export { isTrialName } from './trials';

export interface NotesFacts {
  definitions: NoteDefinition[];
  /** Runs of capitalised words (with `of`, `the` inside) that may name something: `Trial of the 16`, `Kirov's Murder`. */
  phrases: NamePhrases;
  /** The years the note writes, by line: they choose between two packs' people who share a name. */
  years: LineYears;
  /** Markdown front matter (`essay: true`). */
  frontMatter: Record<string, string>;
}

const SECTION_KINDS: [RegExp, EntityKind][] = [
  [/\b(causes?|reasons?|factors?|why|origins?)\b/i, 'cause'],
  [/\b(show trials|trials|purges)\b/i, 'trial'],
  [/\b(people|persons|key figures|figures|who['’]?s who|personalities|biographies|key players|leaders|characters)\b/i, 'person'],
  [/\b(events|timeline|chronology|key dates|dates)\b/i, 'event'],
];

export function kindOfHeading(text: string): EntityKind | undefined {
  for (const [pattern, kind] of SECTION_KINDS) if (pattern.test(text)) return kind;
  return undefined;
}

/**
 * `vocabulary`: lower-case words of the knowledge's names of several words (see scanPhrases).
 * `memo`: what the lines of this note yielded when it was last read, for a note being edited.
 */
export function extractFacts(lines: readonly string[], notes: ParsedNotes, vocabulary?: ReadonlySet<string>, memo?: LineMemo): NotesFacts {
  memo?.begin(vocabulary);
  const phrases = scanPhrases(lines, notes, vocabulary, memo);
  const definitions: NoteDefinition[] = [];
  const kinds = sectionKinds(notes.sections);
  notes.sections.forEach((section, i) => {
    const make = (): NoteDefinition[] => sectionDefinitions(lines, section, kinds[i]);
    definitions.push(...(memo && section.heading ? memo.definitionsOf(lines, section, kinds[i], i, make) : make()));
  });
  // People named by shape and events in bold in running text, unless the note defines them already.
  const definedPeople = new Set<string>();
  const definedOthers = new Set<string>();
  for (const d of definitions) (d.kind === 'person' ? definedPeople : definedOthers).add(d.key);
  definitions.push(...peopleInText(lines, notes, phrases, memo).filter((d) => !definedPeople.has(d.key)));
  if (notes.format === 'markdown') definitions.push(...eventsInBold(lines, notes).filter((d) => !definedOthers.has(d.key)));
  return { definitions, phrases, years: LineYears.of(lines, notes.skippedLines), frontMatter: notes.frontMatter };
}

/** What a section defines by its heading, bullets, paragraphs and table: it reads nothing outside its lines. */
function sectionDefinitions(lines: readonly string[], section: Section, kind: EntityKind | undefined): NoteDefinition[] {
  const definitions: NoteDefinition[] = [];
  const heading = section.heading;
  if (heading && isTrialName(heading.text) && kind === 'trial') definitions.push(...trialFromHeading(lines, heading, section));
  // A plain-text `Key people: Trotsky, Bukharin and Kamenev` reads as a heading: it names them all the same.
  else if (heading)
    definitions.push(
      ...[personFromHeading(heading, section)].filter((d) => d !== undefined),
      ...peopleFromKeyLine(lines[heading.line], heading.line, heading.text),
    );
  for (const bullet of section.bullets) definitions.push(...fromBullet(bullet, kind, section, lines[bullet.line]));
  for (const paragraph of section.paragraphs) definitions.push(...peopleFromKeyLine(lines[paragraph.line], paragraph.line, heading?.text));
  definitions.push(...(kind === 'trial' ? trialsFromTable(section) : eventsFromTable(section)));
  return definitions;
}

/** A section takes its kind from its heading, else from the enclosing section (Markdown levels). */
function sectionKinds(sections: Section[]): (EntityKind | undefined)[] {
  const stack: { level: number; kind: EntityKind | undefined }[] = [];
  return sections.map((section) => {
    const heading = section.heading;
    if (!heading) return undefined;
    const own = isTrialName(heading.text) ? 'trial' : kindOfHeading(heading.text);
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    let kind = own ?? stack[stack.length - 1]?.kind;
    // In plain text every heading has level 1: a trial heading (`Trial of the 16`) sits inside the trials section.
    if (own === 'trial' && isTrialName(heading.text)) kind = 'trial';
    if (!isTrialName(heading.text)) stack.push({ level: heading.level, kind });
    return kind;
  });
}

function fromBullet(bullet: Bullet, sectionKind: EntityKind | undefined, section: Section, line: string): NoteDefinition[] {
  if (!bullet.term) return [];
  const term = unmarkedSpan(bullet.term);
  const sectionName = section.heading?.text;
  const contextLines = { from: bullet.line, to: bullet.line };
  const text = clip(bullet.explanation?.text);
  if (
    isTrialName(term.text) &&
    !/\btrials\b/i.test(term.text) &&
    (sectionKind === 'trial' || / of /i.test(term.text) || /\b(1[0-9]{3}|20[0-9]{2})\b/.test(term.text))
  ) {
    return [noteDefinition('trial', term.text, term.range, sectionName, { text, contextLines })];
  }
  // A timeline line anywhere but in a who's-who: the date dates the event the line names.
  if (isDateTerm(term.text)) return sectionKind === 'person' ? [] : datedEvent(bullet, term, sectionName, contextLines);
  switch (sectionKind) {
    case 'cause':
      return readsAsCause(term, bullet, section)
        ? [noteDefinition('cause', term.text, term.range, sectionName, { text, contextLines })]
        : [];
    case 'person': {
      const names = namesOnLine(term.text, term.range.start.line, term.range.start.character);
      return (names ?? []).map((name) => noteDefinition('person', name.text, name.range, sectionName, { text, contextLines }));
    }
    case 'event':
      return eventFromBullet(bullet, term, sectionName, contextLines);
    case undefined:
      return eventFromTerm(bullet, term, line, sectionName, contextLines);
    default:
      return [];
  }
}
