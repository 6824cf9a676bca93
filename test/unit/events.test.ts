// Events from timeline lines, terms and tables: the date dates the event, the rest names or
// describes it, and no date ever becomes a name.
import * as assert from 'node:assert/strict';
import { readsAsCause } from '../../server/src/notes/causes';
import { isDateTerm } from '../../server/src/notes/events';
import { extractFacts, type NoteDefinition } from '../../server/src/notes/extract';
import type { NotesFormat } from '../../server/src/notes/model';
import { parseNotes } from '../../server/src/notes/parse';
import { splitLines } from '../../server/src/notes/spans';

function definitions(text: string, format: NotesFormat = 'markdown'): NoteDefinition[] {
  return extractFacts(splitLines(text), parseNotes(text, format)).definitions;
}

const of = (kind: string, text: string, format?: NotesFormat): string[] =>
  definitions(text, format)
    .filter((d) => d.kind === kind)
    .map((d) => d.name);

describe('events: dates', () => {
  it('tells dates with or without a year from names', () => {
    for (const date of [
      '1934',
      '10 July',
      'July 10',
      'May 5th',
      'Feb 1917',
      'Jan-Apr',
      'Jan-Apr 1923',
      'March 25, 1920',
      '1942-43',
      'Early 1930s',
    ])
      assert.ok(isDateTerm(date), date);
    for (const name of ['May', 'Julius Martov', 'Octobrists', 'Congress of Victors 1934', 'March on Washington'])
      assert.ok(!isDateTerm(name), name);
  });
});

describe('events: timeline lines', () => {
  const timeline = [
    '# Weimar',
    '',
    '## Timeline',
    '* 10 July: Yagoda made head of the new NKVD',
    '- Feb 1917 - strikes in Petrograd',
    '- March 25, 1920: the Kapp Putsch collapses',
    '* 17 July – 2 Aug 1945: Potsdam Conference.',
  ].join('\n');
  const events = definitions(timeline).filter((d) => d.kind === 'event');

  it('names the event after the date, never by the date', () => {
    assert.deepEqual(
      events.map((e) => e.name),
      ['Yagoda made head of the new NKVD', 'strikes in Petrograd', 'Kapp Putsch', 'Potsdam Conference'],
    );
  });

  it('keeps the date as written and the year when there is one', () => {
    assert.deepEqual(
      events.map((e) => [e.date, e.year]),
      [
        ['10 July', undefined],
        ['Feb 1917', '1917'],
        ['March 25, 1920', '1920'],
        ['17 July', undefined],
      ],
    );
  });

  it('treats a description as no name: it names nothing elsewhere', () => {
    assert.deepEqual(
      events.map((e) => e.described),
      [true, true, false, false],
    );
  });
});

describe('events: terms and tables outside an events section', () => {
  it('reads a term with an event word, or dated in brackets or after it, as an event', () => {
    const text = [
      '# The Terror',
      '',
      '- **Law of Suspects** – anyone could be arrested.',
      '- **Neutrality Acts** (1935–1937)',
      '- **Verdun** – February–December 1916, the French held.',
      '- **Madame Deficit** – the queen, spending freely.',
    ].join('\n');
    assert.deepEqual(of('event', text), ['Law of Suspects', 'Neutrality Acts', 'Verdun']);
  });

  it('reads the rows of a table with an Event column, dated by its Date column', () => {
    const text = [
      '# Civil rights',
      '',
      '| Date | Event | Who |',
      '|---|---|---|',
      '| 17 May 1954 | Brown v. Board of Education | Thurgood Marshall |',
      '| 1 Feb 1960 | Greensboro sit-in | four students |',
    ].join('\n');
    const rows = definitions(text).filter((d) => d.kind === 'event');
    assert.deepEqual(
      rows.map((e) => [e.name, e.year]),
      [
        ['Brown v. Board of Education', '1954'],
        ['Greensboro sit-in', '1960'],
      ],
    );
  });

  it('reads bold event names inside running text, each once', () => {
    const text = [
      '# Home front',
      '',
      'FDR gave in with **Executive Order 8802**, and **Korematsu v. United States** upheld internment.',
      'Later **Executive Order 8802** was extended. **Rationing** began.',
    ].join('\n');
    assert.deepEqual(of('event', text), ['Executive Order 8802', 'Korematsu v. United States']);
  });

  it('keeps a year that ends a name in its key: `Election of 1940` is not `Election of 1944`', () => {
    const keys = definitions('# US\n\n- **Election of 1940** (1940)\n- **Election of 1944** (1944)\n').map((d) => d.lookupKeys.join('|'));
    assert.deepEqual(keys, ['election of 1940', 'election of 1944']);
  });

  it('reads lettered and Roman outline items as bullets', () => {
    const text = ['# APUSH', '', 'I. The Road to War', '   A. **Lend-Lease Act** (March 1941)', '      1. Roosevelt lent arms'].join('\n');
    assert.deepEqual(of('event', text), ['Lend-Lease Act']);
  });
});

describe('causes: bullets that read as causes', () => {
  const text = [
    '# Cold War',
    '',
    '## Origins of the Cold War',
    '- **Fear of communism** – Truman believed it would spread.',
    '- **33k American soldiers** stayed in Europe.',
    '- **$13 billion** of Marshall aid.',
    '- **In _Greece_** – the British could not go on.',
    '- **Largest navy, largest air force** – the USA had both.',
    '- **The Soviet Union** – wanted a buffer zone.',
    '- **Ideology** – capitalism against communism.',
    '  - **Stalin’s speech** – a detail of the point above.',
  ].join('\n');

  it('defines only top-level terms that name a cause', () => {
    assert.deepEqual(of('cause', text), ['Fear of communism', 'Ideology']);
  });

  it('is a pure test of a term and its place in the section', () => {
    const [section] = parseNotes(text, 'markdown').sections.filter((s) => s.heading?.text === 'Origins of the Cold War');
    const verdicts = section.bullets.map((b) => (b.term ? readsAsCause(b.term, b, section) : false));
    assert.deepEqual(verdicts, [true, false, false, false, false, false, true, false]);
  });
});
