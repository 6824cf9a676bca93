// One document's resolved mentions, stored compactly (word spans into its phrases and an entity id
// each); Mention objects are made only when a request asks for them.
import { grownToHold } from '../notes/grownArray';
import { sameList } from '../notes/lists';
import type { NamePhrases } from '../notes/phrases';
import type { Location, Mention } from './model';
import type { LineMention } from './resolutionMemo';

/** Sealed mentions as plain data, to keep between sessions: each entity id once, and per mention which. */
export interface DocumentMentionsParts {
  entities: string[];
  which: Int32Array;
  first: Int32Array;
  end: Int32Array;
  suggestions: [number, string][];
}

/**
 * How a note resolved through a ResolutionMemo got its mentions: each line with mentions (ascending)
 * and the memo's array it took them from. The memo gives the same array while a line's runs (its text)
 * and nearest year are as they were, so with the same `namesSomeone` (which drops guesses) the same
 * array means the same mentions on that line.
 */
export interface LineResolutions {
  lines: readonly number[];
  found: readonly (readonly LineMention[])[];
  namesSomeone: boolean;
}

/** Mentions as they are added: entity numbers by id, and typed arrays with room for them, cut to size at seal. */
class Adding {
  readonly numbers = new Map<string, number>();
  count = 0;
  which: Int32Array;
  first: Int32Array;
  end: Int32Array;

  constructor(room: number) {
    this.which = new Int32Array(room);
    this.first = new Int32Array(room);
    this.end = new Int32Array(room);
  }

  push(which: number, first: number, end: number): void {
    this.which = grownToHold(this.which, this.count + 1);
    this.first = grownToHold(this.first, this.count + 1);
    this.end = grownToHold(this.end, this.count + 1);
    this.which[this.count] = which;
    this.first[this.count] = first;
    this.end[this.count] = end;
    this.count++;
  }
}

export class DocumentMentions {
  /**
   * Each entity mentioned once, and per mention which: finding an entity's mentions compares numbers,
   * not ids (scanning the 7,000 notes that name a trial for it took 60 ms by id), in half the memory.
   */
  private entities: string[] = [];
  private which: Int32Array = new Int32Array(0);
  /** Per mention: its first word, and one past its last, in the document's phrases. */
  first: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
  /** While mentions are added, before seal. */
  private adding?: Adding;
  /** Only misspelt mentions have a suggestion. */
  readonly suggestions = new Map<number, string>();
  /** For a note being edited (resolved through a memo): where each line's mentions came from. */
  lineResolutions?: LineResolutions;

  /** `room`: how many mentions are likely to be added (more may be): an edited note's are made again at each edit. */
  constructor(
    readonly uri: string,
    readonly phrases: NamePhrases,
    private readonly room = 16,
  ) {}

  add(id: string, firstWord: number, endWord: number, suggestion: string | undefined): void {
    const adding = (this.adding ??= new Adding(this.room));
    if (suggestion !== undefined) this.suggestions.set(adding.count, suggestion);
    let number = adding.numbers.get(id);
    if (number === undefined) adding.numbers.set(id, (number = this.entities.push(id) - 1));
    adding.push(number, firstWord, endWord);
  }

  /**
   * Whether `other`, resolved from the same phrases, finds the same entities at the same words with
   * the same suggestions. Both are sealed.
   */
  sameAs(other: DocumentMentions): boolean {
    return (
      this.phrases === other.phrases &&
      sameList(this.which, other.which) &&
      sameList(this.first, other.first) &&
      sameList(this.end, other.end) &&
      sameList(this.entities, other.entities) &&
      this.suggestions.size === other.suggestions.size &&
      [...this.suggestions].every(([i, suggestion]) => other.suggestions.get(i) === suggestion)
    );
  }

  seal(): this {
    if (!this.adding) return this;
    const { which, first, end, count } = this.adding;
    this.which = which.slice(0, count);
    this.first = first.slice(0, count);
    this.end = end.slice(0, count);
    this.adding = undefined;
    return this;
  }

  /** Entities are numbered in the order first mentioned, as they are kept between sessions. */
  parts(): DocumentMentionsParts {
    return { entities: this.entities, which: this.which, first: this.first, end: this.end, suggestions: [...this.suggestions] };
  }

  /** Sealed mentions again from parts already checked against `phrases` (see storedResolution). */
  static fromParts(uri: string, phrases: NamePhrases, parts: DocumentMentionsParts): DocumentMentions {
    const mentions = new DocumentMentions(uri, phrases);
    for (const [i, suggestion] of parts.suggestions) mentions.suggestions.set(i, suggestion);
    mentions.entities = parts.entities;
    mentions.which = parts.which;
    mentions.first = parts.first;
    mentions.end = parts.end;
    return mentions;
  }

  get count(): number {
    return this.which.length;
  }

