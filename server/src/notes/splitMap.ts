// A Map by text for hundreds of thousands of texts, split in many smaller Maps. A Map grows by
// copying every entry into a table twice the size, all in one go: at 600,000 texts (the interned
// words and names of 10,000 notes) that held the event loop for 33-45 ms. Split in 64, each Map's
// growth copies a 64th as much.

const SPLIT = 64;

export class SplitMap<V> {
  private readonly parts = Array.from({ length: SPLIT }, () => new Map<string, V>());

  get(text: string): V | undefined {
    return this.partOf(text).get(text);
  }

  set(text: string, value: V): this {
    this.partOf(text).set(text, value);
    return this;
  }

  get size(): number {
    let size = 0;
    for (const part of this.parts) size += part.size;
    return size;
  }

  /** Which part by the length and three characters: cheaper than a hash of the whole text, and words differ there. */
  private partOf(text: string): Map<string, V> {
    const length = text.length;
    if (length === 0) return this.parts[0];
    const spread = length * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(length >> 1) * 3 + text.charCodeAt(length - 1);
    return this.parts[spread & (SPLIT - 1)];
  }
}
