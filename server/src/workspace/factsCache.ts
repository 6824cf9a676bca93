// The first index's facts kept between sessions: on reopening a folder, a note whose text has not
// changed takes its facts from here instead of being read for names again, and its resolution too
// when what that depends on has not changed either (see NotesIndex.expectKept). A note whose size and
// modification time are as they were is not even read (see NoteToKeep.unchanged). One file per workspace:
//
//   MAGIC | records (v8-serialized facts and resolution) | header (JSON) | header length (u32) | SHA-256 of all before
//
// The header also holds the text table the records number their words, names and ids by. Written
// atomically (a temporary file renamed over the old one). Nothing in it is trusted: a file that is
// truncated, altered, of another format or another build is dropped whole, and each record is
// checked again as it is used (see storedFacts and storedResolution).
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ResolutionToKeep } from '../index/notesIndex';
import { resolutionFromStored, storedResolution, type KeptFingerprints, type KeptNote } from '../index/storedResolution';
import type { NotesFacts } from '../notes/extract';
import { factsFromStored, isObject, storedFacts } from '../notes/storedFacts';
import { TextNumbers, textTableFromStored } from '../notes/textTable';
import { KEPT_ARRAYS, packArrays } from './packedArrays';
import type { FileStat } from './workspace';

const MAGIC = Buffer.from('history-notes facts cache\n');
/** Bumped whenever what extraction produces, or the header, changes shape or meaning. */
export const FORMAT = 4;
const DIGEST_BYTES = 32;
export const CACHE_FILE_NAME = 'index-facts.cache';
/** The longest stretch of serialising between two pauses. */
const SLICE_MS = 5;

interface Header {
  format: number;
  key: string;
  /** Per note: its uri, its text's hash, where its record lies in the records, and when it holds (see NoteToKeep.unchanged). */
  notes: HeaderNote[];
  /** The texts the records number (see TextNumbers). */
  texts: string[];
  /** What the records' resolutions were made under; without it they are not used. */
  fingerprints?: KeptFingerprints;
}

/** A cache file's bytes, checked whole (see FactsCache.readWhole); else why not, if there was a file. */
export interface WholeFile {
  bytes?: Buffer;
  problem?: string;
}

type HeaderNoteRecord = [uri: string, hash: string, start: number, end: number];
type HeaderNote = HeaderNoteRecord | [...HeaderNoteRecord, size: number, mtimeMs: number, lineCount: number];

/** A note's facts to keep, with the hash of the text they were read from. */
export interface NoteToKeep {
  uri: string;
  hash: string;
  facts: NotesFacts;
  /**
   * The file's size and modification time just before that text was read, and its line count: while
   * the file still shows them, the next session takes the facts without reading it. Left out when the
   * file had changed too lately for its time to tell a later change (see loadWorkspace).
   */
  unchanged?: UnchangedFile;
}

export interface UnchangedFile {
  size: number;
  mtimeMs: number;
  lineCount: number;
}

interface NoteEntry {
  hash: string;
  start: number;
  end: number;
  unchanged?: UnchangedFile;
}

let buildHash: string | undefined;

/**
 * What facts depend on besides a note's text: this format, the build of the code that extracts them
 * (the bundle this runs from), the JavaScript engine, and the knowledge's vocabulary.
 */
export function cacheKey(vocabulary: ReadonlySet<string>): string {
  buildHash ??= createHash('sha256').update(readFileSync(__filename)).digest('hex');
  return createHash('sha256')
    .update(`${FORMAT}\n${buildHash}\n${process.versions.v8}\n`)
    .update([...vocabulary].sort().join(' '))
    .digest('hex');
}

/** The hash a note's facts are kept under, of its text or of its bytes as read (see loadWorkspace). */
export function textHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('base64');
}

export class FactsCache {
  private constructor(
    private readonly notes: Map<string, NoteEntry>,
    private readonly records: Buffer,
    private readonly texts: readonly string[],
    readonly fingerprints?: KeptFingerprints,
  ) {}

  /** How many notes it holds. */
  get size(): number {
    return this.notes.size;
  }

  /**
   * The cache in `file` when it is whole and was written for `key`; otherwise why not. loadWorkspace
   * calls its two steps apart (readWhole, then fromBytes), to read the file while it loads the knowledge.
   */
  static async read(file: string, key: string): Promise<{ cache?: FactsCache; problem?: string }> {
    return FactsCache.fromBytes(await FactsCache.readWhole(file), key);
  }

