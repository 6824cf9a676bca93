// What a parsed note defines (causes, trials and their defendants, people, events) and which name-like
// phrases it contains.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import {
  extractFacts,
  isTrialName,
  kindOfHeading,
  namesOnLine,
  type NoteDefinition,
  type NotesFacts,
} from '../../server/src/notes/extract';
import type { NotesFormat } from '../../server/src/notes/model';
import { parseNotes } from '../../server/src/notes/parse';
import { splitLines } from '../../server/src/notes/spans';
import { FIXTURES } from '../support/paths';

function slice(text: string, range: Range): string {
  return text.split(/\r?\n/)[range.start.line].slice(range.start.character, range.end.character);
}

function facts(text: string, format: NotesFormat = 'plain'): NotesFacts {
  return extractFacts(splitLines(text), parseNotes(text, format));
}

function defined(text: string, format: NotesFormat = 'plain'): NoteDefinition[] {
  const definitions = facts(text, format).definitions;
  // Every definition's range covers its name as written (bold markers aside).
  for (const d of definitions) assert.equal(slice(text, d.range).replace(/\*\*|__/g, ''), d.name, `range of ${d.kind} '${d.name}'`);
  return definitions;
}

function byKind(definitions: NoteDefinition[], kind: NoteDefinition['kind']): string[] {
  return definitions.filter((d) => d.kind === kind).map((d) => d.name);
}

function find(definitions: NoteDefinition[], kind: NoteDefinition['kind'], name: string): NoteDefinition {
  const found = definitions.find((d) => d.kind === kind && d.name === name);
  assert.ok(found, `no ${kind} '${name}' in ${JSON.stringify(definitions.map((d) => [d.kind, d.name]))}`);
  return found;
}

describe('extract: section kinds', () => {
  it('reads a section kind from its heading', () => {
    const cases: [string, string | undefined][] = [
      ['Causes of the Great Terror', 'cause'],
      ['Reasons for Soviet victory', 'cause'],
      ['Key factors', 'cause'],
      ['Why did the Terror happen', 'cause'],
      ['The Show Trials', 'trial'],
      ['Trials', 'trial'],
      ['Key People', 'person'],
      ['Who’s Who', 'person'],
      ["Who's who", 'person'],
      ['Key figures', 'person'],
      ['Timeline', 'event'],
      ['Events', 'event'],
      ['Key dates', 'event'],
      ['The Totalitarian Regime', undefined],
      ['Results', undefined],
    ];
    for (const [heading, kind] of cases) assert.equal(kindOfHeading(heading), kind, heading);
  });

  it('tells trial names: a short phrase with the word trial', () => {
    assert.ok(isTrialName('Trial of the 16'));
    assert.ok(isTrialName('The secret trial of 1937'));
    assert.ok(!isTrialName('The Show Trials'));
    assert.ok(!isTrialName('Kirov was shot and the trial that followed was a show for the whole world to see'));
  });

  it('defines nothing from bullets in a section of no kind', () => {
    const text =
      'Title\n\nThe Totalitarian Regime\n\n  • General Secretary – Stalin became General Secretary in 1922.\n  • The ' +
      'Gulag – labour camps.\n';
    assert.deepEqual(defined(text), []);
  });
});

describe('extract: causes', () => {
  const text = [
    'Stalin - his terror and WW2',
    '',
    'Causes of the Great Terror',
    '',
    "  • Lenin's police state – the Cheka and the Red Terror gave Stalin the tools of terror.",
    '  • Stalins Paranoia – Stalin trusted nobody.',
    '\t• Economics – failures were blamed on "wreckers".',
    '  • Congress of Victors 1934 – many delegates voted against Stalin.',
    '  • Kirov’s Murder — Kirov was shot in Leningrad.',
    '  • Old rivals: Trotsky, Bukharin, Kamenev and Zionev had all opposed Stalin.',
  ].join('\n');
  const definitions = defined(text);

  it('defines each bullet term of a causes section as a cause', () => {
    assert.deepEqual(byKind(definitions, 'cause'), [
      "Lenin's police state",
      'Stalins Paranoia',
      'Economics',
      'Congress of Victors 1934',
      'Kirov’s Murder',
      'Old rivals',
    ]);
    assert.equal(definitions.length, 6);
  });

  it('keeps the explanation as the text, the heading as the section, and the bullet line as context', () => {
    const economics = find(definitions, 'cause', 'Economics');
    assert.equal(economics.text, 'failures were blamed on "wreckers".');
    assert.equal(economics.section, 'Causes of the Great Terror');
    assert.deepEqual(economics.contextLines, { from: 6, to: 6 });
    assert.equal(economics.key, 'economics');
  });

  it('keys a cause by its folded name, and also without a trailing year', () => {
    const congress = find(definitions, 'cause', 'Congress of Victors 1934');
    assert.equal(congress.year, '1934');
    assert.deepEqual(congress.lookupKeys, ['congress of victors 1934', 'congress of victors']);
    assert.equal(find(definitions, 'cause', 'Kirov’s Murder').key, 'kirov murder');
    assert.equal(find(definitions, 'cause', "Lenin's police state").key, 'lenin police state');
  });

  it('reads causes from Markdown bold terms', () => {
    const md =
      "# Notes\n\n## Causes\n\n- **Kirov's murder** (1934): Nikolaev shot Kirov.\n* **Economics** - the plans missed their targets.\n";
    const mdDefinitions = defined(md, 'markdown');
    assert.deepEqual(byKind(mdDefinitions, 'cause'), ["Kirov's murder", 'Economics']);
    assert.equal(find(mdDefinitions, 'cause', "Kirov's murder").text, 'Nikolaev shot Kirov.');
  });
});

