// `history-notes`: the index from a shell. `index` lists entities, `lookup` prints a card,
// `check` reports misspelt names (exit 1) for use on essays in a pre-commit hook or CI.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildCard, renderText } from './features/card';
import { spellingProblems } from './features/spelling';
import { KnowledgeBase } from './knowledge/base';
import { NotesIndex } from './index/notesIndex';
import { DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, readTextFile, toPath, toUri } from './workspace/files';
import { loadKnowledge, loadWorkspace, type LoadedWorkspace, type SkippedFile } from './workspace/load';

const USAGE = `Usage: history-notes <command> [options]

Commands:
  index [DIR] [--json]            list every person, trial, cause and event the notes in DIR name
  lookup NAME [DIR]               print the card a hover shows for NAME (fuzzy: 'zionev' finds Zinoviev)
  check FILE|DIR... [--json]      report misspelt names; exits 1 when any are found

DIR defaults to the current folder. Knowledge files (*.history.json) under DIR extend the bundled one.
Exit codes: 0 done, 1 misspellings found (check), 2 bad usage or a missing or unreadable path,
3 done, but a knowledge file has errors (reported on stderr).`;

class UsageError extends Error {}

const DATA_DIR = path.join(__dirname, '..', 'data');

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  switch (command) {
    case 'index':
      return indexCommand(folderArg(rest[0]), json);
    case 'lookup':
      if (!rest[0]) throw new UsageError('lookup needs a NAME');
      return lookupCommand(rest[0], folderArg(rest[1]));
    case 'check':
      return checkCommand(rest.length > 0 ? rest : ['.'], json);
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

function folderArg(folder = '.'): string {
  if (!existsSync(folder)) throw new UsageError(`no such folder: ${folder}`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  return folder;
}

function describe(uri: string): string {
  return path.relative(process.cwd(), toPath(uri)) || toPath(uri);
}

/** Prints skipped files and knowledge problems on stderr; returns 3 when a knowledge file has errors. */
function reportProblems(loaded: Pick<LoadedWorkspace, 'knowledgeFiles' | 'skipped'>): number {
  for (const skipped of loaded.skipped) console.error(`${describePath(skipped.path)}: skipped: ${skipped.reason}`);
  let status = 0;
  for (const file of loaded.knowledgeFiles) {
    for (const problem of file.problems) {
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

async function load(folder: string): Promise<LoadedWorkspace> {
  return loadWorkspace([folder], new FileMatcher(DEFAULT_FILE_SETTINGS), DATA_DIR);
}

async function indexCommand(folder: string, json: boolean): Promise<number> {
  const loaded = await load(folder);
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
      mentions: count,
      definitions: definitions.map((d) => ({ file: describe(d.uri), line: d.range.start.line + 1, character: d.range.start.character + 1 })),
    }));
    console.log(JSON.stringify({ entities: out }, null, 2));
  } else {
    console.log(`${index.documentCount} notes, ${entities.length} entities\n`);
    for (const { entity, definitions, count } of entities) {
      const where = definitions.length > 0 ? definitions.map((d) => `${describe(d.uri)}:${d.range.start.line + 1}`).join(', ') : 'knowledge base';
      const variants = index.variants(entity.id);
      console.log(`${entity.kind.padEnd(12)} ${entity.name.padEnd(34)} ${String(count).padStart(4)} mentions   ${where}${variants.length ? `   (also spelt ${variants.join(', ')})` : ''}`);
    }
  }
  return reportProblems(loaded);
}

async function lookupCommand(name: string, folder: string): Promise<number> {
  const loaded = await load(folder);
  const entity = loaded.index.lookup(name);
  const status = reportProblems(loaded);
  if (!entity) {
    console.error(`No person, trial, cause or event matches '${name}'.`);
    return Math.max(status, 1);
  }
  console.log(renderText(buildCard(loaded.index, entity), describe));
  return status;
}

async function checkCommand(targets: string[], json: boolean): Promise<number> {
  const skipped: SkippedFile[] = [];
  const folders = targets.filter((t) => existsSync(t) && statSync(t).isDirectory());
  for (const target of targets) if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
  const loaded = folders.length > 0 ? await loadWorkspace(folders, new FileMatcher(DEFAULT_FILE_SETTINGS), DATA_DIR) : undefined;
  const index = loaded?.index ?? new NotesIndex(new KnowledgeBase(await loadKnowledge(DATA_DIR, [], skipped)));
  for (const file of targets.filter((t) => !folders.includes(t))) {
    const read = await readTextFile(file);
    if ('skipped' in read) throw new UsageError(`cannot check ${file}: ${read.skipped}`);
    index.setDocument(toUri(file), read.text, formatOf(file));
  }
  const problems = index.documentUris().sort().flatMap((uri) => spellingProblems(index, uri).map((p) => ({ uri, ...p })));
  if (json) {
    console.log(JSON.stringify({ problems: problems.map((p) => ({ file: describe(p.uri), line: p.range.start.line + 1, character: p.range.start.character + 1, written: p.written, suggestion: p.suggestion, entity: p.entityId })) }, null, 2));
  } else {
    for (const p of problems) console.log(`${describe(p.uri)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    console.error(problems.length === 0 ? 'No misspelt names found.' : `${problems.length} misspelt name${problems.length === 1 ? '' : 's'} found.`);
  }
  const status = loaded ? reportProblems(loaded) : reportProblems({ knowledgeFiles: [], skipped });
  return problems.length > 0 ? 1 : status;
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