  /** The entity of mention `i`. */
  id(i: number): string {
    return this.entities[this.which[i]];
  }

  line(i: number): number {
    return this.phrases.lines[this.first[i]];
  }

  startCharacter(i: number): number {
    return this.phrases.starts[this.first[i]];
  }

  endCharacter(i: number): number {
    return this.phrases.end(this.end[i] - 1);
  }

  mention(i: number): Mention {
    const { uri, range } = this.location(i);
    return { entityId: this.id(i), uri, range, surface: this.surface(i), suggestion: this.suggestions.get(i) };
  }

  /** Where mention `i` is, and nothing else: all a list of references needs. */
  location(i: number): Location {
    const line = this.line(i);
    return { uri: this.uri, range: { start: { line, character: this.startCharacter(i) }, end: { line, character: this.endCharacter(i) } } };
  }

  /** The words as written. */
  surface(i: number): string {
    const first = this.first[i];
    // Most names are one word: no list to make and join.
    if (this.end[i] === first + 1) return this.phrases.word(first);
    return this.phrases.texts(first, this.end[i]).join(' ');
  }

  /** Whether mention `i` is written `text`, asked without making its words into one text. */
  writtenAs(i: number, text: string): boolean {
    let at = 0;
    for (let w = this.first[i]; w < this.end[i]; w++) {
      if (at > 0 && text.charCodeAt(at++) !== 32) return false;
      const word = this.phrases.word(w);
      if (!text.startsWith(word, at)) return false;
      at += word.length;
    }
    return at === text.length;
  }

  all(id?: string): Mention[] {
    const mentions: Mention[] = [];
    if (id !== undefined) this.collect(id, mentions, (i) => this.mention(i));
    else for (let i = 0; i < this.count; i++) mentions.push(this.mention(i));
    return mentions;
  }

  /**
   * The mentions on the lines `keep` takes, a line at a time in document order (mentions are in that
   * order already). Where most lines do not matter, their mentions are never made.
   */
  byLine(keep: (line: number) => boolean): MentionsOnLine[] {
    const found: MentionsOnLine[] = [];
    for (let i = 0; i < this.count;) {
      const line = this.line(i);
      const from = i;
      while (i < this.count && this.line(i) === line) i++;
      if (keep(line)) found.push(new MentionsOnLine(this, line, from, i));
    }
    return found;
  }

  /** The misspelt mentions, in document order: a few, where a note has thousands of mentions. */
  misspelt(): Mention[] {
    return [...this.suggestions.keys()].sort((a, b) => a - b).map((i) => this.mention(i));
  }

  /** Appends what `make` makes of each mention of `id` to `into`, in document order. */
  collect<T>(id: string, into: T[], make: (i: number) => T): void {
    const number = this.entities.indexOf(id);
    if (number === -1) return;
    for (let i = 0; i < this.which.length; i++) if (this.which[i] === number) into.push(make(i));
  }

  /** How many mentions each entity has here. */
  counts(): Map<string, number> {
    const byNumber = new Int32Array(this.entities.length);
    for (const number of this.which) byNumber[number]++;
    const counts = new Map<string, number>();
    this.entities.forEach((id, number) => counts.set(id, byNumber[number]));
    return counts;
  }
}

/** What tells a line's mentions from another's: their entities, places and words as written, in order. */
export interface MentionsSeen {
  ids: string[];
  /** Start and end character of each. */
  places: number[];
  surfaces: string[];
}

/** The mentions on one line of a document, made only when asked for. */
export class MentionsOnLine {
  constructor(
    private readonly document: DocumentMentions,
    readonly line: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  mentions(): Mention[] {
    const made: Mention[] = [];
    for (let i = this.from; i < this.to; i++) made.push(this.document.mention(i));
    return made;
  }

  /** A copy to keep: it holds nothing of the document. */
  seen(): MentionsSeen {
    const seen: MentionsSeen = { ids: [], places: [], surfaces: [] };
    for (let i = this.from; i < this.to; i++) {
      seen.ids.push(this.document.id(i));
      seen.places.push(this.document.startCharacter(i), this.document.endCharacter(i));
      seen.surfaces.push(this.document.surface(i));
    }
    return seen;
  }

  /** Whether these are the mentions `seen` (on any line of any note), with nothing made to compare them. */
  matches(seen: MentionsSeen): boolean {
    const { document, from } = this;
    if (seen.ids.length !== this.to - from) return false;
    for (let k = 0; k < seen.ids.length; k++) {
      const i = from + k;
      if (
        seen.ids[k] !== document.id(i) ||
        seen.places[2 * k] !== document.startCharacter(i) ||
        seen.places[2 * k + 1] !== document.endCharacter(i) ||
        !document.writtenAs(i, seen.surfaces[k])
      )
        return false;
    }
    return true;
  }
}
