// One run of the real server over the corpus: cold index, requests, completion, typing and edits.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Range } from 'vscode-languageserver-protocol';
import { generateBigNote, Random, type Corpus, type NamePosition } from './corpus';
import { BenchServer, withTimeout, type IndexReady } from './lspClient';
import { startProbes, timedLoop, type LoopResult } from './loops';
import type { ReferenceTarget } from './markdownService';
import { progress, type Options } from './options';
import { ms } from './stats';

export interface ServerResults {
  ready?: IndexReady;
  initializeMs: number;
  coldIndexMs: number;
  firstWorkspaceSymbolMs: number;
  /** A second server started over the same folder once the first has stopped: to its first workspace-wide answer. */
  reopenIndexMs: number;
  /** The same second start, to indexReady. */
  reopenReadyMs: number;
  /** How many notes the second start took from the cache the first wrote. */
  reopenNotesFromCache?: number;
  /** Of those, how many with their mentions too. */
  reopenMentionsFromCache?: number;
  /** Of the notes from the cache, those whose files were not read (their size and time unchanged). */
  reopenNotesUnread?: number;
  /** The second start's peak RSS and its RSS once ready: what a student's every later session holds. */
  reopenPeakRssMb: number;
  reopenRssMb: number;
  maxEventLoopBlockMs: number;
  /** When the slowest probe was answered, relative to indexReady (about 0: the block was the index's last step). */
  maxBlockEndedAfterReadyMs: number;
  probes: number;
  hover?: LoopResult;
  definition?: LoopResult;
  references?: LoopResult;
  completion?: LoopResult;
  completionTyping?: LoopResult;
  editOpenMs: number;
  edit?: LoopResult;
  editFlushed?: LoopResult;
  /** Peak RSS up to the last edit. */
  peakRssMb: number;
  /** Peak RSS over the whole session: after it, the edited notes are closed and the index cache written. */
  sessionPeakRssMb: number;
  rssAfterIndexMb: number;
  error?: string;
}

function randomName(rng: Random, corpus: Corpus): { file: string; name: NamePosition } {
  for (;;) {
    const note = rng.pick(corpus.notes);
    if (note.names.length > 0) return { file: note.file, name: rng.pick(note.names) };
  }
}

/** A position inside a name that was written: any of its characters. */
function inside(rng: Random, name: NamePosition): { line: number; character: number } {
  return { line: name.line, character: rng.int(name.start, name.end - 1) };
}

/** What the phases of one server run share. */
interface ServerRun {
  server: BenchServer;
  corpus: Corpus;
  options: Options;
  rng: Random;
  results: ServerResults;
}

/** The notes the benchmark opens and types in, which are not in the folder. */
const COMPLETION_NOTE = 'bench-completion.txt';
const EDITED_NOTE = 'bench-edit-big.txt';

export async function measureServer(corpus: Corpus, options: Options): Promise<ServerResults> {
  const results: ServerResults = {
    initializeMs: NaN,
    coldIndexMs: NaN,
    firstWorkspaceSymbolMs: NaN,
    reopenIndexMs: NaN,
    reopenReadyMs: NaN,
    reopenPeakRssMb: NaN,
    reopenRssMb: NaN,
    maxEventLoopBlockMs: NaN,
    maxBlockEndedAfterReadyMs: NaN,
    probes: 0,
    editOpenMs: NaN,
    peakRssMb: NaN,
    sessionPeakRssMb: NaN,
    rssAfterIndexMb: NaN,
  };
  const cacheFolder = `${corpus.dir}.cache`;
  const server = BenchServer.start(corpus.dir, cacheFolder);
  const run: ServerRun = { server, corpus, options, rng: new Random(options.seed * 7919 + 13), results };
  try {
    await measureColdIndex(run);
    await measureRequests(run);
    const completion = await measureCompletion(run);
    await measureTyping(run, completion);
    await measureEdits(run);
    results.peakRssMb = server.memory().peakRssMb;
    // Closed unsaved, as a student closes scratch notes: the index is the folder's again, which is what
    // the server keeps for reopening it.
    for (const note of [COMPLETION_NOTE, EDITED_NOTE])
      await server.send('textDocument/didClose', { textDocument: { uri: server.uri(note) } });
    // The reopen run below starts from what this session kept.
    await server.cacheWritten(options.indexTimeoutMs);
    results.sessionPeakRssMb = server.memory().peakRssMb;
  } catch (error) {
    const exited = server.exited !== undefined ? ` (the server exited with ${server.exited})` : '';
    results.error = `${(error as Error).message}${exited}\n${server.lastLogs()}`;
    if (Number.isNaN(results.peakRssMb)) results.peakRssMb = server.memory().peakRssMb;
  } finally {
    await server.stop();
  }
  try {
    if (!results.error) await measureReopen(corpus, cacheFolder, options, results);
  } finally {
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  }
  return results;
}

