// Loads folders of notes and knowledge files into an index: the CLI's whole job, and the server's
// first index. Reports each skipped file once, and yields between slices of work (the dictionary, the
// notes, resolving, the name search) so a server stays responsive.
import { existsSync } from 'node:fs';
import { KnowledgeBase } from '../knowledge/base';
import { loadKnowledgeFile } from '../knowledge/load';
import type { KnowledgeFile } from '../knowledge/model';
import { chooseKnowledge, packPersonNames, type PackSetting, type PackState } from '../knowledge/packs';
import { nameVocabulary } from '../knowledge/vocabulary';
import { NotesIndex } from '../index/notesIndex';
import { loadEnglish } from '../words/english';
import { peopleNames } from '../words/surnames';
import type { KeptNote } from '../index/storedResolution';
import { cacheKey, FactsCache, textHash, type NoteToKeep, type UnchangedFile, type WholeFile } from './factsCache';
import { ExtractorPool, type ExtractedFacts } from './extractorPool';
import { bundledKnowledgeFiles, formatOf, readTextFile, toUri, type FileMatcher, type ReadResult } from './files';
import type { FileStat, Workspace } from './workspace';

/** The longest stretch of work between two pauses: a garbage collection on top (up to 20 ms at 1,000 notes) stays short of 50 ms. */
const SLICE_MS = 8;
/** Below this many notes, starting workers (each loads the dictionary) costs about what they save on two cores. */
const POOL_MIN_NOTES = 2000;
/** Notes read and sent to the workers ahead of the one going into the index. */
const READ_AHEAD = 16;
/**
 * A file changed this shortly before it was read may change again within one step of its clock (two
 * seconds on FAT) and show the same size and time: the next session reads it, rather than trust them.
 */
const SETTLED_MS = 3000;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadOptions {
  /** Called after each note with how many of how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited every few milliseconds of work, so a server can answer requests meanwhile. */
  pause?: () => Promise<void>;
  /** The user's choice of knowledge packs; the rest are chosen by the notes. */
  packs?: PackSetting;
  /** Where the notes' facts are kept between sessions (see factsCache); none kept without it. */
  cacheFile?: string;
  /** Worker threads that read notes for names (see ExtractorPool); none without it, or for a small folder. */
  extractors?: number;
  /**
   * Whether the notes read keep their lines, for a caller that reads every note's lines next (the CLI's
   * check); else a note settled on disk reads them from its file again when one is asked for.
   */
  keepTexts?: boolean;
}

/**
 * A note read ahead of its turn: its text, its hash when there is a cache, and its facts on their way
 * from a worker; or, unchanged on disk since the cache kept its facts, those facts and no text.
 */
interface ReadAhead {
  file: string;
  uri: string;
  read: ReadResult | Unread;
  hash?: string;
  /** The file's size and time before it was read, when they can tell a later change (see SETTLED_MS). */
  settledStat?: FileStat;
  extracted?: Promise<ExtractedFacts | undefined>;
  /** Whether `extracted` has settled. */
  settled?: boolean;
}

interface Unread {
  kept: KeptNote;
  hash: string;
  unchanged: UnchangedFile;
}

/** What became of the kept facts, and what to keep for next time. */
export interface CacheUse {
  file: string;
  key: string;
  /** Notes whose facts came from the file. */
  reused: number;
  /** Of those, the notes not read at all, their files showing the size and time they had then. */
  unread: number;
  /** Notes whose mentions came from the file too. */
  resolved: number;
  /** Why the file could not be used, if there was one. */
  problem?: string;
  keep: NoteToKeep[];
}

/** What the load took from the cache, and why it could not use it, as lines for a log or stderr. */
export function cacheReport(cache: CacheUse): string[] {
  const lines = [
    `Index cache: ${cache.reused} of ${cache.keep.length} notes read from ${cache.file}, ${cache.resolved} with their mentions`,
  ];
  if (cache.unread > 0) lines.push(`Index cache: ${cache.unread} notes not read again, unchanged on disk since it was written`);
  if (cache.problem) lines.push(`The index cache (${cache.file}) was not used: ${cache.problem}. It is written again.`);
  return lines;
}

export interface LoadedWorkspace {
  index: NotesIndex;
  knowledgeFiles: KnowledgeFile[];
  packs: PackState[];
  skipped: SkippedFile[];
  noteCount: number;
  cache?: CacheUse;
  /** Notes whose facts a worker read (see ExtractorPool). */
  readInWorkers: number;
  /** What went wrong in the workers, as sentences for a log (the notes concerned were read here). */
  extractorProblems: string[];
}

