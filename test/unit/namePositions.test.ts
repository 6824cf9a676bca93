// Where entries' names sit in a knowledge file, found without a syntax tree, against where a full
// syntax tree (jsonc-parser, which the loader used before) puts them.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import { entryNameSpans } from '../../server/src/knowledge/namePositions';
import { DATA } from '../support/paths';

type Span = { offset: number; length: number } | undefined;

function entryCount(json: string): number {
  return (JSON.parse(json) as { entities: unknown[] }).entities.length;
}

/** Per entry, where a syntax tree says its name is. */
function fromTree(json: string): Span[] {
  const root = parseTree(json)!;
  return Array.from({ length: entryCount(json) }, (_, index) => {
    const node = findNodeAtLocation(root, ['entities', index, 'name']);
    return node && { offset: node.offset, length: node.length };
  });
}

/** Per entry, where the scan says its name is (it leaves no slot for trailing entries without one). */
function fromScan(json: string): Span[] {
  const spans = entryNameSpans(json);
  return Array.from({ length: entryCount(json) }, (_, index) => spans[index]);
}

const packs = readdirSync(DATA).filter((file) => file.endsWith('.history.json'));

/** Shapes a hand-written file may take: escapes, keys called "name" elsewhere, odd spacing, no name. */
const tricky = [
  `{"name":"Pack \\"name\\": x","entities":[{"id":"a","name":"A \\\\ \\"B\\""},{"id":"b","kind":"person","name" :  "B"}]}`,
  `{"entities":[{"roles":[{"name":"inner","from":"1917"}],"name":"Outer"},{"id":"no-name"},{"related":["x","y"],"name":"Third"}]}`,
  `{ "entities" : [ { "n\\u0061me" : "Escaped key" , "summary" : "a, b: {c} [d]" } ,\r\n { "name": "Last", "name": "Again" } ] }`,
  `{"other":[{"name":"not an entry"}],"entities":[[{"name":"nested too deep"}],{"aliases":{"name":"in an object"},"name":"Right"}],` +
    `"name":"after"}`,
  `{"entities":[]}`,
];

describe('Entry names found without a syntax tree', () => {
  for (const pack of packs) {
    it(`finds every name where the syntax tree does: ${pack}`, () => {
      const json = readFileSync(path.join(DATA, pack), 'utf8');
      const spans = fromScan(json);
      assert.ok(spans.filter(Boolean).length > 10, 'the pack has named entries');
      assert.deepEqual(spans, fromTree(json));
    });
  }

  tricky.forEach((json, n) => {
    it(`finds the names where the syntax tree does in a hand-written shape (${n + 1})`, () => {
      assert.deepEqual(fromScan(json), fromTree(json));
    });
  });

  it('gives the loader the name ranges whether it builds a syntax tree or not', () => {
    const kirov = { id: 'kirov', kind: 'person', name: 'Sergei Kirov' };
    const yagoda = { id: 'yagoda', kind: 'person', name: 'Genrikh Yagoda' };
    const files = {
      // No problem: no tree is built.
      clean: [kirov, yagoda],
      // The self-reference's warning needs a tree, built after the names were found without one.
      selfReference: [{ ...kirov, related: ['kirov'] }, yagoda],
      // The invalid entry's problem needs a tree, built first: the names are taken from it.
      invalidEntry: [kirov, { id: 'beria', kind: 'person', name: 'Beria', born: 'spring' }, yagoda],
    };
    for (const [label, entities] of Object.entries(files)) {
      const json = JSON.stringify({ entities }, null, 2);
      const loaded = loadKnowledgeFile(`file:///${label}.history.json`, json);
      assert.equal(loaded.problems.length, label === 'clean' ? 0 : 1, label);
      assert.deepEqual(
        loaded.entries.map((e) => e.id),
        ['kirov', 'yagoda'],
        label,
      );
      const lines = json.split('\n');
      for (const entry of loaded.entries) {
        const range = loaded.locations.get(entry.id)!;
        assert.equal(lines[range.start.line].slice(range.start.character, range.end.character), JSON.stringify(entry.name), label);
      }
    }
  });
});
