// Chronology checks on in-memory notes with every bundled knowledge pack: a year written with a name
// that contradicts the record, a person acting after their death, the evidence each names, the quick
// fix, and the many sentences that must stay quiet because they could mean something else.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { chronologyProblems, type ChronologyProblem } from '../../server/src/features/chronology';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { chronologyDiagnostics } from '../../server/src/features/diagnostics';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { nameVocabulary } from '../../server/src/knowledge/vocabulary';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import type { KnowledgeFile } from '../../server/src/knowledge/model';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { DATA } from '../support/paths';
import { applyEdits, textIn } from '../support/text';

const URI = 'file:///notes/essay.txt';
const SOVIET_URI = 'file:///data/soviet-union-1917-1953.history.json';

let packs: KnowledgeFile[] | undefined;
function bundled(): KnowledgeFile[] {
  packs ??= readdirSync(DATA)
    .filter((f) => f.endsWith('.history.json'))
    .map((f) => loadKnowledgeFile(`file:///data/${f}`, readFileSync(path.join(DATA, f), 'utf8'), true));
  return packs;
}

function indexOf(text: string, others: [string, string][] = []): NotesIndex {
  const index = new NotesIndex(new KnowledgeBase(bundled()));
  index.setNameVocabulary(nameVocabulary(bundled()));
  for (const [uri, other] of others) index.setDocument(uri, other, 'plain');
  index.setDocument(URI, text, 'plain');
  return index;
}

/** An essay of one paragraph under a title. */
const essay = (paragraph: string): string => `My essay\n\n${paragraph}\n`;

function problemsIn(paragraph: string): ChronologyProblem[] {
  const text = essay(paragraph);
  return chronologyProblems(indexOf(text), URI);
}

/** `chronology 1936 → 1938`, `after-death 1940`: what a paragraph is warned about. */
function summary(paragraph: string): string[] {
  return problemsIn(paragraph).map((p) => `${p.code} ${p.written}${p.recorded ? ` → ${p.recorded}` : ''}`);
}

describe('chronology: years that contradict the knowledge', () => {
  it('flags `the Trial of the 21 in 1936` on exactly the year, naming 1938 and the Soviet Union pack', () => {
    const text = essay('The Trial of the 21 in 1936 was the last of the Moscow show trials.');
    const [problem, ...rest] = chronologyProblems(indexOf(text), URI);
    assert.ok(problem, 'no problem');
    assert.deepEqual(rest, []);
    assert.equal(problem.code, 'chronology');
    assert.equal(textIn(text, problem.range), '1936');
    assert.equal(problem.recorded, '1938');
    assert.equal(problem.message, 'Trial of the Twenty-One: 2–13 March 1938, not 1936 (Soviet Union 1917-1953 knowledge)');
    const soviet = bundled().find((f) => f.uri === SOVIET_URI)!;
    assert.deepEqual(problem.evidence.location, { uri: SOVIET_URI, range: soviet.locations.get('trial-of-the-21') });
  });

  const flagged: [string, string[]][] = [
    ['The Trial of the 21 in 1936 was the last.', ['chronology 1936 → 1938']],
    ['At the Trial of the 21 in March 1937, Bukharin confessed.', ['chronology 1937 → 1938']],
    ['The Trial of the 16 (1937) ended in death sentences.', ['chronology 1937 → 1936']],
    ['**Trial of the 21** (1936): Bukharin and Rykov.', ['chronology 1936 → 1938']],
    ['Then came the Congress of Victors 1935: Kirov was popular.', ['chronology 1935 → 1934']],
    ['The Trial of the 21 opened in 1939.', ['chronology 1939 → 1938']],
    ['In 1935, the Trial of the 16 opened in Moscow.', ['chronology 1935 → 1936']],
    ["Kirov's Murder in 1933 shocked the party.", ['chronology 1933 → 1934']],
    ['Kirov was murdered in 1933.', ['chronology 1933 → 1934']],
    ['Kirov died on 1 December 1933.', ['chronology 1933 → 1934']],
    ["Kirov's murder (1933) gave Stalin his excuse.", ['chronology 1933 → 1934']],
    ['The murder of Kirov in 1933 shocked Leningrad.', ['chronology 1933 → 1934']],
    ['Zinoviev was executed in 1937.', ['chronology 1937 → 1936']],
    ['Bukharin was born in 1890.', ['chronology 1890 → 1888']],
    // deaths with a place, an aside, other verbs; births after `Born`; life spans
    ['Kirov was shot in Leningrad in December 1935.', ['chronology 1935 → 1934']],
    ['Tukhachevsky, executed in 1938 after a secret trial, was rehabilitated later.', ['chronology 1938 → 1937']],
    ['Yezhov, who was shot in 1937, had run the NKVD.', ['chronology 1937 → 1940']],
    ['Born Joseph Djugashvili, December 21, 1879, Stalin grew up in Gori.', ['chronology 1879 → 1878']],
    ['Lev Kamenev (1883-1937) confessed.', ['chronology 1937 → 1936']],
    ['Sergei Kirov (1884-1934) ran Leningrad.', ['chronology 1884 → 1886']],
    ['Sergei Kirov (1868-1934), two digits swapped.', ['chronology 1868 → 1886']],
    // an event by its owner's possessive and a place before the date
    ["Churchill's speech at Fulton, Missouri, in March 1947 made the split public.", ['chronology 1947 → 1946']],
    // acting after death, in an aside
    ['Bukharin, writing in 1940, argued that the NEP had worked.', ['after-death 1940']],
  ];
  for (const [paragraph, expected] of flagged) {
    it(`flags: ${paragraph}`, () => assert.deepEqual(summary(paragraph), expected));
  }

  it('reads a timeline line: `1936: Trial of the 21`, `1933 – Kirov’s murder`', () => {
    assert.deepEqual(summary('1936: Trial of the 21 opened in Moscow.'), ['chronology 1936 → 1938']);
    const text = "My notes\n\nEvents\n\n  • 1933 – Kirov's murder in Leningrad\n  • 1938 – Trial of the 21\n";
    assert.deepEqual(
      chronologyProblems(indexOf(text), URI).map((p) => `${p.written} → ${p.recorded}`),
      ['1933 → 1934'],
    );
  });

  it('names the person’s recorded death: `Sergei Kirov died on 1 December 1934, not in 1933`', () => {
    const [problem] = problemsIn('Kirov was murdered in 1933.');
    assert.equal(problem?.message, 'Sergei Kirov died on 1 December 1934, not in 1933 (Soviet Union 1917-1953 knowledge)');
    assert.equal(problem.evidence.detail, 'Sergei Kirov: died 1 December 1934');
  });
});