/** The bundled packs (from the extension's own folder), then the user's files (from the workspace). */
export async function loadKnowledge(
  dataDir: string,
  userFiles: string[],
  skipped: SkippedFile[],
  workspace?: Workspace,
  /** Between files: each is parsed and checked against the schema in one go. */
  pause?: () => Promise<void>,
): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  const sources = [
    ...(await bundledKnowledgeFiles(dataDir)).map((file) => ({ file, bundled: true })),
    ...userFiles.map((file) => ({ file, bundled: false })),
  ];
  for (const { file, bundled } of sources) {
    const read = bundled || !workspace ? await readTextFile(file) : await workspace.read(file);
    if ('skipped' in read) skipped.push({ path: file, reason: read.skipped });
    else files.push(loadKnowledgeFile(toUri(file), read.text, bundled));
    await pause?.();
  }
  return files;
}

export async function loadWorkspace(
  workspace: Workspace,
  matcher: FileMatcher,
  dataDir: string,
  options: LoadOptions = {},
): Promise<LoadedWorkspace> {
  const skipped: SkippedFile[] = [];
  // Read and checked off this thread while the knowledge and the dictionary load.
  const cacheRead = options.cacheFile && { file: options.cacheFile, whole: FactsCache.readWhole(options.cacheFile, options.pause) };
  const found = await workspace.find(matcher);
  const startPool = (notes: number): ExtractorPool | undefined =>
    options.extractors && notes >= POOL_MIN_NOTES ? ExtractorPool.start(options.extractors) : undefined;
  // Without a cache every note is read: the workers load their word lists while this thread reads the knowledge.
  let pool = options.cacheFile && existsSync(options.cacheFile) ? undefined : startPool(found.notes.length);
  const knowledgeFiles = await loadKnowledge(dataDir, found.knowledge, skipped, workspace, options.pause);
  // The word lists now, the dictionary a slice at a time, rather than all at once by the first name looked up.
  if (options.pause) {
    await loadEnglish(options.pause);
    peopleNames();
    await options.pause();
  }
  // No bundled entities until the notes tell which periods they are about.
  const index = new NotesIndex(new KnowledgeBase(knowledgeFiles, new Set()));
  await options.pause?.();
  index.setPackPersonNames(await packPersonNames(knowledgeFiles, options.pause));
  await options.pause?.();
  const vocabulary = nameVocabulary(knowledgeFiles);
  index.setNameVocabulary(vocabulary);
  await options.pause?.();
  const cache = cacheRead ? await openCache(cacheRead, vocabulary) : undefined;
  if (cache?.from?.fingerprints) index.expectKept(cache.from.fingerprints);
  // What a definition means depends on the packs, which the notes choose: define once, after choosing.
  index.deferDefinitions = true;
  // Workers pay off only for many notes to read: not when the cache holds most of them.
  const toRead = found.notes.length - (cache?.from?.size ?? 0);
  pool ??= startPool(toRead);
  pool?.useVocabulary(vocabulary);
  // Notes are read ahead and sent to the workers, and go into the index in the order they were found:
  // the index's answers, and the fingerprints of its kept resolutions, depend on that order.
  const ahead: ReadAhead[] = [];
  // A note the cache kept whose file shows the same size and time is not read: its lines are read if asked for.
  const unchangedNote = (file: string, uri: string): Unread | undefined => {
    const from = cache?.from;
    const stat = from && workspace.statSync(file);
    const onDisk = stat && from.unchangedFile(uri, stat);
    const kept = onDisk && from.take(uri, onDisk.hash, onDisk.unchanged.lineCount);
    return kept && { kept, ...onDisk };
  };
  const readAhead = (file: string): ReadAhead => {
    const uri = toUri(file);
    const unread = unchangedNote(file, uri);
    if (unread) return { file, uri, read: unread };
    const readAt = Date.now();
    const read = workspace.readSync(file);
    if ('skipped' in read) return { file, uri, read };
    // Of the bytes where they are at hand: hashing the text encodes it to UTF-8 again first, most of the work.
    const hash = cache ? textHash(read.bytes ?? read.text) : undefined;
    const kept = hash !== undefined && cache?.from?.holds(uri, hash);
    const settledStat = read.stat && readAt - read.stat.mtimeMs >= SETTLED_MS ? read.stat : undefined;
    const note: ReadAhead = { file, uri, read, hash, settledStat };
    if (pool && !kept) {
      note.extracted = pool.extract(read.text, formatOf(file));
      void note.extracted.then(() => (note.settled = true));
    }
    return note;
  };
  let next = 0;
  let done = 0;
  let readInWorkers = 0;
  let sliceStart = performance.now();
  while (next < found.notes.length || ahead.length > 0) {
    while (next < found.notes.length && ahead.length < (pool ? READ_AHEAD : 1)) ahead.push(readAhead(found.notes[next++]));
    const { file, uri, read, hash, settledStat, extracted, settled } = ahead.shift()!;
    if ('skipped' in read) skipped.push({ path: file, reason: read.skipped });
    else if ('kept' in read) {
      const { kept, hash: keptHash, unchanged } = read;
      const text = { lineCount: unchanged.lineCount, read: readerOf(workspace, file) };
      index.setDocument(uri, text, formatOf(file), () => kept);
      cache!.use.reused++;
      cache!.use.unread++;
      cache!.use.keep.push({ uri, hash: keptHash, facts: index.factsOf(uri)!, unchanged });
    } else {
      if (extracted && !settled && options.pause) {
        // The worker's answer would resume this loop at once, maybe between reading a request and
        // answering it: requests read meanwhile go first, as after a slice.
        await extracted;
        await options.pause();
        sliceStart = performance.now();
      }
      const fromWorker = await extracted;
      index.setDocument(uri, read.text, formatOf(file), (document) => {
        const kept = hash !== undefined ? cache?.from?.take(uri, hash, document.lineCount) : undefined;
        if (kept) {
          cache!.use.reused++;
          return kept;
        }
        const facts = fromWorker?.(document.lineCount);
        if (facts) readInWorkers++;
        return facts && { facts };
      });
      if (cache && hash !== undefined) {
        const unchanged = settledStat && { ...settledStat, lineCount: index.document(uri)!.lineCount };
        cache.use.keep.push({ uri, hash, facts: index.factsOf(uri)!, unchanged });
      }
      // Its lines are read from the file again if asked for, as a kept note's are: only where a later
      // change would show in the file's time (see SETTLED_MS).
      if (settledStat && !options.keepTexts) index.document(uri)!.dropText(readerOf(workspace, file));
    }
    done++;
    options.onProgress?.(done, found.notes.length);
    if (options.pause && performance.now() - sliceStart > SLICE_MS) {
      await options.pause();
      sliceStart = performance.now();
    }
  }
  await pool?.close();
  const chosen = chooseKnowledge(knowledgeFiles, (id) => index.peopleNamed.isNamed(id), options.packs ?? {});
  await options.pause?.();
  index.setKnowledge(chosen.base);
  await options.pause?.();
  // Definitions, then mentions (which depend on every note's definitions), in slices too; and now
  // with a cache, whose resolutions are kept only once made (else the first query makes them).
  if (options.pause || cache) while (index.resolveSome(SLICE_MS)) await options.pause?.();
  // The name search too, which completion and workspace symbols would otherwise build in one go.
  if (options.pause) while (index.prepareSearch(SLICE_MS)) await options.pause();
  if (cache) cache.use.resolved = index.keptMentions;
  return {
    index,
    knowledgeFiles,
    packs: chosen.packs,
    skipped,
    noteCount: index.documentCount,
    cache: cache?.use,
    readInWorkers,
    extractorProblems: pool?.problems ?? [],
  };
}

async function openCache(
  { file, whole }: { file: string; whole: Promise<WholeFile> },
  vocabulary: ReadonlySet<string>,
): Promise<{ from?: FactsCache; use: CacheUse }> {
  const key = cacheKey(vocabulary);
  const read = FactsCache.fromBytes(await whole, key);
  return { from: read.cache, use: { file, key, reused: 0, unread: 0, resolved: 0, problem: read.problem, keep: [] } };
}

/**
 * Reads a note's text when its lines are asked for. Made out here: a function made in the loop kept
 * alive what the loop's other functions use (every note's facts as its worker sent them).
 */
function readerOf(workspace: Workspace, file: string): () => string | undefined {
  return () => textOf(workspace.readSync(file));
}

function textOf(read: ReadResult): string | undefined {
  return 'skipped' in read ? undefined : read.text;
}
