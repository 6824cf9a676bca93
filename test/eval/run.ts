// `npm run eval`: runs the built CLI (`history-notes index --json` and `check --json`) over each
// folder of the annotated corpus and over a folder of ordinary English prose, scores every file
// against its truth, prints the table and the totals, and exits 1 when a target is missed.
//
//   node out/test/eval/run.js [--corpus DIR] [--prose DIR | --no-prose] [--cli dist/cli.js] [--json FILE] [--verbose] [--report-only]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DATA, DIST, REPO } from '../support/paths';
import { scoreFile, isAbsurd, type FileScore, type Finding, type FoundEntity } from './score';
import { proseFiles, readCorpus, type CorpusFolder } from './truth';
import { TARGETS, checkTargets, totalsOf, type ProseScore, type Totals } from './targets';

interface PackState {
  id: string;
  active: boolean;
}

interface FolderScore {
  folder: string;
  files: FileScore[];
  packsOn: string[];
  packsExpected: string[];
  packsMissing: string[];
}

/** The CLI under test: the build's, or another (`--cli`, to compare with an earlier build). */
let cliPath = path.join(DIST, 'cli.js');

function cli(args: string[], cwd: string): string {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  // `check` exits 1 when it finds something: that is an answer, not a failure.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`history-notes ${args.join(' ')} in ${cwd} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

function runFolder(
  folder: string,
  options: string[] = [],
): { entities: FoundEntity[]; packs: PackState[]; misspellings: Finding[]; dates: Finding[] } {
  const index = JSON.parse(cli(['index', '.', '--json', ...options], folder)) as { entities: FoundEntity[]; packs: PackState[] };
  const check = JSON.parse(cli(['check', '.', '--json', ...options], folder)) as { problems: Finding[]; dates: Finding[] };
  return { entities: index.entities, packs: index.packs, misspellings: check.problems, dates: check.dates };
}

function scoreFolder(folder: CorpusFolder, bundledPacks: ReadonlySet<string>): FolderScore {
  const found = runFolder(folder.path);
  const packsOn = found.packs.filter((p) => p.active).map((p) => p.id);
  // Packs the truth names that do not exist yet are not held against the index.
  const packsExpected = [...new Set(folder.files.flatMap((f) => f.truth.packs ?? []))].filter((id) => bundledPacks.has(id));
  return {
    folder: folder.name,
    files: folder.files.map((file) => scoreFile(file, found.entities, found.misspellings, found.dates)),
    packsOn,
    packsExpected,
    packsMissing: packsExpected.filter((id) => !packsOn.includes(id)),
  };
}

function scoreProse(folder: string, bundledPacks: ReadonlySet<string>): ProseScore {
  const files = proseFiles(folder);
  const found = runFolder(folder);
  // The dictionary guard on its own: every pack forced on, so every name could be misspelt.
  const everyPack = runFolder(folder, ['--packs', [...bundledPacks].join(',')]);
  const warnings = (run: typeof found): string[] =>
    [...run.misspellings, ...run.dates].map((f) => `${f.file}:${f.line}: ${f.message ?? `${f.written} → ${f.suggestion}`}`);
  const people = found.entities.filter((e) => e.kind === 'person');
  return {
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    files: files.length,
    warnings: warnings(found),
    warningsWithEveryPack: warnings(everyPack),
    packsOn: found.packs.filter((p) => p.active).map((p) => p.id),
    people: people.map((p) => p.name),
    absurdNames: found.entities.filter((e) => isAbsurd(e.name)).map((e) => `${e.kind} "${e.name}"`),
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

function printFolder(score: FolderScore, verbose: boolean): void {
  const missing = score.packsMissing.length ? `; MISSING ${score.packsMissing.join(', ')}` : '';
  console.log(`\n${score.folder}  (packs on: ${score.packsOn.join(', ') || 'none'}${missing})`);
  for (const f of score.files) {
    const cells = [
      `people ${f.peopleFound}/${f.people}`,
      `wrong ${f.wrongPeople.length}`,
      `invented ${f.inventedPeople.length}`,
      `events ${f.eventsFound}/${f.events}`,
      `false DYM ${f.falseMisspellings.length}`,
      `dates ${f.caughtDates}/${f.plantedDates}`,
      `false dates ${f.falseDates.length}`,
      `absurd ${f.absurdNames.length}`,
    ];
    console.log(`  ${f.file.padEnd(34)} ${cells.join('  ')}`);
    const details: [string, string[]][] = [
      ['missed people', f.missedPeople],
      ['wrong people', f.wrongPeople],
      ['missed events', verbose ? f.missedEvents : []],
      ['false "did you mean"', f.falseMisspellings],
      ['missed misspellings', verbose ? f.missedMisspellings : []],
      ['missed date errors', f.missedDates],
      ['false date warnings', f.falseDates],
      ['absurd names', f.absurdNames],
    ];
    for (const [label, items] of details)
      if (items.length > 0 && (verbose || label !== 'missed people')) console.log(`      ${label}: ${items.join('; ')}`);
  }
}

function printTotals(totals: Totals, prose: ProseScore | undefined): void {
  console.log('\nTotals');
  console.log(`  files ${totals.files}, people in the truth ${totals.people}, found as people ${totals.foundPeople}`);
  console.log(`  people recall       ${percent(totals.peopleFound, totals.people)}  (target >= ${TARGETS.recall}%)`);
  console.log(
    `  people precision    ${percent(totals.foundPeople - totals.wrongPeople, totals.foundPeople)}  (target >= ${TARGETS.precision}%)`,
  );
  console.log(`  invented people     ${totals.inventedPeople}  (target 0)`);
  console.log(
    `  false "did you mean" ${totals.falseMisspellings}  (target ` +
      `0); planted misspellings flagged ${totals.misspellings - totals.missedMisspellings}/${totals.misspellings}`,
  );
  console.log(`  absurd names        ${totals.absurdNames}  (target 0)`);
  console.log(
    `  events found        ${percent(totals.eventsFound, totals.events)}  (${totals.eventsFound}/${totals.events}, ` +
      `target >= ${TARGETS.events}%)`,
  );
  console.log(
    `  date errors caught  ${totals.caughtDates}/${totals.plantedDates}, false date warnings ${totals.falseDates}  (target all, 0)`,
  );
  console.log(`  packs missing       ${totals.packsMissing}  (target 0)`);
  if (prose) {
    console.log(
      `  prose: ${prose.files} files, ${(prose.bytes / 1024).toFixed(0)} KB: ${prose.warnings.length} warnings, packs ` +
        `on: ${prose.packsOn.join(', ') || 'none'}, ${prose.people.length} ` +
        `people${prose.people.length ? ` (${prose.people.join(', ')})` : ''}, ${prose.absurdNames.length} absurd names`,
    );
    console.log(`  prose with every pack forced on: ${prose.warningsWithEveryPack.length} warnings`);
    for (const warning of [...prose.warnings, ...prose.warningsWithEveryPack]) console.log(`      ${warning}`);
  }
}

function main(argv: string[]): number {
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const corpus = path.resolve(option('--corpus') ?? path.join(REPO, 'test', 'eval', 'corpus'));
  const proseFolder = argv.includes('--no-prose') ? undefined : path.resolve(option('--prose') ?? path.join(REPO, 'test', 'eval', 'prose'));
  const verbose = argv.includes('--verbose');
  cliPath = path.resolve(option('--cli') ?? cliPath);
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const bundledPacks = new Set(
    readdirSync(DATA)
      .filter((f) => f.endsWith('.history.json'))
      .map((f) => f.replace('.history.json', '')),
  );
  const folders = readCorpus(corpus).map((folder) => scoreFolder(folder, bundledPacks));
  for (const folder of folders) printFolder(folder, verbose);
  if (proseFolder && !existsSync(proseFolder)) throw new Error(`no prose folder at ${proseFolder} (give --prose DIR, or --no-prose)`);
  const prose = proseFolder ? scoreProse(proseFolder, bundledPacks) : undefined;
  const totals = totalsOf(
    folders.flatMap((f) => f.files),
    folders.reduce((sum, f) => sum + f.packsMissing.length, 0),
  );
  printTotals(totals, prose);
  const json = option('--json');
  if (json) writeFileSync(json, JSON.stringify({ totals, prose, folders }, null, 2));
  const missed = checkTargets(totals, prose);
  if (missed.length === 0) {
    console.log('\nEvery target met.');
    return 0;
  }
  console.log(`\nTargets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  return argv.includes('--report-only') ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exitCode = 2;
}