describe('chronology: a person acting after their death', () => {
  it('flags `In 1940, Bukharin argued`: he died in 1938, and there is nothing to fix', () => {
    const text = essay('In 1940, Bukharin argued that the NEP had worked.');
    const [problem, ...rest] = chronologyProblems(indexOf(text), URI);
    assert.ok(problem, 'no problem');
    assert.deepEqual(rest, []);
    assert.equal(problem.code, 'after-death');
    assert.equal(textIn(text, problem.range), '1940');
    assert.equal(problem.recorded, undefined);
    assert.equal(problem.message, 'Nikolai Bukharin died on 15 March 1938, before 1940 (Soviet Union 1917-1953 knowledge)');
    assert.equal(problem.evidence.location.uri, SOVIET_URI);
  });

  it('flags a sentence the person opens, the year closing their clause: `Bukharin argued for the NEP in 1941`', () => {
    assert.deepEqual(summary('Bukharin argued for the NEP in 1941.'), ['after-death 1941']);
  });
});

describe('chronology: sentences that could mean something else stay quiet', () => {
  const quiet = [
    // ranges
    'The Trial of the 21 in 1936-38 ended the show trials.',
    'The Trial of the 21 in 1937 to 1938 dragged on.',
    'The Great Terror in the 1930s destroyed the Old Bolsheviks.',
    'Between 1936 and 1938, the Trial of the 16, the Trial of the 17 and the Trial of the 21 were held.',
    // hedges
    'After 1938, Bukharin was gone. Bukharin argued after 1938 that nothing mattered.',
    'By 1937, the Trial of the 21 was being prepared.',
    'Before 1936, the Trial of the 21 was unthinkable.',
    'Since 1990, the Trial of the 21 has been studied from the archives.',
    'The Trial of the 21 took place c. 1938.',
    'The anniversary of the Trial of the 21 in 1988 passed quietly.',
    'The Trial of the 21 in around 1937 was planned.',
    // a year within the span, the life, or before the birth
    'The Purge of the Red Army in 1937 hit the officers. The Great Terror in 1938 was ending.',
    'In 1929, Bukharin opposed collectivisation.',
    'In 1880, Bukharin argued with nobody.',
    'Trotsky was murdered in 1940.',
    // memory and legacy
    'Bukharin was rehabilitated in 1988.',
    'In 1988, Bukharin was rehabilitated.',
    'In 1956, Stalin was denounced by Khrushchev.',
    "Stalin's body was removed from the Mausoleum in 1961.",
    'In 1961, Stalins body was removed.',
    'Posthumously, Bukharin was honoured in 1988.',
    'In 1988, Bukharin posthumously regained his party membership.',
    // the year belongs to someone or something else
    'In 1956, Khrushchev denounced Stalin.',
    'Khrushchev denounced the Moscow Trials in 1956.',
    'Trotsky wrote about the Trial of the 21 in 1941.',
    'Stalin used Kirov’s murder in 1936 as a pretext.',
    'The Trial of the 21 followed the Trial of the Generals in 1937.',
    'Lenin warned that Stalin would abuse his power in 1953.',
    'In 1939, Stalin and Bukharin’s widow both survived.',
    'Kamenev, who had opposed Stalin, was remembered in 1988.',
    '**Victory at the Trial of the 21** (1936): not the trial’s own year.',
    'The Congress of Victors 1966 delegates elected the Central Committee.',
    // years in brackets that are no life: a term of office
    'Yagoda (1934-36) ran the NKVD. Stalin (1924-53) ruled alone.',
    // correct forms of the new shapes
    'Kirov was shot in Leningrad in December 1934.',
    'Lev Kamenev (1883-1936) confessed.',
    'Yezhov, who was shot in 1940, had run the NKVD.',
    'Bukharin, remembered in 1988, was rehabilitated.',
    'Bukharin, writing in 1937, pleaded with Stalin.',
    "Churchill's speech at Fulton, Missouri, in March 1946 made the split public.",
  ];
  for (const paragraph of quiet) {
    it(`quiet: ${paragraph}`, () => assert.deepEqual(summary(paragraph), []));
  }

  it('says nothing for a note the index does not hold', () => {
    const index = indexOf(essay('The Trial of the 21 in 1936 was the last.'));
    assert.deepEqual(chronologyProblems(index, 'file:///notes/other.txt'), []);
  });
});

