// The one word a person is known by in running text: the last word of their name; for a ruler the
// name before the regnal number (`Nicholas II` → `Nicholas`, never `II`); and the first word where
// the family name comes first and the knowledge lists it alone (`Mao Zedong`, alias `Mao` → `Mao`).
const REGNAL_NUMBER = /^[IVX]+$/;

export function surnameOf(name: string, aliases: readonly string[] = []): string {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && REGNAL_NUMBER.test(words[words.length - 1])) words.pop();
  const last = words[words.length - 1] ?? name;
  if (words.length > 1 && aliases.includes(words[0]) && !aliases.includes(last)) return words[0];
  return last;
}
