// The card for an entity (hover, completion, sidebar, `history-notes lookup`): its data, its Markdown
// with every piece of note text escaped, its plain text, and the dates in it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCard, escapeMarkdown, renderMarkdown, renderText, shortDates, type Card } from '../../server/src/features/card';
import { formatDate, formatSpan } from '../../server/src/features/dates';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import type { KnowledgeEntry } from '../../server/src/knowledge/model';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { DATA, FIXTURES } from '../support/paths';

const TXT_URI = 'file:///notes/terror.txt';
const describeUri = (uri: string): string => uri.replace('file:///notes/', '');

function bundledIndex(): NotesIndex {
  const file = loadKnowledgeFile(
    'file:///data/k.history.json',
    readFileSync(path.join(DATA, 'soviet-union-1917-1953.history.json'), 'utf8'),
    true,
  );
  const index = new NotesIndex(new KnowledgeBase([file]));
  index.setDocument(TXT_URI, readFileSync(path.join(FIXTURES, 'plain', 'terror.txt'), 'utf8'), 'plain');
  return index;
}

function cardFor(index: NotesIndex, id: string): Card {
  const entity = index.entity(id);
  assert.ok(entity, id);
  return buildCard(index, entity);
}

function fact(card: Card, label: string): string | undefined {
  return card.facts.find((f) => f.label === label)?.value;
}

/** Characters Markdown would act on, not preceded by a backslash. */
function unescaped(markdown: string, character: string): boolean {
  return new RegExp(`(?<!\\\\)${character.replace(/[|*[\]()`]/g, '\\$&')}`).test(markdown);
}

describe('card: building', () => {
  const index = bundledIndex();

  it('gives a person their life dates, birth and death, roles and fate', () => {
    const card = cardFor(index, 'kamenev');
    assert.equal(card.name, 'Lev Kamenev');
    assert.equal(card.kind, 'person');
    assert.equal(card.dates, '1883–1936');
    assert.equal(fact(card, 'Born'), '18 July 1883');
    assert.equal(fact(card, 'Died'), '25 August 1936');
    assert.match(
      fact(card, 'Role') ?? '',
      /Chairman of the All-Russian Central Executive Committee \(1917\); Chairman of the Moscow Soviet \(1918–1926\)/,
    );
    assert.match(fact(card, 'Fate') ?? '', /Trial of the Sixteen/);
    assert.ok(!(fact(card, 'Also called') ?? '').includes('Lev Kamenev'), 'the name is not its own alias');
  });

  it('lists what the notes say, the related entities and the mention count', () => {
    const card = cardFor(index, 'kamenev');
    assert.ok(card.inNotes.some((n) => n.text === 'Defendant at the Trial of the 16' && n.uri === TXT_URI));
    assert.ok(card.related.some((r) => r.name === 'Trial of the Sixteen' && r.relation === 'trial'));
    assert.deepEqual({ mentions: card.mentions, documents: card.documents }, index.mentionCount('kamenev'));
    assert.ok(card.mentions > 0);
  });

  it('lists the variants the notes spell a name as', () => {
    assert.deepEqual(cardFor(index, 'zinoviev').variants, ['Zionev']);
    assert.deepEqual(cardFor(index, 'kamenev').variants, []);
  });

  it('gives an event the notes list as a cause both kinds', () => {
    assert.equal(cardFor(index, 'kirovs-murder').kind, 'event, cause');
  });

  it('gives a trial its date span, charges and verdict', () => {
    const card = cardFor(index, 'trial-of-the-16');
    assert.equal(card.dates, '1936');
    assert.equal(fact(card, 'Date'), '19–24 August 1936');
    assert.ok(fact(card, 'Charges'));
    assert.ok(fact(card, 'Verdict'));
  });

  it('gives an entity only the notes define the year the notes write with it, from the notes', () => {
    const notesOnly = new NotesIndex();
    notesOnly.setDocument(
      'file:///notes/c.txt',
      'Title\n\nCauses\n\n• Congress of Victors 1934 – delegates voted against Stalin.\n',
      'plain',
    );
    const [entity] = notesOnly.entities();
    const card = buildCard(notesOnly, entity);
    assert.equal(card.name, 'Congress of Victors 1934');
    assert.equal(card.dates, '1934');
    assert.deepEqual(card.facts, [{ label: 'Date', value: '1934', origin: { uri: 'file:///notes/c.txt', line: 4 } }]);
    assert.deepEqual(card.inNotes, [{ text: 'delegates voted against Stalin.', uri: 'file:///notes/c.txt', line: 4 }]);
  });
});

describe('card: where each fact comes from', () => {
  const bundled = loadKnowledgeFile(
    'file:///data/soviet.history.json',
    readFileSync(path.join(DATA, 'soviet-union-1917-1953.history.json'), 'utf8'),
    true,
  );
  const mine = loadKnowledgeFile(
    'file:///notes/mine.history.json',
    '{\n  "entities": [\n    { "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "fate": "Shot in 1936.", ' +
      '"source": "Conquest, The Great Terror, p. 87" }\n  ]\n}\n',
  );

  it("says which pack or file gives each fact, with the entry's source", () => {
    const index = new NotesIndex(new KnowledgeBase([bundled, mine]));
    const card = cardFor(index, 'kamenev');
    const origin = (label: string) => card.facts.find((f) => f.label === label)?.origin;
    assert.deepEqual(origin('Born'), {
      uri: bundled.uri,
      range: bundled.locations.get('kamenev'),
      title: 'Soviet Union 1917-1953',
      bundled: true,
      reference: undefined,
    });
    assert.equal((origin('Fate') as { uri: string }).uri, mine.uri);
    const markdown = renderMarkdown(card, describeUri);
    assert.match(markdown, /\*From the Soviet Union 1917\\-1953 pack\\:\* {2}\n\*\*Born:\*\* 18 July 1883/);
    const source = String.raw`\(source\: Conquest, The Great Terror, p\. 87\)`;
    const mineLink = String.raw`*[From mine\.history\.json\:3 ${source}\:](file:///notes/mine.history.json#L3)*`;
    assert.ok(markdown.includes(`${mineLink}  \n**Fate:** Shot in 1936\\.`), markdown);
  });

  it('shows both dates when the notes and the knowledge disagree, each with its origin', () => {
    const index = new NotesIndex(new KnowledgeBase([bundled]));
    index.setDocument('file:///notes/t.txt', 'Trials\n\nTrial of the 21 (1937)\nBukharin & Rykov & Yagoda\n', 'plain');
    const card = cardFor(index, 'trial-of-the-21');
    assert.equal(card.facts.find((f) => f.label === 'Date')?.value, '2–13 March 1938');
    assert.deepEqual(
      card.facts.find((f) => f.label === 'Date in your notes'),
      { label: 'Date in your notes', value: '1937', origin: { uri: 'file:///notes/t.txt', line: 2 } },
    );
    assert.match(renderText(card, describeUri), /\n {2}From your notes, t\.txt:3:\n {4}Date in your notes: 1937\n/);
    // Notes that agree add nothing.
    index.setDocument('file:///notes/t.txt', 'Trials\n\nTrial of the 21 (1938)\nBukharin & Rykov & Yagoda\n', 'plain');
    assert.equal(
      cardFor(index, 'trial-of-the-21').facts.find((f) => f.label === 'Date in your notes'),
      undefined,
    );
  });
});

