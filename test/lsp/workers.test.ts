// The first index of a big folder through the real server: its notes are read in worker threads started
// from the bundle, and what they read answers requests as usual.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import { FIXTURES, SAMPLES } from '../support/paths';
import { withServer, type LspServer } from '../support/lspServer';

const COPIES = 26;

describe('LSP: a big folder read in worker threads', function () {
  this.timeout(60_000);
  let server: LspServer;

  withServer(
    () => {
      // The same notes in 26 folders: enough for the server to start its workers.
      const root = mkdtempSync(path.join(tmpdir(), 'history-notes-workers-'));
      for (let copy = 0; copy < COPIES; copy++)
        for (const folder of [SAMPLES, path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'), path.join(FIXTURES, 'names')])
          cpSync(folder, path.join(root, `copy-${copy}`), { recursive: true });
      return root;
    },
    (started) => (server = started),
  );

  it('reads every note in the workers', () => {
    const notes = server.ready.notes;
    assert.ok(notes >= 200, `${notes} notes`);
    assert.ok(
      server.logs.some((l) => l.includes(`Indexed ${notes} notes (${notes} read in worker threads)`)),
      server.logs.join('\n'),
    );
    assert.ok(!server.logs.some((l) => /A worker could not read a note/.test(l)));
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
