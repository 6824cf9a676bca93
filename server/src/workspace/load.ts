// Loads folders of notes and knowledge files into an index: the CLI's whole job, and the server's
// first index. Reports each skipped file once, and yields between files so a server stays responsive.
import * as path from 'node:path';
import { KnowledgeBase } from '../knowledge/base';
import { loadKnowledgeFile } from '../knowledge/load';
import type { KnowledgeFile } from '../knowledge/model';
import { NotesIndex } from '../index/notesIndex';
import { bundledKnowledgeFiles, findFiles, formatOf, readTextFile, readTextFileSync, toUri, type FileMatcher } from './files';

/** The longest stretch of work between two pauses. */
const SLICE_MS = 15;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadOptions {
  /** Called after each note with how many of how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited every few milliseconds of work, so a server can answer requests meanwhile. */
  pause?: () => Promise<void>;
}

export interface LoadedWorkspace {
  index: NotesIndex;
  knowledgeFiles: KnowledgeFile[];
  skipped: SkippedFile[];
  noteCount: number;
}

export async function loadKnowledge(dataDir: string, userFiles: string[], skipped: SkippedFile[]): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  for (const [file, bundled] of [...(await bundledKnowledgeFiles(dataDir)).map((f) => [f, true] as const), ...userFiles.map((f) => [f, false] as const)]) {
    const read = await readTextFile(file);
    if ('skipped' in read) skipped.push({ path: file, reason: read.skipped });
    else files.push(loadKnowledgeFile(toUri(file), read.text, bundled));
  }
  return files;
}

export async function loadWorkspace(roots: string[], matcher: FileMatcher, dataDir: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const skipped: SkippedFile[] = [];
  const notes: string[] = [];
  const userKnowledge: string[] = [];
  for (const root of roots) {
    const found = await findFiles(path.resolve(root), matcher);
    notes.push(...found.notes);
    userKnowledge.push(...found.knowledge);
  }
  const knowledgeFiles = await loadKnowledge(dataDir, userKnowledge, skipped);
  const index = new NotesIndex(new KnowledgeBase(knowledgeFiles));
  let done = 0;
  let sliceStart = performance.now();
  for (const file of notes) {
    const read = readTextFileSync(file);
    if ('skipped' in read) skipped.push({ path: file, reason: read.skipped });
    else index.setDocument(toUri(file), read.text, formatOf(file));
    done++;
    options.onProgress?.(done, notes.length);
    if (options.pause && performance.now() - sliceStart > SLICE_MS) {
      await options.pause();
      sliceStart = performance.now();
    }
  }
  // Mentions depend on every note's definitions: resolve them once all are read, in slices too.
  if (options.pause) while (index.resolveSome(SLICE_MS)) await options.pause();
  return { index, knowledgeFiles, skipped, noteCount: index.documentCount };
}
