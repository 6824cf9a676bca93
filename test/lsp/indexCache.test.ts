// The index kept between sessions, through the real server: a second start over the same folder reads
// unchanged notes from the cache and answers as the first did; a changed note is read again; a
// broken cache file is reported, ignored and written anew.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { LspServer } from '../support/lspServer';
import { copyFixture, removeWorkspace } from '../support/workspace';

const CACHE_FILE = 'index-facts.cache';

describe('LSP: the index kept between sessions', function () {
  this.timeout(60_000);
  let root: string;
  let cacheFolder: string;

  before(() => {
    root = copyFixture(path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'));
    // Changed an hour ago: a time that tells any later change, so an unchanged note need not be read.
    const anHourAgo = (Date.now() - 3_600_000) / 1000;
    for (const note of readdirSync(root)) utimesSync(path.join(root, note), anHourAgo, anHourAgo);
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'history-notes-cache-'));
  });
  after(() => {
    removeWorkspace(root);
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  /** One session: start, wait for the index and for the cache to be written, note what it answers, stop. */
  async function session(): Promise<{
    logs: string;
    fromCache?: { read: number; of: number; resolved: number };
    notRead: number;
    symbols: string[];
    references: string[];
    entities: number;
  }> {
    const server = await LspServer.start(root, { initializationOptions: { cacheFolder } });
    try {
      await server.cacheWritten();
      const symbols: string[] = [];
      for (const query of ['', 'Kamenev', 'Tukhachevsky']) {
        const found = await server.request<SymbolInformation[]>('workspace/symbol', { query });
        symbols.push(...found.map((s) => `${query}: ${s.name} ${s.kind} ${path.basename(s.location.uri)}:${s.location.range.start.line}`));
      }
      // Kamenev, in the heading `Kamenev & Zinoviev`: every place the notes name him.
      const found = await server.request<Location[]>('textDocument/references', {
        textDocument: { uri: server.uri('terror.txt') },
        position: { line: 21, character: 2 },
        context: { includeDeclaration: true },
      });
      const references = found.map(
        (l) => `${path.basename(l.uri)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
      );
      return {
        logs: server.logs.join('\n'),
        fromCache: server.notesFromCache(),
        notRead: server.notesNotRead(),
        symbols,
        references,
        entities: server.ready.entities,
      };
    } finally {
      await server.stop();
    }
  }

  let first: Awaited<ReturnType<typeof session>>;

  it('starts without a cache, reads every note and writes one', async () => {
    first = await session();
    assert.deepEqual(first.fromCache, { read: 0, of: 3, resolved: 0 });
    assert.doesNotMatch(first.logs, /was not used/);
    assert.ok(
      first.symbols.some((s) => /^Kamenev: .*Kamenev/.test(s)),
      'Kamenev among the symbols',
    );
  });

  it('on reopening, reads every unchanged note from the cache and answers the same', async () => {
    const second = await session();
    assert.deepEqual(second.fromCache, { read: 3, of: 3, resolved: 3 });
    assert.equal(second.notRead, 3, 'no note read again: their files show the size and time they had');
    assert.deepEqual(second.symbols, first.symbols);
    assert.ok(first.references.length >= 4, first.references.join(', '));
    assert.deepEqual(second.references, first.references);
    assert.equal(second.entities, first.entities);
  });

  it('reads a note changed on disk again, and finds what it now says', async () => {
    appendFileSync(path.join(root, 'terror.md'), '\n## More people\n- Tukhachevsky: a marshal shot in 1937\n');
    const third = await session();
    assert.deepEqual(third.fromCache, { read: 2, of: 3, resolved: 0 });
    assert.equal(third.notRead, 2);
    assert.ok(
      third.symbols.some((s) => /^Tukhachevsky: .*Tukhachevsky .*terror\.md/.test(s)),
      'the new note line is indexed',
    );
    assert.ok(!first.symbols.some((s) => /^Tukhachevsky: .*terror\.md/.test(s)));
  });

  it('waits to write while requests keep coming, and writes once they pause', async function () {
    this.timeout(60_000);
    const folder = mkdtempSync(path.join(tmpdir(), 'history-notes-cache-busy-'));
    const server = await LspServer.start(root, { initializationOptions: { cacheFolder: folder } });
    try {
      // A student hovering names, one every tenth of a second, for longer than the write's first delay (2 s).
      const hover = { textDocument: { uri: server.uri('terror.txt') }, position: { line: 21, character: 2 } };
      for (const started = Date.now(); Date.now() - started < 4000;) {
        await server.request('textDocument/hover', hover);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(!server.logs.some((l) => l.includes('Index cache written')), 'no write while hovering');
      assert.equal(await server.cacheWritten(30_000), true);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the mentions only once the open notes are as their files are, then uses them on reopening', async function () {
    this.timeout(90_000);
    const server = await LspServer.start(root, { initializationOptions: { cacheFolder } });
    try {
      // Unsaved: a name the file does not define. The next session reads the file, so mentions are not kept yet.
      const uri = server.uri('terror.txt');
      const text = `${readFileSync(path.join(root, 'terror.txt'), 'utf8')}\n## Later\n- Tukhachevsky: a marshal shot in 1937\n`;
      await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await server.until(() => server.logs.some((l) => /Index cache written without mentions/.test(l)), 'a write without mentions', 30_000);
      // Closed unsaved: the index is the files' again, and the next quiet write keeps the mentions.
      await server.send('textDocument/didClose', { textDocument: { uri } });
      await server.cacheWritten(60_000);
      const written = server.logs.find((l) => l.includes('Index cache written: '));
      assert.ok(written && !written.includes('without mentions'), written);
    } finally {
      await server.stop();
    }
    // The note read again from its file during the session is resolved again; the other two are not.
    assert.deepEqual((await session()).fromCache, { read: 3, of: 3, resolved: 2 });
  });

  for (const [what, spoil] of [
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['with a byte altered', (bytes: Buffer) => Buffer.from(bytes).fill(0x41, 100, 101)],
    ['replaced by something else', () => Buffer.from('{"format": 1, "notes": []}\n')],
  ] as const) {
    it(`says so, reads every note and answers the same when the cache is ${what}`, async () => {
      const file = path.join(cacheFolder, CACHE_FILE);
      const before = await session();
      writeFileSync(file, spoil(readFileSync(file)));
      const after = await session();
      assert.match(after.logs, /was not used: (truncated or altered|not a History Notes cache file)/);
      assert.deepEqual(after.fromCache, { read: 0, of: 3, resolved: 0 });
      assert.deepEqual(after.symbols, before.symbols);
      // Written anew: the next start uses it again.
      assert.deepEqual((await session()).fromCache, { read: 3, of: 3, resolved: 3 });
    });
  }
});
