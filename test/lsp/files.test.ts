// Hostile workspaces: binary files named like notes, invalid UTF-8, BOMs, a 20 MB single line, empty and
// unreadable files, a folder symlinked into itself, a FIFO, 10,000 small notes in one folder; and notes
// deleted or renamed while the first index runs. The server must skip what it cannot read (once each,
// with a reason), index the rest, answer while it indexes, and end with an index that matches the disk.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { removeWorkspace } from '../support/workspace';
import type { ServerProcess } from '../support/serverProcess';
import { ESCAPED_ERROR, Random, settle, sleep, startEarly, type Outcome } from '../support/stress';
import type { IndexReady } from '../support/lspServer';
import { positionOf } from '../support/positions';
import { EntitiesRequest, MentionsRequest } from '../../server/src/protocol';

const MANY = 10_000;
const HUGE_BYTES = 20 * 1024 * 1024;
const PROBE_EVERY_MS = 20;
const HANG_MS = 2000;

function makeWorkspace(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

function write(root: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/** The title line of a hover's card, or '' when there is none. */
function titleOf(outcome: Outcome): string {
  if (outcome.kind !== 'result' || !outcome.value) return '';
  return ((outcome.value as Hover).contents as MarkupContent).value.split('\n')[0];
}

interface Probe {
  sent: number;
  slowestMs: number;
  answered: number;
  timedOut: number;
  /** performance.now() when each probe was sent and when it was answered. */
  times: { sentAt: number; answeredAt: number }[];
}

/**
 * Every PROBE_EVERY_MS until `done()`, sends a cheap request and records how long its answer takes.
 * Resolves when the last probe is answered.
 */
async function probeWhile(send: () => Promise<unknown>, done: () => boolean, everyMs = PROBE_EVERY_MS): Promise<Probe> {
  const probe: Probe = { sent: 0, slowestMs: 0, answered: 0, timedOut: 0, times: [] };
  const pending: Promise<void>[] = [];
  while (!done()) {
    probe.sent++;
    const sentAt = performance.now();
    pending.push(
      settle(send(), 60_000).then((outcome) => {
        probe.times.push({ sentAt, answeredAt: performance.now() });
        probe.slowestMs = Math.max(probe.slowestMs, outcome.ms);
        if (outcome.kind === 'timeout') probe.timedOut++;
        else probe.answered++;
      }),
    );
    await sleep(everyMs);
  }
  await Promise.all(pending);
  return probe;
}

describe('LSP: a workspace of hostile files', function () {
  this.timeout(180_000);
  let root: string;
  let server: ServerProcess;
  let ready: IndexReady;
  let readyAfterMs: number;
  /** performance.now() when index-ready arrived. */
  let readyAt: number;
  let hoverProbe: Probe;
  let pingProbe: Probe;
  /** As root (CI, this machine) chmod 000 does not stop reading. */
  let unreadableIsReadable = false;

  before(async () => {
    root = makeWorkspace('history-notes-files-');
    const random = new Random(7);
    // A binary file with a note's name: random bytes with NULs.
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = random.int(0, 255);
    binary[10] = 0;
    write(root, 'notes.txt', binary);
    // Invalid UTF-8 (no NUL): decoded with replacement characters, one per bad byte, as an editor does.
    write(
      root,
      'invalid-utf8.txt',
      Buffer.concat([
        Buffer.from('Broken bytes\n\n'),
        Buffer.from([0xff, 0xfe, 0x20]),
        Buffer.from('Kamenev was shot in 1936 '),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
        Buffer.from('.\n'),
      ]),
    );
    write(root, 'bom.txt', '\uFEFFKamenev notes\r\n\r\nKamenev and Zinoviev were shot.\r\n');
    write(root, 'only-bom.txt', '\uFEFF');
    write(root, 'empty.txt', '');
    write(root, 'empty.md', '');
    // 20 MB on one line: over the size limit.
    write(root, 'huge.txt', Buffer.alloc(HUGE_BYTES).fill('Kamenev and Zinoviev were shot. '));
    write(root, 'unreadable.txt', 'Unreadable\n\nKamenev.\n');
    chmodSync(path.join(root, 'unreadable.txt'), 0o000);
    try {
      accessSync(path.join(root, 'unreadable.txt'), constants.R_OK);
      unreadableIsReadable = true;
    } catch {
      unreadableIsReadable = false;
    }
    // A folder symlinked into itself, with one note in it.
    write(root, 'loop/inner.txt', 'Loop notes\n\nCauses\n\n  • Looped cause – Kamenev was here.\n');
    symlinkSync(path.join(root, 'loop'), path.join(root, 'loop', 'self'));
    // A folder whose name looks like a note.
    mkdirSync(path.join(root, 'folder.txt'));
    // The real notes.
    write(root, 'normal.txt', readFileSync(path.join(FIXTURES, 'plain', 'terror.txt')));
    write(root, 'essay.md', '# Essay\n\nKamenev and Zinoviev were the first to be tried.\n');
    // 10,000 small notes in one folder.
    for (let n = 0; n < MANY; n++) {
      const id = String(n).padStart(5, '0');
      write(
        root,
        `many/note-${id}.txt`,
        `Revision card ${id}\n\nCauses\n\n  • Grain quota ${id} – the quota was raised and Kamenev objected.\n\nStalin read card ${id}.\n`,
      );
    }

    server = await startEarly(root);
    let isReady = false;
    const readyPromise = server.whenReady().then((params) => {
      readyAt = performance.now();
      readyAfterMs = readyAt - server.startedAt;
      isReady = true;
      return params;
    });
    const normal = server.uri('normal.txt');
    const kamenev = positionOf(root, 'normal.txt', 'Kamenev');
    // While it indexes: a cheap request every 20 ms (an unknown method, answered by the connection itself:
    // it shows whether the event loop is free), and a hover every 100 ms (it waits for the first index).
    [pingProbe, hoverProbe] = await Promise.all([
      probeWhile(
        () => server.request('historyNotes/ping-while-indexing', {}),
        () => isReady,
      ),
      probeWhile(
        () => server.request('textDocument/hover', { textDocument: { uri: normal }, position: kamenev }),
        () => isReady,
        100,
      ),
    ]);
    ready = await readyPromise;
    const hoverAfter = await settle(server.request('textDocument/hover', { textDocument: { uri: normal }, position: kamenev }), 10_000);
    console.log(
      `      ${ready.notes} notes indexed in ${ready.durationMs} ms by the server (${Math.round(readyAfterMs)} ms after initialized); ` +
        `slowest answer while indexing: unknown method ${Math.round(pingProbe.slowestMs)} ms (${pingProbe.sent} sent ` +
        `every ${PROBE_EVERY_MS} ms), ` +
        `hover ${Math.round(hoverProbe.slowestMs)} ms (${hoverProbe.sent} sent every 100 ms); a hover on Kamenev ` +
        `afterwards ${Math.round(hoverAfter.ms)} ms; ` +
        `skipped: ${ready.skipped.map((s) => `${path.basename(s.path)} (${s.reason})`).join(', ')}`,
    );
  });

  after(async () => {
    await server?.stop();
    if (root) {
      rmSync(path.join(root, 'loop', 'self'), { force: true });
      removeWorkspace(root);
    }
  });

  async function hover(file: string, position: { line: number; character: number }): Promise<string> {
    return titleOf(await settle(server.request('textDocument/hover', { textDocument: { uri: server.uri(file) }, position }), 10_000));
  }

  it('sends the index-ready notification and indexes the 10,000 notes and the readable files', () => {
    assert.ok(ready.notes >= MANY + 6, `${ready.notes} notes`);
    const skippedNames = ready.skipped.map((s) => path.relative(root, s.path));
    for (const readable of [
      'invalid-utf8.txt',
      'bom.txt',
      'only-bom.txt',
      'empty.txt',
      'empty.md',
      'normal.txt',
      'essay.md',
      path.join('loop', 'inner.txt'),
    ]) {
      assert.ok(!skippedNames.includes(readable), `${readable} was skipped: ${JSON.stringify(ready.skipped)}`);
    }
  });

  it('skips the binary note and the 20 MB line, each once in the skipped list and once in the log, with a reason', () => {
    const expected: [string, RegExp][] = [
      ['notes.txt', /binary/],
      ['huge.txt', /too large/],
    ];
    // As root chmod 000 does not stop reading, so the file is indexed like any other: nothing to check then.
    if (!unreadableIsReadable) expected.push(['unreadable.txt', /permission|not readable/]);
    for (const [file, reason] of expected) {
      const entries = ready.skipped.filter((s) => s.path === path.join(root, file));
      assert.equal(entries.length, 1, `${file} in ${JSON.stringify(ready.skipped)}`);
      assert.match(entries[0].reason, reason);
      const lines = server.logs.filter((line) => line.includes(path.join(root, file)));
      assert.equal(lines.length, 1, `log lines naming ${file}: ${JSON.stringify(lines)}`);
      assert.match(lines[0], /skipped/i);
    }
    assert.equal(new Set(ready.skipped.map((s) => s.path)).size, ready.skipped.length, 'a file is skipped twice');
  });

  it('serves the normal notes: hover on Kamenev gives his card', async () => {
    assert.match(await hover('normal.txt', positionOf(root, 'normal.txt', 'Kamenev')), /Lev Kamenev/);
    assert.match(await hover('essay.md', positionOf(root, 'essay.md', 'Kamenev')), /Lev Kamenev/);
    assert.match(await hover('many/note-04242.txt', positionOf(root, 'many/note-04242.txt', 'Kamenev')), /Lev Kamenev/);
  });

  it('reads a BOM-prefixed note and a note with invalid UTF-8 at the positions an editor shows', async () => {
    // The BOM is not a character of the text an editor shows: Kamenev starts line 0 at character 0.
    assert.match(await hover('bom.txt', { line: 0, character: 1 }), /Lev Kamenev/);
    assert.match(await hover('bom.txt', { line: 2, character: 1 }), /Lev Kamenev/);
    // Two bad bytes and a space before it: Kamenev starts at character 3.
    assert.match(await hover('invalid-utf8.txt', { line: 2, character: 4 }), /Lev Kamenev/);
  });

  it('does not follow the folder symlinked into itself: its note is indexed once', async () => {
    const mentions = await server.ask(MentionsRequest.type, { id: 'cause:looped-cause' });
    assert.deepEqual(
      mentions.map((m) => m.uri),
      [server.uri('loop/inner.txt')],
    );
    assert.ok(!ready.skipped.some((s) => s.path.includes(`${path.sep}self${path.sep}`)), JSON.stringify(ready.skipped));
  });

  it('answers a cheap request at once while indexing, and every hover no later than just after the index is ready', () => {
    assert.ok(pingProbe.sent > 0 && pingProbe.timedOut === 0 && hoverProbe.timedOut === 0);
    assert.ok(pingProbe.slowestMs < HANG_MS, `an unknown method took ${Math.round(pingProbe.slowestMs)} ms while indexing`);
    const lastHover = Math.max(...hoverProbe.times.map((t) => t.answeredAt));
    assert.ok(
      lastHover - readyAt < HANG_MS,
      `the last hover sent while indexing was answered ${Math.round(lastHover - readyAt)} ms after index-ready`,
    );
  });

  // Regression (fixed): no hover is answered while the first index runs: every feature handler awaits `session.ready`
  // (server.ts `answer`), so an editor's hovers wait for the whole workspace to be indexed although the
  // event loop is free (an unknown method is answered at once). With 10,000 notes that is 1.3-3 s on this
  // 2-core machine, and it grows with the workspace. Input: a hover on Kamenev in normal.txt every 100 ms
  // from `initialized` on. Expected: each answered within 2 s of being sent (null, or a card from what is
  // indexed so far), so those sent early are answered before the index is ready. Actual: none is answered
  // before index-ready; the slowest waits as long as the whole index (printed above).
  it('answers hovers while it indexes 10,000 notes, not only once the index is ready', () => {
    const answeredWhileIndexing = hoverProbe.times.filter((t) => t.answeredAt < readyAt).length;
    assert.ok(answeredWhileIndexing > 0, `none of the ${hoverProbe.sent} hovers sent while indexing was answered before index-ready`);
    assert.ok(hoverProbe.slowestMs < HANG_MS, `a hover took ${Math.round(hoverProbe.slowestMs)} ms while indexing`);
  });

  it('picks up files created afterwards without hanging: a FIFO, a folder named like a note', async () => {
    execFileSync('mkfifo', [path.join(root, 'fifo.txt')]);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: server.uri('fifo.txt'), type: 1 },
        { uri: server.uri('folder.txt'), type: 1 },
      ],
    });
    const answered = await settle(
      server.request('textDocument/hover', {
        textDocument: { uri: server.uri('normal.txt') },
        position: positionOf(root, 'normal.txt', 'Kamenev'),
      }),
      5000,
    );
    assert.match(titleOf(answered), /Lev Kamenev/);
    const fifo = path.join(root, 'fifo.txt');
    await server.until(() => server.logs.some((line) => line.includes(fifo)), 'the FIFO to be skipped');
    const fifoLines = server.logs.filter((line) => line.includes(fifo));
    assert.equal(fifoLines.length, 1, JSON.stringify(fifoLines));
    assert.match(fifoLines[0], /not a regular file/);
  });

  it('never let an error escape and never exited', () => {
    assert.equal(server.exited, undefined);
    assert.deepEqual(
      server.logs.filter((line) => ESCAPED_ERROR.test(line)),
      [],
    );
  });
});

