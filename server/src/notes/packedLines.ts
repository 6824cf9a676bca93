// A note's lines as UTF-8 bytes, for the notes of a folder that are not open. As strings they took
// about twice their size on disk (V8 keeps a whole text at two bytes a character once one character
// needs it, and the notes students paste hold dashes and curly quotes) plus an object per line.

export class PackedLines {
  /** Line i is bytes[starts[i]] up to bytes[starts[i + 1]]. */
  private constructor(
    private readonly bytes: Buffer,
    private readonly starts: Int32Array,
  ) {}

  /** Undefined when a line holds half a surrogate pair, which UTF-8 cannot keep as it is. */
  static of(lines: readonly string[]): PackedLines | undefined {
    const starts = new Int32Array(lines.length + 1);
    let size = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].isWellFormed()) return undefined;
      starts[i] = size;
      size += Buffer.byteLength(lines[i]);
    }
    starts[lines.length] = size;
    const bytes = Buffer.allocUnsafeSlow(size);
    for (let i = 0; i < lines.length; i++) bytes.write(lines[i], starts[i]);
    return new PackedLines(bytes, starts);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  line(n: number): string | undefined {
    return n >= 0 && n < this.count ? this.decode(n) : undefined;
  }

  /** Every line as a string again: made afresh at each call. */
  all(): string[] {
    return Array.from({ length: this.count }, (_, n) => this.decode(n));
  }

  private decode(n: number): string {
    return this.bytes.toString('utf8', this.starts[n], this.starts[n + 1]);
  }
}
