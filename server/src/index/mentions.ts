// One document's resolved mentions, stored compactly (word spans into its phrases and an entity id
// each); Mention objects are made only when a request asks for them.
import type { NamePhrases } from '../notes/phrases';
import type { Mention } from './model';
import type { WordSignature, WordSignatureBuilder } from './wordSignature';

/** Sealed mentions as plain data, to keep between sessions: each entity id once, and per mention which. */
export interface DocumentMentionsParts {
  entities: string[];
  which: Int32Array;
  first: Int32Array;
  end: Int32Array;
  suggestions: [number, string][];
}

export class DocumentMentions {
  readonly ids: string[] = [];
  /** Per mention: its first word, and one past its last, in the document's phrases. */
  private firstList: number[] = [];
  private endList: number[] = [];
  first: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
  /** Only misspelt mentions have a suggestion. */
  readonly suggestions = new Map<number, string>();
  /** The words resolving them looked up, when known (see NameChanges); not kept between sessions. */
  private signature?: WordSignature;
  private signatureBuilder?: WordSignatureBuilder;

  constructor(
    readonly uri: string,
    readonly phrases: NamePhrases,
  ) {}

  add(id: string, firstWord: number, endWord: number, suggestion: string | undefined): void {
    if (suggestion !== undefined) this.suggestions.set(this.ids.length, suggestion);
    this.ids.push(id);
    this.firstList.push(firstWord);
    this.endList.push(endWord);
  }

  /** Notes the words resolving them looked up: the signature is made when first asked for, as most edits change no name. */
  lookedUp(builder: WordSignatureBuilder): void {
    this.signatureBuilder = builder;
  }

  get looked(): WordSignature | undefined {
    if (this.signatureBuilder) {
      this.signature = this.signatureBuilder.build();
      this.signatureBuilder = undefined;
    }
    return this.signature;
  }

  seal(): this {
    this.first = Int32Array.from(this.firstList);
    this.end = Int32Array.from(this.endList);
    this.firstList = [];
    this.endList = [];
    return this;
  }

  parts(): DocumentMentionsParts {
    const numbers = new Map<string, number>();
    const which = new Int32Array(this.ids.length);
    for (let i = 0; i < this.ids.length; i++) {
      let number = numbers.get(this.ids[i]);
      if (number === undefined) numbers.set(this.ids[i], (number = numbers.size));
      which[i] = number;
    }
    return { entities: [...numbers.keys()], which, first: this.first, end: this.end, suggestions: [...this.suggestions] };
  }

  /** Sealed mentions again from parts already checked against `phrases` (see storedResolution). */
  static fromParts(uri: string, phrases: NamePhrases, parts: DocumentMentionsParts): DocumentMentions {
    const mentions = new DocumentMentions(uri, phrases);
    for (const number of parts.which) mentions.ids.push(parts.entities[number]);
    for (const [i, suggestion] of parts.suggestions) mentions.suggestions.set(i, suggestion);
    mentions.first = parts.first;
    mentions.end = parts.end;
    return mentions;
  }

  get count(): number {
    return this.ids.length;
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
    const line = this.line(i);
    return {
      entityId: this.ids[i],
      uri: this.uri,
      range: { start: { line, character: this.startCharacter(i) }, end: { line, character: this.endCharacter(i) } },
      surface: this.surface(i),
      suggestion: this.suggestions.get(i),
    };
  }

  /** The words as written. */
  surface(i: number): string {
    const first = this.first[i];
    // Most names are one word: no list to make and join.
    if (this.end[i] === first + 1) return this.phrases.words[first];
    return this.phrases.words.slice(first, this.end[i]).join(' ');
  }

  all(id?: string): Mention[] {
    const mentions: Mention[] = [];
    for (let i = 0; i < this.ids.length; i++) if (id === undefined || this.ids[i] === id) mentions.push(this.mention(i));
    return mentions;
  }

  /**
   * The mentions on the lines `keep` takes, a line at a time in document order (mentions are in that
   * order already). Where most lines do not matter, their mentions are never made.
   */
  byLine(keep: (line: number) => boolean): MentionsOnLine[] {
    const found: MentionsOnLine[] = [];
    for (let i = 0; i < this.ids.length;) {
      const line = this.line(i);
      const from = i;
      while (i < this.ids.length && this.line(i) === line) i++;
      if (keep(line)) found.push(new MentionsOnLine(this, line, from, i));
    }
    return found;
  }

  /** The misspelt mentions, in document order: a few, where a note has thousands of mentions. */
  misspelt(): Mention[] {
    return [...this.suggestions.keys()].sort((a, b) => a - b).map((i) => this.mention(i));
  }

  /** Appends the mentions of `id` to `into`, in document order. */
  collect(id: string, into: Mention[]): void {
    for (let i = 0; i < this.ids.length; i++) if (this.ids[i] === id) into.push(this.mention(i));
  }

  /** How many mentions each entity has here. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const id of this.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
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
      seen.ids.push(this.document.ids[i]);
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
        seen.ids[k] !== document.ids[i] ||
        seen.places[2 * k] !== document.startCharacter(i) ||
        seen.places[2 * k + 1] !== document.endCharacter(i) ||
        seen.surfaces[k] !== document.surface(i)
      )
        return false;
    }
    return true;
  }
}
