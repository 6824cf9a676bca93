// Knowledge files: the bundled one, syntax and schema problems at their positions, duplicate ids,
// references, and a user's file merged over the bundled entries.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { LineIndex, loadKnowledgeFile } from '../../server/src/knowledge/load';
import type { KnowledgeFile, KnowledgeProblem } from '../../server/src/knowledge/model';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { DATA } from '../support/paths';

const BUNDLED_PATH = path.join(DATA, 'soviet-union-1917-1953.history.json');
const BUNDLED_URI = 'file:///bundled/soviet-union-1917-1953.history.json';
const USER_URI = 'file:///notes/mine.history.json';

function bundled(): KnowledgeFile {
  return loadKnowledgeFile(BUNDLED_URI, readFileSync(BUNDLED_PATH, 'utf8'), true);
}

/** The text a range covers (ranges in knowledge files may span lines). */
function covered(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

/** The position of the first `needle` in `text`, after the first `after` if given. */
function positionOf(text: string, needle: string, after = ''): { line: number; character: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset >= 0, `'${needle}' not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function only(problems: KnowledgeProblem[]): KnowledgeProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0];
}

function file(entities: string[]): string {
  return ['{', '  "name": "My notes",', '  "entities": [', entities.map((e) => `    ${e}`).join(',\n'), '  ]', '}', ''].join('\n');
}

describe('knowledge: the bundled file', () => {
  const loaded = bundled();

  it('loads with no problems', () => {
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.bundled, true);
    assert.equal(loaded.title, 'Soviet Union 1917-1953');
  });

  it('has at least 40 people, 4 trials and 25 events, each id once', () => {
    const count = (kind: string): number => loaded.entries.filter((e) => e.kind === kind).length;
    assert.ok(count('person') >= 40, `people: ${count('person')}`);
    assert.ok(count('trial') >= 4, `trials: ${count('trial')}`);
    assert.ok(count('event') >= 25, `events: ${count('event')}`);
    assert.equal(new Set(loaded.entries.map((e) => e.id)).size, loaded.entries.length);
  });

  it('has the people, trials and causes the notes need, with their data', () => {
    const byId = new Map(loaded.entries.map((e) => [e.id, e]));
    const kamenev = byId.get('kamenev');
    assert.equal(kamenev?.kind, 'person');
    assert.equal(kamenev?.born?.slice(0, 4), '1883');
    assert.equal(kamenev?.died?.slice(0, 4), '1936');
    assert.ok(byId.get('zinoviev')?.misspellings?.includes('Zionev'));
    assert.ok(byId.get('bukharin')?.misspellings?.includes('Bukarin'));
    assert.deepEqual(byId.get('trial-of-the-16')?.defendants?.slice(0, 2).sort(), ['kamenev', 'zinoviev']);
    for (const id of ['trial-of-the-17', 'trial-of-the-21', 'trial-of-the-generals']) assert.equal(byId.get(id)?.kind, 'trial', id);
    assert.equal(byId.get('stalins-paranoia')?.kind, 'cause');
  });

  it("records where each entry's name is written", () => {
    const text = readFileSync(BUNDLED_PATH, 'utf8');
    for (const entry of loaded.entries) {
      const range = loaded.locations.get(entry.id);
      assert.ok(range, entry.id);
      assert.equal(covered(text, range), JSON.stringify(entry.name), entry.id);
    }
  });

  it('refers only to ids the bundled packs define: a knowledge base of all of them adds no warnings', () => {
    const file = bundled();
    const others = readdirSync(DATA)
      .filter((name) => name.endsWith('.history.json') && name !== path.basename(BUNDLED_PATH))
      .map((name) => loadKnowledgeFile(`file:///bundled/${name}`, readFileSync(path.join(DATA, name), 'utf8'), true));
    const base = new KnowledgeBase([file, ...others]);
    for (const loaded of [file, ...others]) assert.deepEqual(base.problemsOf(loaded), [], loaded.uri);
    assert.equal(
      base.entries.size,
      [file, ...others].reduce((n, f) => n + f.entries.length, 0),
    );
    assert.equal(base.get('kamenev')?.uri, BUNDLED_URI);
  });

  it('warns when a pack includes an id no file defines', () => {
    const file = bundled();
    const base = new KnowledgeBase([file]);
    assert.ok(
      base.problemsOf(file).some((p) => p.message === 'The pack includes "hitler", which no knowledge file defines.'),
      JSON.stringify(base.problemsOf(file)),
    );
    assert.deepEqual(file.problems, [], 'the file itself is left as it was read');
  });
});

