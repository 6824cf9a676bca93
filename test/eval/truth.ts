// The annotated corpus: each notes file has `<file>.truth.json` beside it, saying which people,
// events, misspellings and wrong dates it holds (see test/eval/README.md for the format).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface TruthPerson {
  name: string;
  /** Every other way the file writes them, misspellings and possessives included. */
  forms?: string[];
}

export interface TruthEvent {
  name: string;
  forms?: string[];
  date?: string;
}

export interface Truth {
  people: TruthPerson[];
  events?: TruthEvent[];
  misspellings?: { written: string; means: string }[];
  dateErrors?: { line: number; written: string; why?: string }[];
  packs?: string[];
}

export interface CorpusFile {
  /** Relative to its folder, with `/` separators, as the CLI prints it when run in the folder. */
  file: string;
  bytes: number;
  truth: Truth;
}

export interface CorpusFolder {
  name: string;
  path: string;
  files: CorpusFile[];
}

const NOTES = /\.(md|markdown|txt|notes)$/;

/** Every folder under `root` that holds notes, each with its notes' truths. */
export function readCorpus(root: string): CorpusFolder[] {
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ name, path: path.join(root, name), files: notesIn(path.join(root, name)) }))
    .filter((folder) => folder.files.length > 0);
}

function notesIn(folder: string, prefix = ''): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) files.push(...notesIn(full, `${prefix}${entry}/`));
    else if (NOTES.test(entry)) files.push({ file: `${prefix}${entry}`, bytes: statSync(full).size, truth: readTruth(full) });
  }
  return files;
}

function readTruth(notesFile: string): Truth {
  const truthFile = `${notesFile}.truth.json`;
  if (!existsSync(truthFile)) throw new Error(`${notesFile} has no ${path.basename(truthFile)}`);
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
  if (!Array.isArray(truth.people)) throw new Error(`${truthFile}: "people" must be a list`);
  return truth;
}

/** Bytes of notes under a folder of plain prose (no truth files: it names no one). */
export function proseFiles(root: string): { file: string; bytes: number }[] {
  return readdirSync(root)
    .filter((name) => NOTES.test(name))
    .sort()
    .map((file) => ({ file, bytes: statSync(path.join(root, file)).size }));
}