  /**
   * The bytes of the cache in `file` when they are whole (their checksum matches); otherwise why not
   * (no `problem` when there is simply no file yet). The file is read off this thread, so a server starts
   * this first and loads the knowledge and the dictionary meanwhile; the checksum is awaited in slices.
   */
  static async readWhole(file: string, pause?: () => Promise<void>): Promise<WholeFile> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { problem: `unreadable (${(error as Error).message})` };
    }
    const whole = MAGIC.length + 4 + DIGEST_BYTES;
    if (bytes.length < whole || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'not a History Notes cache file' };
    const digest = createHash('sha256');
    const body = bytes.length - DIGEST_BYTES;
    for (let at = 0; at < body; at += 4 << 20) {
      digest.update(bytes.subarray(at, Math.min(body, at + (4 << 20))));
      await pause?.();
    }
    if (!digest.digest().equals(bytes.subarray(body))) return { problem: 'truncated or altered (its checksum does not match)' };
    return { bytes };
  }

  /** The cache in bytes found whole (see readWhole), when they were written for `key`; otherwise why not. */
  static fromBytes(read: WholeFile, key: string): { cache?: FactsCache; problem?: string } {
    const { bytes } = read;
    if (!bytes) return read.problem === undefined ? {} : { problem: read.problem };
    const body = bytes.length - DIGEST_BYTES;
    const headerLength = bytes.readUInt32LE(body - 4);
    const headerStart = body - 4 - headerLength;
    if (headerStart < MAGIC.length) return { problem: 'malformed (its header runs past its start)' };
    let header: unknown;
    try {
      header = JSON.parse(bytes.subarray(headerStart, body - 4).toString('utf8'));
    } catch {
      return { problem: 'malformed (its header is not JSON)' };
    }
    const records = bytes.subarray(MAGIC.length, headerStart);
    const notes = noteIndex(header, key, records.length);
    if (typeof notes === 'string') return { problem: notes };
    const texts = textTableFromStored((header as Partial<Header>).texts);
    if (!texts) return { problem: 'malformed (its text table)' };
    return { cache: new FactsCache(notes, records, texts, fingerprintsOf(header)) };
  }

  /** Whether it holds facts read from a text of this hash for this note (take may still find them unsound). */
  holds(uri: string, hash: string): boolean {
    return this.notes.get(uri)?.hash === hash;
  }

  /**
   * The hash and line count of the text this note's facts were read from, when the file shows the size
   * and modification time it had then (and they were kept): its text need not be read to take them.
   */
  unchangedFile(uri: string, stat: FileStat): { hash: string; unchanged: UnchangedFile } | undefined {
    const note = this.notes.get(uri);
    const unchanged = note?.unchanged;
    return unchanged && unchanged.size === stat.size && unchanged.mtimeMs === stat.mtimeMs ? { hash: note.hash, unchanged } : undefined;
  }

  /**
   * The facts kept for this note, with their resolution if that was kept, when they were read from a
   * text of this hash (see textHash); undefined when not, or when its record is unsound.
   */
  take(uri: string, hash: string, lineCount: number): KeptNote | undefined {
    const note = this.notes.get(uri);
    if (!note || note.hash !== hash) return undefined;
    let record: unknown;
    try {
      record = v8.deserialize(this.records.subarray(note.start, note.end));
    } catch {
      return undefined;
    }
    if (!isObject(record)) return undefined;
    // Else the arrays the note keeps would be views into the whole file (160 MB at 10,000 notes).
    packArrays(record, KEPT_ARRAYS);
    const facts = factsFromStored(record.facts, lineCount, this.texts);
    if (!facts) return undefined;
    return { facts, resolution: record.resolution === undefined ? undefined : resolutionFromStored(record.resolution, facts, this.texts) };
  }
}

/** The header's fingerprints, when they are well-formed. */
function fingerprintsOf(header: unknown): KeptFingerprints | undefined {
  const { fingerprints } = header as Partial<Header>;
  if (!isObject(fingerprints)) return undefined;
  const { knowledge, names, people } = fingerprints;
  return typeof knowledge === 'string' && typeof names === 'string' && typeof people === 'string'
    ? { knowledge, names, people }
    : undefined;
}

