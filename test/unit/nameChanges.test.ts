// When an edit changes the names the notes define, the index resolves again only the notes that looked
// at those names (NameChanges, WordSignature), and still answers exactly as an index built afresh.
import * as assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NotesIndex } from '../../server/src/index/notesIndex';
import { WordProbe, WordSignature, wordHash } from '../../server/src/index/wordSignature';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, toUri } from '../../server/src/workspace/files';
import { loadWorkspace } from '../../server/src/workspace/load';
import { canonicalAnswers } from '../support/indexAnswers';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { Random } from '../support/random';
import { copyFixture, removeWorkspace } from '../support/workspace';

/** Lines that define, respell, misspell and name people and events, new to the notes or not. */
const ADDED_LINES = [
  'Key people: Zinoviev, Radek and Ivan Petrovsky',
  '- **Petrovsky** – sat on the tribunal',
  'Petrovski argued with Kamenev in 1936.',
  '- **Grain Requisitioning** – seized from the villages',
  'Key people: Bukharin and Fyodor Raskolnikov',
  'Raskolnikoff wrote an open letter.',
  'Henry VIII met President Wilson.',
  '- **Zinovev** – a misspelt term',
];

function notesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(root, file))
    .filter((file) => /\.(md|txt)$/.test(file) && statSync(file).isFile());
}

