// The lists of references of many entities from one pass over the documents. Made one entity at a
// time, a list visits every document that names the entity (its uri sorted, the document found, the
// entity found among the document's): 3.6 ms a thousand locations at 10,000 notes, where a document
// names most entities once or twice. One pass pays for each document once, whatever it names.
import { LocationList } from './locationLists';
import type { DocumentMentions } from './mentions';

/** An entity whose list to make, with how many mentions it has and in how many documents, as the entity table counts them. */
export interface ListToMake {
  id: string;
  mentions: number;
  documents: number;
}

/**
 * Makes the lists of `wanted`, each as LocationList.of would make it from the entity's mentions in
 * document order, a slice at a time (a pass took 160-210 ms at 10,000 notes). `documents`: every
 * document's mentions, in document order, which must not change meanwhile.
 */
export class LocationSweep {
  private readonly builders: Map<string, ListBuilder>;
  private next = 0;

  constructor(
    private readonly documents: readonly DocumentMentions[],
    wanted: readonly ListToMake[],
  ) {
    this.builders = new Map(wanted.map((w) => [w.id, new ListBuilder(w.mentions, w.documents)]));
  }

  /** Goes on until `deadline`; true while documents are left. */
  step(deadline: number): boolean {
    const target = (id: string): ListBuilder | undefined => this.builders.get(id);
    while (this.next < this.documents.length) {
      const mentions = this.documents[this.next++];
      mentions.forEachOf(target, (builder, i) => builder.add(mentions, i));
      if (performance.now() >= deadline) break;
    }
    return this.next < this.documents.length;
  }

  /**
   * Once done: the lists made, in the order wanted. A list whose mentions are not those counted is
   * left out: the caller makes it the slow way.
   */
  lists(): Map<string, LocationList> {
    const lists = new Map<string, LocationList>();
    for (const [id, builder] of this.builders) {
      const list = builder.list();
      if (list) lists.set(id, list);
    }
    return lists;
  }
}

/** One entity's list as the pass finds its mentions, in arrays its counts size: a count found wrong leaves the list out. */
class ListBuilder {
  private readonly uris: string[] = [];
  private readonly ends: Int32Array;
  private readonly places: Int32Array;
  private count = 0;
  private last?: DocumentMentions;
  private overflow = false;

  constructor(mentions: number, documents: number) {
    this.ends = new Int32Array(documents);
    this.places = new Int32Array(3 * mentions);
  }

  add(mentions: DocumentMentions, i: number): void {
    if (mentions !== this.last) {
      this.last = mentions;
      this.uris.push(mentions.uri);
    }
    const m = this.count++;
    if (3 * m >= this.places.length || this.uris.length > this.ends.length) {
      this.overflow = true;
      return;
    }
    this.places[3 * m] = mentions.line(i);
    this.places[3 * m + 1] = mentions.startCharacter(i);
    this.places[3 * m + 2] = mentions.endCharacter(i);
    this.ends[this.uris.length - 1] = m + 1;
  }

  list(): LocationList | undefined {
    const complete = !this.overflow && 3 * this.count === this.places.length && this.uris.length === this.ends.length;
    return complete ? new LocationList(this.uris, this.ends, this.places) : undefined;
  }
}