/**
 * Reopening: a new server over the same folder and the same cache folder, as when the editor opens it
 * again; what the first run kept counts here, and nothing else runs meanwhile.
 */
async function measureReopen(corpus: Corpus, cacheFolder: string, options: Options, results: ServerResults): Promise<void> {
  const server = BenchServer.start(corpus.dir, cacheFolder);
  try {
    const t0 = performance.now();
    await withTimeout(server.initialize(), 60_000, 'the initialize response (reopening)');
    const symbols = await server.requestWithin('workspace/symbol', { query: 'zz' }, options.indexTimeoutMs);
    results.reopenIndexMs = performance.now() - t0;
    await server.whenReady(options.indexTimeoutMs);
    results.reopenReadyMs = server.indexReadyAt - t0;
    ({ peakRssMb: results.reopenPeakRssMb, rssMb: results.reopenRssMb } = server.memory());
    const fromCache = server.notesFromCache();
    results.reopenNotesFromCache = fromCache?.read ?? 0;
    results.reopenMentionsFromCache = fromCache?.resolved ?? 0;
    results.reopenNotesUnread = server.notesNotRead();
    progress(
      `reopened: first workspace-wide answer ${ms(results.reopenIndexMs)} (${Array.isArray(symbols) ? symbols.length : 0} symbols), ` +
        `${results.reopenNotesFromCache} notes from the cache (${results.reopenNotesUnread} not read), ` +
        `${results.reopenMentionsFromCache} with their mentions`,
    );
  } catch (error) {
    results.error = `reopening: ${(error as Error).message}\n${server.lastLogs()}`;
  } finally {
    await server.stop();
  }
}

/** Cold index: from sending `initialize` (the process was spawned just before) to `historyNotes/indexReady`. */
async function measureColdIndex({ server, options, results }: ServerRun): Promise<void> {
  const t0 = performance.now();
  await withTimeout(server.initialize(false), 60_000, 'the initialize response');
  results.initializeMs = performance.now() - t0;
  const probes = startProbes(server);
  await server.send('initialized', {});
  // The first workspace-wide answer: the server holds requests until its first index is done.
  const firstSymbol = server.requestWithin('workspace/symbol', { query: 'zz' }, options.indexTimeoutMs).then(() => performance.now() - t0);
  firstSymbol.catch(() => undefined);
  try {
    results.ready = await server.whenReady(options.indexTimeoutMs);
    results.coldIndexMs = server.indexReadyAt - t0;
    results.firstWorkspaceSymbolMs = await firstSymbol;
  } finally {
    const none = { maxMs: NaN, maxEndedAt: NaN, count: 0 };
    const probed = await withTimeout(probes.stop(), 60_000, 'the event-loop probes').catch(() => none);
    results.maxEventLoopBlockMs = probed.maxMs;
    results.maxBlockEndedAfterReadyMs = probed.maxEndedAt - server.indexReadyAt;
    results.probes = probed.count;
  }
  results.rssAfterIndexMb = server.memory().rssMb;
  const said = `server says ${ms(results.ready.durationMs)}`;
  progress(
    `indexed ${results.ready.notes} notes, ${results.ready.entities} entities in ${ms(results.coldIndexMs)} (${said}); ` +
      `longest block ${ms(results.maxEventLoopBlockMs)}`,
  );
}

async function timed<R>(server: BenchServer, timeout: number, method: string, params: unknown): Promise<{ ms: number; result: R }> {
  const started = performance.now();
  const result = await server.requestWithin<R>(method, params, timeout);
  return { ms: performance.now() - started, result };
}