describe('extract: trials', () => {
  it('defines a trial from its heading, with the defendants on the names line straight after it', () => {
    const text =
      'Title\n\nThe Show Trials\n\nTrial of the 16\nKamenev & Zinoviev\nThey were accused of murdering Kirov. All 16 were shot.\n';
    const definitions = defined(text);
    const trial = find(definitions, 'trial', 'Trial of the 16');
    assert.deepEqual(
      trial.defendants?.map((d) => [d.text, slice(text, d.range)]),
      [
        ['Kamenev', 'Kamenev'],
        ['Zinoviev', 'Zinoviev'],
      ],
    );
    assert.equal(trial.text, 'They were accused of murdering Kirov. All 16 were shot.');
    assert.deepEqual(trial.contextLines, { from: 4, to: 6 });
    const people = definitions.filter((d) => d.kind === 'person');
    assert.deepEqual(
      people.map((p) => [p.name, p.trialKey, p.text]),
      [
        ['Kamenev', 'trial of the 16', 'Defendant at the Trial of the 16'],
        ['Zinoviev', 'trial of the 16', 'Defendant at the Trial of the 16'],
      ],
    );
  });

  it('finds the names line after one blank line too', () => {
    const text = 'Title\n\nTrial of the 17\n\nPyatakov & Radek\nIn January 1937 they were accused of wrecking.\n';
    const trial = find(defined(text), 'trial', 'Trial of the 17');
    assert.deepEqual(
      trial.defendants?.map((d) => d.text),
      ['Pyatakov', 'Radek'],
    );
    assert.equal(trial.text, 'In January 1937 they were accused of wrecking.');
  });

  it('skips `and 14 others` on a names line', () => {
    const text = 'Title\n\nTrial of the 16\n\nKamenev & Zinoviev and 14 others\nAll were shot.\n';
    const trial = find(defined(text), 'trial', 'Trial of the 16');
    assert.deepEqual(
      trial.defendants?.map((d) => d.text),
      ['Kamenev', 'Zinoviev'],
    );
  });

  it('reads a trial heading with no names line: no defendants, the paragraph is its text', () => {
    const text = 'Title\n\nTrial of the 21\n\nBukharin and others were accused of plotting against Lenin in 1918.\n';
    const definitions = defined(text);
    const trial = find(definitions, 'trial', 'Trial of the 21');
    assert.equal(trial.defendants, undefined);
    assert.equal(trial.text, 'Bukharin and others were accused of plotting against Lenin in 1918.');
    assert.deepEqual(byKind(definitions, 'person'), []);
  });

  it('defines `The secret trial of 1937:` as a trial of 1937, in any section', () => {
    const text = 'Title\n\nThe Army\n\n  • The secret trial of 1937: eight generals, including Tukhachevsky, were shot.\n';
    const [trial] = defined(text);
    assert.equal(trial.kind, 'trial');
    assert.equal(trial.name, 'The secret trial of 1937');
    assert.equal(trial.year, '1937');
    assert.equal(trial.key, 'secret trial of 1937');
    assert.equal(trial.text, 'eight generals, including Tukhachevsky, were shot.');
  });

  it('reads trials from a Markdown table under a trials heading, with the defendants column', () => {
    const text = readFileSync(path.join(FIXTURES, 'md', 'terror.md'), 'utf8');
    const definitions = defined(text, 'markdown');
    const trials = definitions.filter((d) => d.kind === 'trial');
    assert.deepEqual(
      trials.map((t) => [t.name, t.defendants?.map((d) => d.text)]),
      [
        ['Trial of the 16', ['Zionev']],
        ['Trial of the 17', ['Pyatakov', 'Radek']],
        ['Trial of the 21', ['Bukharin', 'Rykov', 'Yagoda']],
      ],
    );
    for (const trial of trials) for (const d of trial.defendants!) assert.equal(slice(text, d.range), d.text);
  });

  // Regression (fixed): a table row with an empty cell loses the cell (readTableRow keeps only non-empty cells), so the
  // columns after it shift: here the Defendants column (index 2) is read from a row of two cells and the
  // trial gets no defendants.
  it('reads the defendants column of a table row with an empty cell before it', () => {
    const text = '# T\n\n## The trials\n\n| Trial | Year | Defendants |\n|---|---|---|\n| Trial of the 16 |  | Kamenev & Zinoviev |\n';
    const trial = find(defined(text, 'markdown'), 'trial', 'Trial of the 16');
    assert.deepEqual(
      trial.defendants?.map((d) => d.text),
      ['Kamenev', 'Zinoviev'],
    );
  });

  // Regression (fixed): a names line joined by commas and `and` (the form namesOnLine documents: `Bukharin, Rykov and
  // Yagoda`) with blank lines around it is read as a plain-text section heading (looksLikePlainHeading only
  // rules out `&`), so the trial gets no defendants and the next paragraph leaves the trial's section.
  it('reads a names line joined by commas and "and", with blank lines around it, as the defendants', () => {
    const text = 'Title\n\nThe Show Trials\n\nTrial of the 21\n\nBukharin, Rykov and Yagoda\n\nThey were shot.\n';
    const trial = find(defined(text), 'trial', 'Trial of the 21');
    assert.deepEqual(
      trial.defendants?.map((d) => d.text),
      ['Bukharin', 'Rykov', 'Yagoda'],
    );
    assert.equal(trial.text, 'They were shot.');
  });
});

