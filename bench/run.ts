// The History Notes benchmark: generates a corpus, measures the real server over stdio (cold index,
// hover, definition, references, completion, edits, event-loop blocking, memory), and beside it the
// floor (read + three regex passes, in-process) and vscode-markdown-languageservice over the same
// folder. Prints a table against the targets and, with --json FILE, writes the numbers.
//
//   npm run bench -- --notes 1000 [--json FILE] [--seed 1] [--requests 500] [--out DIR] [--keep]
//                    [--md-requests 200] [--edits 50] [--time-cap 90] [--edit-time-cap 60] [--index-timeout 900]
//
// Every loop stops at its count or its time cap (seconds, per loop), whichever comes first.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateBigNote, generateCorpus, Random, type Corpus, type NamePosition } from './corpus';
import { measureFloor, type FloorResult } from './floor';
import { BenchServer, SERVER, TimeoutError, withTimeout, type IndexReady } from './lspClient';
import { runMarkdownService, type MarkdownServiceRun, type ReferenceTarget } from './markdownService';
import { ms, summarize, table, triple, type Summary } from './stats';

interface Options {
  notes: number;
  seed: number;
  out?: string;
  json?: string;
  requests: number;
  mdRequests: number;
  edits: number;
  /** Per request loop (hover, definition, references, completion). */
  timeCapMs: number;
  /** Per edit loop (typing, edits, flushed edits), which are slower per step. */
  editTimeCapMs: number;
  indexTimeoutMs: number;
  requestTimeoutMs: number;
  keep: boolean;
  /** os.loadavg() when the run started: other work on the machine skews every number. */
  loadAtStart: string;
  /** Which build of dist/server.js was measured: the start of its SHA-256, and when it was built. */
  serverBuild: { sha256: string; builtAt: string };
}

function serverBuild(): Options['serverBuild'] {
  try {
    return {
      sha256: createHash('sha256').update(fs.readFileSync(SERVER)).digest('hex').slice(0, 12),
      builtAt: fs.statSync(SERVER).mtime.toISOString(),
    };
  } catch {
    throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  }
}

const USAGE =
  'usage: node out/bench/run.js --notes N [--json FILE] [--seed S] [--requests R] [--md-requests M] [--edits E] ' +
  '[--time-cap SECONDS] [--edit-time-cap SECONDS] [--index-timeout SECONDS] [--out DIR] [--keep]';

function parseArgs(argv: string[]): Options {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep' || arg === '--help') flags.add(arg);
    else if (arg.startsWith('--') && i + 1 < argv.length) values.set(arg, argv[++i]);
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (flags.has('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = [
    '--notes',
    '--seed',
    '--out',
    '--json',
    '--requests',
    '--md-requests',
    '--edits',
    '--time-cap',
    '--edit-time-cap',
    '--index-timeout',
  ];
  for (const key of values.keys()) if (!known.includes(key)) throw new Error(`Unknown option ${key}\n${USAGE}`);
  const num = (key: string, fallback: number, min = 1): number => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`${key} must be a number >= ${min}, not ${raw}`);
    return n;
  };
  const requests = Math.floor(num('--requests', 500));
  return {
    notes: Math.floor(num('--notes', 1000)),
    seed: Math.floor(num('--seed', 1, 0)),
    out: values.get('--out'),
    json: values.get('--json'),
    requests,
    mdRequests: Math.floor(num('--md-requests', Math.min(200, requests))),
    edits: Math.floor(num('--edits', Math.min(50, requests))),
    timeCapMs: num('--time-cap', 90) * 1000,
    editTimeCapMs: num('--edit-time-cap', 60) * 1000,
    indexTimeoutMs: num('--index-timeout', 900) * 1000,
    requestTimeoutMs: 30_000,
    keep: flags.has('--keep'),
    loadAtStart: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
    serverBuild: serverBuild(),
  };
}

const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

// ---- timed loops