describe('chronology: dates the notes give', () => {
  // A topic no pack covers, so the notes are the only record.
  const EVENTS_URI = 'file:///notes/norman%20conquest.txt';
  const EVENTS = 'The Norman Conquest\n\nEvents\n\n  • 1066 – Battle of Hastings (14 October)\n  • 1086 – Domesday Book compiled\n';

  it('without knowledge, takes the year a note defines the event with, and points at that line', () => {
    const text = essay('The Battle of Hastings in 1067 gave William the crown.');
    const index = indexOf(text, [[EVENTS_URI, EVENTS]]);
    const [problem, ...rest] = chronologyProblems(index, URI);
    assert.ok(problem, 'no problem');
    assert.deepEqual(rest, []);
    assert.equal(problem.recorded, '1066');
    assert.equal(problem.evidence.label, 'your notes, norman conquest.txt:5');
    assert.equal(problem.message, 'Battle of Hastings: 1066, not 1067 (your notes, norman conquest.txt:5)');
    const definition = index.noteDefinitions(problem.entityId)[0];
    assert.deepEqual(problem.evidence.location, { uri: EVENTS_URI, range: definition.range });
  });

  it('is quiet when the notes agree', () => {
    const text = essay('In 1086, the Domesday Book was compiled.');
    assert.deepEqual(chronologyProblems(indexOf(text, [[EVENTS_URI, EVENTS]]), URI), []);
  });
});

