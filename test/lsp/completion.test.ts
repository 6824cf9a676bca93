import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { editRange, openFile, writeFile } from '../support/editor';
import { endOf, linesOf, readNote } from '../support/text';

const SCRATCH = 'scratch.txt';
const SCRATCH_TEXT = [
  'Scratch notes',
  '',
  'In 1936 the accused were Kamenev and Zi',
  'The leader of the opposition was zinov',
  'Stalin blamed Zionev',
  'The thinker of the Party was Bukh',
  'The head of the NKVD was Yag',
  'The marshal shot in 1937 was tukh',
  'In 1938 came the Trial of the ',
  'Last line',
  '',
].join('\r\n');

interface Case {
  typed: string;
  /** A unique piece of the scratch note that ends with the typed word. */
  context: string;
  id: string;
  insert: string;
  name: string;
}

const CASES: Case[] = [
  { typed: 'Zi', context: 'Kamenev and Zi', id: 'zinoviev', insert: 'Zinoviev', name: 'Grigory Zinoviev' },
  { typed: 'zinov', context: 'was zinov', id: 'zinoviev', insert: 'Zinoviev', name: 'Grigory Zinoviev' },
  { typed: 'Zionev', context: 'blamed Zionev', id: 'zinoviev', insert: 'Zinoviev', name: 'Grigory Zinoviev' },
  { typed: 'Bukh', context: 'was Bukh', id: 'bukharin', insert: 'Bukharin', name: 'Nikolai Bukharin' },
  { typed: 'Yag', context: 'was Yag', id: 'yagoda', insert: 'Yagoda', name: 'Genrikh Yagoda' },
  { typed: 'tukh', context: 'was tukh', id: 'tukhachevsky', insert: 'Tukhachevsky', name: 'Mikhail Tukhachevsky' },
];

function dataId(item: CompletionItem): string | undefined {
  return (item.data as { id?: string } | undefined)?.id;
}

/** The order VS Code shows items that all pass its filter in: by sortText, else label. */
function inDisplayOrder(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('LSP: completion', () => {
  let server: LspServer;
  let root: string;
  let uri: string;

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]));
  before(async () => {
    writeFile(root, SCRATCH, SCRATCH_TEXT);
    ({ uri } = await openFile(server, SCRATCH));
  });

  async function complete(position: Position): Promise<CompletionItem[]> {
    const result = await server.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    assert.ok(result, 'no completion result');
    return Array.isArray(result) ? result : result.items;
  }

  for (const c of CASES) {
    it(`offers ${c.name} first for \`${c.typed}\`, inserting ${c.insert} over exactly the typed word`, async () => {
      const cursor = endOf(root, SCRATCH, c.context);
      const items = await complete(cursor);
      assert.ok(items.length > 0, `no items for ${c.typed}`);
      const first = inDisplayOrder(items)[0];
      assert.equal(dataId(first), c.id, `first is ${first.label} (${String(first.detail)})`);
      assert.match(first.detail ?? '', new RegExp(c.name));
      assert.equal(typeof first.kind, 'number', 'an item has a kind (its icon)');
      const edit = first.textEdit as TextEdit | undefined;
      assert.ok(edit && 'range' in edit, 'a textEdit with a range');
      assert.deepEqual(edit.range, { start: { line: cursor.line, character: cursor.character - c.typed.length }, end: cursor });
      assert.equal(edit.newText, c.insert);
      // VS Code filters the list by the typed word against filterText (else label) before showing it.
      const filterText = first.filterText ?? first.label;
      assert.ok(
        filterText.toLowerCase().startsWith(c.typed.toLowerCase()),
        `VS Code would drop the item: filterText '${filterText}' for '${c.typed}'`,
      );
    });
  }

  it('never inserts the misspelling that was typed', async () => {
    const items = await complete(endOf(root, SCRATCH, 'blamed Zionev'));
    const inserted = items.map((i) => (i.textEdit as TextEdit | undefined)?.newText ?? i.insertText ?? i.label);
    assert.ok(!inserted.includes('Zionev'), `inserts: ${inserted.join(', ')}`);
  });

  it('gives every item a kind, a detail and an edit of the same range', async () => {
    const cursor = endOf(root, SCRATCH, 'Kamenev and Zi');
    for (const item of await complete(cursor)) {
      assert.equal(typeof item.kind, 'number', item.label);
      assert.ok(item.detail, item.label);
      assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: cursor.line, character: cursor.character - 2 }, end: cursor });
    }
  });

  it('fills in the card as markdown documentation on completionItem/resolve', async () => {
    const first = inDisplayOrder(await complete(endOf(root, SCRATCH, 'Kamenev and Zi')))[0];
    assert.equal(first.documentation, undefined, 'documentation comes with resolve');
    const resolved = await server.request<CompletionItem>('completionItem/resolve', first);
    const documentation = resolved.documentation as MarkupContent | undefined;
    assert.ok(documentation, 'resolve added no documentation');
    assert.equal(documentation.kind, 'markdown');
    assert.match(documentation.value, /\*\*Grigory Zinoviev\*\*/);
    assert.match(documentation.value, /1883–1936/);
    assert.match(documentation.value, /Spelt in your notes as:\*\* Zionev/);
  });

  it('offers the Moscow trials after `Trial of the `, replacing what was typed of the name', async () => {
    const cursor = endOf(root, SCRATCH, 'Trial of the ');
    const items = await complete(cursor);
    const ids = new Set(items.map(dataId));
    for (const id of ['trial-of-the-16', 'trial-of-the-17', 'trial-of-the-21'])
      assert.ok(ids.has(id), `${id} missing: ${items.map((i) => i.label).join(', ')}`);
    const trialStart = positionOf(root, SCRATCH, 'Trial of the ').character - 1;
    for (const item of items) {
      const edit = item.textEdit as TextEdit;
      assert.match(edit.newText, /^Trial of /, item.label);
      assert.deepEqual(edit.range, { start: { line: cursor.line, character: trialStart }, end: cursor });
      assert.equal(typeof item.kind, 'number');
    }
    for (const item of items.filter((i) => /^trial-of-the-(16|17|21)$/.test(dataId(i) ?? ''))) {
      assert.match((item.textEdit as TextEdit).newText, /^Trial of the /, item.label);
      assert.ok((item.filterText ?? item.label).toLowerCase().startsWith('trial of the '), `VS Code would drop ${item.label}`);
    }
  });

  it('offers Yagoda for `Yag` typed through an incremental didChange, at once', async () => {
    const lines = linesOf(readNote(root, SCRATCH));
    const line = positionOf(root, SCRATCH, 'Last line').line;
    const typed = ' and Yag';
    const end = { line, character: lines[line].length };
    await editRange(server, uri, 2, { start: end, end }, typed);
    const cursor = { line, character: lines[line].length + typed.length };
    const first = inDisplayOrder(await complete(cursor))[0];
    assert.equal(dataId(first), 'yagoda');
    assert.deepEqual((first.textEdit as TextEdit).range.start, { line, character: cursor.character - 'Yag'.length });
  });
});