describe('knowledge: problems in a file', () => {
  it('reports invalid JSON at the line and character of the error, and loads nothing', () => {
    const text = file(['{ "id": "a", "kind": "person", "name": "A" }', '{ "id": "b", "kind": "person" "name": "B" }']);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(loaded.entries, []);
    const problem = only(loaded.problems);
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /^Invalid JSON: comma expected/);
    assert.deepEqual(problem.range.start, positionOf(text, '"name": "B"'));
  });

  it('reports a trailing comma and comments as invalid JSON', () => {
    const trailing = loadKnowledgeFile(USER_URI, '{ "entities": [ { "id": "a", "kind": "person", "name": "A" }, ] }');
    assert.ok(trailing.problems.length > 0);
    assert.ok(trailing.problems.every((p) => p.message.startsWith('Invalid JSON')));
    const comment = loadKnowledgeFile(USER_URI, '{ "entities": [] } // mine');
    assert.match(only(comment.problems).message, /comment/);
    assert.deepEqual(only(comment.problems).range.start, { line: 0, character: 19 });
  });

  it('reports an empty file', () => {
    const loaded = loadKnowledgeFile(USER_URI, '');
    assert.equal(only(loaded.problems).severity, 'error');
    assert.deepEqual(loaded.entries, []);
  });

  it('counts lines the same with CRLF line ends', () => {
    const text = file(['{ "id": "a", "kind": "person", "name": "A" }', '{ "id": "b", "kind": "person" "name": "B" }']);
    const crlf = loadKnowledgeFile(USER_URI, text.replace(/\n/g, '\r\n'));
    assert.deepEqual(only(crlf.problems).range.start, positionOf(text, '"name": "B"'));
  });

  it('reports a bad date at the value and skips only that entry', () => {
    const text = file([
      '{ "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "born": "1883" }',
      '{ "id": "zinoviev", "kind": "person", "name": "Grigory Zinoviev", "died": "1936-13-01" }',
      '{ "id": "bukharin", "kind": "person", "name": "Nikolai Bukharin" }',
    ]);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(
      loaded.entries.map((e) => e.id),
      ['kamenev', 'bukharin'],
    );
    const problem = only(loaded.problems);
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /\/entities\/1\/died/);
    assert.match(problem.message, /YYYY-MM-DD/);
    assert.equal(covered(text, problem.range), '"1936-13-01"');
    assert.equal(loaded.title, 'My notes');
  });

  it('reports a bad date inside a role at the value', () => {
    const text = file([
      '{ "id": "yagoda", "kind": "person", "name": "Genrikh Yagoda", "roles": [ { "title": "Head of the NKVD", "from": "19xx" } ] }',
    ]);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(loaded.entries, []);
    assert.equal(covered(text, only(loaded.problems).range), '"19xx"');
  });

  it('reports an unknown property and skips only that entry', () => {
    const text = file([
      '{ "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "colour": "red" }',
      '{ "id": "radek", "kind": "person", "name": "Karl Radek" }',
    ]);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(
      loaded.entries.map((e) => e.id),
      ['radek'],
    );
    const problem = only(loaded.problems);
    assert.match(problem.message, /unknown property "colour"/);
    assert.equal(covered(text, problem.range), '"colour"');
  });

  // Regression (fixed): the problem for an unknown property is placed on the whole entity object ({ ... }) rather than on
  // the property: Ajv reports `additionalProperties` at the parent's path and load.ts does not descend to
  // params.additionalProperty, so the editor underlines the whole entry.
  it('places the unknown-property problem on the property itself', () => {
    const text = file(['{ "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "colour": "red" }']);
    const problem = only(loadKnowledgeFile(USER_URI, text).problems);
    assert.deepEqual(problem.range.start, positionOf(text, '"colour"'));
    assert.ok(['"colour"', '"colour": "red"'].includes(covered(text, problem.range)), covered(text, problem.range));
  });

  it('reports several problems in one entry, each at its value', () => {
    const text = file(['{ "id": "Bad Id", "kind": "wizard", "name": "" }', '{ "id": "ok", "kind": "place", "name": "Moscow" }']);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(
      loaded.entries.map((e) => e.id),
      ['ok'],
    );
    assert.deepEqual(loaded.problems.map((p) => covered(text, p.range)).sort(), ['""', '"Bad Id"', '"wizard"']);
  });

  it('makes the whole file unusable when its shape is wrong', () => {
    const notArray = loadKnowledgeFile(USER_URI, '{ "entities": { "id": "a" } }');
    assert.deepEqual(notArray.entries, []);
    assert.match(only(notArray.problems).message, /\/entities: must be array/);
    const extra = loadKnowledgeFile(USER_URI, '{ "entities": [ { "id": "a", "kind": "person", "name": "A" } ], "extra": 1 }');
    assert.deepEqual(extra.entries, []);
    assert.match(only(extra.problems).message, /unknown property "extra"/);
  });

  it('reports a duplicate id at the second id, keeping the first entry', () => {
    const text = file([
      '{ "id": "kamenev", "kind": "person", "name": "Lev Kamenev" }',
      '{ "id": "kamenev", "kind": "person", "name": "Kamenev again" }',
    ]);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(
      loaded.entries.map((e) => e.name),
      ['Lev Kamenev'],
    );
    const problem = only(loaded.problems);
    assert.match(problem.message, /Duplicate id "kamenev"/);
    assert.deepEqual(problem.range.start, positionOf(text, '"kamenev"', 'Lev Kamenev'));
    assert.equal(covered(text, problem.range), '"kamenev"');
  });

  it('warns about an entry that lists itself, at that reference, and drops the reference', () => {
    const text = file([
      '{ "id": "trial-x", "kind": "trial", "name": "Trial X", "defendants": ["radek", "trial-x"] }',
      '{ "id": "radek", "kind": "person", "name": "Karl Radek", "related": ["radek"] }',
    ]);
    const loaded = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(
      loaded.entries.map((e) => [e.id, e.defendants ?? e.related]),
      [
        ['trial-x', ['radek']],
        ['radek', []],
      ],
    );
    assert.deepEqual(
      loaded.problems.map((p) => [p.severity, covered(text, p.range), p.range.start.line]),
      [
        ['warning', '"trial-x"', 3],
        ['warning', '"radek"', 4],
      ],
    );
    assert.match(loaded.problems[0].message, /lists itself in defendants/);
  });

  it('warns, from the knowledge base, about a reference to an id no file defines', () => {
    const text = file(['{ "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "related": ["zinoviev", "nobody-at-all"] }']);
    const user = loadKnowledgeFile(USER_URI, text);
    assert.deepEqual(user.problems, []);
    const base = new KnowledgeBase([bundled(), user]);
    assert.deepEqual(user.problems, [], 'the file is left as it was read');
    const problem = only(base.problemsOf(user));
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /"kamenev" refers to "nobody-at-all"/);
    assert.equal(covered(text, problem.range), '"Lev Kamenev"');
  });
});

