// How many times each key was counted, for the index's many small tallies: the spellings of a name,
// the entities one name means, the documents an entity is named in. Nearly all of them hold a single
// key (at 10,000 notes, about 250,000 of them did), and a Map costs about 300 bytes even then, so one
// key is kept in two fields and a Map is made only for a second.

export class Tally {
  /** The one key while there is one and no Map. */
  private onlyKey?: string;
  private onlyCount = 0;
  /** Every key, once there have been two at a time. */
  private counts?: Map<string, number>;

  get size(): number {
    if (this.counts) return this.counts.size;
    return this.onlyKey === undefined ? 0 : 1;
  }

  /** The key's count; 0 when it is not there. */
  get(key: string): number {
    if (this.counts) return this.counts.get(key) ?? 0;
    return key === this.onlyKey ? this.onlyCount : 0;
  }

  has(key: string): boolean {
    return this.get(key) > 0;
  }

  /** Sets the key's count; a count of 0 or less takes the key out. */
  set(key: string, count: number): void {
    if (this.counts) {
      if (count > 0) this.counts.set(key, count);
      else if (this.counts.delete(key) && this.counts.size <= 1) this.backToFields(this.counts);
    } else if (count <= 0) {
      if (key === this.onlyKey) this.onlyKey = undefined;
    } else if (this.onlyKey === undefined || key === this.onlyKey) {
      this.onlyKey = key;
      this.onlyCount = count;
    } else {
      this.counts = new Map([
        [this.onlyKey, this.onlyCount],
        [key, count],
      ]);
      this.onlyKey = undefined;
    }
  }

  /** Adds `by` (-1 takes one away) to the key's count. */
  add(key: string, by = 1): void {
    this.set(key, this.get(key) + by);
  }

  *entries(): IterableIterator<[string, number]> {
    if (this.counts) yield* this.counts;
    else if (this.onlyKey !== undefined) yield [this.onlyKey, this.onlyCount];
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  /** Keys left by a removal: none or one go back to the fields, so the Map can go. */
  private backToFields(counts: Map<string, number>): void {
    this.counts = undefined;
    this.onlyKey = undefined;
    for (const [key, count] of counts) {
      this.onlyKey = key;
      this.onlyCount = count;
    }
  }
}
