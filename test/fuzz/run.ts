// The long run of the parser, extractor and index properties (test/support/noteProperties.ts):
//   npm run fuzz                                  1,000,000 cases in all, split across the properties by weight
//   npm run fuzz -- --cases 50000 --seconds 300   fewer cases, or stop after a time
//   npm run fuzz -- --only incremental --seed 42  one property (by id: unicode, binary, tokens, mutated, incremental,
//                                                 incremental-any), a fixed seed; --all adds those failing on a known bug
// Runs the properties round-robin in chunks (each chunk its own seed, printed on a failure), prints
// per property the cases run, failures and rate, and exits 1 with fast-check's shrunk counterexample
// if any property failed.
import { PROPERTIES, type NamedProperty } from '../support/noteProperties';

interface Options {
  cases: number;
  seconds: number;
  seed: number;
  chunk: number;
  only?: string;
  /** Also run the properties that fail on a known bug. */
  all: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { cases: 1_000_000, seconds: Infinity, seed: Date.now() % 2 ** 31, chunk: 2000, all: false };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) usage(`${argv[i - 1]} needs a value`);
      return next;
    };
    const number = (): number => {
      const text = value();
      const n = Number(text.replace(/_/g, ''));
      if (!Number.isFinite(n) || n < 0) usage(`not a number: ${text}`);
      return n;
    };
    switch (argv[i]) {
      case '--cases':
        options.cases = Math.floor(number());
        break;
      case '--seconds':
        options.seconds = number();
        break;
      case '--seed':
        options.seed = Math.floor(number());
        break;
      case '--chunk':
        options.chunk = Math.max(1, Math.floor(number()));
        break;
      case '--only':
        options.only = value();
        break;
      case '--all':
        options.all = true;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

function usage(error?: string): never {
  if (error) console.error(error);
  console.error('usage: npm run fuzz -- [--cases N] [--seconds S] [--seed N] [--chunk N] [--only ID|TEXT] [--all]');
  process.exit(error ? 2 : 0);
}

interface Progress {
  property: NamedProperty;
  quota: number;
  run: number;
  ms: number;
  failures: { seed: number; report: string }[];
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const matching = PROPERTIES.filter(
    (p) => options.only === undefined || p.id === options.only || p.name.toLowerCase().includes(options.only.toLowerCase()),
  );
  // A property that fails on a known bug runs when asked for by id, or with --all.
  const selected = matching.filter((p) => !p.knownBug || options.all || p.id === options.only);
  for (const p of matching.filter((m) => !selected.includes(m)))
    console.log(`skipping ${p.id} (known bug: ${p.knownBug}); run it with --all or --only ${p.id}`);
  if (selected.length === 0) usage(`no property matches ${JSON.stringify(options.only)}`);
  const totalWeight = selected.reduce((sum, p) => sum + p.weight, 0);
  const progress: Progress[] = selected.map((property) => ({
    property,
    quota: Math.max(1, Math.round((options.cases * property.weight) / totalWeight)),
    run: 0,
    ms: 0,
    failures: [],
  }));
  const limit = Number.isFinite(options.seconds) ? `, at most ${options.seconds} s` : '';
  console.log(`fuzz: ${options.cases} cases over ${selected.length} properties, seed ${options.seed}, chunks of ${options.chunk}${limit}`);

  const started = Date.now();
  let lastReport = started;
  let chunkIndex = 0;
  const timeLeft = (): boolean => (Date.now() - started) / 1000 < options.seconds;
  // Round-robin: every property gets its share of each round, so a run stopped by --seconds covers them all.
  while (timeLeft() && progress.some((p) => p.failures.length === 0 && p.run < p.quota)) {
    for (const p of progress) {
      if (p.failures.length > 0 || p.run >= p.quota || !timeLeft()) continue;
      const numRuns = Math.min(
        Math.max(1, Math.round((options.chunk * p.property.weight) / totalWeight) * selected.length),
        p.quota - p.run,
      );
      const seed = (options.seed + chunkIndex++ * 7919) % 2 ** 31;
      const before = performance.now();
      const outcome = p.property.run(numRuns, seed);
      p.ms += performance.now() - before;
      p.run += outcome.numRuns;
      if (outcome.failed) {
        p.failures.push({ seed, report: outcome.report ?? '(no report)' });
        console.log(
          `\nFAILED: ${p.property.name}\n  chunk seed ${seed}, ${numRuns} runs (replay: npm run fuzz -- --only ` +
            `${p.property.id} --seed ${seed} --cases ${numRuns} --chunk ${numRuns})\n${outcome.report}\n`,
        );
      }
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      const done = progress.reduce((sum, p) => sum + p.run, 0);
      const seconds = (Date.now() - started) / 1000;
      console.log(`  ${Math.round(seconds)} s: ${done} cases, ${Math.round(done / seconds)}/s`);
    }
  }

  const seconds = (Date.now() - started) / 1000;
  const done = progress.reduce((sum, p) => sum + p.run, 0);
  console.log('\nproperty | cases | failures | cases/s');
  for (const p of progress)
    console.log(
      `${p.property.id}: ${p.property.name} | ${p.run} of ` +
        `${p.quota} | ${p.failures.length} | ${p.ms > 0 ? Math.round((p.run * 1000) / p.ms) : 0}`,
    );
  console.log(`\n${done} cases in ${seconds.toFixed(1)} s (${Math.round(done / Math.max(seconds, 0.001))}/s)`);
  const failed = progress.filter((p) => p.failures.length > 0);
  if (failed.length > 0) {
    console.log(`\n${failed.length} propert${failed.length === 1 ? 'y' : 'ies'} failed:`);
    for (const p of failed) console.log(`- ${p.property.id}: chunk seed ${p.failures[0].seed} (the counterexample is above)`);
    process.exit(1);
  }
}

main();