describe('extract: names lines', () => {
  it('splits names joined by &, commas, "and", + and /', () => {
    assert.deepEqual(
      namesOnLine('Kamenev & Zinoviev', 0)?.map((n) => n.text),
      ['Kamenev', 'Zinoviev'],
    );
    assert.deepEqual(
      namesOnLine('Bukharin, Rykov and Yagoda', 0)?.map((n) => n.text),
      ['Bukharin', 'Rykov', 'Yagoda'],
    );
    assert.deepEqual(
      namesOnLine('Radek + Pyatakov / Sokolnikov', 0)?.map((n) => n.text),
      ['Radek', 'Pyatakov', 'Sokolnikov'],
    );
  });

  it('keeps a name of several words, with connectors inside', () => {
    assert.deepEqual(
      namesOnLine('Leon Trotsky & Franz von Papen', 0)?.map((n) => n.text),
      ['Leon Trotsky', 'Franz von Papen'],
    );
  });

  it('gives each name its range, shifted by the offset of the text in its line', () => {
    const line = '| Trial of the 16 | 1936 | Kamenev & Zinoviev |';
    const offset = line.indexOf('Kamenev');
    const names = namesOnLine('Kamenev & Zinoviev', 4, offset)!;
    assert.deepEqual(
      names.map((n) => [n.range.start.line, line.slice(n.range.start.character, n.range.end.character)]),
      [
        [4, 'Kamenev'],
        [4, 'Zinoviev'],
      ],
    );
  });

  it('rejects a line that is not only names', () => {
    assert.equal(namesOnLine('They were all shot', 0), undefined);
    assert.equal(namesOnLine('Kamenev & Zinoviev were shot', 0), undefined);
    assert.equal(namesOnLine('Kamenev & Zinoviev.', 0), undefined);
    assert.equal(namesOnLine('Kamenev, Zinoviev, Trotsky, Bukharin Rykov Yagoda Radek Pyatakov', 0), undefined);
    assert.equal(namesOnLine('and 14 others', 0), undefined);
  });
});

describe('extract: people', () => {
  it('defines the people a key-people section names, one per name on a names term', () => {
    const text =
      'Title\n\nWho’s Who\n\n  • Kamenev & Zinoviev – allies against Stalin\n  • Leon Trotsky – Stalin’s great rival\n ' +
      ' • the Party leaders – all shot\n';
    const definitions = defined(text);
    assert.deepEqual(byKind(definitions, 'person'), ['Kamenev', 'Zinoviev', 'Leon Trotsky']);
    assert.equal(find(definitions, 'person', 'Zinoviev').text, 'allies against Stalin');
    assert.equal(find(definitions, 'person', 'Leon Trotsky').year, undefined);
  });

  it('reads numbered bold people in Markdown', () => {
    const text = '# T\n\n## Key people\n\n1. **Yagoda** – head of the NKVD 1934-36.\n2. **Yezhov** — head of the NKVD 1936-38.\n';
    assert.deepEqual(byKind(defined(text, 'markdown'), 'person'), ['Yagoda', 'Yezhov']);
  });
});

