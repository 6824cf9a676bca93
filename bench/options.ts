// The benchmark's options from the command line, what build of the server it measures, and its
// progress lines on stderr.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { SERVER } from './lspClient';

export interface Options {
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

export function parseArgs(argv: string[]): Options {
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

export const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
