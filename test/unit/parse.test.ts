// The notes parser: plain-text and Markdown notes as students write them, with exact UTF-16 ranges.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import type { Bullet, ParsedNotes, Section } from '../../server/src/notes/model';
import { parseNotes, splitSentences, stripInlineMarkup } from '../../server/src/notes/parse';
import { FIXTURES } from '../support/paths';

/** The text a range covers, read the way an LSP client reads it. */
function slice(text: string, range: Range): string {
  assert.equal(range.start.line, range.end.line, 'a span stays on one line');
  return text.split(/\r?\n/)[range.start.line].slice(range.start.character, range.end.character);
}

function headings(notes: ParsedNotes): string[] {
  return notes.sections.flatMap((s) => (s.heading ? [s.heading.text] : []));
}

function section(notes: ParsedNotes, heading: string): Section {
  const found = notes.sections.find((s) => s.heading?.text === heading);
  assert.ok(found, `no section '${heading}' in ${JSON.stringify(headings(notes))}`);
  return found;
}

/** A bullet as [marker, term, separator, explanation], each as the text its range covers. */
function bulletParts(text: string, bullet: Bullet): (string | undefined)[] {
  const of = (span?: { range: Range }): string | undefined => span && slice(text, span.range);
  return [bullet.marker, of(bullet.term), bullet.separator, of(bullet.explanation)];
}

function allBullets(notes: ParsedNotes): Bullet[] {
  return notes.sections.flatMap((s) => s.bullets);
}

