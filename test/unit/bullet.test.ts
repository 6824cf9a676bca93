// Splitting a bullet's content into the term it defines, the separator and the explanation.
import * as assert from 'node:assert/strict';
import { splitBulletContent, type BulletParts } from '../../server/src/notes/bullet';

interface Read {
  term?: string;
  separator?: string;
  explanation?: string;
}

/** Splits `raw` (content starting at `from`) and reads each part back through its range. */
function split(raw: string, from: number, line = 0): Read {
  const parts: BulletParts = splitBulletContent(raw, line, from);
  const read: Read = {};
  for (const key of ['term', 'explanation'] as const) {
    const part = parts[key];
    if (!part) continue;
    assert.equal(part.range.start.line, line);
    assert.equal(part.range.end.line, line);
    const covered = raw.slice(part.range.start.character, part.range.end.character);
    assert.equal(covered, part.text, `${key} text and range agree`);
    read[key] = covered;
  }
  if (parts.separator !== undefined) read.separator = parts.separator;
  return read;
}

describe('splitBulletContent', () => {
  it('splits `Term – explanation` at an en dash', () => {
    assert.deepEqual(split("  • Kirov's Murder – Kirov was shot in Leningrad in December 1934.", 4), {
      term: "Kirov's Murder",
      separator: '–',
      explanation: 'Kirov was shot in Leningrad in December 1934.',
    });
  });

  it('splits at an em dash, a spaced hyphen, a double hyphen and a colon', () => {
    assert.deepEqual(split('• Stalins Paranoia — he trusted nobody', 2), {
      term: 'Stalins Paranoia',
      separator: '—',
      explanation: 'he trusted nobody',
    });
    assert.deepEqual(split('• Economics - the plans failed', 2), { term: 'Economics', separator: '-', explanation: 'the plans failed' });
    assert.deepEqual(split('• Economics -- the plans failed', 2), { term: 'Economics', separator: '--', explanation: 'the plans failed' });
    assert.deepEqual(split('• The secret trial of 1937: eight generals were shot.', 2), {
      term: 'The secret trial of 1937',
      separator: ':',
      explanation: 'eight generals were shot.',
    });
  });

  it('splits at the first separator on the line, whichever it is', () => {
    assert.deepEqual(split('• Fear of war: Hitler – a threat', 2), {
      term: 'Fear of war',
      separator: ':',
      explanation: 'Hitler – a threat',
    });
    assert.deepEqual(split('• Kirov – the boss: popular', 2), { term: 'Kirov', separator: '–', explanation: 'the boss: popular' });
  });

  it('does not split at the hyphen inside a word (Five-year plans)', () => {
    assert.deepEqual(split('• Five-year plans – from 1928', 2), { term: 'Five-year plans', separator: '–', explanation: 'from 1928' });
  });

  it('drops a trailing parenthetical from the term: `Congress of Victors (1934) – ...`', () => {
    assert.deepEqual(split('• Congress of Victors (1934) – many delegates voted against Stalin', 2), {
      term: 'Congress of Victors',
      separator: '–',
      explanation: 'many delegates voted against Stalin',
    });
  });

  it('takes a short bullet with no separator and no full stop as a bare term', () => {
    assert.deepEqual(split('• The Gulag', 2), { term: 'The Gulag' });
  });

  it('takes a sentence as an explanation only: a final full stop, or more than six words', () => {
    assert.deepEqual(split('• Stalin was left with no rivals.', 2), { explanation: 'Stalin was left with no rivals.' });
    assert.deepEqual(split('• one two three four five six seven', 2), { explanation: 'one two three four five six seven' });
  });

  it('takes no term when the text before the separator is more than ten words', () => {
    const raw = '• Around 1.5 million people were arrested by the NKVD in the years 1937-38 – most were shot';
    assert.deepEqual(split(raw, 2), { explanation: raw.slice(2) });
  });

  it('reads a bold term: `**Yagoda** – ...`, `__Yagoda__ – ...`', () => {
    assert.deepEqual(split('- **Yagoda** – head of the NKVD', 2), { term: 'Yagoda', separator: '–', explanation: 'head of the NKVD' });
    assert.deepEqual(split('- __Yagoda__ – head of the NKVD', 2), { term: 'Yagoda', separator: '–', explanation: 'head of the NKVD' });
  });

  it('reads a bold term followed by a year or a life in brackets and then a separator', () => {
    assert.deepEqual(split('- **Kirov’s murder** (1934): Nikolaev shot Kirov', 2), {
      term: 'Kirov’s murder',
      separator: ':',
      explanation: 'Nikolaev shot Kirov',
    });
    assert.deepEqual(split('1. **Yagoda** (1891-1938) – head of the NKVD', 3), {
      term: 'Yagoda',
      separator: '–',
      explanation: 'head of the NKVD',
    });
  });

  it('reads a bold term with no separator, the rest being the explanation', () => {
    assert.deepEqual(split('- **Kirov – the boss** was popular', 2), { term: 'Kirov – the boss', explanation: 'was popular' });
    assert.deepEqual(split('- **Kirov**', 2), { term: 'Kirov' });
  });

  it('keeps UTF-16 offsets after a tab indent and an emoji', () => {
    assert.deepEqual(split('\t• 📌 Kirov – shot in 1934', 3, 7), { term: '📌 Kirov', separator: '–', explanation: 'shot in 1934' });
    const parts = splitBulletContent('\t• 📌 Kirov – shot in 1934', 7, 3);
    assert.deepEqual(parts.explanation?.range, { start: { line: 7, character: 14 }, end: { line: 7, character: 26 } });
  });

  it('returns nothing for a blank bullet', () => {
    const parts = splitBulletContent('•   ', 0, 2);
    assert.equal(parts.term, undefined);
    assert.equal(parts.explanation, undefined);
    assert.equal(parts.separator, undefined);
  });

  // Regression (fixed): after a bold term, the separator pattern /^\s*([–—:-]|--)\s*/ tries `-` before `--`, so
  // `**Economics** -- the plans failed` gets the separator '-' and the explanation '- the plans failed'
  // (the same bullet without bold splits correctly at '--').
  it('reads a double hyphen after a bold term as one separator', () => {
    assert.deepEqual(split('- **Economics** -- the plans failed', 2), {
      term: 'Economics',
      separator: '--',
      explanation: 'the plans failed',
    });
  });
});
