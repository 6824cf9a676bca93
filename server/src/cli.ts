// `history-notes`: the index from a shell. `index` lists entities, `lookup` prints a card,
// `check` reports misspelt names (exit 1) for use on essays in a pre-commit hook or CI.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildCard, renderText } from './features/card';
import { cacheFileFor, keepIndex } from './cliCache';
import { chronologyProblems, type ChronologyProblem } from './features/chronology';
import { spellingProblems } from './features/spelling';
import { packsOf, type PackSetting, type PackState } from './knowledge/packs';
import { DiskWorkspace } from './workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher, readTextFile, toPath } from './workspace/files';
import { extractorCount } from './workspace/extractorPool';
import { cacheReport, loadKnowledge, loadWorkspace, type LoadedWorkspace } from './workspace/load';

const USAGE = `Usage: history-notes <command> [options]

Commands:
  index [DIR] [--json]            list every person, trial, cause and event the notes in DIR name
  lookup NAME [DIR]               print the card a hover shows for NAME (fuzzy: 'zionev' finds Zinoviev)
  check FILE|DIR... [--json]      report misspelt names and dates that contradict the knowledge
                                  ('the Trial of the 21 in 1936'); exits 1 when any are found
  packs [DIR]                     list the bundled knowledge packs and which the notes turn on

Options:
  --packs ID,ID,...               use these knowledge packs (see 'packs'), not those the notes name
  --json                          print JSON (index, check)
  --cache DIR                     keep the index in DIR between runs: notes unchanged since the last run
                                  over the same paths are not read for names again

DIR defaults to the current folder. Knowledge files (*.history.json) under DIR extend the bundled packs.
The packs in use are printed on stderr.
Exit codes: 0 done, 1 misspellings or wrong dates found (check), 2 bad usage or a missing or unreadable path,
3 done, but a knowledge file has errors (reported on stderr).`;

class UsageError extends Error {}

const DATA_DIR = path.join(__dirname, '..', 'data');

/** `--packs` given: only those packs, every other one off. */
let packChoice: PackSetting | undefined;
/** `--cache` given: where the index is kept between runs (see cliCache). */
let cacheFolder: string | undefined;

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const packIds = takeOption(args, '--packs', 'a comma-separated list of pack ids');
  cacheFolder = takeOption(args, '--cache', 'a folder');
  if (packIds !== undefined)
    packChoice = await packSettingFor(
      packIds
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    );
  const [command, ...rest] = args;
  switch (command) {
    case 'index':
      return indexCommand(folderArg(rest[0]), json);
    case 'lookup':
      if (!rest[0]) throw new UsageError('lookup needs a NAME');
      return lookupCommand(rest[0], folderArg(rest[1]));
    case 'check':
      return checkCommand(rest.length > 0 ? rest : ['.'], json);
    case 'packs':
      return packsCommand(folderArg(rest[0]));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** Whether `flag` is among the arguments; takes it out of them. */
function takeFlag(args: string[], flag: string): boolean {
  const given = args.includes(flag);
  for (let at = args.indexOf(flag); at !== -1; at = args.indexOf(flag)) args.splice(at, 1);
  return given;
}

/** The value after `option`, if it is given; takes both out of the arguments. */
function takeOption(args: string[], option: string, what: string): string | undefined {
  const at = args.indexOf(option);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${option} needs ${what}`);
  args.splice(at, 2);
  return value;
}

function folderArg(folder = '.'): string {
  if (!existsSync(folder)) throw new UsageError(`no such folder: ${folder}`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  return folder;
}

function describe(uri: string): string {
  return path.relative(process.cwd(), toPath(uri)) || toPath(uri);
}

/** Prints skipped files and knowledge problems on stderr; returns 3 when a knowledge file has errors. */
function reportProblems(loaded: Pick<LoadedWorkspace, 'knowledgeFiles' | 'skipped' | 'index' | 'extractorProblems'>): number {
  for (const skipped of loaded.skipped) console.error(`${describePath(skipped.path)}: skipped: ${skipped.reason}`);
  for (const problem of loaded.extractorProblems) console.error(problem);
  let status = 0;
  for (const file of loaded.knowledgeFiles) {
    for (const problem of loaded.index.knowledgeBase.problemsOf(file)) {
      const { line, character } = problem.range.start;
      console.error(`${describe(file.uri)}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message}`);
      if (problem.severity === 'error') status = 3;
    }
  }
  return status;
}

function describePath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

async function load(targets: string[]): Promise<LoadedWorkspace> {
  const loaded = await loadWorkspace(new DiskWorkspace(targets), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA_DIR, {
    packs: packChoice,
    extractors: extractorCount(),
    cacheFile: cacheFolder && cacheFileFor(cacheFolder, targets),
    keepTexts: true,
  });
  if (loaded.cache) {
    for (const line of cacheReport(loaded.cache)) console.error(line);
    const problem = await keepIndex(loaded.cache, loaded.index.resolutionToKeep());
    if (problem) console.error(problem);
  }
  return loaded;
}

function packsInUse(packs: readonly PackState[]): string {
  const on = packs.filter((p) => p.active);
  const why = (p: PackState): string => (p.chosenBy === 'setting' ? 'chosen' : `${p.peopleNamed} people named`);
  return `Knowledge packs: ${on.length > 0 ? on.map((p) => `${p.name} (${why(p)})`).join(', ') : 'none'}`;
}

/** Every bundled pack named in `ids` on, the rest off; an unknown id is a usage error. */
async function packSettingFor(ids: string[]): Promise<PackSetting> {
  const packs = packsOf(await loadKnowledge(DATA_DIR, [], []));
  const unknown = ids.filter((id) => !packs.some((p) => p.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown pack ${unknown.join(', ')}; the packs are ${packs.map((p) => p.id).join(', ')}`);
  return Object.fromEntries(packs.map((p) => [p.id, ids.includes(p.id)]));
}

