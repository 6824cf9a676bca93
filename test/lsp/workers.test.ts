// The first index of a big folder through the real server: its notes are read in worker threads started
// from the bundle, and what they read answers requests as usual.
import * as assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-protocol';
import { withServer, type LspServer } from '../support/lspServer';
import { copiesOfNotes } from '../support/workspace';

const COPIES = 250;

describe('LSP: a big folder read in worker threads', function () {
  this.timeout(120_000);
  let server: LspServer;

  // The same notes in 250 folders: enough for the server to start its workers.
  withServer(
    () => copiesOfNotes(COPIES),
    (started) => (server = started),
  );

  it('reads every note in the workers', () => {
    const notes = server.ready.notes;
    assert.ok(notes >= 200, `${notes} notes`);
    assert.ok(
      server.logs.some((l) => l.includes(`Indexed ${notes} notes (${notes} read in worker threads)`)),
      server.logs.join('\n'),
    );
    assert.ok(!server.logs.some((l) => /^A worker /.test(l)), server.logs.join('\n'));
  });

  it('finds Kamenev in every copy, from what the workers read', async () => {
    // Kamenev, in the heading `Kamenev & Zinoviev` of one copy's terror.txt.
    const found = await server.request<Location[]>('textDocument/references', {
      textDocument: { uri: server.uri('copy-0/terror.txt') },
      position: { line: 21, character: 2 },
      context: { includeDeclaration: true },
    });
    const copies = new Set(found.map((l) => /copy-(\d+)/.exec(l.uri)?.[1]));
    assert.equal(copies.size, COPIES, JSON.stringify([...copies]));
  });
});