describe('Names changed by an edit', function () {
  this.timeout(120_000);
  let root: string;

  beforeEach(() => {
    root = copyFixture(SAMPLES, path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'), path.join(FIXTURES, 'names'));
  });
  afterEach(() => removeWorkspace(root));

  const load = (): Promise<NotesIndex> =>
    loadWorkspace(new DiskWorkspace([root]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA).then((loaded) => loaded.index);

  it('resolves again only the notes that hold the words of a new name', async () => {
    const index = await load();
    index.kindCounts(true);
    assert.equal(index.pending, 0);
    const [first, second] = notesUnder(root);
    const addName = (file: string, line: string): void => {
      const text = `${readFileSync(file, 'utf8')}\n${line}\n`;
      index.editDocument(toUri(file), text, formatOf(file));
    };
    // The edited note, and one more should a signature say a needless "maybe".
    addName(first, 'Key people: Ivan Petrovsky\n\nVerkholansky spoke against the plan.');
    assert.ok(index.pending >= 1 && index.pending <= 2, `${index.pending} of ${index.documentCount} to resolve`);
    index.kindCounts(true);
    // The edited note, the one that wrote `Verkholansky`, and any others whose words may be
    // `Mikhail`, `Verkholansky` or a misspelling near it.
    addName(second, 'Key people: Mikhail Verkholansky');
    assert.ok(index.documentCount >= 8);
    // Two, or three should the signature say a needless "maybe".
    assert.ok(index.pending >= 2 && index.pending <= 3, `${index.pending} of ${index.documentCount} to resolve`);
    assert.ok(index.mentionsIn(toUri(first)).some((m) => m.surface === 'Verkholansky' && m.entityId === 'person:mikhail-verkholansky'));
  });

  it('answers exactly as a fresh index after many edits, resolved between them or not', async () => {
    const index = await load();
    const files = notesUnder(root);
    // As the disk workspace reads them: without a byte order mark.
    const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8').replace(/^\uFEFF/, '')]));
    const random = new Random(61206);
    for (let edit = 0; edit < 60; edit++) {
      const file = random.pick(files);
      const lines = texts.get(file)!.split('\n');
      const at = random.int(0, lines.length - 1);
      if (random.chance(0.25)) lines.splice(at, 1);
      else if (random.chance(0.2)) lines[at] = random.pick(texts.get(random.pick(files))!.split('\n'));
      else lines.splice(at, 0, random.pick(ADDED_LINES));
      texts.set(file, lines.join('\n'));
      index.editDocument(toUri(file), texts.get(file)!, formatOf(file));
      // Sometimes every note is brought up to date, so the next changes start from resolved notes.
      if (random.chance(0.3)) index.kindCounts(true);
    }
    for (const [file, text] of texts) writeFileSync(file, text);
    assert.deepEqual(canonicalAnswers(index), canonicalAnswers(await load()));
  });

  it('reads a misspelling and a plural anew in notes resolved before the name was defined', async () => {
    const index = await load();
    const [misspelt, plural, definer] = notesUnder(root).filter((file) => file.endsWith('.txt'));
    const append = (file: string, lines: string): void => {
      const text = `${readFileSync(file, 'utf8').replace(/^\uFEFF/, '')}\n${lines}\n`;
      writeFileSync(file, text);
      index.editDocument(toUri(file), text, formatOf(file));
      index.kindCounts(true);
    };
    append(misspelt, 'Petrovski argued with Kamenev in 1936.');
    append(plural, 'The Petrovskys left Moscow.');
    // A person the notes define by one name: the misspelling and the plural now mean them.
    append(definer, '\nKey figures\n- Petrovsky – chaired the tribunal');
    const meant = (file: string): string[] =>
      index
        .mentionsIn(toUri(file))
        .filter((m) => m.entityId === 'person:petrovsky')
        .map((m) => m.surface);
    assert.deepEqual([...meant(misspelt), ...meant(plural)], ['Petrovski', 'Petrovskys']);
    assert.deepEqual(canonicalAnswers(index), canonicalAnswers(await load()));
    // A cause of the same name: by id, the key now means the cause.
    append(definer, '\nCauses\n- Petrovsky – a cause of the same name');
    assert.deepEqual(canonicalAnswers(index), canonicalAnswers(await load()));
  });

  it('resolves again, for a new person, only the notes with a word that may misspell them', async () => {
    const [definer, misspelt, ...others] = notesUnder(root).sort((a, b) => Number(b.endsWith('.txt')) - Number(a.endsWith('.txt')));
    // Four notes hold a word of the same shape (first letters, about the length) that misspells no one.
    const shaped = others.slice(0, 4);
    assert.equal(shaped.length, 4);
    appendFileSync(misspelt, '\nOskolkof wrote the report.\n');
    for (const file of shaped) appendFileSync(file, '\nOskarsson wrote the report.\n');
    const index = await load();
    index.kindCounts(true);
    const text = readFileSync(definer, 'utf8').replace(/^\uFEFF/, '');
    index.editDocument(toUri(definer), `${text}\n\nKey figures\n- Oskolkov – wrote the report\n`, formatOf(definer));
    // The definer and the misspelling; a third should a signature say a needless "maybe".
    assert.ok(index.pending >= 2 && index.pending <= 3, `${index.pending} of ${index.documentCount} to resolve`);
    assert.ok(index.mentionsIn(toUri(misspelt)).some((m) => m.surface === 'Oskolkof' && m.entityId === 'person:oskolkov'));
    assert.ok(shaped.every((file) => !index.mentionsIn(toUri(file)).some((m) => m.surface === 'Oskarsson')));
  });

  it('keeps the mentions of a note read again as before, and makes new ones where the reading changed', async () => {
    const [edited, misspelt, unchanged] = notesUnder(root).filter((file) => file.endsWith('.txt'));
    writeFileSync(misspelt, `${readFileSync(misspelt, 'utf8')}\nPetrovski argued with Kamenev in 1936.\n`);
    const index = await load();
    index.kindCounts(true);
    // The mention arrays the index holds for a note (the very ones it would keep between sessions).
    const held = (file: string): Int32Array => {
      const uri = toUri(file);
      return index.resolutionToKeep()!.of(uri, index.factsOf(uri)!)!.mentions.which;
    };
    const [misspeltBefore, unchangedBefore] = [held(misspelt), held(unchanged)];
    // The same knowledge again: every note is read again.
    index.setKnowledge(index.knowledgeBase);
    const definer = `${readFileSync(edited, 'utf8')}\n\nKey figures\n- Petrovsky – chaired the tribunal\n`;
    index.editDocument(toUri(edited), definer, formatOf(edited));
    index.kindCounts(true);
    assert.equal(held(unchanged), unchangedBefore);
    assert.notEqual(held(misspelt), misspeltBefore);
    assert.ok(index.mentionsIn(toUri(misspelt)).some((m) => m.surface === 'Petrovski' && m.entityId === 'person:petrovsky'));
    writeFileSync(edited, definer);
    assert.deepEqual(canonicalAnswers(index), canonicalAnswers(await load()));
  });

  it('makes the definitions of a big folder in slices after the knowledge changes, answering from the mentions as they were', async () => {
    const index = await load();
    index.kindCounts(true);
    const [edited, ...others] = notesUnder(root).filter((file) => file.endsWith('.txt'));
    const mentionsBefore = others.map((file) => index.mentionsIn(toUri(file)));
    // Beyond this many waiting notes, a query leaves them to resolveSome (the server's limit is 200).
    index.syncResolveLimit = 2;
    index.setKnowledge(index.knowledgeBase);
    assert.ok(index.defining);
    assert.deepEqual(
      others.map((file) => index.mentionsIn(toUri(file))),
      mentionsBefore,
    );
    assert.ok(index.defining, 'a query made every definition at once');
    // A note edited meanwhile has no mentions until it is resolved: the old ones point at moved words.
    const text = `Kamenev and Zinovev were tried in 1936.\n\n${readFileSync(edited, 'utf8')}`;
    index.editDocument(toUri(edited), text, formatOf(edited));
    assert.deepEqual(index.mentionsIn(toUri(edited)), []);
    while (index.resolveSome(5));
    assert.ok(!index.defining);
    assert.ok(index.mentionsIn(toUri(edited)).some((m) => m.surface === 'Zinovev' && m.entityId === 'zinoviev'));
    writeFileSync(edited, text);
    assert.deepEqual(canonicalAnswers(index), canonicalAnswers(await load()));
  });

  it('never says a word it was given is missing', () => {
    const random = new Random(7);
    const words = Array.from({ length: 2000 }, () => Math.floor(random.next() * 1e9).toString(36));
    const signature = WordSignature.ofHashes(words.slice(0, 1000).map(wordHash));
    for (const word of words.slice(0, 1000)) assert.ok(signature.mayHave(wordHash(word)), word);
    const needless = words.slice(1000).filter((word) => signature.mayHave(wordHash(word))).length;
    // About 0.2% expected (see BITS_PER_WORD).
    assert.ok(needless < 10, `${needless} of 1000 words never added may be there`);
  });

  it('finds any of many words in a signature exactly as looking for each would', () => {
    const random = new Random(11);
    const word = (): string => Math.floor(random.next() * 1e9).toString(36);
    for (let round = 0; round < 200; round++) {
      const added = Array.from({ length: 1 + Math.floor(random.next() * 300) }, word);
      const signature = WordSignature.ofHashes(added.map(wordHash));
      // Mostly words never added, now and then one that was.
      const asked = Array.from({ length: Math.floor(random.next() * 40) }, () => (random.next() < 0.02 ? added[0] : word())).map(wordHash);
      assert.equal(
        signature.mayHaveAny(new WordProbe(asked)),
        asked.some((hash) => signature.mayHave(hash)),
        `round ${round}`,
      );
    }
  });
});
