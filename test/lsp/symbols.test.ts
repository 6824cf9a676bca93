import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { openFile } from '../support/editor';
import { contains, rangeOf } from '../support/text';

describe('LSP: document symbols, workspace symbols and folding ranges', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain', 'md'], (started, copy) => ([server, root] = [started, copy]));
  before(async () => {
    await openFile(server, 'terror.txt');
    await openFile(server, 'terror.md');
  });

  async function outline(file: string): Promise<DocumentSymbol[]> {
    const symbols = await server.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
      textDocument: { uri: server.uri(file) },
    });
    assert.ok(symbols && symbols.length > 0, `no symbols for ${file}`);
    return symbols;
  }

  function find(symbols: DocumentSymbol[], name: string): DocumentSymbol {
    const found = symbols.find((s) => s.name === name);
    assert.ok(found, `no symbol '${name}' among ${symbols.map((s) => s.name).join(', ')}`);
    return found;
  }

  function walk(
    symbols: DocumentSymbol[],
    visit: (symbol: DocumentSymbol, parent?: DocumentSymbol) => void,
    parent?: DocumentSymbol,
  ): void {
    for (const symbol of symbols) {
      visit(symbol, parent);
      walk(symbol.children ?? [], visit, symbol);
    }
  }

  it('outlines the plain-text notes: sections, with the causes, trials and people they define inside', async () => {
    const symbols = await outline('terror.txt');
    for (const section of ['The Totalitarian Regime', 'Causes of the Great Terror', 'Key People', 'Events']) find(symbols, section);

    const causes = find(symbols, 'Causes of the Great Terror').children ?? [];
    for (const cause of ["Lenin's police state", 'Stalins Paranoia', "Kirov's Murder", 'Old rivals'])
      assert.equal(find(causes, cause).detail, 'cause');
    assert.deepEqual(find(causes, 'Stalins Paranoia').selectionRange, rangeOf(root, 'terror.txt', 'Stalins Paranoia'));

    const trial = find(symbols, 'Trial of the 16');
    assert.equal(trial.detail, 'trial');
    assert.deepEqual(trial.selectionRange, rangeOf(root, 'terror.txt', 'Trial of the 16'));
    const defendants = trial.children ?? [];
    assert.equal(find(defendants, 'Kamenev').detail, 'person');
    assert.deepEqual(find(defendants, 'Zinoviev').selectionRange, rangeOf(root, 'terror.txt', 'Zinoviev'));

    const people = find(symbols, 'Key People').children ?? [];
    for (const person of ['Trotsky', 'Zionev', 'Bukarin', 'Yagoda', 'Yezhov']) assert.equal(find(people, person).detail, 'person');
  });

  it('nests Markdown sections by heading level', async () => {
    const symbols = await outline('terror.md');
    const top = find(symbols, "Stalin's Great Terror");
    const sections = top.children ?? [];
    for (const section of ['Causes', 'Key people', 'The trials']) find(sections, section);
    const trials = find(sections, 'The trials').children ?? [];
    for (const name of ['Trial of the 16', 'Trial of the 17', 'Trial of the 21']) assert.equal(find(trials, name).detail, 'trial');
    assert.equal(find(find(sections, 'Key people').children ?? [], 'Yagoda').detail, 'person');
  });

  for (const file of ['terror.txt', 'terror.md']) {
    it(`gives every symbol of ${file} a selection range inside its range, and children inside their parent`, async () => {
      walk(await outline(file), (symbol, parent) => {
        assert.ok(
          contains(symbol.range, symbol.selectionRange),
          `${symbol.name}: selectionRange ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`,
        );
        if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} lies outside ${parent.name}`);
      });
    });
  }

  it('answers no symbols for a document it does not know', async () => {
    const symbols = await server.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
      textDocument: { uri: server.uri('missing.txt') },
    });
    assert.deepEqual(symbols ?? [], []);
  });

  it('finds Zinoviev first for the fuzzy workspace query `zinov`, at his definition in the notes', async () => {
    const symbols = await server.request<SymbolInformation[] | null>('workspace/symbol', { query: 'zinov' });
    assert.ok(symbols && symbols.length > 0);
    assert.equal(symbols[0].name, 'Grigory Zinoviev');
    assert.equal(symbols[0].location.uri, server.uri('terror.txt'));
    assert.deepEqual(symbols[0].location.range, rangeOf(root, 'terror.txt', 'Zinoviev'));
  });

  it('finds a misspelt query too (`Bukarin` → Nikolai Bukharin)', async () => {
    const symbols = await server.request<SymbolInformation[] | null>('workspace/symbol', { query: 'Bukarin' });
    assert.ok(symbols && symbols.length > 0);
    assert.equal(symbols[0].name, 'Nikolai Bukharin');
  });

  it('folds every plain-text section from its heading to its last line', async () => {
    const ranges = await server.request<FoldingRange[] | null>('textDocument/foldingRange', {
      textDocument: { uri: server.uri('terror.txt') },
    });
    assert.ok(ranges && ranges.length > 0);
    const at = (word: string): number => positionOf(root, 'terror.txt', word).line;
    const has = (startLine: number, endLine: number): boolean => ranges.some((r) => r.startLine === startLine && r.endLine === endLine);
    assert.ok(has(at('Causes of the Great Terror'), at('Old rivals')), JSON.stringify(ranges));
    assert.ok(has(at('Trial of the 21'), at('The secret trial of 1937')), JSON.stringify(ranges));
    assert.ok(has(at('Events'), at('Operation Barbarossa')), JSON.stringify(ranges));
    for (const range of ranges) assert.ok(range.startLine < range.endLine, JSON.stringify(range));
  });

  it('folds a Markdown section over its subsections and to the end of the file', async () => {
    const ranges = await server.request<FoldingRange[] | null>('textDocument/foldingRange', {
      textDocument: { uri: server.uri('terror.md') },
    });
    assert.ok(ranges);
    const last = positionOf(root, 'terror.md', 'All 16 defendants').line;
    assert.ok(
      ranges.some((r) => r.startLine === positionOf(root, 'terror.md', '# Stalin').line && r.endLine === last),
      JSON.stringify(ranges),
    );
    assert.ok(
      ranges.some((r) => r.startLine === positionOf(root, 'terror.md', '## The trials').line && r.endLine === last),
      JSON.stringify(ranges),
    );
  });
});