describe('parseNotes: plain-text notes', () => {
  const notes = [
    'Stalin - his terror and WW2',
    '',
    'The Totalitarian Regime',
    '',
    '  • General Secretary – Stalin became General Secretary in 1922.',
    '  • Five-year plans — from 1928 the state set huge targets.',
    '  • Magnitogorsk - a steel city built from nothing.',
    '  • The secret trial of 1937: eight generals were tried in secret.',
    '\t• Economics – failures were blamed on "wreckers".',
    '',
    'Causes of the Great Terror',
    '',
    '  • Kirov’s Murder – Kirov was shot in Leningrad in December 1934.',
    'This line is a paragraph that closes the section.',
    '',
  ].join('\n');
  const parsed = parseNotes(notes, 'plain');

  it('reads the first line as the title, not as a section', () => {
    assert.ok(parsed.title);
    assert.equal(parsed.title.text, 'Stalin - his terror and WW2');
    assert.equal(slice(notes, parsed.title.range), 'Stalin - his terror and WW2');
    assert.equal(parsed.title.range.start.line, 0);
    assert.ok(!headings(parsed).includes('Stalin - his terror and WW2'));
  });

  it('reads short standalone lines with blank lines around as headings, in order, at level 1', () => {
    assert.deepEqual(headings(parsed), ['The Totalitarian Regime', 'Causes of the Great Terror']);
    const regime = section(parsed, 'The Totalitarian Regime');
    assert.equal(regime.heading?.level, 1);
    assert.equal(regime.heading?.line, 2);
    assert.equal(slice(notes, regime.heading.range), 'The Totalitarian Regime');
  });

  it('gives a section the lines up to the next heading, without trailing blank lines', () => {
    const regime = section(parsed, 'The Totalitarian Regime');
    assert.deepEqual(regime.range.start, { line: 2, character: 0 });
    assert.equal(regime.range.end.line, 8);
    assert.equal(regime.range.end.character, notes.split('\n')[8].length);
    assert.equal(regime.bullets.length, 5);
    const causes = section(parsed, 'Causes of the Great Terror');
    assert.equal(causes.bullets.length, 1);
    assert.equal(causes.paragraphs.length, 1);
  });

  it('splits • bullets at an en dash, an em dash, a spaced hyphen or a colon', () => {
    const bullets = section(parsed, 'The Totalitarian Regime').bullets;
    const read = bullets.map((b) => bulletParts(notes, b));
    assert.deepEqual(read, [
      ['•', 'General Secretary', '–', 'Stalin became General Secretary in 1922.'],
      ['•', 'Five-year plans', '—', 'from 1928 the state set huge targets.'],
      ['•', 'Magnitogorsk', '-', 'a steel city built from nothing.'],
      ['•', 'The secret trial of 1937', ':', 'eight generals were tried in secret.'],
      ['•', 'Economics', '–', 'failures were blamed on "wreckers".'],
    ]);
    for (const bullet of bullets) assert.equal(bullet.term?.text, slice(notes, bullet.term!.range));
  });

  it('keeps the indent of a bullet, two spaces or a tab', () => {
    const bullets = section(parsed, 'The Totalitarian Regime').bullets;
    assert.equal(bullets[0].indent, 2);
    assert.equal(bullets[4].indent, 1);
    assert.equal(bullets[4].line, 8);
    assert.equal(slice(notes, bullets[4].content.range), 'Economics – failures were blamed on "wreckers".');
  });

  it('reads a term with a curly apostrophe', () => {
    const bullet = section(parsed, 'Causes of the Great Terror').bullets[0];
    assert.equal(bullet.term?.text, 'Kirov’s Murder');
    assert.equal(slice(notes, bullet.term.range), 'Kirov’s Murder');
  });

  it('does not take a sentence with a full stop, or a line straight after a paragraph, for a heading', () => {
    const text = 'Title\n\nThe purges went on for years.\n\nSome paragraph text here.\nNot A Heading\n\nReal Heading\n\n• Term – text\n';
    const result = parseNotes(text, 'plain');
    assert.deepEqual(headings(result), ['Real Heading']);
    const paragraphs = result.sections.flatMap((s) => s.paragraphs.map((p) => p.content.text));
    assert.deepEqual(paragraphs, ['The purges went on for years.', 'Some paragraph text here.', 'Not A Heading']);
  });

  it('does not take a short line followed by a long paragraph line for a heading', () => {
    const long = 'In August 1936 Kamenev and Zinoviev were accused of organising the murder of Kirov on orders from Trotsky.';
    const result = parseNotes(`Title\n\nA Short Line\n${long}\n`, 'plain');
    assert.deepEqual(headings(result), []);
    assert.equal(result.sections[0].paragraphs.length, 2);
  });

  it('does not take a lower-case line or a line of more than eight words for a heading', () => {
    const text = 'Title\n\nwhy it happened\n\nThe Many Long Reasons For The Great Terror In Russia\n\n';
    assert.deepEqual(headings(parseNotes(text, 'plain')), []);
  });

  describe('a trial heading and its names line', () => {
    it('reads the names line straight after the heading as the first paragraph of the trial section', () => {
      const text = 'Title\n\nThe Show Trials\n\nTrial of the 16\nKamenev & Zinoviev\nThey confessed and all 16 were shot.\n';
      const parsed16 = parseNotes(text, 'plain');
      assert.deepEqual(headings(parsed16), ['The Show Trials', 'Trial of the 16']);
      const trial = section(parsed16, 'Trial of the 16');
      assert.deepEqual(
        trial.paragraphs.map((p) => p.content.text),
        ['Kamenev & Zinoviev', 'They confessed and all 16 were shot.'],
      );
      assert.equal(trial.paragraphs[0].line, 5);
    });

    it('does not take a names line joined by & for a heading, even with blank lines around it', () => {
      const text = 'Title\n\nTrial of the 17\n\nPyatakov & Radek\n\nThey were accused of wrecking.\n';
      const parsed17 = parseNotes(text, 'plain');
      assert.deepEqual(headings(parsed17), ['Trial of the 17']);
      const trial = section(parsed17, 'Trial of the 17');
      assert.deepEqual(
        trial.paragraphs.map((p) => [p.line, p.content.text]),
        [
          [4, 'Pyatakov & Radek'],
          [6, 'They were accused of wrecking.'],
        ],
      );
    });
  });

  describe('sentences', () => {
    it('splits a paragraph into sentences with their ranges', () => {
      const text = 'Title\n\nKirov was shot in 1934. Stalin blamed Kamenev! Was it planned? Nobody knows.\n';
      const paragraph = parseNotes(text, 'plain').sections[0].paragraphs[0];
      const sentences = paragraph.sentences.map((s) => s.text);
      assert.deepEqual(sentences, ['Kirov was shot in 1934.', 'Stalin blamed Kamenev!', 'Was it planned?', 'Nobody knows.']);
      for (const sentence of paragraph.sentences) assert.equal(slice(text, sentence.range), sentence.text);
    });

    it('splits at an ellipsis glued to the next word (Secretary...However)', () => {
      const text = 'Title\n\nLenin said he should be removed as General Secretary...However Stalin kept the post.\n';
      const paragraph = parseNotes(text, 'plain').sections[0].paragraphs[0];
      assert.deepEqual(
        paragraph.sentences.map((s) => slice(text, s.range)),
        ['Lenin said he should be removed as General Secretary...', 'However Stalin kept the post.'],
      );
    });

    it('does not split at a full stop followed by a lower-case word or inside a number', () => {
      const sentences = splitSentences('About 1.5 million were arrested, e.g. in 1937. Most were shot.', 0, 0);
      assert.deepEqual(
        sentences.map((s) => s.text),
        ['About 1.5 million were arrested, e.g. in 1937.', 'Most were shot.'],
      );
    });

    it('keeps UTF-16 offsets when an emoji comes before a name', () => {
      const raw = '📌 Kamenev and Zionev were accused. They confessed — but all 16 were shot.';
      const sentences = splitSentences(raw, 3, 0);
      assert.deepEqual(
        sentences.map((s) => raw.slice(s.range.start.character, s.range.end.character)),
        ['📌 Kamenev and Zionev were accused.', 'They confessed — but all 16 were shot.'],
      );
      assert.equal(sentences[1].range.start.line, 3);
      assert.equal(sentences[1].range.start.character, raw.indexOf('They'));
    });
  });

  it('reads CRLF line ends with the same lines and no carriage returns in the text', () => {
    const lf =
      'Stalin - his terror and WW2\n\nCauses of the Great Terror\n\n  • Stalins Paranoia – Stalin trusted nobody.\n' +
      '\tMore text. Another sentence.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseNotes(lf, 'plain');
    const b = parseNotes(crlf, 'plain');
    assert.equal(b.lineCount, a.lineCount);
    assert.deepEqual(b.sections, a.sections);
    assert.deepEqual(b.title, a.title);
    const bullet = allBullets(b)[0];
    assert.equal(slice(crlf, bullet.explanation!.range), 'Stalin trusted nobody.');
    assert.ok(!JSON.stringify(b).includes('\\r'), 'no \\r in any text');
  });

  it('reads a BOM-prefixed file: the title range starts after the BOM', () => {
    const text = '\uFEFFStalin - his terror and WW2\r\n\r\nKey People\r\n\r\n  • Trotsky – Stalin’s great rival.\r\n';
    const parsed = parseNotes(text, 'plain');
    assert.equal(parsed.title?.text, 'Stalin - his terror and WW2');
    assert.equal(parsed.title?.range.start.character, 1);
    assert.equal(slice(text, parsed.title.range), 'Stalin - his terror and WW2');
    assert.deepEqual(headings(parsed), ['Key People']);
    assert.equal(slice(text, allBullets(parsed)[0].term!.range), 'Trotsky');
  });

  it('takes a first line that is a bullet as a bullet, not a title', () => {
    const parsed = parseNotes('  • Trotsky – exiled in 1929\n', 'plain');
    assert.equal(parsed.title, undefined);
    assert.equal(allBullets(parsed)[0].term?.text, 'Trotsky');
  });

  it('parses the plain fixture: headings, trial sections and the bullet after the last trial', () => {
    const text = readFileSync(path.join(FIXTURES, 'plain', 'terror.txt'), 'utf8');
    const parsed = parseNotes(text, 'plain');
    assert.equal(parsed.title?.text, 'Stalin - his terror and WW2');
    assert.deepEqual(headings(parsed), [
      'The Totalitarian Regime',
      'Causes of the Great Terror',
      'The Show Trials',
      'Trial of the 16',
      'Trial of the 17',
      'Trial of the 21',
      'Key People',
      'Events',
    ]);
    assert.deepEqual(section(parsed, 'Trial of the 16').paragraphs[0].content.text, 'Kamenev & Zinoviev');
    assert.deepEqual(
      section(parsed, 'Trial of the 21').bullets.map((b) => b.term?.text),
      ['The secret trial of 1937'],
    );
    for (const bullet of allBullets(parsed)) {
      if (bullet.term) assert.equal(slice(text, bullet.term.range), bullet.term.text);
      if (bullet.explanation) assert.equal(slice(text, bullet.explanation.range), bullet.explanation.text);
    }
    const sentences = parsed.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
    assert.ok(sentences.length >= 6);
    for (const sentence of sentences) assert.equal(slice(text, sentence.range), sentence.text);
  });
});

