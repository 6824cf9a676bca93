// The years a note writes, by line: what tells `Cromwell` in a line on 1536 (Thomas) from `Cromwell`
// in a line on 1649 (Oliver) when the notes span both periods.
import { sameList } from './lists';

/** A four-digit year from 1000 to 2099, not part of a longer number or word. */
const YEAR = /(?<![\p{L}\p{N}])(?:1\d{3}|20\d{2})(?![\p{L}\p{N}])/u;
/** What YEAR needs at the least: most lines have no four digits, and this costs far less to ask. */
const FOUR_DIGITS = /[12]\d{3}/;

export interface LineYearsParts {
  lines: Int32Array;
  years: Int16Array;
}

export class LineYears {
  /** Lines that write a year, ascending, and the first year each writes. */
  private constructor(
    private readonly lines: Int32Array,
    private readonly years: Int16Array,
  ) {}

  static of(lines: readonly string[], skipped: ReadonlySet<number> = new Set()): LineYears {
    const at: number[] = [];
    const years: number[] = [];
    lines.forEach((text, line) => {
      if (skipped.has(line) || !FOUR_DIGITS.test(text)) return;
      // Where, rather than a match: no list made for each line with a year, at each edit of an open note.
      const where = text.search(YEAR);
      if (where < 0) return;
      at.push(line);
      years.push(fourDigits(text, where));
    });
    return new LineYears(Int32Array.from(at), Int16Array.from(years));
  }

  /** The two arrays, for keeping between sessions (see factsCache). */
  parts(): LineYearsParts {
    return { lines: this.lines, years: this.years };
  }

  static fromParts(parts: LineYearsParts): LineYears {
    return new LineYears(parts.lines, parts.years);
  }

  /** Whether `other` has the same years on the same lines. */
  sameAs(other: LineYears): boolean {
    return sameList(this.lines, other.lines) && sameList(this.years, other.years);
  }

  /** The year written on `line`, else on the nearest line above it, else below it; undefined in a note with no year. */
  near(line: number): number | undefined {
    const n = this.lines.length;
    if (n === 0) return undefined;
    // The last line with a year at or above `line`.
    let low = 0;
    let high = n - 1;
    let above = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.lines[mid] <= line) {
        above = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return this.years[above >= 0 ? above : 0];
  }
}

/** The number the four digits at `at` write. */
function fourDigits(text: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 4; i++) value = 10 * value + text.charCodeAt(i) - 48;
  return value;
}