async function packsCommand(folder: string): Promise<number> {
  const loaded = await load([folder]);
  for (const pack of loaded.packs) {
    const why = pack.chosenBy === 'setting' ? 'chosen with --packs' : `the notes name ${pack.peopleNamed} of its people`;
    console.log(`${pack.active ? 'on ' : 'off'}  ${pack.id.padEnd(28)} ${pack.name.padEnd(30)} ${pack.theme.padEnd(32)} ${why}`);
  }
  return reportProblems(loaded);
}

async function indexCommand(folder: string, json: boolean): Promise<number> {
  const loaded = await load([folder]);
  const { index } = loaded;
  const kindOrder = ['person', 'trial', 'cause', 'event', 'organisation', 'place'];
  const entities = index
    .entities()
    .map((entity) => ({ entity, definitions: index.noteDefinitions(entity.id), count: index.mentionCount(entity.id).mentions }))
    .sort((a, b) => kindOrder.indexOf(a.entity.kind) - kindOrder.indexOf(b.entity.kind) || a.entity.name.localeCompare(b.entity.name));
  if (json) {
    const out = entities.map(({ entity, definitions, count }) => ({
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      variants: index.variants(entity.id),
      known: entity.knowledge !== undefined,
      mentions: count,
      files: mentionsByFile(index.mentions(entity.id).map((m) => m.uri)),
      definitions: definitions.map((d) => ({
        file: describe(d.uri),
        line: d.range.start.line + 1,
        character: d.range.start.character + 1,
      })),
    }));
    const packs = loaded.packs.map(({ id, name, active, chosenBy, peopleNamed }) => ({ id, name, active, chosenBy, peopleNamed }));
    console.log(JSON.stringify({ packs, entities: out }, null, 2));
  } else {
    console.log(`${index.documentCount} notes, ${entities.length} entities\n${packsInUse(loaded.packs)}\n`);
    for (const { entity, definitions, count } of entities) {
      const where =
        definitions.length > 0 ? definitions.map((d) => `${describe(d.uri)}:${d.range.start.line + 1}`).join(', ') : 'knowledge base';
      const variants = index.variants(entity.id);
      console.log(
        `${entity.kind.padEnd(12)} ${entity.name.padEnd(34)} ` +
          `${String(count).padStart(4)} mentions   ${where}${variants.length ? `   (also spelt ${variants.join(', ')})` : ''}`,
      );
    }
  }
  return reportProblems(loaded);
}

/** How many mentions each file holds, by the file's path as `describe` gives it. */
function mentionsByFile(uris: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const uri of uris) counts[describe(uri)] = (counts[describe(uri)] ?? 0) + 1;
  return counts;
}

async function lookupCommand(name: string, folder: string): Promise<number> {
  const loaded = await load([folder]);
  const entity = loaded.index.lookup(name);
  const status = reportProblems(loaded);
  if (!entity) {
    console.error(`No person, trial, cause or event matches '${name}': it is not in your notes or the packs that are on.`);
    const suggestions = loaded.index.suggest(name).map((e) => `${e.name} (${e.kind})`);
    if (suggestions.length > 0) console.error(`Suggestions, not matches: ${suggestions.join('; ')}`);
    return Math.max(status, 1);
  }
  console.log(renderText(buildCard(loaded.index, entity), describe));
  return status;
}

async function checkCommand(targets: string[], json: boolean): Promise<number> {
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
    if (statSync(target).isDirectory()) continue;
    const read = await readTextFile(target);
    if ('skipped' in read) throw new UsageError(`cannot check ${target}: ${read.skipped}`);
  }
  const loaded = await load(targets);
  const { index } = loaded;
  const uris = index.documentUris().sort();
  const problems = uris.flatMap((uri) => spellingProblems(index, uri).map((p) => ({ uri, ...p })));
  const dates: (ChronologyProblem & { uri: string })[] = uris.flatMap((uri) => chronologyProblems(index, uri).map((p) => ({ uri, ...p })));
  const where = (p: { uri: string; range: { start: { line: number; character: number } } }) => ({
    file: describe(p.uri),
    line: p.range.start.line + 1,
    character: p.range.start.character + 1,
  });
  if (json) {
    console.log(
      JSON.stringify(
        {
          problems: problems.map((p) => ({ ...where(p), written: p.written, suggestion: p.suggestion, entity: p.entityId })),
          dates: dates.map((p) => ({
            ...where(p),
            code: p.code,
            written: p.written,
            recorded: p.recorded,
            entity: p.entityId,
            message: p.message,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of [...problems, ...dates])
      console.log(`${describe(p.uri)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    console.error(packsInUse(loaded.packs));
    if (dates.length > 0)
      console.error(
        `${dates.length} date${dates.length === 1 ? '' : 's'} that contradict${dates.length === 1 ? 's' : ''} the knowledge or the notes.`,
      );
    console.error(
      problems.length === 0 ? 'No misspelt names found.' : `${problems.length} misspelt name${problems.length === 1 ? '' : 's'} found.`,
    );
  }
  const status = reportProblems(loaded);
  return problems.length > 0 || dates.length > 0 ? 1 : status;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`history-notes: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`history-notes: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 2;
    }
  },
);
