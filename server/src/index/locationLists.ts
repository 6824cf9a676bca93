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

  /** The same locations, flat: `locations` in document order, each document's together. */
  static of(locations: readonly Location[]): LocationList {
    const uris: string[] = [];
    const ends: number[] = [];
    const places = new Int32Array(3 * locations.length);
    locations.forEach(({ uri, range }, m) => {
      if (uri !== uris.at(-1)) {
        uris.push(uri);
        ends.push(m);
      }
      ends[ends.length - 1] = m + 1;
      places[3 * m] = range.start.line;
      places[3 * m + 1] = range.start.character;
      places[3 * m + 2] = range.end.character;
    });
    return new LocationList(uris, Int32Array.from(ends), places);
  }

  get count(): number {
    return this.places.length / 3;
  }

  locations(): Location[] {
    const made: Location[] = [];
    let m = 0;
    this.uris.forEach((uri, d) => {
      for (; m < this.ends[d]; m++) {
        const line = this.places[3 * m];
        made.push({ uri, range: { start: { line, character: this.places[3 * m + 1] }, end: { line, character: this.places[3 * m + 2] } } });
      }
    });
    return made;
  }
}

/**
 * The long lists last asked for (shorter ones are quick to make again), up to `limit` locations in
 * all, twelve bytes each; an entity's list is forgotten when a note that mentions it, before or
 * after, changes.
 */
export class LocationLists {
  /** In the order last asked for, oldest first. */
  private readonly lists = new Map<string, LocationList>();
  private held = 0;

  constructor(
    private readonly limit: number,
    private readonly shortest: number,
  ) {}

  get(id: string): LocationList | undefined {
    const list = this.lists.get(id);
    if (list) {
      this.lists.delete(id);
      this.lists.set(id, list);
    }
    return list;
  }

  /** Keeps `locations` as `id`'s list, when long enough to be worth it and short enough to fit. */
  keep(id: string, locations: readonly Location[]): void {
    this.forget(id);
    if (locations.length < this.shortest || locations.length > this.limit) return;
    const list = LocationList.of(locations);
    this.lists.set(id, list);
    this.held += list.count;
    for (const [oldest, old] of this.lists) {
      if (this.held <= this.limit) break;
      this.lists.delete(oldest);
      this.held -= old.count;
    }
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
