// Word lists are written as lines of space-separated words; lookups are by the lower-case word.

/** The lower-cased words of lines of space-separated words, as a set. */
export function lowercaseWordSet(lines: readonly string[]): ReadonlySet<string> {
  return new Set(
    lines
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => word.toLowerCase()),
  );
}
