// Splits a bullet's content into the term it defines, the separator and the explanation:
// `Kirov's Murder – Kirov was shot ...`, `The secret trial of 1937: eight generals ...`, `**Yagoda** (1891-1938) – ...`.
import type { TextSpan } from './model';
import { trimmedSpan } from './spans';
import { wordCount } from './wordCount';

const SEPARATORS = [' – ', ' — ', ' - ', ' -- ', ': ', ' : ', '– ', '— '];
const MAX_TERM_WORDS = 10;
const MAX_TERM_CHARS = 80;
const MAX_BARE_TERM_WORDS = 6;

export interface BulletParts {
  term?: TextSpan;
  separator?: string;
  explanation?: TextSpan;
}

export function splitBulletContent(raw: string, line: number, contentStart: number): BulletParts {
  const bold = /^(\*\*|__)(.+?)\1/.exec(raw.slice(contentStart));
  if (bold) return splitAfterBoldTerm(raw, line, contentStart, bold[2], bold[0].length);

  let best = -1;
  let bestSeparator = '';
  for (const separator of SEPARATORS) {
    const at = raw.indexOf(separator, contentStart);
    if (at > contentStart && (best === -1 || at < best)) {
      best = at;
      bestSeparator = separator;
    }
  }
  if (best !== -1) {
    const term = trimmedSpan(raw, line, contentStart, best);
    if (term && isTermLike(term.text, MAX_TERM_WORDS)) {
      return {
        term: stripTrailingParenthetical(term, raw, line),
        separator: bestSeparator.trim(),
        explanation: trimmedSpan(raw, line, best + bestSeparator.length, raw.length),
      };
    }
  }
  const whole = trimmedSpan(raw, line, contentStart, raw.length);
  if (whole && isTermLike(whole.text, MAX_BARE_TERM_WORDS) && !/[.!?]$/.test(whole.text)) return { term: whole };
  return { explanation: whole };
}

function splitAfterBoldTerm(raw: string, line: number, contentStart: number, inner: string, boldLength: number): BulletParts {
  const innerStart = contentStart + 2;
  // `**Stalin's paranoia:** ...` carries its separator inside the bold.
  const inside = /\s*([:–—])$/.exec(inner);
  const term = trimmedSpan(raw, line, innerStart, innerStart + inner.length - (inside?.[0].length ?? 0));
  let rest = contentStart + boldLength;
  // Skip a parenthetical such as `(1934)` or `(1891-1938)` between the term and its separator.
  const parenthetical = /^\s*\([^)]*\)/.exec(raw.slice(rest));
  const afterParenthetical = parenthetical ? rest + parenthetical[0].length : rest;
  const separator = inside ? undefined : /^\s*(--|[–—:-])\s*/.exec(raw.slice(afterParenthetical));
  if (separator) rest = afterParenthetical + separator[0].length;
  return { term, separator: inside?.[1] ?? separator?.[1], explanation: trimmedSpan(raw, line, rest, raw.length) };
}

function isTermLike(text: string, maxWords: number): boolean {
  return text.length <= MAX_TERM_CHARS && wordCount(text) <= maxWords && /[\p{L}\p{N}]/u.test(text);
}

/** `Congress of Victors (1934)` defines `Congress of Victors`. */
function stripTrailingParenthetical(term: TextSpan, raw: string, line: number): TextSpan {
  const match = /\s*\([^)]*\)$/.exec(term.text);
  if (!match || match.index === 0) return term;
  const start = term.range.start.character;
  return trimmedSpan(raw, line, start, start + match.index) ?? term;
}