interface LoopResult {
  latency: Summary;
  /** The first request of the loop: it pays for anything the server builds lazily. */
  firstMs: number;
  /** Requests with a useful answer (a card, a location, completion items). */
  hits: number;
  failures: number;
  /** Stopped by the time cap before `count` requests. */
  capped: boolean;
  /** Why the loop stopped early, if it did. */
  aborted?: string;
  extra: Record<string, number>;
  /** What the first few requests without a useful answer asked about. */
  misses: string[];
}

interface Step {
  ms: number;
  hit: boolean;
  /** Said of a miss: which name at which position. */
  what?: string;
}

async function timedLoop(
  count: number,
  timeCapMs: number,
  step: (i: number, extra: Record<string, number>) => Promise<Step>,
): Promise<LoopResult> {
  const samples: number[] = [];
  const extra: Record<string, number> = {};
  const misses: string[] = [];
  let hits = 0;
  let failures = 0;
  let capped = false;
  let aborted: string | undefined;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (performance.now() - started > timeCapMs) {
      capped = true;
      break;
    }
    try {
      const result = await step(i, extra);
      samples.push(result.ms);
      if (result.hit) hits++;
      else if (misses.length < 5 && result.what) misses.push(result.what);
    } catch (error) {
      failures++;
      if (error instanceof TimeoutError || failures > 10) {
        aborted = (error as Error).message;
        break;
      }
    }
  }
  return { latency: summarize(samples), firstMs: samples[0] ?? NaN, hits, failures, capped, aborted, extra, misses };
}

/**
 * Event-loop blocking seen from the client: a cheap request (`completionItem/resolve`, answered
 * without touching the index) every 20 ms while the server indexes. A server that yields answers
 * each within a millisecond or so; the slowest answer is the longest stretch the server could not
 * answer anything, give or take the 20 ms spacing.
 */
function startProbes(server: BenchServer, intervalMs = 20): { stop(): Promise<{ maxMs: number; maxEndedAt: number; count: number }> } {
  let maxMs = 0;
  let maxEndedAt = NaN;
  let count = 0;
  const pending = new Set<Promise<void>>();
  const send = (): void => {
    const t0 = performance.now();
    const probe = server.requestWithin('completionItem/resolve', { label: 'zz' }, 3_600_000).then(
      () => {
        const now = performance.now();
        if (now - t0 > maxMs) {
          maxMs = now - t0;
          maxEndedAt = now;
        }
        count++;
      },
      () => undefined,
    );
    pending.add(probe);
    void probe.finally(() => pending.delete(probe));
  };
  const timer = setInterval(send, intervalMs);
  send();
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
      return { maxMs, maxEndedAt, count };
    },
  };
}

// ---- the server's measurements