describe('knowledge: a user file over the bundled one', () => {
  const text = file([
    '{ "id": "zinoviev", "kind": "person", "name": "Grigory Zinoviev", "aliases": ["Zionev", "Grisha"], "summary": "My ' +
      'summary of Zinoviev." }',
    '{ "id": "vergniaud", "kind": "person", "name": "Pierre Vergniaud", "born": "1753" }',
  ]);
  const base = (): KnowledgeBase => new KnowledgeBase([bundled(), loadKnowledgeFile(USER_URI, text)]);

  it("lets the user's fields win and keeps the bundled fields the user does not set", () => {
    const entry = base().get('zinoviev')?.entry;
    assert.equal(entry?.summary, 'My summary of Zinoviev.');
    assert.equal(entry?.born, '1883-09-23');
    assert.ok(entry?.fate && entry.fate.length > 0);
  });

  it('adds the aliases up, once each', () => {
    const aliases = base().get('zinoviev')?.entry.aliases ?? [];
    assert.ok(aliases.includes('Zinoviev'), 'bundled alias kept');
    assert.ok(aliases.includes('Grisha'), 'user alias added');
    assert.ok(aliases.includes('Zionev'));
    assert.equal(new Set(aliases).size, aliases.length);
  });

  it('stops treating an accepted alias as a misspelling', () => {
    const entry = base().get('zinoviev')?.entry;
    assert.ok(!entry?.misspellings?.includes('Zionev'));
    assert.ok(entry?.misspellings?.includes('Zinoviv'), 'other misspellings stay');
    const index = new NotesIndex(base());
    index.setDocument('file:///n.txt', 'Title\n\nStalin blamed Kamenev and Zionev.\n', 'plain');
    const mention = index.mentionsIn('file:///n.txt').find((m) => m.surface === 'Zionev');
    assert.equal(mention?.entityId, 'zinoviev');
    assert.equal(mention?.suggestion, undefined);
  });

  it("points the merged entry at the user's file, and adds the user's new entries", () => {
    const knowledge = base();
    assert.equal(knowledge.get('zinoviev')?.uri, USER_URI);
    assert.equal(covered(text, knowledge.get('zinoviev')!.range), '"Grigory Zinoviev"');
    assert.equal(knowledge.get('vergniaud')?.entry.name, 'Pierre Vergniaud');
    assert.equal(knowledge.get('kamenev')?.uri, BUNDLED_URI);
  });

  it('without the user file, Zionev is still a misspelling', () => {
    const index = new NotesIndex(new KnowledgeBase([bundled()]));
    index.setDocument('file:///n.txt', 'Title\n\nStalin blamed Kamenev and Zionev.\n', 'plain');
    const mention = index.mentionsIn('file:///n.txt').find((m) => m.surface === 'Zionev');
    assert.equal(mention?.entityId, 'zinoviev');
    assert.ok(mention?.suggestion);
  });
});

describe('knowledge: LineIndex', () => {
  it('turns offsets into line and UTF-16 character positions for \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh📌ij';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.position(0), { line: 0, character: 0 });
    assert.deepEqual(lines.position(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepEqual(lines.position(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(lines.position(text.indexOf('i')), { line: 3, character: 4 });
    assert.deepEqual(lines.range(3, 5), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });
});
