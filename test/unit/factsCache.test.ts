// The index kept between sessions (workspace/factsCache): facts come back as they went in, and a
// file that is missing, truncated, altered, of another build or crafted to mislead is never used.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { NoteDocument } from '../../server/src/notes/document';
import { extractFacts, type NotesFacts } from '../../server/src/notes/extract';
import { storedFacts, type StoredFacts } from '../../server/src/notes/storedFacts';
import { TextNumbers } from '../../server/src/notes/textTable';
import { cacheKey, FactsCache, FORMAT, textHash, writeFactsCache } from '../../server/src/workspace/factsCache';
import { bytesHeld, typedArrays } from '../support/arrayBuffers';

const NOTE = [
  '# The Great Terror',
  '',
  '## Key people',
  '- Kamenev: tried in 1936 with Zinoviev',
  '- Yagoda: head of the NKVD until 1936',
  '',
  'In 1938 Bukharin was tried in the Trial of the 21.',
].join('\n');
const URI = 'file:///notes/terror.md';
const MAGIC = 'history-notes facts cache\n';

function factsOf(text: string): { note: NoteDocument; facts: NotesFacts } {
  const note = new NoteDocument(URI, text, 'markdown');
  return { note, facts: extractFacts(note.lines, note.notes) };
}

/** The note's facts as the cache stores them, with the text table they number their texts by. */
function stored(facts: NotesFacts): { value: StoredFacts; texts: TextNumbers } {
  const texts = new TextNumbers();
  return { value: storedFacts(facts, texts), texts };
}