describe('LSP: notes deleted and renamed while the first index runs', function () {
  this.timeout(180_000);
  const FILES = 4000;
  const DELETED = 150;
  const RENAMED = 150;
  let root: string;
  let server: ServerProcess;
  const name = (n: number): string => `folder/card-${String(n).padStart(4, '0')}.txt`;
  const renamed = (n: number): string => `folder/renamed-${String(n).padStart(4, '0')}.txt`;
  // Letters, not digits: a trailing number such as 1936 reads as a year, and `X 1936` is the entity X.
  const term = (n: number): string =>
    `Deletable cause ${[2, 1, 0].map((d) => String.fromCharCode(97 + (Math.floor(n / 26 ** d) % 26))).join('')}`;

  before(async () => {
    root = makeWorkspace('history-notes-deleting-');
    for (let n = 0; n < FILES; n++) write(root, name(n), `Card ${n}\n\nCauses\n\n  • ${term(n)} – Kamenev wrote card ${n}.\n`);
    server = await startEarly(root);
  });
  after(async () => {
    await server?.stop();
    if (root) removeWorkspace(root);
  });

  async function symbols(query: string): Promise<SymbolInformation[]> {
    const outcome = await settle(server.request<SymbolInformation[] | null>('workspace/symbol', { query }), 10_000);
    assert.equal(outcome.kind, 'result', `workspace/symbol ${query}: ${JSON.stringify(outcome)}`);
    return (outcome.kind === 'result' ? (outcome.value as SymbolInformation[] | null) : null) ?? [];
  }

  it('ends with an index that matches the disk, without crashing', async () => {
    // Delete the first DELETED files and rename the next RENAMED ones while the server reads the folder.
    await server.until(() => server.progress.length > 0, 'the first index to start');
    const changes: { uri: string; type: number }[] = [];
    for (let n = 0; n < DELETED; n++) {
      rmSync(path.join(root, name(n)));
      changes.push({ uri: server.uri(name(n)), type: 3 });
    }
    for (let n = DELETED; n < DELETED + RENAMED; n++) {
      renameSync(path.join(root, name(n)), path.join(root, renamed(n)));
      changes.push({ uri: server.uri(name(n)), type: 3 }, { uri: server.uri(renamed(n)), type: 1 });
    }
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    const ready = await server.whenReady();

    // The file events are handled after the first index, one file at a time, in order, with no signal
    // for the last: wait until the last one (the last renamed note's creation) shows in workspace symbols.
    const waitStarted = performance.now();
    const last = DELETED + RENAMED - 1;
    for (;;) {
      // Wait for the next change first, so one that comes while the symbols are asked for is not missed.
      const next = server.nextIndexChange(30_000);
      if ((await symbols(term(last))).some((s) => s.location.uri === server.uri(renamed(last)))) break;
      await next;
    }
    const settledMs = performance.now() - waitStarted;
    const causeFiles = async (): Promise<Set<string | undefined>> => {
      const outcome = await settle(server.ask(EntitiesRequest.type, { kinds: ['cause'] }), 30_000);
      assert.equal(outcome.kind, 'result', JSON.stringify(outcome).slice(0, 300));
      return new Set(
        (outcome.kind === 'result' ? (outcome.value as { entities: { definition?: { uri: string } }[] }).entities : []).map(
          (e) => e.definition?.uri,
        ),
      );
    };
    const onDisk = new Set([
      ...Array.from({ length: RENAMED }, (_, i) => server.uri(renamed(DELETED + i))),
      ...Array.from({ length: FILES - DELETED - RENAMED }, (_, i) => server.uri(name(DELETED + RENAMED + i))),
    ]);
    const defined = await causeFiles();

    console.log(
      `      ${FILES} notes indexed in ${ready.durationMs} ms; ${changes.length} file events handled ` +
        `${Math.round(settledMs)} ms after index-ready; ${ready.skipped.length} skipped as unreadable`,
    );
    assert.equal(server.exited, undefined);
    assert.deepEqual(
      server.logs.filter((line) => ESCAPED_ERROR.test(line)),
      [],
    );
    for (let n = 0; n < DELETED + RENAMED; n++)
      assert.ok(!defined.has(server.uri(name(n))), `${name(n)}, deleted or renamed, still defines a cause`);
    for (const uri of onDisk) assert.ok(defined.has(uri), `${uri} defines no cause`);
    assert.equal(defined.size, onDisk.size, 'one cause per file on disk');

    for (const n of [0, 1, 2, 17, 42, 99, DELETED - 1]) {
      const found = (await symbols(term(n))).filter((s) => s.location.uri === server.uri(name(n)));
      assert.deepEqual(found, [], `deleted ${name(n)} is still in workspace symbols`);
    }
    for (const n of [DELETED, DELETED + 1, DELETED + 77, DELETED + RENAMED - 1]) {
      const found = await symbols(term(n));
      assert.ok(
        !found.some((s) => s.location.uri === server.uri(name(n))),
        `renamed ${name(n)} is still in workspace symbols under its old name`,
      );
      assert.ok(
        found.some((s) => s.location.uri === server.uri(renamed(n)) && s.name === term(n)),
        `${term(n)} is not found in ${renamed(n)}: ${JSON.stringify(found.slice(0, 3).map((s) => [s.name, s.location.uri]))}`,
      );
    }
    for (const n of [DELETED + RENAMED, 2000, FILES - 1]) {
      assert.ok(
        (await symbols(term(n))).some((s) => s.location.uri === server.uri(name(n))),
        `${name(n)} is missing from workspace symbols`,
      );
    }
    // A file the crawl listed but could not read any more is skipped with a reason, once.
    const paths = ready.skipped.map((s) => s.path);
    assert.equal(new Set(paths).size, paths.length, JSON.stringify(ready.skipped.slice(0, 5)));
  });
});