describe('parseNotes: Markdown notes', () => {
  const notes = [
    '# Stalin’s Great Terror', // 0
    '',
    '## Causes', // 2
    '',
    "- **Kirov's murder** – Kirov was shot in Leningrad.", // 4
    '* **Stalin’s paranoia** — he feared the Old Bolsheviks.',
    '1. **Congress of Victors** (1934): delegates voted against Stalin.',
    '- Economics - the plans missed their targets.',
    '',
    '### Kirov', // 9
    '',
    '**Yagoda** – head of the NKVD, shot in 1938.', // 11
    '',
    '## The trials', // 13
    '',
    '| Trial | Year | Defendants |', // 15
    '|-------|:----:|------------|',
    '| Trial of the 16 | 1936 | Kamenev & Zinoviev |', // 17
    '| Trial of the 21 | 1938 | Bukharin, Rykov and Yagoda |',
    '',
    '```', // 20
    '# not a heading',
    '- not a bullet',
    '```',
    '',
    'After the code.', // 25
  ].join('\n');
  const parsed = parseNotes(notes, 'markdown');

  it('reads # ## ### headings with their levels and ranges; the first # is the title', () => {
    assert.deepEqual(
      parsed.sections
        .filter((s) => s.heading)
        .map((s) => [s.heading!.text, s.heading!.level, s.heading!.line, slice(notes, s.heading!.range)]),
      [
        ['Stalin’s Great Terror', 1, 0, 'Stalin’s Great Terror'],
        ['Causes', 2, 2, 'Causes'],
        ['Kirov', 3, 9, 'Kirov'],
        ['The trials', 2, 13, 'The trials'],
      ],
    );
    assert.equal(parsed.title?.text, 'Stalin’s Great Terror');
  });

  it('nests sections: a ## section runs over its ### subsection up to the next ##', () => {
    const causes = section(parsed, 'Causes');
    assert.equal(causes.range.start.line, 2);
    assert.equal(causes.range.end.line, 11);
    assert.equal(section(parsed, 'Kirov').range.end.line, 11);
    assert.equal(section(parsed, 'Stalin’s Great Terror').range.end.line, 25);
  });

  it('reads -, * and 1. bullets with bold terms', () => {
    const read = section(parsed, 'Causes').bullets.map((b) => bulletParts(notes, b));
    assert.deepEqual(read, [
      ['-', "Kirov's murder", '–', 'Kirov was shot in Leningrad.'],
      ['*', 'Stalin’s paranoia', '—', 'he feared the Old Bolsheviks.'],
      ['1.', 'Congress of Victors', ':', 'delegates voted against Stalin.'],
      ['-', 'Economics', '-', 'the plans missed their targets.'],
    ]);
  });

  it('reads a bold term on a line of its own as a bullet without a marker', () => {
    const [yagoda] = section(parsed, 'Kirov').bullets;
    assert.equal(yagoda.marker, '');
    assert.equal(yagoda.term?.text, 'Yagoda');
    assert.equal(slice(notes, yagoda.term.range), 'Yagoda');
    assert.equal(yagoda.separator, '–');
    assert.equal(slice(notes, yagoda.explanation!.range), 'head of the NKVD, shot in 1938.');
    assert.equal(section(parsed, 'Kirov').paragraphs.length, 0);
  });

  it('reads a table: a header row, no divider row, and cells with ranges', () => {
    const rows = section(parsed, 'The trials').rows;
    assert.deepEqual(
      rows.map((r) => [r.line, r.isHeader]),
      [
        [15, true],
        [17, false],
        [18, false],
      ],
    );
    assert.deepEqual(
      rows[0].cells.map((c) => c.text),
      ['Trial', 'Year', 'Defendants'],
    );
    assert.deepEqual(
      rows[2].cells.map((c) => slice(notes, c.range)),
      ['Trial of the 21', '1938', 'Bukharin, Rykov and Yagoda'],
    );
  });

  it('skips fenced code: its lines are marked skipped and read as nothing', () => {
    for (const line of [20, 21, 22, 23]) assert.ok(parsed.skippedLines.has(line), `line ${line} skipped`);
    assert.ok(!parsed.skippedLines.has(25));
    assert.ok(!headings(parsed).includes('not a heading'));
    assert.ok(!allBullets(parsed).some((b) => b.content.text.includes('not a bullet')));
    assert.deepEqual(
      section(parsed, 'The trials').paragraphs.map((p) => p.content.text),
      ['After the code.'],
    );
  });

  it('reads ~~~ fences, closed only by the same fence', () => {
    const text = '# T\n\n~~~\n# inside\n```\nstill inside\n~~~\n## Outside\n';
    const result = parseNotes(text, 'markdown');
    assert.deepEqual(
      [...result.skippedLines].sort((a, b) => a - b),
      [2, 3, 4, 5, 6],
    );
    assert.deepEqual(headings(result), ['T', 'Outside']);
  });

  it('does not treat ``` as a fence in plain-text notes', () => {
    const result = parseNotes('Title\n\n```\nKamenev was shot.\n```\n', 'plain');
    assert.equal(result.skippedLines.size, 0);
    assert.ok(result.sections[0].paragraphs.some((p) => p.content.text === 'Kamenev was shot.'));
  });

  it('reads front matter into key/value pairs and skips its lines', () => {
    const text = '---\ntitle: The Terror\nessay: true\n---\n# Essay\n\nText.\n';
    const result = parseNotes(text, 'markdown');
    assert.deepEqual(result.frontMatter, { title: 'The Terror', essay: 'true' });
    assert.deepEqual(
      [...result.skippedLines].sort((a, b) => a - b),
      [0, 1, 2, 3],
    );
    assert.deepEqual(headings(result), ['Essay']);
    assert.equal(result.title?.text, 'Essay');
  });

  it('reads no front matter when the block is never closed', () => {
    const result = parseNotes('---\nessay: true\n\n# Heading\n', 'markdown');
    assert.deepEqual(result.frontMatter, {});
    assert.ok(!result.skippedLines.has(1));
    assert.deepEqual(headings(result), ['Heading']);
  });

  it('reads setext headings (=== level 1, --- level 2) and does not read the underline as text', () => {
    const text = 'Causes\n======\n\n- **Economics** – failures\n\nPeople\n------\n\nText here.\n';
    const result = parseNotes(text, 'markdown');
    assert.deepEqual(
      result.sections.filter((s) => s.heading).map((s) => [s.heading!.text, s.heading!.level, slice(text, s.heading!.range)]),
      [
        ['Causes', 1, 'Causes'],
        ['People', 2, 'People'],
      ],
    );
    const texts = result.sections.flatMap((s) => s.paragraphs.map((p) => p.content.text));
    assert.deepEqual(texts, ['Text here.']);
    assert.equal(section(result, 'Causes').bullets[0].term?.text, 'Economics');
  });

  it('strips inline markup from heading text', () => {
    assert.equal(stripInlineMarkup('**Causes** of the `Terror` and [Kirov](kirov.md)'), 'Causes of the Terror and Kirov');
    const result = parseNotes('# T\n\n## The **Show** Trials ##\n', 'markdown');
    assert.deepEqual(
      result.sections.map((s) => s.heading?.text),
      ['T', 'The Show Trials'],
    );
  });

  it('parses the Markdown fixture: the fenced Kamenev is skipped, the table is read', () => {
    const text = readFileSync(path.join(FIXTURES, 'md', 'terror.md'), 'utf8');
    const result = parseNotes(text, 'markdown');
    const fenceLine = text.split('\n').indexOf('defendant: Kamenev');
    assert.ok(fenceLine > 0);
    assert.ok(result.skippedLines.has(fenceLine));
    assert.deepEqual(headings(result), ["Stalin's Great Terror", 'Causes', 'Key people', 'The trials']);
    assert.equal(section(result, 'The trials').rows.filter((r) => !r.isHeader).length, 3);
    assert.deepEqual(
      section(result, 'Key people').bullets.map((b) => b.marker),
      ['1.', '2.', '3.', '4.'],
    );
  });

  // Regression (fixed): Markdown with a BOM loses its first heading. skipFrontMatter and the plain-text title strip the
  // BOM, but MARKDOWN_HEADING (/^ {0,3}(#{1,6})…/) is matched against the raw line, so `\uFEFF# Title`
  // becomes a paragraph '# Title' and the file has no title.
  it('reads a # heading on the first line of a BOM-prefixed Markdown file', () => {
    const text = '\uFEFF# The Great Terror\n\n## Causes\n\n- **Economics** – failures\n';
    const result = parseNotes(text, 'markdown');
    assert.deepEqual(headings(result), ['The Great Terror', 'Causes']);
    assert.equal(result.title?.text, 'The Great Terror');
    assert.equal(slice(text, result.title.range), 'The Great Terror');
  });

  // Regression (fixed): a bold term with its colon inside the bold (`**Kirov:** shot`, a very common Markdown style) gets
  // the text 'Kirov' but a range that still covers 'Kirov:' (splitAfterBoldTerm strips the colon from the
  // text only), and no separator.
  it('gives a bold term with the colon inside the bold a range without the colon', () => {
    const text = '# T\n\n## Causes\n\n- **Stalin’s paranoia:** he feared the Old Bolsheviks.\n';
    const bullet = allBullets(parseNotes(text, 'markdown'))[0];
    assert.equal(bullet.term?.text, 'Stalin’s paranoia');
    assert.equal(slice(text, bullet.term.range), 'Stalin’s paranoia');
    assert.equal(bullet.separator, ':');
  });

  // Regression (fixed): when a Markdown file starts with a heading, the section before it (no heading) gets a range whose
  // end (line -1) is before its start (line 0): not a valid LSP range.
  it('gives every section a range that does not end before it starts', () => {
    const result = parseNotes('# Title\n\nText.\n', 'markdown');
    for (const s of result.sections) {
      const { start, end } = s.range;
      assert.ok(
        end.line > start.line || (end.line === start.line && end.character >= start.character),
        `${s.heading?.text ?? '(no heading)'}: ${JSON.stringify(s.range)}`,
      );
    }
  });
});
