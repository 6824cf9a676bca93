// Whether a bullet in a causes section reads as a cause. A long `Origins of the Cold War` section
// holds figures (`33k American soldiers`), places (`In Greece`), lists and quotations as well: only
// a top-level term that names something is a cause.
import type { Bullet, Section, TextSpan } from './model';
import { withoutMarks } from './definition';
import { isPlaceWord } from '../words/places';

const PREPOSITION = /^(in|at|on|by|from|to|during|after|before|with|for|under|over|between|across|into|against|via|as|of)\b/i;

export function readsAsCause(term: TextSpan, bullet: Bullet, section: Section): boolean {
  const text = withoutMarks(term.text);
  if (/^[\d"“‘'($£€]/.test(text) || PREPOSITION.test(text) || text.includes(',')) return false;
  // `The Soviet Union`, `Britain`: a country is a party to the story, not a cause.
  if (
    text
      .replace(/^the\s+/i, '')
      .split(/\s+/)
      .every(isPlaceWord)
  )
    return false;
  // A nested bullet gives a detail of the one above it; a tab and two spaces are one level apart at most.
  const topIndent = Math.min(...section.bullets.map((b) => b.indent));
  return bullet.indent < topIndent + 2;
}
