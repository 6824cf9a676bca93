import * as assert from 'node:assert/strict';
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensOptions } from 'vscode-languageserver-protocol';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { decodeSemanticTokens, initializeResult, type DecodedToken } from '../support/editor';
import { rangeOf } from '../support/text';

describe('LSP: semantic tokens', () => {
  let server: LspServer;
  let root: string;
  let legend: SemanticTokensLegend;
  let data: number[];
  let tokens: DecodedToken[];

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]));
  before(async () => {
    const capabilities = (await initializeResult(root)).capabilities;
    legend = (capabilities.semanticTokensProvider as SemanticTokensOptions).legend;
    ({ data } = await server.request<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: server.uri('terror.txt') },
    }));
    tokens = decodeSemanticTokens(data, legend);
  });

  /** The token starting where `context` starts, which must cover `name` (by default the whole context). */
  function tokenAt(context: string, nth = 1, name = context): DecodedToken {
    const { start } = rangeOf(root, 'terror.txt', context, nth);
    const token = tokens.find((t) => t.line === start.line && t.character === start.character);
    assert.ok(token, `no token at ${context} #${nth} (${start.line}:${start.character})`);
    assert.equal(token.length, name.length, `${name}: token length`);
    return token;
  }

  it('declares a legend with a type per entity kind', () => {
    for (const type of ['historyNotes.person', 'historyNotes.trial', 'historyNotes.cause'])
      assert.ok(legend.tokenTypes.includes(type), `${type} not in ${legend.tokenTypes.join(', ')}`);
  });

  it('answers data in whole quintuples, in document order', () => {
    assert.ok(data.length > 0);
    assert.equal(data.length % 5, 0);
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      assert.ok(b.line > a.line || (b.line === a.line && b.character >= a.character + a.length), `token ${i} overlaps or goes backwards`);
    }
    for (const token of tokens) {
      assert.ok(token.length > 0);
      assert.ok(token.type !== undefined, 'a type index outside the legend');
    }
  });

  it('colours Kamenev as a person', () => {
    const token = tokenAt('Kamenev');
    assert.equal(token.type, 'historyNotes.person');
    assert.equal(legend.tokenTypes.indexOf(token.type), legend.tokenTypes.indexOf('historyNotes.person'));
  });

  it('colours UTF-16 positions right after an emoji (📌 Kamenev and Zionev)', () => {
    assert.equal(tokenAt('Kamenev and Zionev were', 1, 'Kamenev').type, 'historyNotes.person');
    assert.equal(tokenAt('Zionev', 3).type, 'historyNotes.person');
  });

  it('marks a misspelt mention as misspelt, and a misspelt definition as both', () => {
    assert.deepEqual(tokenAt('Zionev', 1).modifiers, ['misspelt']);
    assert.deepEqual([...tokenAt('Zionev', 4).modifiers].sort(), ['definition', 'misspelt']);
    assert.deepEqual(tokenAt('Kamenev & Zinoviev', 1, 'Kamenev').modifiers, ['definition']);
  });

  it('colours the trial heading as a trial', () => {
    assert.equal(tokenAt('Trial of the 21').type, 'historyNotes.trial');
  });

  it('answers no tokens for a document it does not know', async () => {
    const result = await server.request<SemanticTokens | null>('textDocument/semanticTokens/full', {
      textDocument: { uri: server.uri('missing.txt') },
    });
    assert.deepEqual(result?.data ?? [], []);
  });
});
