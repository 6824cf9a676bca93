// A map for what is read again and again, as a note being edited is: it keeps, from one reading to
// the next, only the entries the last reading looked up, so it never holds more than one reading's.
export class KeptLookup<T, K = string> {
  /** Each entry with the last reading that looked it up: a hit is one lookup, not a move to a new map. */
  private entries = new Map<K, { value: T; reading: number }>();
  private reading = 0;

  /** Starts a reading: what the last one did not look up is forgotten. */
  next(): void {
    // forEach rather than for…of: no [key, entry] pair made for each of an edited note's lines at each edit.
    this.entries.forEach((entry, key) => {
      if (entry.reading !== this.reading) this.entries.delete(key);
    });
    this.reading++;
  }

  /** The entry for `key`, looked up (it is kept for the next reading), else undefined. */
  find(key: K): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.reading = this.reading;
    return entry.value;
  }

  /**
   * Keeps `value` for `key` and returns it. Two calls, find then keep, rather than one taking a function
   * to make the value: a function made for each line of a note, at each edit, is memory for the collector.
   */
  keep(key: K, value: T): T {
    this.entries.set(key, { value, reading: this.reading });
    return value;
  }
}
