// What reading a note found on each of its lines, by the line's text, for a note being edited: an
// edit changes a line or two, and reading the note again looks the others up instead of scanning them.
// Only what a line or a section yields by itself is kept here; what depends on the whole note is made again.
import { movedDefinition, type EntityKind, type NoteDefinition } from './definition';
import { KeptLookup } from './keptLookup';
import { sameList } from './lists';
import type { Bullet, Paragraph, Section } from './model';

/** The runs of name-like words on one line (see scanPhrases): run i is words bounds[i] to bounds[i + 1]. */
export interface LineRuns {
  /** Word numbers (see wordNumbers). */
  words: number[];
  starts: number[];
  flags: number[];
  bounds: number[];
}

/** A person named by shape on one line (see peopleInText), before the note keeps only the first of each. */
export interface NamedOnLine {
  name: string;
  key: string;
  from: number;
  /** The key of the whole run of capitalised words the name stands in, when it is longer. */
  fullRun?: string;
}

/** What a line that is no heading reads as (see parseLines): a bullet, else a paragraph. */
export type LineReading = { bullet: Bullet; paragraph?: undefined } | { bullet?: undefined; paragraph: Paragraph };

/** A line's reading, and the line it was read at. */
export type LineRead = LineReading & { line: number };

/** Where a section may have been among the others at the last reading: in its place, or one place on either side. */
const PLACES_BEFORE = [0, -1, 1];

export class LineMemo {
  private reads = new KeptLookup<LineRead>();
  private runs = new KeptLookup<LineRuns>();
  private people = new KeptLookup<NamedOnLine[]>();
  /** The sections the last reading and this one looked up, in the note's order. */
  private sectionsBefore: SectionSeen[] = [];
  private sectionsNow: SectionSeen[] = [];
  /** Per line of the note being read, the key its runs were found under. */
  private keys: string[] = [];
  private vocabulary?: ReadonlySet<string>;
  private monarchs = '';

  /** Starts reading the note again: what this reading does not look up is forgotten after it. */
  begin(vocabulary: ReadonlySet<string> | undefined): void {
    // Runs depend on the vocabulary: another one makes every line's runs again.
    if (vocabulary !== this.vocabulary) {
      this.runs = new KeptLookup();
      this.people = new KeptLookup();
      this.vocabulary = vocabulary;
    }
    this.runs.next();
    this.people.next();
    this.sectionsBefore = this.sectionsNow;
    this.sectionsNow = [];
    this.keys = [];
  }

  /** Starts parsing the note again: what this parse does not look up is forgotten after it. */
  beginParse(): void {
    this.reads.next();
  }

  /** What `text` read as, and at which line, when the last reading or this one read it; else undefined. */
  readOf(text: string): LineRead | undefined {
    return this.reads.find(text);
  }

  /** Keeps what `text` reads as at `line`. */
  keepRead(text: string, line: number, reading: LineReading): void {
    this.reads.keep(text, { line, ...reading });
  }

  /** The runs of `line`, whose text is `text`, when found before; else undefined, and keepRuns keeps them. */
  runsOf(line: number, text: string, heading: boolean): LineRuns | undefined {
    // A heading's words are all exposed: the same text reads differently as a heading. No line holds a
    // line break, so a heading's key is never a plain line's, and a plain line's key is its text as it is.
    const key = heading ? `\n${text}` : text;
    this.keys[line] = key;
    return this.runs.find(key);
  }

  /** Keeps the runs found on `line` (after runsOf). */
  keepRuns(line: number, runs: LineRuns): LineRuns {
    return this.runs.keep(this.keys[line], runs);
  }

  /** The given names of the monarchs the note names: they change what a line names (see peopleInText). */
  setMonarchs(monarchs: ReadonlySet<string>): void {
    const signature = [...monarchs].sort().join(' ');
    if (signature === this.monarchs) return;
    this.people = new KeptLookup();
    this.monarchs = signature;
  }

  /** The people named by shape on `line`, whose runs runsOf gave, when found before; else undefined. */
  peopleOn(line: number): NamedOnLine[] | undefined {
    const key = this.keys[line];
    return key === undefined ? undefined : this.people.find(key);
  }

  /** Keeps the people named by shape on `line` (after runsOf). */
  keepPeople(line: number, people: NamedOnLine[]): void {
    const key = this.keys[line];
    if (key !== undefined) this.people.keep(key, people);
  }

  /**
   * The definitions of a section with a heading: those the last reading made of the same kind and
   * lines, else made. A heading starts the parse afresh (no code block, table or blank line before it
   * counts), so what a section defines depends on those alone; the section before the first heading
   * follows the front matter and a plain note's title, so it is always read again.
   */
  definitionsOf(
    lines: readonly string[],
    section: Section,
    kind: EntityKind | undefined,
    ordinal: number,
    make: () => NoteDefinition[],
  ): readonly NoteDefinition[] {
    const { start, end } = section.range;
    const texts = lines.slice(start.line, end.line + 1);
    const read = this.readBefore(ordinal, kind, texts) ?? { line: start.line, definitions: make() };
    this.sectionsNow[ordinal] = { kind, texts, read };
    // Unmoved, they are the very definitions read before: a caller comparing them finds them at once (see sameDefinition).
    const moved = start.line - read.line;
    return moved === 0 ? read.definitions : read.definitions.map((definition) => movedDefinition(definition, moved));
  }

  /**
   * What the last reading made of the same section: one in the same place among the others, or one
   * place on (a heading added or taken away before it). Its lines are compared rather than joined into
   * a key: a key made for the edited section at each edit was the most memory an edit took.
   */
  private readBefore(ordinal: number, kind: EntityKind | undefined, texts: readonly string[]): SectionRead | undefined {
    for (const offset of PLACES_BEFORE) {
      const before = this.sectionsBefore[ordinal + offset];
      if (before !== undefined && before.kind === kind && sameList(before.texts, texts)) return before.read;
    }
    return undefined;
  }
}

/** A section as a reading found it, to compare with the section in its place at the next reading. */
interface SectionSeen {
  kind: EntityKind | undefined;
  texts: readonly string[];
  read: SectionRead;
}

/** A section's definitions, and the line they were read at: elsewhere they are moved (see movedDefinition). */
interface SectionRead {
  line: number;
  definitions: NoteDefinition[];
}
