// Word lists kept as lists, made into patterns here: long alternations stay readable and in reach.

/** `(?:a|b|c)`: any of the words, as a pattern source. */
export function anyOf(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}

/** The words of a list written as lines of space-separated words. */
export function wordList(...lines: string[]): string[] {
  return lines.join(' ').split(/\s+/).filter(Boolean);
}
