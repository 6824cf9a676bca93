// The one word a person is known by in running text: the last word of their name, or for a ruler
// the name before the regnal number (`Nicholas II` → `Nicholas`, never `II`).
const REGNAL_NUMBER = /^[IVX]+$/;

export function surnameOf(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && REGNAL_NUMBER.test(words[words.length - 1])) words.pop();
  return words[words.length - 1] ?? name;
}