describe('LSP: a hundred notes created at once in a workspace of 10,000', function () {
  this.timeout(180_000);
  const NOTES = 10_000;
  const CREATED = 100;
  const code = (n: number): string => [3, 2, 1, 0].map((d) => String.fromCharCode(97 + (Math.floor(n / 26 ** d) % 26))).join('');

  // Regression (fixed): each created (or changed) note makes the index re-resolve the mentions of every document: a new
  // definition bumps the name table's generation, which marks all 10,000 documents stale, and the session
  // resolves them all again in the background before the next file event's work is done. Handling N file
  // events costs N full re-resolutions (a CPU profile shows NotesIndex.resolve, forgetMentions,
  // markStaleIfNamesChanged and GC). Input: 100 new notes, each defining a new cause, announced in one
  // didChangeWatchedFiles to a server holding 10,000 notes. Expected: all handled in about the time
  // the first index of the whole workspace took (1.1-1.5 s here), well within that plus 2 s.
  // Actual: 6.8-7.4 s (12 s while workspace/symbol requests rebuild the search meanwhile).
  // (The workspace is built inside the test, so a skipped test costs nothing.)
  it('handles 100 created notes in less time than indexing the whole workspace took, plus 2 s', async () => {
    const root = makeWorkspace('history-notes-created-');
    let server: ServerProcess | undefined;
    try {
      for (let n = 0; n < NOTES; n++) write(root, `many/note-${n}.txt`, `Card\n\nCauses\n\n  • Cause ${code(n)} – Kamenev objected.\n`);
      server = await startEarly(root);
      const ready = await server.whenReady();
      const changes: { uri: string; type: number }[] = [];
      for (let n = 0; n < CREATED; n++) {
        write(root, `many/new-${n}.txt`, `Card\n\nCauses\n\n  • Fresh cause ${code(n)} – Kamenev objected.\n`);
        changes.push({ uri: server.uri(`many/new-${n}.txt`), type: 1 });
      }
      const limit = ready.durationMs + 2000;
      const started = performance.now();
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      // Events are handled in order: the last file's cause appears last.
      const lastId = `cause:fresh-cause-${code(CREATED - 1)}`;
      for (;;) {
        const next = server.nextIndexChange(60_000);
        const mentions = await settle(server.ask(MentionsRequest.type, { id: lastId }), 30_000);
        if (mentions.kind === 'result' && (mentions.value as unknown[]).length > 0) break;
        await next;
      }
      const ms = performance.now() - started;
      assert.ok(ms < limit, `${CREATED} created notes took ${Math.round(ms)} ms; indexing all ${NOTES} took ${ready.durationMs} ms`);
    } finally {
      await server?.stop();
      removeWorkspace(root);
    }
  });
});