describe('extract: events', () => {
  const text = [
    'Title',
    '',
    'Timeline',
    '',
    '• 1934 – Congress of Victors (17th Party Congress), January-February',
    '• 22 June 1941 – Operation Barbarossa begins, the German invasion',
    '• August 1942 – the Battle of Stalingrad begins',
    '• 1936 – Trial of the 16 (August)',
    '• Congress of Victors 1934 – Kirov was popular',
    '• 1942-43 – Battle of Stalingrad',
    '• 1928 – First five-year plan begins',
  ].join('\n');
  const definitions = defined(text);

  it('names a dated event after its date, to the first clause break', () => {
    const congress = find(definitions, 'event', 'Congress of Victors');
    assert.equal(congress.year, '1934');
    assert.equal(congress.range.start.line, 4);
    assert.equal(congress.text, 'Congress of Victors (17th Party Congress), January-February');
  });

  it('reads a day and month before the year, and takes the leading name of the clause', () => {
    const barbarossa = find(definitions, 'event', 'Operation Barbarossa');
    assert.equal(barbarossa.year, '1941');
    const stalingrad = definitions.filter((d) => d.name === 'Battle of Stalingrad');
    assert.deepEqual(
      stalingrad.map((d) => [d.kind, d.year, d.range.start.line]),
      [
        ['event', '1942', 6],
        ['event', '1942', 9],
      ],
    );
  });

  it('makes a dated trial a trial, with the year of its date', () => {
    const trial = find(definitions, 'trial', 'Trial of the 16');
    assert.equal(trial.year, '1936');
    assert.equal(trial.key, 'trial of the 16');
  });

  it('names an event after its term when the term is not a date', () => {
    const congress = find(definitions, 'event', 'Congress of Victors 1934');
    assert.equal(congress.text, 'Kirov was popular');
    assert.deepEqual(congress.lookupKeys, ['congress of victors 1934', 'congress of victors']);
  });

  it('takes the whole clause when it has no leading name', () => {
    const plan = find(definitions, 'event', 'First five-year plan begins');
    assert.equal(plan.year, '1928');
    assert.equal(definitions.length, 7);
  });
});

describe('extract: name phrases', () => {
  it('groups capitalised words with connectors into phrases, line by line', () => {
    const text = 'Title\n\nIn August 1936 Kamenev and Zinoviev were tried at the Trial of the 16 in Moscow.\n';
    const phrases = facts(text)
      .phrases.list()
      .filter((p) => p.line === 2)
      .map((p) => p.words.map((w) => w.text).join(' '));
    assert.deepEqual(phrases, ['In August 1936 Kamenev and Zinoviev', 'Trial of the 16', 'Moscow']);
  });

  it('reads no phrases from fenced code or front matter', () => {
    const text = '---\nauthor: Kamenev\n---\n# Notes\n\n```\ndefendant: Zinoviev\n```\nBukharin was shot.\n';
    const lines = new Set(
      facts(text, 'markdown')
        .phrases.list()
        .map((p) => p.line),
    );
    assert.ok(!lines.has(1));
    assert.ok(!lines.has(6));
    assert.ok(lines.has(8));
  });
});

describe('extract: a topic with no knowledge file (the French Revolution fixture)', () => {
  const text = readFileSync(path.join(FIXTURES, 'plain', 'french-revolution.txt'), 'utf8');
  const definitions = defined(text);

  it('finds its causes', () => {
    assert.deepEqual(byKind(definitions, 'cause'), ['Debt', 'Enlightenment ideas', 'Bad harvests', 'Unfair taxes']);
  });

  it('finds both trials and their defendants', () => {
    const trials = definitions.filter((d) => d.kind === 'trial' && d.defendants);
    assert.deepEqual(
      trials.map((t) => [t.name, t.defendants!.map((d) => d.text)]),
      [
        ['Trial of the Girondins', ['Brissot', 'Vergniaud']],
        ['Trial of Danton', ['Danton', 'Desmoulins']],
      ],
    );
    assert.equal(find(definitions, 'person', 'Vergniaud').trialKey, 'trial of the girondins');
  });

  it('finds the key people', () => {
    const people = new Set(byKind(definitions, 'person'));
    for (const name of ['Louis XVI', 'Robespierre', 'Danton', 'Desmoulins', 'Brissot', 'Vergniaud']) assert.ok(people.has(name), name);
    assert.equal(people.size, 6);
  });

  it('does not take a section heading or a bullet of the trials section for a trial', () => {
    assert.deepEqual(byKind(definitions, 'trial'), ['Trial of the Girondins', 'Trial of Danton']);
  });
});