interface ServerResults {
  ready?: IndexReady;
  initializeMs: number;
  coldIndexMs: number;
  firstWorkspaceSymbolMs: number;
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
  peakRssMb: number;
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

async function measureServer(corpus: Corpus, options: Options): Promise<ServerResults> {
  const results: ServerResults = {
    initializeMs: NaN,
    coldIndexMs: NaN,
    firstWorkspaceSymbolMs: NaN,
    maxEventLoopBlockMs: NaN,
    maxBlockEndedAfterReadyMs: NaN,
    probes: 0,
    editOpenMs: NaN,
    peakRssMb: NaN,
    rssAfterIndexMb: NaN,
  };
  const server = BenchServer.start(corpus.dir);
  const rng = new Random(options.seed * 7919 + 13);
  const timeout = options.requestTimeoutMs;
  try {
    // Cold index: from sending `initialize` (the process was spawned just before) to `historyNotes/indexReady`.
    const t0 = performance.now();
    await withTimeout(server.initialize(false), 60_000, 'the initialize response');
    results.initializeMs = performance.now() - t0;
    const probes = startProbes(server);
    await server.send('initialized', {});
    // The first workspace-wide answer: the server holds requests until its first index is done.
    const firstSymbol = server
      .requestWithin('workspace/symbol', { query: 'zz' }, options.indexTimeoutMs)
      .then(() => performance.now() - t0);
    firstSymbol.catch(() => undefined);
    try {
      results.ready = await server.whenReady(options.indexTimeoutMs);
      results.coldIndexMs = server.indexReadyAt - t0;
      results.firstWorkspaceSymbolMs = await firstSymbol;
    } finally {
      const probed = await withTimeout(probes.stop(), 60_000, 'the event-loop probes').catch(() => ({
        maxMs: NaN,
        maxEndedAt: NaN,
        count: 0,
      }));
      results.maxEventLoopBlockMs = probed.maxMs;
      results.maxBlockEndedAfterReadyMs = probed.maxEndedAt - server.indexReadyAt;
      results.probes = probed.count;
    }
    results.rssAfterIndexMb = server.memory().rssMb;
    progress(
      `indexed ${results.ready.notes} notes, ${results.ready.entities} entities in ${ms(results.coldIndexMs)} (server ` +
        `says ${ms(results.ready.durationMs)}); longest block ${ms(results.maxEventLoopBlockMs)}`,
    );

    const at = (): { uri: string; position: { line: number; character: number }; what: string } => {
      const { file, name } = randomName(rng, corpus);
      const position = inside(rng, name);
      return { uri: server.uri(file), position, what: `${name.text} (${file}:${position.line + 1}:${position.character + 1})` };
    };
    const timed = async <R>(method: string, params: unknown): Promise<{ ms: number; result: R }> => {
      const started = performance.now();
      const result = await server.requestWithin<R>(method, params, timeout);
      return { ms: performance.now() - started, result };
    };

    progress(`hover × ${options.requests}`);
    results.hover = await timedLoop(options.requests, options.timeCapMs, async () => {
      const { uri, position, what } = at();
      const { ms, result } = await timed<unknown>('textDocument/hover', { textDocument: { uri }, position });
      return { ms, hit: result !== null, what };
    });
    progress(`definition × ${options.requests}`);
    results.definition = await timedLoop(options.requests, options.timeCapMs, async () => {
      const { uri, position, what } = at();
      const { ms, result } = await timed<unknown[] | object | null>('textDocument/definition', { textDocument: { uri }, position });
      return { ms, hit: Array.isArray(result) ? result.length > 0 : result !== null, what };
    });
    progress(`references × ${options.requests}`);
    results.references = await timedLoop(options.requests, options.timeCapMs, async (_, extra) => {
      const { uri, position, what } = at();
      const { ms, result } = await timed<unknown[] | null>('textDocument/references', {
        textDocument: { uri },
        position,
        context: { includeDeclaration: true },
      });
      const found = result?.length ?? 0;
      extra.locations = (extra.locations ?? 0) + found;
      extra.maxLocations = Math.max(extra.maxLocations ?? 0, found);
      return { ms, hit: found > 0, what };
    });

    // Completion: a document of its own, opened once, one line per request ending in a prefix of 2-5
    // characters of a name the corpus uses (a fifth typed in lower case).
    const completionUri = server.uri('bench-completion.txt');
    const prefixes = Array.from({ length: options.requests }, () => {
      // The start of the name's first word: an editor completes the word being typed.
      let word = '';
      while (word.length < 2) word = /^[\p{L}\p{N}'’-]*/u.exec(randomName(rng, corpus).name.text)![0];
      const prefix = word.slice(0, Math.min(word.length, rng.int(2, 5)));
      return rng.chance(0.2) ? prefix.toLowerCase() : prefix;
    });
    const completionLines = ['Completion scratch', '', ...prefixes.map((p) => `  • Notes on ${p}`)];
    const opened = server.diagnosticsFor(completionUri);
    await server.send('textDocument/didOpen', {
      textDocument: { uri: completionUri, languageId: 'plaintext', version: 1, text: completionLines.join('\n') },
    });
    await withTimeout(opened, timeout, 'diagnostics of the completion document').catch(() => undefined);
    progress(`completion × ${options.requests}`);
    type CompletionAnswer = { items: { label: string }[] } | { label: string }[] | null;
    const items = (result: CompletionAnswer): { label: string }[] => (Array.isArray(result) ? result : (result?.items ?? []));
    results.completion = await timedLoop(options.requests, options.timeCapMs, async (i, extra) => {
      const line = i + 2;
      const position = { line, character: completionLines[line].length };
      const { ms, result } = await timed<CompletionAnswer>('textDocument/completion', { textDocument: { uri: completionUri }, position });
      const list = items(result);
      if (list[0]?.label.toLowerCase().startsWith(prefixes[i].toLowerCase()))
        extra.firstStartsWithPrefix = (extra.firstStartsWithPrefix ?? 0) + 1;
      return { ms, hit: list.length > 0, what: prefixes[i] };
    });

    // Completion while typing: each request follows a didChange that types one more character, as an
    // editor sends them; the server applies the edit first, so this includes re-indexing the line.
    let version = 1;
    const typingLines = [...completionLines];
    progress(`completion while typing × ${options.edits}`);
    results.completionTyping = await timedLoop(options.edits, options.editTimeCapMs, async (i) => {
      const line = 2 + (i % prefixes.length);
      const { name } = randomName(rng, corpus);
      typingLines[line] += name.text.charAt(rng.int(0, name.text.length - 1)).toLowerCase() || 'a';
      const started = performance.now();
      await server.send('textDocument/didChange', {
        textDocument: { uri: completionUri, version: ++version },
        contentChanges: [{ text: typingLines.join('\n') }],
      });
      const result = await server.requestWithin<CompletionAnswer>(
        'textDocument/completion',
        { textDocument: { uri: completionUri }, position: { line, character: typingLines[line].length } },
        timeout,
      );
      return { ms: performance.now() - started, hit: items(result).length > 0 };
    });

    // Edits: a ~100 KB note opened in the editor, changed slightly 50 times (the full text each time);
    // measured from didChange to the publishDiagnostics for that document that reflects the edit. Each
    // edit ends a long line with `(revised i…) Stallin`, a misspelling the bundled knowledge lists, at a
    // column that differs from the previous edits', so diagnostics the server publishes late for an
    // earlier version (it re-resolves other notes in the background) are not taken for this one's.
    const big = generateBigNote(options.seed, 100);
    const bigUri = server.uri('bench-edit-big.txt');
    const bigLines = big.text.split('\n');
    let target = bigLines.length - 1;
    while (target > 0 && bigLines[target].length < 80) target--;
    const base = bigLines[target];
    let bigVersion = 1;
    const changedText = (k: number): { text: string; marker: { line: number; character: number } } => {
      const before = `${base} (revised ${'i'.repeat((k % 5) + 1)}) `;
      bigLines[target] = `${before}Stallin`;
      return { text: bigLines.join('\n'), marker: { line: target, character: before.length } };
    };
    {
      const diagnostics = server.diagnosticsFor(bigUri);
      const started = performance.now();
      await server.send('textDocument/didOpen', {
        textDocument: { uri: bigUri, languageId: 'plaintext', version: bigVersion, text: big.text },
      });
      await withTimeout(diagnostics, 4 * timeout, 'diagnostics of the opened big note');
      results.editOpenMs = performance.now() - started;
    }
    const edit = async (k: number, flushWithRequest: boolean): Promise<{ ms: number; hit: boolean }> => {
      const { text, marker } = changedText(k);
      const diagnostics = server.diagnosticsFor(bigUri, (list) =>
        list.some((d) => d.range.start.line === marker.line && d.range.start.character === marker.character),
      );
      const settled = server.nextIndexChange(2 ** 31 - 1);
      const started = performance.now();
      await server.send('textDocument/didChange', { textDocument: { uri: bigUri, version: ++bigVersion }, contentChanges: [{ text }] });
      // A request on the document makes the server apply the edit at once instead of after its debounce.
      const request = flushWithRequest
        ? server.requestWithin('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 0, character: 0 } }, timeout)
        : undefined;
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

    results.peakRssMb = server.memory().peakRssMb;
  } catch (error) {
    const exited = server.exited !== undefined ? ` (the server exited with ${server.exited})` : '';
    results.error = `${(error as Error).message}${exited}\n${server.lastLogs()}`;
    if (Number.isNaN(results.peakRssMb)) results.peakRssMb = server.memory().peakRssMb;
  } finally {
    await server.stop();
  }
  return results;
}

// ---- the Markdown service's reference targets: headings and link fragments of the Markdown notes

function markdownTargets(corpus: Corpus, count: number, seed: number): ReferenceTarget[] {
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

// ---- report

interface Target {
  name: string;
  value: number;
  limit: string;
  met: boolean;
}

function report(
  options: Options,
  corpus: Corpus,
  floor: FloorResult,
  server: ServerResults,
  markdownAll?: MarkdownServiceRun,
  markdownOnly?: MarkdownServiceRun,
): { text: string; json: Record<string, unknown> } {
  const ratio = (a: number, b: number): number => a / b;
  const x = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(n >= 10 ? 0 : n >= 0.1 ? 1 : 3)}×` : 'n/a');
  const targets: Target[] = [];
  const target = (name: string, value: number, limit: string, met: boolean): string => {
    const ok = Number.isFinite(value) && met;
    targets.push({ name, value, limit, met: ok });
    return ok ? 'met' : 'MISSED';
  };
  const hitRate = (loop?: LoopResult): string =>
    loop && loop.latency.count > 0 ? `${((100 * loop.hits) / loop.latency.count).toFixed(0)}% answered` : '';
  const countNote = (loop: LoopResult | undefined, wanted: number): string => {
    if (!loop) return 'not run';
    const parts = [`n=${loop.latency.count}`];
    if (loop.latency.count < wanted) parts.push(loop.capped ? 'time cap hit' : 'stopped early');
    if (loop.failures > 0) parts.push(`${loop.failures} failed`);
    return parts.join(', ');
  };

  const cold = server.coldIndexMs;
  const mdMs = markdownAll?.firstWorkspaceSymbolsMs ?? NaN;
  const mdOnlyMs = markdownOnly?.firstWorkspaceSymbolsMs ?? NaN;
  const ours = server.firstWorkspaceSymbolMs;
  const p99 = (loop?: LoopResult): number => loop?.latency.p99 ?? NaN;
  const rows: string[][] = [
    [
      'cold index (initialize → indexReady)',
      ms(cold),
      `floor ${ms(floor.ms)}`,
      `${x(ratio(cold, floor.ms))} floor`,
      '≤ 3× floor',
      target('cold index', ratio(cold, floor.ms), '<= 3', ratio(cold, floor.ms) <= 3),
    ],
    [
      'first workspace-wide answer (workspace/symbol)',
      ms(ours),
      `md service, all files as Markdown: ${ms(mdMs)}`,
      `md is ${x(ratio(mdMs, ours))} ours`,
      '≥ 5× faster',
      target('vs markdown service', ratio(mdMs, ours), '>= 5', ratio(mdMs, ours) >= 5),
    ],
    ['  (info) same, Markdown half only', '', `md service, .md only: ${ms(mdOnlyMs)}`, `md is ${x(ratio(mdOnlyMs, ours))} ours`, '', ''],
    [
      'hover p50/p95/p99',
      triple(server.hover?.latency),
      '',
      hitRate(server.hover),
      'p99 ≤ 5 ms',
      target('hover p99', p99(server.hover), '<= 5', p99(server.hover) <= 5),
    ],
    [
      'definition p50/p95/p99',
      triple(server.definition?.latency),
      '',
      hitRate(server.definition),
      'p99 ≤ 5 ms',
      target('definition p99', p99(server.definition), '<= 5', p99(server.definition) <= 5),
    ],
    [
      'references p50/p95/p99',
      triple(server.references?.latency),
      `md service (all files): ${triple(markdownAll?.references)}`,
      `${x(ratio(p99(server.references), markdownAll?.references.p99 ?? NaN))} md p99`,
      'p99 ≤ 20 ms',
      target('references p99', p99(server.references), '<= 20', p99(server.references) <= 20),
    ],
    ['  (info) md service references, .md only', '', triple(markdownOnly?.references), '', '', ''],
    [
      'completion p50/p95/p99',
      triple(server.completion?.latency),
      '',
      hitRate(server.completion),
      'p99 ≤ 10 ms',
      target('completion p99', p99(server.completion), '<= 10', p99(server.completion) <= 10),
    ],
    ['  (info) completion while typing (didChange + completion)', triple(server.completionTyping?.latency), '', '', '', ''],
    [
      'edit: didChange → publishDiagnostics p50/p95',
      triple(server.edit?.latency, ['p50', 'p95', 'max']).replace(/ \/ [^/]+ ms$/, ' ms'),
      '',
      '',
      'p95 ≤ 5 ms',
      target('edit p95', server.edit?.latency.p95 ?? NaN, '<= 5', (server.edit?.latency.p95 ?? NaN) <= 5),
    ],
    [
      '  (info) edit flushed by a request, p50/p95',
      triple(server.editFlushed?.latency, ['p50', 'p95', 'max']).replace(/ \/ [^/]+ ms$/, ' ms'),
      '',
      '',
      '',
      '',
    ],
    ['  (info) didOpen of the 100 KB note → diagnostics', ms(server.editOpenMs), '', '', '', ''],
    [
      'longest event-loop block while indexing',
      ms(server.maxEventLoopBlockMs),
      '',
      `${server.probes} probes`,
      '≤ 50 ms',
      target('event-loop block', server.maxEventLoopBlockMs, '<= 50', server.maxEventLoopBlockMs <= 50),
    ],
    [
      'peak RSS of the server (VmHWM)',
      Number.isFinite(server.peakRssMb) ? `${server.peakRssMb.toFixed(0)} MB` : 'n/a',
      '',
      `${server.rssAfterIndexMb.toFixed(0)} MB after index`,
      '≤ 300 MB',
      target('peak RSS', server.peakRssMb, '<= 300', server.peakRssMb <= 300),
    ],
  ];
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const header =
    `${corpus.notes.length} notes (seed ${corpus.seed}), ${(corpus.bytes / 1e6).toFixed(1)} MB, ` +
    `${server.ready?.entities ?? '?'} entities (${server.ready?.people ?? '?'} people, ${server.ready?.trials ?? '?'} ` +
    `trials, ${server.ready?.causes ?? '?'} causes, ${server.ready?.events ?? '?'} events); invented: ` +
    `${corpus.generated.people} people, ${corpus.generated.causes} causes, ${corpus.generated.trials} trials; ` +
    `${os.cpus().length} CPUs, load average ${load} at the end (started at ${options.loadAtStart})`;
  const notes = [
    `Server: dist/server.js sha256 ${options.serverBuild.sha256}…, built ${options.serverBuild.builtAt}.`,
    `Server: initialize answered in ${ms(server.initializeMs)} (includes starting the process); the server reports ` +
      `${ms(server.ready?.durationMs)} for its own index.`,
    `Requests: hover ${countNote(server.hover, options.requests)}; definition ` +
      `${countNote(server.definition, options.requests)}; references ${countNote(server.references, options.requests)} ` +
      `(${hitRate(server.references)}, avg ` +
      `${((server.references?.extra.locations ?? 0) / Math.max(1, server.references?.latency.count ?? 1)).toFixed(0)}, ` +
      `max ${server.references?.extra.maxLocations ?? 0} locations); completion ` +
      `${countNote(server.completion, options.requests)} (first item starts with the prefix in ` +
      `${server.completion?.extra.firstStartsWithPrefix ?? 0}); typing ` +
      `${countNote(server.completionTyping, options.edits)}; edits ` +
      `${countNote(server.edit, options.edits)}, flushed ${countNote(server.editFlushed, options.edits)}.`,
    `First request / slowest of each loop: hover ${ms(server.hover?.firstMs)} / ${ms(server.hover?.latency.max)}, ` +
      `definition ${ms(server.definition?.firstMs)} / ${ms(server.definition?.latency.max)}, references ` +
      `${ms(server.references?.firstMs)} / ${ms(server.references?.latency.max)}, completion ` +
      `${ms(server.completion?.firstMs)} / ${ms(server.completion?.latency.max)}.`,
    `Floor: list the folder, readFileSync every note and run three regex passes (capitalised words ` +
      `${floor.capitalised}, bullets ${floor.bullets}, headings ${floor.headings}), in-process.`,
    markdownAll
      ? `Markdown service (vscode-markdown-languageservice 0.4.0 + markdown-it, in-process): the target compares against ` +
        `it over ALL ${markdownAll.documents} notes treated as Markdown (.txt too), the same bytes the server indexes; ` +
        `over the ${markdownOnly?.documents ?? '?'} .md notes alone it takes ${ms(mdOnlyMs)}. Its references: ` +
        `${markdownAll.references.count} requests at headings and link fragments of .md notes (first ` +
        `${ms(markdownAll.firstReferencesMs)}, builds its link cache).`
      : 'Markdown service: not run.',
    'Edit latency includes the server\'s debounce of edits (150 ms) unless a request flushes it; the "flushed" row ' +
      'sends a hover right after didChange.',
    `The event-loop block is observed from the client: the slowest answer to a completionItem/resolve probe sent every ` +
      `20 ms from the initialize response to indexReady; the slowest was answered ` +
      `${ms(Math.abs(server.maxBlockEndedAfterReadyMs))} ${server.maxBlockEndedAfterReadyMs >= 0 ? 'after' : 'before'} ` +
      `indexReady arrived.`,
  ];
  const missed = (label: string, loop?: LoopResult): void => {
    if (loop && loop.misses.length > 0) notes.push(`Unanswered ${label}, e.g.: ${loop.misses.join('; ')}`);
  };
  missed('hovers', server.hover);
  missed('definitions', server.definition);
  missed('references', server.references);
  missed('completions', server.completion);
  if (server.error) notes.push(`SERVER ERROR: ${server.error}`);
  const text = [header, '', table(['metric', 'ours', 'baseline', 'ratio / note', 'target', 'status'], rows), '', ...notes].join('\n');

  const num = (n: number | undefined): number => (n === undefined ? NaN : n);
  const json: Record<string, unknown> = {
    notes: corpus.notes.length,
    entities: num(server.ready?.entities),
    bytes: corpus.bytes,
    coldIndexMs: cold,
    floorMs: floor.ms,
    markdownServiceMs: mdMs,
    firstWorkspaceSymbolMs: ours,
    markdownServiceMarkdownOnlyMs: mdOnlyMs,
    initializeMs: server.initializeMs,
    serverIndexDurationMs: num(server.ready?.durationMs),
    maxEventLoopBlockMs: server.maxEventLoopBlockMs,
    maxBlockEndedAfterReadyMs: server.maxBlockEndedAfterReadyMs,
    peakRssMb: server.peakRssMb,
    rssAfterIndexMb: server.rssAfterIndexMb,
    editOpenMs: server.editOpenMs,
  };
  const put = (name: string, s: Summary | undefined, keys: ('p50' | 'p95' | 'p99')[] = ['p50', 'p95', 'p99']): void => {
    for (const k of keys) json[`${name}${k.toUpperCase()}Ms`] = num(s?.[k]);
  };
  put('hover', server.hover?.latency);
  put('definition', server.definition?.latency);
  put('references', server.references?.latency);
  put('completion', server.completion?.latency);
  put('completionTyping', server.completionTyping?.latency);
  put('edit', server.edit?.latency, ['p50', 'p95']);
  put('editFlushed', server.editFlushed?.latency, ['p50', 'p95']);
  for (const [name, loop] of Object.entries({
    hover: server.hover,
    definition: server.definition,
    references: server.references,
    completion: server.completion,
  })) {
    json[`${name}FirstMs`] = num(loop?.firstMs);
    json[`${name}MaxMs`] = num(loop?.latency.max);
  }
  put('markdownServiceReferences', markdownAll?.references);
  put('markdownServiceMarkdownOnlyReferences', markdownOnly?.references);
  json.counts = {
    requests: options.requests,
    hover: server.hover?.latency.count ?? 0,
    hoverAnswered: server.hover?.hits ?? 0,
    definition: server.definition?.latency.count ?? 0,
    definitionAnswered: server.definition?.hits ?? 0,
    references: server.references?.latency.count ?? 0,
    referencesAnswered: server.references?.hits ?? 0,
    referencesMaxLocations: server.references?.extra.maxLocations ?? 0,
    completion: server.completion?.latency.count ?? 0,
    completionAnswered: server.completion?.hits ?? 0,
    edits: server.edit?.latency.count ?? 0,
    markdownServiceReferences: markdownAll?.references.count ?? 0,
    probes: server.probes,
    failures: [
      server.hover,
      server.definition,
      server.references,
      server.completion,
      server.completionTyping,
      server.edit,
      server.editFlushed,
    ].reduce((n, l) => n + (l?.failures ?? 0), 0),
  };
  json.seed = corpus.seed;
  json.loadAverage = { start: options.loadAtStart, end: load };
  json.serverBuild = options.serverBuild;
  json.targets = Object.fromEntries(targets.map((t) => [t.name, { value: t.value, target: t.limit, met: t.met }]));
  if (server.error) json.error = server.error;
  return { text, json };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  progress(`generating ${options.notes} notes (seed ${options.seed})`);
  const started = performance.now();
  const corpus = generateCorpus({ notes: options.notes, seed: options.seed, out: options.out });
  progress(`wrote ${(corpus.bytes / 1e6).toFixed(1)} MB to ${corpus.dir} in ${ms(performance.now() - started)}`);
  try {
    const floor = measureFloor(corpus.dir);
    progress(`floor ${ms(floor.ms)}`);
    const server = await measureServer(corpus, options);
    const targets = markdownTargets(corpus, options.mdRequests, options.seed);
    let markdownAll: MarkdownServiceRun | undefined;
    let markdownOnly: MarkdownServiceRun | undefined;
    try {
      progress('markdown service over all notes as Markdown');
      markdownAll = await runMarkdownService(corpus.dir, 'all', targets, options.timeCapMs);
      progress(`markdown service (all) first workspace symbols ${ms(markdownAll.firstWorkspaceSymbolsMs)}`);
      progress('markdown service over the .md notes');
      markdownOnly = await runMarkdownService(corpus.dir, 'markdown', targets, options.timeCapMs);
    } catch (error) {
      progress(`markdown service failed: ${(error as Error).stack ?? String(error)}`);
    }
    const { text, json } = report(options, corpus, floor, server, markdownAll, markdownOnly);
    console.log(text);
    if (options.json) {
      fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
      fs.writeFileSync(options.json, JSON.stringify(json, null, 2) + '\n');
      progress(`wrote ${options.json}`);
    }
    progress(`done in ${ms(performance.now() - started)}`);
    return server.error ? 1 : 0;
  } finally {
    if (!options.out && !options.keep) fs.rmSync(corpus.dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(2);
  },
);