describe('chronology: a note being edited, whose lines are read again only when they change', () => {
  const TRIAL = 'The Trial of the 21 in 1936 was the last.';
  const where = (problems: ChronologyProblem[]): string[] =>
    problems.map((p) => `${p.range.start.line}:${p.range.start.character} ${p.written}`);

  it('moves a line’s problems with the line, and gives a line written twice its own', () => {
    const index = indexOf(essay(TRIAL));
    assert.deepEqual(where(chronologyProblems(index, URI)), ['2:23 1936']);
    index.editDocument(URI, `My essay\n\nA line before it.\n${TRIAL}\n\n${TRIAL}\n`, 'plain');
    assert.deepEqual(where(chronologyProblems(index, URI)), ['3:23 1936', '5:23 1936']);
  });

  it('moves the problems of a line kept through an edit above it, and reads the lines the edit wrote', () => {
    const index = indexOf(essay(TRIAL));
    index.editDocument(URI, essay(TRIAL), 'plain');
    assert.deepEqual(where(chronologyProblems(index, URI)), ['2:23 1936']);
    index.editDocument(URI, `My essay\n\nA line before it, from 1936.\n${TRIAL}\n`, 'plain');
    assert.deepEqual(where(chronologyProblems(index, URI)), ['3:23 1936']);
    index.editDocument(URI, `My essay\n\nThe Trial of the 21 in 1937.\n${TRIAL}\n`, 'plain');
    assert.deepEqual(where(chronologyProblems(index, URI)), ['2:23 1937', '3:23 1936']);
  });

  it('reads the lines again when the notes change the date they are checked against', () => {
    const EVENTS_URI = 'file:///notes/norman%20conquest.txt';
    const events = (year: number): string => `The Norman Conquest\n\nEvents\n\n  • ${year} – Battle of Hastings (14 October)\n`;
    const index = indexOf(essay('The Battle of Hastings in 1067 gave William the crown.'), [[EVENTS_URI, events(1066)]]);
    assert.deepEqual(where(chronologyProblems(index, URI)), ['2:26 1067']);
    index.editDocument(EVENTS_URI, events(1067), 'plain');
    assert.deepEqual(where(chronologyProblems(index, URI)), []);
  });

  it('reads the lines again when the knowledge changes', () => {
    const index = indexOf(essay(TRIAL));
    assert.deepEqual(where(chronologyProblems(index, URI)), ['2:23 1936']);
    index.setKnowledge(new KnowledgeBase([]));
    assert.deepEqual(where(chronologyProblems(index, URI)), []);
  });
});

describe('chronology: diagnostics and quick fixes', () => {
  const text = essay('The Trial of the 21 in 1936 was the last. In 1940, Bukharin argued that the NEP had worked.');

  it('publishes warnings from History Notes, with the evidence as related information', () => {
    const [trial, bukharin] = chronologyDiagnostics(indexOf(text), URI);
    assert.equal(trial.severity, 2);
    assert.equal(trial.source, 'History Notes');
    assert.equal(trial.code, 'chronology');
    assert.equal(bukharin.code, 'after-death');
    assert.equal(trial.relatedInformation?.[0].location.uri, SOVIET_URI);
    assert.match(trial.relatedInformation?.[0].message ?? '', /2–13 March 1938/);
  });

  it('follows a severity setting, and `off` publishes nothing', () => {
    assert.equal(chronologyDiagnostics(indexOf(text), URI, 'hint')[0].severity, 4);
    assert.deepEqual(chronologyDiagnostics(indexOf(text), URI, 'off'), []);
  });

  function fix(diagnostics: Diagnostic[], withText: boolean): string | undefined {
    // Without the note in the index, the fix can only come from the diagnostic's data.
    const index = withText ? indexOf(text) : new NotesIndex(new KnowledgeBase(bundled()));
    const [trial] = diagnostics;
    const actions = provideCodeActions(index, URI, trial.range, [trial], 'accept');
    const edits = actions.find((a) => a.title === 'Change 1936 to 1938')?.edit?.changes?.[URI];
    return edits && applyEdits(text, edits);
  }

  it('offers `Change 1936 to 1938`, computed from the text when the editor drops the data', () => {
    const diagnostics = chronologyDiagnostics(indexOf(text), URI).map(({ data: _data, ...rest }) => rest);
    assert.equal(
      fix(diagnostics, true),
      essay('The Trial of the 21 in 1938 was the last. In 1940, Bukharin argued that the NEP had worked.'),
    );
  });

  it('offers the same fix from the diagnostic’s data when the text is not at hand', () => {
    assert.equal(
      fix(chronologyDiagnostics(indexOf(text), URI), false),
      essay('The Trial of the 21 in 1938 was the last. In 1940, Bukharin argued that the NEP had worked.'),
    );
  });

  it('offers no fix for a person acting after death', () => {
    const index = indexOf(text);
    const bukharin = chronologyDiagnostics(index, URI)[1];
    assert.deepEqual(provideCodeActions(index, URI, bukharin.range, [bukharin], 'accept'), []);
  });
});
