// Fingerprints of what resolving depends on beyond one note, so a resolution kept from the last
// session is used only where it would come out the same: the knowledge, and the names every note's
// definitions add to the name table, in document order.
import { createHash, type Hash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/base';
import type { Definition } from './model';

/** How many documents are digested between two looks at the clock. */
const DOCUMENTS_PER_CHECK = 64;

const knowledgeFingerprints = new WeakMap<KnowledgeBase, string>();

export function knowledgeFingerprint(knowledge: KnowledgeBase): string {
  let fingerprint = knowledgeFingerprints.get(knowledge);
  if (fingerprint === undefined) {
    const entries = [...knowledge.entries.values()].map((known) => known.entry);
    fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
    knowledgeFingerprints.set(knowledge, fingerprint);
  }
  return fingerprint;
}

/**
 * The digest of the names the documents' definitions add to the name table (what NotesIndex.defineAll
 * passes it), made a slice at a time: it takes a moment at ten thousand notes.
 */
export class NamesDigest {
  private readonly hash: Hash;
  private readonly documents: Iterator<readonly Definition[]>;
  private digest?: string;

  constructor(knowledge: string, documents: Iterable<readonly Definition[]>) {
    this.hash = createHash('sha256').update(`${knowledge}\n`);
    this.documents = documents[Symbol.iterator]();
  }

  /** Digests until done or `deadline` (a performance.now() time); true while documents are left. */
  step(deadline: number): boolean {
    for (let count = 1; this.digest === undefined; count++) {
      const next = this.documents.next();
      if (next.done) this.digest = this.hash.digest('hex');
      else this.hash.update(contribution(next.value));
      if (count % DOCUMENTS_PER_CHECK === 0 && performance.now() >= deadline) return this.digest === undefined;
    }
    return false;
  }

  /** The digest, once step has returned false. */
  get value(): string {
    if (this.digest === undefined) throw new Error('The names digest is not finished.');
    return this.digest;
  }
}

/**
 * One document's part: per definition, its entity, kind and name, the keys it adds and its surname.
 * Where one document ends does not matter: the name table depends on the sequence of names alone.
 */
function contribution(definitions: readonly Definition[]): string {
  let text = '';
  for (const { entityId, note } of definitions)
    text += `${entityId}\0${note.kind}\0${note.name}\0${note.described ? '' : note.lookupKeys.join('\0')}\0${note.surnameKey ?? ''}\n`;
  return text;
}
