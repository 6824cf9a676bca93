// A map for what is read again and again, as a note being edited is: it keeps, from one reading to
// the next, only the entries the last reading looked up, so it never holds more than one reading's.
export class KeptLookup<T> {
  private now = new Map<string, T>();
  private before = new Map<string, T>();

  /** Starts a reading: what the last one did not look up is forgotten. */
  next(): void {
    this.before = this.now;
    this.now = new Map();
  }

  /** The entry for `key`, looked up, else made. */
  get(key: string, make: () => T): T {
    let value = this.now.get(key) ?? this.before.get(key);
    if (value === undefined) value = make();
    this.now.set(key, value);
    return value;
  }
}
