// One document's resolved mentions, stored compactly (word spans into its phrases and an entity id
// each); Mention objects are made only when a request asks for them.
import type { NamePhrases } from '../notes/phrases';
import type { Mention } from './model';

export class DocumentMentions {
  readonly ids: string[] = [];
  /** Per mention: its first word, and one past its last, in the document's phrases. */
  private firstList: number[] = [];
  private endList: number[] = [];
  first = new Int32Array(0);
  end = new Int32Array(0);
  /** Only misspelt mentions have a suggestion. */
  readonly suggestions = new Map<number, string>();

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

  seal(): this {
    this.first = Int32Array.from(this.firstList);
    this.end = Int32Array.from(this.endList);
    this.firstList = [];
    this.endList = [];
    return this;
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
    return this.phrases.words.slice(this.first[i], this.end[i]).join(' ');
  }

  all(id?: string): Mention[] {
    const mentions: Mention[] = [];
    for (let i = 0; i < this.ids.length; i++) if (id === undefined || this.ids[i] === id) mentions.push(this.mention(i));
    return mentions;
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
