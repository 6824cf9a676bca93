// Where an entity is mentioned, kept flat for the entities whose references were asked for lately.
// Made from the notes' mentions, a list reaches into each note's phrases at scattered places (for an
// entity 4,000 notes name, most of the time to list its references went on waiting for memory); kept,
// it is read straight through.
import type { Location } from './model';

/** An entity's mention locations in document order: per document its uri, and per mention line, start and end. */
export class LocationList {
  constructor(
    private readonly uris: readonly string[],
    /** Per document, one past its last mention. */
    private readonly ends: Int32Array,
    /** Per mention: line, start character, end character. */
    private readonly places: Int32Array,
  ) {}

  get count(): number {
    return this.places.length / 3;
  }

  locations(): Location[] {
    const made = new Array<Location>(this.count);
    let m = 0;
    this.uris.forEach((uri, d) => {
      for (; m < this.ends[d]; m++) {
        const line = this.places[3 * m];
        made[m] = { uri, range: { start: { line, character: this.places[3 * m + 1] }, end: { line, character: this.places[3 * m + 2] } } };
      }
    });
    return made;
  }
}

/** Builds a LocationList a document at a time. */
export class LocationListBuilder {
  private readonly uris: string[] = [];
  private readonly ends: number[] = [];
  private readonly places: number[] = [];

  document(uri: string): void {
    this.uris.push(uri);
    this.ends.push(this.ends.at(-1) ?? 0);
  }

  add(line: number, start: number, end: number): void {
    this.places.push(line, start, end);
    this.ends[this.ends.length - 1]++;
  }

  build(): LocationList {
    return new LocationList(this.uris, Int32Array.from(this.ends), Int32Array.from(this.places));
  }
}

/**
 * The lists last asked for, up to `limit` locations in all (twelve bytes each); an entity's list is
 * forgotten when a note that mentions it, before or after, changes.
 */
export class LocationLists {
  /** In the order last asked for, oldest first. */
  private readonly lists = new Map<string, LocationList>();
  private held = 0;

  constructor(private readonly limit: number) {}

  get(id: string): LocationList | undefined {
    const list = this.lists.get(id);
    if (list) {
      this.lists.delete(id);
      this.lists.set(id, list);
    }
    return list;
  }

  keep(id: string, list: LocationList): LocationList {
    this.forget(id);
    if (list.count > this.limit) return list;
    this.lists.set(id, list);
    this.held += list.count;
    for (const [oldest, old] of this.lists) {
      if (this.held <= this.limit) break;
      this.lists.delete(oldest);
      this.held -= old.count;
    }
    return list;
  }

  forget(id: string): void {
    const list = this.lists.get(id);
    if (!list) return;
    this.lists.delete(id);
    this.held -= list.count;
  }

  get size(): number {
    return this.lists.size;
  }
}