/** Hover, definition and references at random positions inside names the corpus writes. */
async function measureRequests({ server, corpus, options, rng, results }: ServerRun): Promise<void> {
  const timeout = options.requestTimeoutMs;
  const at = (): { textDocument: { uri: string }; position: { line: number; character: number }; what: string } => {
    const { file, name } = randomName(rng, corpus);
    const position = inside(rng, name);
    return {
      textDocument: { uri: server.uri(file) },
      position,
      what: `${name.text} (${file}:${position.line + 1}:${position.character + 1})`,
    };
  };
  progress(`hover × ${options.requests}`);
  results.hover = await timedLoop(options.requests, options.timeCapMs, async () => {
    const { what, ...params } = at();
    const { ms, result } = await timed<unknown>(server, timeout, 'textDocument/hover', params);
    return { ms, hit: result !== null, what };
  });
  progress(`definition × ${options.requests}`);
  results.definition = await timedLoop(options.requests, options.timeCapMs, async () => {
    const { what, ...params } = at();
    const { ms, result } = await timed<unknown[] | object | null>(server, timeout, 'textDocument/definition', params);
    return { ms, hit: Array.isArray(result) ? result.length > 0 : result !== null, what };
  });
  progress(`references × ${options.requests}`);
  results.references = await timedLoop(options.requests, options.timeCapMs, async (_, extra) => {
    const { what, ...params } = at();
    const context = { includeDeclaration: true };
    const { ms, result } = await timed<unknown[] | null>(server, timeout, 'textDocument/references', { ...params, context });
    const found = result?.length ?? 0;
    extra.locations = (extra.locations ?? 0) + found;
    extra.maxLocations = Math.max(extra.maxLocations ?? 0, found);
    return { ms, hit: found > 0, what };
  });
}

type CompletionAnswer = { items: { label: string }[] } | { label: string }[] | null;

function itemsOf(result: CompletionAnswer): { label: string }[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/**
 * Completion: a document of its own, opened once, one line per request ending in a prefix of 2-5
 * characters of a name the corpus uses (a fifth typed in lower case).
 */
async function measureCompletion({ server, corpus, options, rng, results }: ServerRun): Promise<{ uri: string; lines: string[] }> {
  const timeout = options.requestTimeoutMs;
  const uri = server.uri(COMPLETION_NOTE);
  const prefixes = Array.from({ length: options.requests }, () => {
    // The start of the name's first word: an editor completes the word being typed.
    let word = '';
    while (word.length < 2) word = /^[\p{L}\p{N}'’-]*/u.exec(randomName(rng, corpus).name.text)![0];
    const prefix = word.slice(0, Math.min(word.length, rng.int(2, 5)));
    return rng.chance(0.2) ? prefix.toLowerCase() : prefix;
  });
  const lines = ['Completion scratch', '', ...prefixes.map((p) => `  • Notes on ${p}`)];
  const opened = server.diagnosticsFor(uri);
  await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: lines.join('\n') } });
  await withTimeout(opened, timeout, 'diagnostics of the completion document').catch(() => undefined);
  progress(`completion × ${options.requests}`);
  results.completion = await timedLoop(options.requests, options.timeCapMs, async (i, extra) => {
    const position = { line: i + 2, character: lines[i + 2].length };
    const { ms, result } = await timed<CompletionAnswer>(server, timeout, 'textDocument/completion', { textDocument: { uri }, position });
    const list = itemsOf(result);
    if (list[0]?.label.toLowerCase().startsWith(prefixes[i].toLowerCase())) {
      extra.firstStartsWithPrefix = (extra.firstStartsWithPrefix ?? 0) + 1;
    }
    return { ms, hit: list.length > 0, what: prefixes[i] };
  });
  return { uri, lines };
}

/**
 * Completion while typing: each request follows a didChange that types one more character, as an
 * editor sends them; the server applies the edit first, so this includes re-indexing the line.
 */
async function measureTyping(
  { server, corpus, options, rng, results }: ServerRun,
  document: { uri: string; lines: string[] },
): Promise<void> {
  const { uri } = document;
  const lines = [...document.lines];
  let version = 1;
  progress(`completion while typing × ${options.edits}`);
  results.completionTyping = await timedLoop(options.edits, options.editTimeCapMs, async (i) => {
    const line = 2 + (i % (lines.length - 2));
    const { name } = randomName(rng, corpus);
    const typed = name.text.charAt(rng.int(0, name.text.length - 1)).toLowerCase() || 'a';
    const started = performance.now();
    await server.send('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [lineChange(line, lines[line], lines[line] + typed)],
    });
    lines[line] += typed;
    const position = { line, character: lines[line].length };
    const result = await server.requestWithin<CompletionAnswer>(
      'textDocument/completion',
      { textDocument: { uri }, position },
      options.requestTimeoutMs,
    );
    return { ms: performance.now() - started, hit: itemsOf(result).length > 0 };
  });
}

