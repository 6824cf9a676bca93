// How often a phrase is written in a note, in any case, each word with or without a final `s` or
// `'s`: "Stalin's paranoia", "economic failure" for "Economic failures". Essay coverage counts the
// causes a student writes in their own case with it.

export function phraseCount(lines: readonly string[], phrase: string): number {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const pattern = words
    .map((word) => {
      const stem = word.length > 3 ? word.replace(/(['’]s|s)$/i, '') : word;
      return `${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:['’]?s)?`;
    })
    .join('\\s+');
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');
  return lines.reduce((count, line) => count + (line.match(matcher) ?? []).length, 0);
}
