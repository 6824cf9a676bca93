// The one word a person is known by in running text: the last word of their name; for a ruler the
// name before the regnal number (`Nicholas II` → `Nicholas`, never `II`); and the first word where
// the family name comes first and the knowledge lists it alone (`Mao Zedong`, alias `Mao` → `Mao`).
// A title or a territory after a comma or `of` is no surname (`Robert Dudley, Earl of Leicester` →
// `Dudley`, `Marie Louise of Austria` → `Louise`), so `Austria` never names the empress.
const REGNAL_NUMBER = /^[IVX]+$/;

export function surnameOf(name: string, aliases: readonly string[] = []): string {
  const personal = name.split(',')[0].split(/\s+of\s+/)[0];
  const words = personal.split(/\s+/).filter(Boolean);
  while (words.length > 1 && REGNAL_NUMBER.test(words[words.length - 1])) words.pop();
  const last = words[words.length - 1] ?? name;
  if (words.length > 1 && aliases.includes(words[0]) && !aliases.includes(last)) return words[0];
  return last;
}