/**
 * Edits: a ~100 KB note opened in the editor, one line changed at a time (see lineChange); measured
 * from didChange to the publishDiagnostics for that document that reflects the edit. Each edit ends
 * a long line with `(revised i…) Stallin`, a misspelling the bundled knowledge lists, at a column
 * that differs from the previous edits', so diagnostics the server publishes late for an earlier
 * version (it re-resolves other notes in the background) are not taken for this one's.
 */
async function measureEdits({ server, options, results }: ServerRun): Promise<void> {
  const timeout = options.requestTimeoutMs;
  const big = generateBigNote(options.seed, 100);
  const uri = server.uri(EDITED_NOTE);
  const lines = big.text.split('\n');
  let target = lines.length - 1;
  while (target > 0 && lines[target].length < 80) target--;
  const base = lines[target];
  let version = 1;
  const opened = server.diagnosticsFor(uri);
  const openedAt = performance.now();
  await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text: big.text } });
  await withTimeout(opened, 4 * timeout, 'diagnostics of the opened big note');
  results.editOpenMs = performance.now() - openedAt;
  const edit = async (k: number, flushWithRequest: boolean): Promise<{ ms: number; hit: boolean }> => {
    const before = `${base} (revised ${'i'.repeat((k % 5) + 1)}) `;
    const change = lineChange(target, lines[target], `${before}Stallin`);
    lines[target] = change.text;
    const marked = (list: { range: { start: { line: number; character: number } } }[]): boolean =>
      list.some((d) => d.range.start.line === target && d.range.start.character === before.length);
    const diagnostics = server.diagnosticsFor(uri, marked);
    const settled = server.nextIndexChange(2 ** 31 - 1);
    const started = performance.now();
    await server.send('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [change],
    });
    // A request on the document makes the server apply the edit at once instead of after its debounce.
    const hover = { textDocument: { uri }, position: { line: 0, character: 0 } };
    const request = flushWithRequest ? server.requestWithin('textDocument/hover', hover, timeout) : undefined;
    // Edits can take far longer than a request at scale: give them more room than the request timeout.
    await withTimeout(diagnostics, 4 * timeout, 'publishDiagnostics after an edit');
    const elapsed = performance.now() - started;
    await request;
    // Let the server's own follow-up work (the debounced index-changed notice) finish before the next edit.
    await withTimeout(settled, 2000, 'index changed').catch(() => undefined);
    return { ms: elapsed, hit: true };
  };
  progress(`edits × ${options.edits} (${(Buffer.byteLength(big.text) / 1024).toFixed(0)} KB note)`);
  results.edit = await timedLoop(options.edits, options.editTimeCapMs, (k) => edit(k, false));
  progress(`edits flushed by a request × ${options.edits}`);
  results.editFlushed = await timedLoop(options.edits, options.editTimeCapMs, (k) => edit(options.edits + k, true));
}

/**
 * One line's text replaced, as VS Code sends an edit to a server that asks for incremental changes
 * (ours does): the range changed and its new text, not the whole document again.
 */
function lineChange(line: number, was: string, text: string): { range: Range; text: string } {
  return { range: { start: { line, character: 0 }, end: { line, character: was.length } }, text };
}

// ---- the Markdown service's reference targets: headings and link fragments of the Markdown notes

export function markdownTargets(corpus: Corpus, count: number, seed: number): ReferenceTarget[] {
  const rng = new Random(seed * 104729 + 5);
  const markdown = corpus.notes.filter((n) => n.format === 'markdown' && n.headings.length > 0);
  if (markdown.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const note = rng.pick(markdown);
    const anchors = i % 2 === 0 || note.links.length === 0 ? note.headings : note.links;
    const anchor = rng.pick(anchors);
    return { file: note.file, line: anchor.line, character: anchor.character + 1 };
  });
}
