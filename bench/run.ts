// The History Notes benchmark: generates a corpus, measures the real server over stdio (cold index,
// hover, definition, references, completion, edits, event-loop blocking, memory), and beside it the
// floor (read + three regex passes, in-process) and vscode-markdown-languageservice over the same
// folder. Prints a table against the targets and, with --json FILE, writes the numbers.
//
//   npm run bench -- --notes 1000 [--json FILE] [--seed 1] [--requests 500] [--out DIR] [--keep]
//                    [--md-requests 200] [--edits 50] [--time-cap 90] [--edit-time-cap 60] [--index-timeout 900]
//
// Every loop stops at its count or its time cap (seconds, per loop), whichever comes first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus';
import { measureFloor } from './floor';
import type { MarkdownServiceRun } from './markdownService';
import { runMarkdownService } from './markdownService';
import { markdownTargets, measureServer } from './measure';
import { parseArgs, progress } from './options';
import { report } from './report';
import { ms } from './stats';

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
    const { text, json } = report({ options, corpus, floor, server, markdownAll, markdownOnly });
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
