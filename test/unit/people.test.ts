// People named by shape, with no knowledge: who's-who headings, key-people lines, titles, given names,
// initials and life spans; and the ordinary words that must never become anyone.
import * as assert from 'node:assert/strict';
import { extractFacts, type NoteDefinition } from '../../server/src/notes/extract';
import type { NotesFormat } from '../../server/src/notes/model';
import { parseNotes } from '../../server/src/notes/parse';
import { lifeSpanAt } from '../../server/src/notes/people';
import { splitLines } from '../../server/src/notes/spans';

function people(text: string, format: NotesFormat = 'markdown'): NoteDefinition[] {
  return extractFacts(splitLines(text), parseNotes(text, format)).definitions.filter((d) => d.kind === 'person');
}

const names = (text: string, format?: NotesFormat): string[] => people(text, format).map((d) => d.name);

describe('people: by shape in running text', () => {
  it('finds a name after a title, without the title', () => {
    assert.deepEqual(names('# Notes\n\nPresident Wilson met General MacArthur, Field Marshal Montgomery and Tsar Nicholas II.\n'), [
      'Wilson',
      'MacArthur',
      'Montgomery',
      'Nicholas II',
    ]);
  });

  it('finds a given name and a surname, with initials, particles, regnal numbers and Jr.', () => {
    const text =
      '# Notes\n\nThomas Mann wrote. Harry S. Truman and E. D. Nixon met Charles de Gaulle. Philip II sent ships. ' +
      'Martin Luther King Jr. spoke.\n';
    assert.deepEqual(names(text), [
      'Thomas Mann',
      'Harry S. Truman',
      'E. D. Nixon',
      'Charles de Gaulle',
      'Philip II',
      'Martin Luther King Jr.',
    ]);
  });

  it('marks these as named, not defined: they stand only when no knowledge has the name', () => {
    const [mann] = people('# Notes\n\nThomas Mann wrote novels.\n');
    assert.equal(mann.strength, 'named');
    assert.equal(mann.surnameKey, 'mann');
    assert.equal(mann.text, 'Thomas Mann wrote novels.');
  });

  it('takes no ordinary word for a name', () => {
    const text = [
      '# Turning Points',
      '',
      'Wages were also tightly controlled. Please note the Pace of Change. Nicholas Station was busy.',
      'In April Lenin came home. Will Hitler invade? The General Strike failed; the Lord Chancellor spoke.',
      'Victoria Station and General Motors are no people, nor is the Montgomery NAACP.',
    ].join('\n');
    assert.deepEqual(names(text), []);
  });

  it("reads a king's given name alone as the king in notes that number him: Henry William Tyndale is William Tyndale", () => {
    const text = '# Henry VIII\n\nAnne showed Henry William Tyndale’s book. Mary Ann Evans wrote novels.\n';
    assert.deepEqual(names(text), ['Henry VIII', 'William Tyndale', 'Mary Ann Evans']);
  });

  it('takes no place or thing that opens with a given name: Roman Catholicism, North Koreans, Georgia, Erie Canal', () => {
    const text = [
      '# Erie Canal',
      '',
      'The Bank of England raised rates. Roman Catholicism was allowed. North Koreans crossed into the South.',
      'Georgia Cherokee farmers traded. She sat on the San Francisco Board. Raleigh Register ads; Granger Laws.',
      'The SDS met in Port Huron. John Terraine and Frank Dikötter wrote; Catherine of Aragon was queen.',
    ].join('\n');
    assert.deepEqual(names(text), ['John Terraine', 'Frank Dikötter', 'Catherine of Aragon']);
  });

  it('reads a name only inside its own run of words, and never a lower-case word after a title', () => {
    const text = '# Birds\n\n- Robin, 1, which follows me round whenever I dig\n- The Membership Secretary will write. Henry I ruled.\n';
    assert.deepEqual(names(text), ['Henry I']);
  });

  it('takes a name directly followed by a life span', () => {
    assert.deepEqual(names('# Notes\n\nThe communist leader Thälmann (1886-1944) was shot at Buchenwald.\n'), ['Thälmann']);
  });
});

describe('people: by structure', () => {
  it("defines a person by a who's-who heading with dates, with the paragraph under it", () => {
    const [kirov] = people("# Who's who\n\n### Sergei Kirov (1886-1934)\nParty boss in Leningrad, shot in 1934.\n");
    assert.equal(kirov.name, 'Sergei Kirov');
    assert.equal(kirov.strength, 'defined');
    assert.equal(kirov.text, 'Party boss in Leningrad, shot in 1934.');
    assert.deepEqual(kirov.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } });
  });

  it('defines a heading without dates only if the knowledge knows the name', () => {
    const [rohm] = people('# Notes\n\n## Röhm\nLeader of the SA.\n');
    assert.equal(rohm.strength, 'ifKnown');
    assert.deepEqual(names('# Notes\n\n## Gleichschaltung (1933-34)\nThe coordination of German life.\n'), []);
    assert.deepEqual(names('# Notes\n\n## Tsarist Russia (1894-1917)\nThe last years of the Tsars.\n'), []);
  });

  it('reads a Key people line', () => {
    assert.deepEqual(names('Revision\n\nKey people: Trotsky, Bukharin and Kamenev\n', 'plain'), ['Trotsky', 'Bukharin', 'Kamenev']);
  });

  it('takes no heading word or list of things for people in a people section', () => {
    assert.deepEqual(
      names(
        '# Notes\n\n## Key people\n\n- **Court Cases** – see below\n- **Hoover** – president from 1929\n- **Grand Duke ' +
          'Nicholas Nikolaevich** – commander\n',
      ),
      ['Hoover', 'Nicholas Nikolaevich'],
    );
  });
});

describe('people: life spans', () => {
  it('reads a bracketed life span, a two-digit death year, born and died alone', () => {
    assert.deepEqual(lifeSpanAt(' (1886-1934)'), { born: 1886, died: 1934, length: 12 });
    assert.equal(lifeSpanAt('(1901-32)')?.died, 1932);
    assert.equal(lifeSpanAt('(b. 1900)')?.born, 1900);
    assert.equal(lifeSpanAt('(d. 1934)')?.died, 1934);
  });

  it('reads no span that ends before it starts or outlasts a life', () => {
    assert.equal(lifeSpanAt('(1934-1886)'), undefined);
    assert.equal(lifeSpanAt('(1299-1922)'), undefined);
  });
});