/** The header's notes by uri, when the header is of this format and key and every record lies inside `recordBytes`; else why not. */
function noteIndex(header: unknown, key: string, recordBytes: number): Map<string, NoteEntry> | string {
  if (typeof header !== 'object' || header === null) return 'malformed (its header is not an object)';
  const { format, key: written, notes } = header as Partial<Header>;
  if (format !== FORMAT || written !== key) return 'written by another version or for other knowledge';
  if (!Array.isArray(notes)) return 'malformed (its header lists no notes)';
  const index = new Map<string, NoteEntry>();
  for (const note of notes as unknown[]) {
    if (!Array.isArray(note) || (note.length !== 4 && note.length !== 7)) return 'malformed (a note in its header)';
    const [uri, hash, start, end, size, mtimeMs, lineCount] = note as unknown[];
    const inside = Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) < (end as number);
    if (typeof uri !== 'string' || typeof hash !== 'string' || !inside || (end as number) > recordBytes)
      return 'malformed (a note in its header)';
    const entry: NoteEntry = { hash, start: start as number, end: end as number };
    if (note.length === 7) {
      if (!isCount(size) || typeof mtimeMs !== 'number' || !Number.isFinite(mtimeMs) || !isCount(lineCount) || lineCount === 0)
        return 'malformed (a note in its header)';
      entry.unchanged = { size, mtimeMs, lineCount };
    }
    index.set(uri, entry);
  }
  return index;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Notes or texts of the header made JSON at a time: the whole at once held the server 200 ms at 10,000 notes. */
const HEADER_ITEMS_PER_PART = 20_000;

/** The header as JSON, in parts to write between pauses; joined, they are JSON.stringify(header). */
function* headerParts(header: Header): Generator<string> {
  const { notes, texts, ...rest } = header;
  yield `${JSON.stringify(rest).slice(0, -1)},"notes":[`;
  yield* listParts(notes);
  yield '],"texts":[';
  yield* listParts(texts);
  yield ']}';
}

function* listParts(items: readonly unknown[]): Generator<string> {
  for (let from = 0; from < items.length; from += HEADER_ITEMS_PER_PART) {
    const json = JSON.stringify(items.slice(from, from + HEADER_ITEMS_PER_PART));
    yield `${from > 0 ? ',' : ''}${json.slice(1, -1)}`;
  }
}

/**
 * Writes `notes` to `file` for `key`, atomically: a temporary file beside it, renamed over it.
 * Records go to the file as they are made, a few at a time, so the whole never sits in memory;
 * serialising many notes is awaited in slices. With `resolution`, the notes' resolutions go too;
 * returns whether they were kept (not when the names changed while they were written).
 */
export async function writeFactsCache(
  file: string,
  key: string,
  notes: readonly NoteToKeep[],
  pause?: () => Promise<void>,
  resolution?: ResolutionToKeep,
): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(temporary, 'w');
  try {
    const digest = createHash('sha256');
    const write = async (parts: Buffer[]): Promise<void> => {
      for (const part of parts) digest.update(part);
      await handle.writev(parts);
    };
    await write([MAGIC]);
    const header: Header = { format: FORMAT, key, notes: [], texts: [] };
    const texts = new TextNumbers();
    let offset = 0;
    let waiting: Buffer[] = [];
    let sliceStart = performance.now();
    for (const note of notes) {
      const kept = resolution?.of(note.uri, note.facts);
      const record = v8.serialize({ facts: storedFacts(note.facts, texts), resolution: kept && storedResolution(kept, texts) });
      const placed: HeaderNoteRecord = [note.uri, note.hash, offset, offset + record.length];
      const { unchanged } = note;
      header.notes.push(unchanged ? [...placed, unchanged.size, unchanged.mtimeMs, unchanged.lineCount] : placed);
      waiting.push(record);
      offset += record.length;
      if (performance.now() - sliceStart > SLICE_MS) {
        await write(waiting);
        waiting = [];
        await pause?.();
        sliceStart = performance.now();
      }
    }
    header.texts = texts.texts();
    if (resolution) {
      while (resolution.names.step(performance.now() + SLICE_MS)) await pause?.();
      if (resolution.unchanged())
        header.fingerprints = { knowledge: resolution.knowledge, names: resolution.names.value, people: resolution.people };
    }
    await write(waiting);
    let headerLength = 0;
    for (const part of headerParts(header)) {
      const bytes = Buffer.from(part, 'utf8');
      headerLength += bytes.length;
      await write([bytes]);
      await pause?.();
    }
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerLength);
    await write([length]);
    await handle.write(digest.digest());
    await handle.close();
    await fs.rename(temporary, file);
    return header.fingerprints !== undefined;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