/** A file in the cache's format around `records`, checksum and all: what a hostile writer could make. */
function craftedFile(
  records: { uri: string; hash: string; value: unknown }[],
  key: string,
  { format = FORMAT, texts = [] as unknown }: { format?: number; texts?: unknown } = {},
): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  const notes: [string, string, number, number][] = [];
  let offset = 0;
  for (const record of records) {
    const bytes = v8.serialize(record.value);
    notes.push([record.uri, record.hash, offset, offset + bytes.length]);
    parts.push(bytes);
    offset += bytes.length;
  }
  const header = Buffer.from(JSON.stringify({ format, key, notes, texts }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  parts.push(header, length);
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

describe('factsCache: the index kept between sessions', () => {
  let dir: string;
  let file: string;
  const key = cacheKey(new Set(['trial', 'of', 'the']));
  const { note, facts } = factsOf(NOTE);
  const hash = textHash(NOTE);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'history-notes-cache-test-'));
    file = path.join(dir, 'index-facts.cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back the facts it kept, for the same text only', async () => {
    await writeFactsCache(file, key, [{ uri: URI, hash, facts }]);
    const { cache, problem } = await FactsCache.read(file, key);
    assert.equal(problem, undefined);
    assert.equal(cache?.size, 1);
    const back = cache.take(URI, hash, note.lines.length)?.facts;
    assert.ok(back, 'the kept facts');
    assert.deepEqual(back.definitions, facts.definitions);
    assert.deepEqual(back.phrases.list(), facts.phrases.list());
    assert.deepEqual(back.frontMatter, facts.frontMatter);
    for (let line = 0; line < note.lines.length; line++) assert.equal(back.years.near(line), facts.years.near(line));
    assert.ok(back.definitions.some((d) => d.name === 'Kamenev'));
    assert.equal(cache.take(URI, textHash(`${NOTE}\nA new line.`), note.lines.length + 1), undefined, 'the text changed');
    assert.equal(cache.take('file:///notes/other.md', hash, note.lines.length), undefined, 'another note');
  });

  it('tells a note unchanged only by the size and time its file had when it was read', async () => {
    const unchanged = { size: Buffer.byteLength(NOTE), mtimeMs: 1_700_000_000_123.5, lineCount: note.lines.length };
    const other = 'file:///notes/other.md';
    await writeFactsCache(file, key, [
      { uri: URI, hash, facts, unchanged },
      { uri: other, hash, facts },
    ]);
    const { cache } = await FactsCache.read(file, key);
    assert.deepEqual(cache?.unchangedFile(URI, { size: unchanged.size, mtimeMs: unchanged.mtimeMs }), { hash, unchanged });
    assert.equal(cache?.unchangedFile(URI, { size: unchanged.size + 1, mtimeMs: unchanged.mtimeMs }), undefined, 'another size');
    assert.equal(cache?.unchangedFile(URI, { size: unchanged.size, mtimeMs: unchanged.mtimeMs + 1 }), undefined, 'another time');
    assert.equal(cache?.unchangedFile(other, { size: unchanged.size, mtimeMs: unchanged.mtimeMs }), undefined, 'kept without its time');
    assert.ok(cache?.take(other, hash, note.lines.length), 'its facts are kept all the same');
  });

  it('drops a header whose note gives a size, time or line count that cannot be', async () => {
    const record = v8.serialize({ facts: stored(facts).value });
    for (const stat of [
      [-1, 1_700_000_000_000, 7],
      [1.5, 1_700_000_000_000, 7],
      [100, '1700000000000', 7],
      [100, null, 7],
      [100, 1_700_000_000_000, 0],
      [100, 1_700_000_000_000],
    ]) {
      const header = JSON.stringify({ format: FORMAT, key, notes: [[URI, hash, 0, record.length, ...stat]], texts: [] });
      const body = Buffer.concat([Buffer.from(MAGIC), record, Buffer.from(header), Buffer.alloc(4)]);
      body.writeUInt32LE(Buffer.byteLength(header), body.length - 4);
      writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
      assert.match((await FactsCache.read(file, key)).problem ?? '', /malformed \(a note in its header\)/, JSON.stringify(stat));
    }
  });

  it('keeps a header too big to write at once (more notes and texts than one part of it holds)', async () => {
    // Each note's own name makes a text of its own, so the texts outnumber a part of the header too.
    const notes = Array.from({ length: 25_000 }, (_, i) => {
      const text = `Notes ${i}\n\n- **Person${i}** – named here only`;
      return { uri: `file:///notes/${i}.txt`, hash: textHash(text), facts: factsOf(text).facts, lines: 3 };
    });
    await writeFactsCache(file, key, notes);
    const { cache, problem } = await FactsCache.read(file, key);
    assert.equal(problem, undefined);
    assert.equal(cache?.size, notes.length);
    for (const i of [0, 19_999, 20_000, 24_999]) {
      const { uri, hash, lines, facts } = notes[i];
      assert.deepEqual(cache.take(uri, hash, lines)?.facts.definitions, facts.definitions, `note ${i}`);
    }
  });

  it('gives back arrays of their own, not views that would hold the whole file in memory', async () => {
    const index = new NotesIndex(new KnowledgeBase([], new Set()));
    index.setDocument(URI, NOTE, 'markdown');
    index.mentionsIn(URI);
    await writeFactsCache(file, key, [{ uri: URI, hash, facts: index.factsOf(URI)! }], undefined, index.resolutionToKeep());
    const kept = (await FactsCache.read(file, key)).cache?.take(URI, hash, note.lines.length);
    const mentions = kept?.resolution?.mentions;
    assert.ok(mentions && mentions.which.length > 0, 'the mentions were kept');
    const arrays = typedArrays(kept.facts.phrases.parts(), kept.facts.years.parts(), mentions);
    assert.ok(arrays.length >= 9, `${arrays.length} typed arrays`);
    // Their buffers hold them and no more (but for a few bytes between them, each kept at a multiple of 8).
    const { held, needed } = bytesHeld(arrays);
    assert.ok(held <= needed + 8 * arrays.length, `${held} bytes held for ${needed}`);
  });

  it('says nothing is wrong when there is no file yet', async () => {
    assert.deepEqual(await FactsCache.read(file, key), {});
  });

  it('drops a truncated file', async () => {
    await writeFactsCache(file, key, [{ uri: URI, hash, facts }]);
    const bytes = readFileSync(file);
    for (const length of [0, 10, MAGIC.length + 3, Math.floor(bytes.length / 2), bytes.length - 1]) {
      writeFileSync(file, bytes.subarray(0, length));
      const { cache, problem } = await FactsCache.read(file, key);
      assert.equal(cache, undefined, `cut to ${length} bytes`);
      assert.match(problem ?? '', /not a History Notes cache|truncated or altered/);
    }
  });

  it('drops a file with any byte altered', async () => {
    await writeFactsCache(file, key, [{ uri: URI, hash, facts }]);
    const bytes = readFileSync(file);
    for (const at of [MAGIC.length + 5, Math.floor(bytes.length / 2), bytes.length - 40, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] ^= 0x20;
      writeFileSync(file, altered);
      const { cache, problem } = await FactsCache.read(file, key);
      assert.equal(cache, undefined, `byte ${at} altered`);
      assert.match(problem ?? '', /truncated or altered/);
    }
  });

  it('drops a file of another format, build or vocabulary', async () => {
    await writeFactsCache(file, key, [{ uri: URI, hash, facts }]);
    const other = cacheKey(new Set(['congress', 'of', 'victors']));
    assert.notEqual(other, key);
    assert.match((await FactsCache.read(file, other)).problem ?? '', /another version or for other knowledge/);
    writeFileSync(
      file,
      craftedFile([{ uri: URI, hash, value: { facts: stored(facts).value } }], key, { format: 1, texts: stored(facts).texts.texts() }),
    );
    assert.match((await FactsCache.read(file, key)).problem ?? '', /another version or for other knowledge/);
  });

  it('drops something else written where the cache should be', async () => {
    writeFileSync(file, 'Kamenev and Zinoviev were tried in August 1936.\n'.repeat(20));
    assert.match((await FactsCache.read(file, key)).problem ?? '', /not a History Notes cache file/);
  });

  it('never uses a crafted record, even with a right checksum', async () => {
    const { value: good, texts } = stored(facts);
    const table = texts.texts();
    const lines = note.lines.length;
    const { fields, lookupKeys, texts: explanations } = good.definitions;
    /** The first definition with its number `at` (see Field in storedDefinition) replaced. */
    const withField = (at: number, value: number): StoredFacts => ({
      ...good,
      definitions: { ...good.definitions, fields: fields.map((field, i) => (i === at ? value : field)) },
    });
    const withDefinitions = (parts: object): StoredFacts => ({ ...good, definitions: { ...good.definitions, ...parts } });
    const crafted: [string, unknown][] = [
      ['not an object', 'Kamenev'],
      ['an array', [good]],
      ['definitions as objects', { ...good, definitions: facts.definitions }],
      ['a definition past the last line', withField(7, 400)],
      ['a definition of no kind we know', withField(0, 99)],
      ['a name numbered past the text table', withField(1, table.length + 10)],
      ['a name that is missing', withField(1, -1)],
      ['more lookup keys than were stored', withField(3, lookupKeys.length + 1)],
      ['a definition with no lookup key', withField(3, 0)],
      ['defendants that were not stored', withField(13, 2)],
      ['described neither yes nor no', withField(6, 2)],
      ['numbers as a plain array', withDefinitions({ fields: [...fields] })],
      ['lookup keys that are not numbers', withDefinitions({ lookupKeys: [{ toString: 'x' }] })],
      ['an explanation that is not text', withDefinitions({ texts: explanations.map(() => 5) })],
      ['fewer explanations than definitions', withDefinitions({ texts: explanations.slice(1) })],
      ['phrase bounds past the words', { ...good, phrases: { ...good.phrases, bounds: Int32Array.from([0, 9999]) } }],
      ['phrase positions as plain arrays', { ...good, phrases: { ...good.phrases, lines: [...good.phrases.lines] } }],
      [
        'a word past the text table',
        { ...good, phrases: { ...good.phrases, words: good.phrases.words.map((n, i) => (i === 0 ? table.length : n)) } },
      ],
      ['words as text, not numbers', { ...good, phrases: { ...good.phrases, words: [...good.phrases.words].map((n) => table[n]) } }],
      ['a year on a line the note lacks', { ...good, years: { lines: Int32Array.from([lines + 5]), years: Int16Array.from([1936]) } }],
      ['front matter that is not text', { ...good, frontMatter: { essay: { nested: true } } }],
    ];
    for (const [what, value] of crafted) {
      writeFileSync(file, craftedFile([{ uri: URI, hash, value: { facts: value } }], key, { texts: table }));
      const { cache, problem } = await FactsCache.read(file, key);
      assert.equal(problem, undefined, what);
      assert.equal(cache?.take(URI, hash, lines), undefined, what);
    }
    writeFileSync(file, craftedFile([{ uri: URI, hash, value: 'Kamenev' }], key, { texts: table }));
    assert.equal((await FactsCache.read(file, key)).cache?.take(URI, hash, lines), undefined, 'a record that is not an object');
    // The same file with the record as written is taken: the checks above are what refused them.
    writeFileSync(file, craftedFile([{ uri: URI, hash, value: { facts: good } }], key, { texts: table }));
    assert.deepEqual((await FactsCache.read(file, key)).cache?.take(URI, hash, lines)?.facts.definitions, facts.definitions);
    for (const [what, bad] of [
      ['a text table of numbers', [1, 2, 3]],
      ['a text table that is null', null],
    ] as const) {
      writeFileSync(file, craftedFile([{ uri: URI, hash, value: { facts: good } }], key, { texts: bad }));
      assert.match((await FactsCache.read(file, key)).problem ?? '', /malformed \(its text table\)/, what);
    }
  });

  it('uses a crafted resolution never, and the facts beside it still', async () => {
    const { value: storedNote, texts } = stored(facts);
    const kamenev = texts.number('person:kamenev');
    const good = {
      definitionIds: Int32Array.from(facts.definitions, () => -1),
      mentions: {
        entities: Int32Array.from([kamenev]),
        which: Int32Array.from([0]),
        first: Int32Array.from([0]),
        end: Int32Array.from([1]),
        suggestions: [],
      },
      peopleNamed: Int32Array.from([kamenev]),
    };
    const words = facts.phrases.words.length;
    const table = texts.texts();
    const crafted: [string, unknown][] = [
      ['not an object', 'person:kamenev'],
      ['a definition id too many', { ...good, definitionIds: Int32Array.from([...good.definitionIds, -1]) }],
      ['definition ids as plain numbers', { ...good, definitionIds: [...good.definitionIds] }],
      ['a definition id past the text table', { ...good, definitionIds: good.definitionIds.map(() => table.length) }],
      ['a mention past the last word', { ...good, mentions: { ...good.mentions, end: Int32Array.from([words + 1]) } }],
      ['a mention ending where it starts', { ...good, mentions: { ...good.mentions, end: Int32Array.from([0]) } }],
      ['a mention of an entity not listed', { ...good, mentions: { ...good.mentions, which: Int32Array.from([1]) } }],
      ['an entity id that is no text', { ...good, mentions: { ...good.mentions, entities: Int32Array.from([-1]) } }],
      ['positions as plain arrays', { ...good, mentions: { ...good.mentions, first: [0] } }],
      ['a suggestion for no mention', { ...good, mentions: { ...good.mentions, suggestions: [[3, 'Kamenev']] } }],
      ['people named as text', { ...good, peopleNamed: ['person:kamenev'] }],
      ['people named past the text table', { ...good, peopleNamed: Int32Array.from([table.length]) }],
    ];
    const lines = note.lines.length;
    for (const [what, resolution] of crafted) {
      writeFileSync(file, craftedFile([{ uri: URI, hash, value: { facts: storedNote, resolution } }], key, { texts: table }));
      const kept = (await FactsCache.read(file, key)).cache?.take(URI, hash, lines);
      assert.ok(kept?.facts, what);
      assert.equal(kept.resolution, undefined, what);
    }
    writeFileSync(file, craftedFile([{ uri: URI, hash, value: { facts: storedNote, resolution: good } }], key, { texts: table }));
    const kept = (await FactsCache.read(file, key)).cache?.take(URI, hash, lines);
    assert.deepEqual(kept?.resolution?.mentions.entities, ['person:kamenev']);
    assert.deepEqual(kept.resolution.peopleNamed, ['person:kamenev']);
  });

  it('drops a header whose records lie outside the file', async () => {
    const header = JSON.stringify({ format: FORMAT, key, notes: [[URI, hash, 0, 10_000_000]] });
    const body = Buffer.concat([Buffer.from(MAGIC), Buffer.from(header), Buffer.alloc(4)]);
    body.writeUInt32LE(header.length, body.length - 4);
    writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    assert.match((await FactsCache.read(file, key)).problem ?? '', /malformed/);
  });

  it('is replaced whole: a write leaves no temporary file behind', async () => {
    await writeFactsCache(file, key, [{ uri: URI, hash, facts }]);
    await writeFactsCache(file, key, []);
    const { cache } = await FactsCache.read(file, key);
    assert.equal(cache?.size, 0);
    assert.deepEqual(readdirSync(dir), ['index-facts.cache']);
  });
});
