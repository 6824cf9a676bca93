// Entry point of a worker thread that reads notes for names (see ExtractorPool): it gets a note's
// text and answers with its facts in the form they are kept between sessions (see storedFacts), so
// the indexing thread takes them as it takes kept facts, every field checked.
import { parentPort, workerData } from 'node:worker_threads';
import { NoteDocument } from '../notes/document';
import { extractFacts } from '../notes/extract';
import { storedFacts } from '../notes/storedFacts';
import { TextNumbers } from '../notes/textTable';
import type { ExtractReply, ExtractRequest } from './extractorPool';

const vocabulary: ReadonlySet<string> = new Set(workerData as string[]);
// One table for every note this worker reads: each reply carries only the texts new since the last,
// so the indexing thread interns each text once, not once per note.
const texts = new TextNumbers();

parentPort?.on('message', ({ id, text, format }: ExtractRequest) => {
  const known = texts.size;
  let reply: ExtractReply;
  try {
    const note = new NoteDocument('', text, format);
    const facts = storedFacts(extractFacts(note.lines, note.notes, vocabulary), texts);
    reply = { id, newTexts: texts.texts(known), facts };
  } catch (error) {
    reply = { id, newTexts: texts.texts(known), problem: String((error as Error)?.stack ?? error) };
  }
  parentPort?.postMessage(reply);
});