describe('card: shortDates', () => {
  const entry = (fields: Partial<KnowledgeEntry>): KnowledgeEntry => ({ id: 'x', kind: 'person', name: 'X', ...fields });

  it('shows a life as born–died years, or only what is known', () => {
    assert.equal(shortDates(entry({ born: '1883-07-18', died: '1936-08-25' })), '1883–1936');
    assert.equal(shortDates(entry({ born: '1880' })), 'born 1880');
    assert.equal(shortDates(entry({ died: '1940-08-21' })), 'died 1940');
    assert.equal(shortDates(entry({})), undefined);
  });

  it('shows a trial or event by its year, or its span of years', () => {
    assert.equal(shortDates(entry({ kind: 'trial', date: '1936-08-19', endDate: '1936-08-24' })), '1936');
    assert.equal(shortDates(entry({ kind: 'event', date: '1942-08-23', endDate: '1943-02-02' })), '1942–1943');
    assert.equal(shortDates(entry({ kind: 'event', date: '1934-12-01' })), '1934');
    assert.equal(shortDates(entry({ kind: 'event', born: '1900' })), undefined);
  });
});

describe('card: rendering', () => {
  const index = bundledIndex();

  it('renders plain text with the life dates, facts, notes and mentions', () => {
    const text = renderText(cardFor(index, 'kamenev'), describeUri);
    const lines = text.split('\n');
    assert.equal(lines[0], 'Lev Kamenev (person, 1883–1936)');
    assert.equal(lines[1], '  From the Soviet Union 1917-1953 pack:');
    assert.ok(lines.includes('    Born: 18 July 1883'));
    assert.ok(lines.includes('    Died: 25 August 1936'));
    assert.ok(lines.some((l) => l.startsWith('    Fate: ')));
    assert.ok(lines.some((l) => /^ {4}terror\.txt:\d+ {2}Defendant at the Trial of the 16$/.test(l)));
    assert.equal(lines[lines.length - 1], `  Mentioned ${index.mentionCount('kamenev').mentions} times in 1 note`);
  });

  it('says when an entity is not mentioned yet, and counts one mention in the singular', () => {
    const empty = new NotesIndex(index.knowledgeBase);
    assert.match(renderText(cardFor(empty, 'beria'), describeUri), /\n {2}Not mentioned in your notes yet$/);
    empty.setDocument('file:///notes/b.txt', 'Notes\n\nBeria took over.\n', 'plain');
    assert.match(renderText(cardFor(empty, 'beria'), describeUri), /\n {2}Mentioned 1 time in 1 note$/);
  });

  it('renders Markdown with the name in bold, the kind and the dates', () => {
    const markdown = renderMarkdown(cardFor(index, 'zinoviev'), describeUri);
    assert.equal(markdown.split('\n')[0], '**Grigory Zinoviev** *person* · 1883–1936');
    assert.match(markdown, /\*\*Spelt in your notes as:\*\* Zionev/);
    assert.match(markdown, /\[terror\\\.txt\\:\d+\]\(file:\/\/\/notes\/terror\.txt#L\d+\)/);
  });

  it('escapes note text: no live link, command, HTML, code, table or emphasis', () => {
    const notes = new NotesIndex();
    const explanation = 'see [x](command:evil) and <img src=http://x> `rm -rf` a|b *star* _u_ & done';
    notes.setDocument('file:///notes/x.txt', `Title\n\nCauses\n\n• Evil Plan – ${explanation}\n`, 'plain');
    const [entity] = notes.entities();
    assert.equal(buildCard(notes, entity).inNotes[0].text, explanation);
    const markdown = renderMarkdown(buildCard(notes, entity), describeUri);
    assert.ok(
      unescaped('a|b <x>', '|') && unescaped('a|b <x>', '<') && !unescaped('a\\|b \\<x>', '|') && !unescaped('a\\|b \\<x>', '<'),
      'the check itself works',
    );
    assert.ok(!markdown.includes('](command:'), markdown);
    assert.ok(!unescaped(markdown, '<'), markdown);
    assert.ok(!unescaped(markdown, '<img'), markdown);
    assert.ok(!unescaped(markdown, '`'), markdown);
    assert.ok(!unescaped(markdown, '|'), markdown);
    assert.ok(markdown.includes('&amp;'), markdown);
    assert.ok(markdown.includes('\\*star\\*') && markdown.includes('\\_u\\_'), markdown);
    // The words are still there to read.
    assert.ok(markdown.includes('command') && markdown.includes('img') && markdown.includes('rm \\-rf'));
  });

  it('escapes a name the notes give', () => {
    const notes = new NotesIndex();
    notes.setDocument('file:///notes/y.txt', 'Title\n\nCauses\n\n• <b>Bold</b> [plan] – text\n', 'plain');
    const [entity] = notes.entities();
    assert.equal(entity.name, '<b>Bold</b> [plan]');
    const first = renderMarkdown(buildCard(notes, entity), describeUri).split('\n')[0];
    assert.equal(first, '**\\<b\\>Bold\\</b\\> \\[plan\\]** *cause*');
  });

  it('escapeMarkdown backslash-escapes Markdown characters, encodes & and joins lines', () => {
    assert.equal(escapeMarkdown('a*b_c`d|e[f](g)#h'), 'a\\*b\\_c\\`d\\|e\\[f\\]\\(g\\)\\#h');
    assert.equal(escapeMarkdown('<img src="x">'), '\\<img src\\=\\"x\\"\\>');
    assert.equal(escapeMarkdown('Tom & Jerry\r\nnext'), 'Tom &amp; Jerry next');
    assert.equal(escapeMarkdown('back\\slash'), 'back\\\\slash');
    assert.equal(escapeMarkdown('Kamenev'), 'Kamenev');
  });
});

describe('dates', () => {
  it('formatDate writes a day, a month and a year as students read them', () => {
    assert.equal(formatDate('1936-08-19'), '19 August 1936');
    assert.equal(formatDate('1936-01-05'), '5 January 1936');
    assert.equal(formatDate('1936-12'), 'December 1936');
    assert.equal(formatDate('1936'), '1936');
  });

  it('formatSpan joins days of one month, and writes other spans in full', () => {
    assert.equal(formatSpan('1936-08-19', '1936-08-24'), '19–24 August 1936');
    assert.equal(formatSpan('1942-08-23', '1943-02-02'), '23 August 1942 – 2 February 1943');
    assert.equal(formatSpan('1937-06-11', '1937-07-01'), '11 June 1937 – 1 July 1937');
    assert.equal(formatSpan('1936-08', '1936-08'), 'August 1936');
    assert.equal(formatSpan('1928', '1932'), '1928 – 1932');
  });

  it('formatSpan with one end known writes that end, and nothing for neither', () => {
    assert.equal(formatSpan('1937', undefined), '1937');
    assert.equal(formatSpan(undefined, '1938-03-15'), '15 March 1938');
    assert.equal(formatSpan(undefined, undefined), undefined);
  });
});
