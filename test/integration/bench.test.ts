// The benchmark (bench/run.ts) at a tiny size, as a child process: it must generate its corpus, drive
// the built server over stdio, stop it and exit by itself, and write every metric to its JSON. No
// timing is asserted: this only proves the benchmark runs. Needs `npm run build` first.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/paths';

const RUN = path.join(REPO, 'out', 'bench', 'run.js');

const KEYS = [
  'notes',
  'entities',
  'bytes',
  'coldIndexMs',
  'floorMs',
  'markdownServiceMs',
  'hoverP50Ms',
  'hoverP95Ms',
  'hoverP99Ms',
  'definitionP50Ms',
  'definitionP95Ms',
  'definitionP99Ms',
  'referencesP50Ms',
  'referencesP95Ms',
  'referencesP99Ms',
  'completionP50Ms',
  'completionP95Ms',
  'completionP99Ms',
  'editP50Ms',
  'editP95Ms',
  'editFlushedP50Ms',
  'editFlushedP95Ms',
  'reopenIndexMs',
  'reopenReadyMs',
  'reopenPeakRssMb',
  'reopenRssMb',
  'maxEventLoopBlockMs',
  'peakRssMb',
  'sessionPeakRssMb',
  'markdownServiceReferencesP50Ms',
  'markdownServiceReferencesP95Ms',
  'markdownServiceReferencesP99Ms',
];

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The benchmark did not exit within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('benchmark', function () {
  this.timeout(60_000);

  it('runs at a tiny size and writes every metric as a finite number', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'history-notes-bench-test-'));
    try {
      const json = path.join(dir, 'bench.json');
      const result = await run(['--notes', '20', '--requests', '20', '--edits', '10', '--json', json], 55_000);
      assert.equal(result.code, 0, `exit code ${result.code}\n${result.stdout}\n${result.stderr}`);
      const metrics = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
      for (const key of KEYS) {
        assert.equal(typeof metrics[key], 'number', `${key} is ${JSON.stringify(metrics[key])}`);
        assert.ok(Number.isFinite(metrics[key]), `${key} is ${String(metrics[key])}`);
      }
      assert.equal(metrics.notes, 20);
      // VmHWM only grows: the whole session's peak is read last.
      assert.ok(
        (metrics.sessionPeakRssMb as number) >= (metrics.peakRssMb as number),
        'the session peak is no lower than the peak up to the edits',
      );
      assert.ok((metrics.entities as number) > 0, 'the server found entities');
      assert.ok((metrics.bytes as number) > 20 * 1024, 'the corpus has a few KB per note');
      assert.match(result.stdout, /cold index/);
      assert.match(result.stdout, /reopening: a second start/);
      assert.match(result.stdout, /peak RSS once the notes are closed and the cache written +\| \d+ MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
