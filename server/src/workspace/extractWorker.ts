// Entry point of a worker thread that reads notes for names (see ExtractorPool): it gets a note's
// text and answers with its facts in the form they are kept between sessions (see storedFacts), so
// the indexing thread takes them as it takes kept facts, every field checked.
import { parentPort } from 'node:worker_threads';
import { NoteDocument } from '../notes/document';
import { extractFacts } from '../notes/extract';
import { storedFacts } from '../notes/storedFacts';
import { TextNumbers } from '../notes/textTable';
import { english } from '../words/english';
import { peopleNames } from '../words/surnames';
import type { ExtractReply, ToWorker } from './extractorPool';
import { KEPT_ARRAYS, PASSING_ARRAYS, packArrays } from './packedArrays';
import { lowerThisThreadsPriority } from './workerPriority';

// Sent before the first note (see ExtractorPool.useVocabulary).
let vocabulary: ReadonlySet<string> = new Set();
// One table for every note this worker reads: each reply carries only the texts new since the last,
// so the indexing thread takes each text once, not once per note.
const texts = new TextNumbers();

lowerThisThreadsPriority();

// The word lists now, while the indexing thread is still reading the knowledge.
english();
peopleNames();

parentPort?.on('message', (message: ToWorker) => {
  if ('vocabulary' in message) {
    vocabulary = new Set(message.vocabulary);
    return;
  }
  const { id, text, format } = message;
  const known = texts.size;
  let reply: ExtractReply;
  let buffers: ArrayBuffer[] = [];
  try {
    const note = new NoteDocument('', text, format);
    const facts = storedFacts(extractFacts(note.lines, note.notes, vocabulary), texts);
    reply = { id, newTexts: texts.texts(known), facts };
    // Moved, not copied: the indexing thread receives two buffers a note rather than one an array, and
    // keeps the one the note's arrays need.
    buffers = [packArrays(reply, KEPT_ARRAYS), packArrays(reply, PASSING_ARRAYS)];
  } catch (error) {
    reply = { id, newTexts: texts.texts(known), problem: String((error as Error)?.stack ?? error) };
  }
  parentPort?.postMessage(reply, buffers);
});
