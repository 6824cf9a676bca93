// A note edited again and again (editDocument, which keeps what its lines gave when read and resolved)
// is indexed exactly as the same text set afresh (setDocument, which keeps nothing), edit after edit:
// the same facts, definitions, mentions, packs' people named and chronology problems, and the same
// counts of every entity's mentions across the index.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { chronologyProblems } from '../../server/src/features/chronology';
import type { NotesIndex } from '../../server/src/index/notesIndex';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, toUri } from '../../server/src/workspace/files';
import { loadWorkspace } from '../../server/src/workspace/load';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';
import { Random } from '../support/random';

/**
 * Lines a student might add: names known and misspelt, names two periods share and years that pick
 * between them (a line's nearest year may come from another line), a heading, a person named in full,
 * and years the record contradicts.
 */
const ADDED = [
  'Cromwell was made Lord Protector.',
  'In 1540 the king turned on his minister.',
  'By 1653 the army ruled.',
  'Key people: Thurgood Marshall',
  'Marshall argued the case.',
  'In 1936 Kamenev and Zinovev were tried; Cromwell was long dead.',
  'Bukarin wrote to Stalin in 1937.',
  '## Trial of the 16',
  '- **Yagoda** – head of the NKVD until 1936',
  'Thomas Cromwell served Henry VIII.',
  'The Kirov murder (1934) opened the terror.',
  'The Trial of the 21 in 1936 was the last of them.',
  'In 1940, Bukharin argued for the NEP.',
];

const SHARED_NAMES = path.join(FIXTURES, 'shared-names');

function notesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(root, file))
    .filter((file) => /\.(md|txt)$/.test(file) && statSync(file).isFile());
}

function mentionsOf(index: NotesIndex, uri: string): string[] {
  return index
    .mentionsIn(uri)
    .map((m) => `${m.range.start.line}:${m.range.start.character}-${m.range.end.character} ${m.entityId} ${m.suggestion ?? ''}`);
}

function definitionsOf(index: NotesIndex, uri: string): string[] {
  return index
    .definitionsIn(uri)
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.entityId} ${d.note.name} ${d.note.text ?? ''}`);
}

/** Every entity of the index, with how often and where the notes mention it and how they misspell it. */
function countsOf(index: NotesIndex): { kinds: unknown; entities: string[] } {
  const entities = index.entities().map((e) => `${e.id} ${JSON.stringify(index.mentionCount(e.id))} ${index.variants(e.id).join(',')}`);
  return { kinds: index.kindCounts(), entities: entities.sort() };
}

describe('A note being edited', function () {
  this.timeout(120_000);
  const PACKS = { 'tudor-england-1485-1603': true, 'stuart-england-1603-1714': true };
  const load = (): Promise<NotesIndex> =>
    loadWorkspace(new DiskWorkspace([SAMPLES, SHARED_NAMES]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, { packs: PACKS }).then(
      (loaded) => loaded.index,
    );

  /** Each text in turn, edited into one index and set afresh in the other: the two must agree on each. */
  async function agreeOn(uri: string, texts: string[]): Promise<string[][]> {
    const [edited, fresh] = [await load(), await load()];
    return texts.map((text, i) => {
      edited.editDocument(uri, text, 'markdown');
      fresh.setDocument(uri, text, 'markdown');
      assert.deepEqual(mentionsOf(edited, uri), mentionsOf(fresh, uri), `text ${i + 1}`);
      return mentionsOf(edited, uri);
    });
  }

  it('reads a line again when its nearest year changes, though its text does not', async () => {
    const text = (year: number): string => `# Notes\n\nIn ${year} the king turned on his minister.\nCromwell fell from favour.\n`;
    const found = await agreeOn('file:///notes/cromwell.md', [text(1540), text(1653), text(1540)]);
    assert.deepEqual(
      found.map((mentions) => mentions.map((m) => m.split(' ')[1])),
      [['thomas-cromwell'], ['oliver-cromwell'], ['thomas-cromwell']],
    );
  });

  it('defines a name again when its nearest year changes, though its line does not', async () => {
    const index = await load();
    const uri = 'file:///notes/minister.md';
    const text = (year: number): string =>
      `# Key people\n\nIn ${year} the king turned on his minister.\n\n- Cromwell – the king's minister\n`;
    const ids = [1540, 1653, 1540].map((year) => {
      index.editDocument(uri, text(year), 'markdown');
      return index.definitionsIn(uri).map((d) => d.entityId);
    });
    assert.deepEqual(ids, [['thomas-cromwell'], ['oliver-cromwell'], ['thomas-cromwell']]);
  });

  it('stops counting a person the note no longer mentions, and counts the one it now does', async () => {
    const index = await load();
    const uri = 'file:///notes/trial.md';
    const counted = (id: string): number => index.mentionCount(id).mentions;
    index.editDocument(uri, '# Notes\n\nKamenev was tried.\n', 'markdown');
    const [kamenev] = index.mentionsIn(uri).map((m) => m.entityId);
    const kamenevBefore = counted(kamenev);
    index.editDocument(uri, '# Notes\n\nZinoviev was tried.\n', 'markdown');
    const [zinoviev] = index.mentionsIn(uri).map((m) => m.entityId);
    const zinovievNow = counted(zinoviev);
    assert.deepEqual([kamenev, zinoviev], ['kamenev', 'zinoviev']);
    assert.equal(counted(kamenev), kamenevBefore - 1);
    index.editDocument(uri, '# Notes\n\nKamenev and Zinoviev were tried.\n', 'markdown');
    assert.deepEqual([counted(kamenev), counted(zinoviev)], [kamenevBefore, zinovievNow]);
  });

  it('reads a line again when the note stops naming a person in full whom another note names too', async () => {
    const [edited, fresh] = [await load(), await load()];
    for (const index of [edited, fresh])
      index.setDocument('file:///notes/other.md', '# Other\n\nKey people: Thurgood Marshall\n', 'markdown');
    const uri = 'file:///notes/marshall.md';
    const named = '# Notes\n\nKey people: Thurgood Marshall\n\nMarshall argued the case.\n';
    for (const text of [named, named.replace('Key people: Thurgood Marshall', 'Key people: none')]) {
      edited.editDocument(uri, text, 'markdown');
      fresh.setDocument(uri, text, 'markdown');
      assert.deepEqual(mentionsOf(edited, uri), mentionsOf(fresh, uri));
    }
  });

  it('is indexed as its text set afresh, edit after edit', async () => {
    const [edited, fresh] = [await load(), await load()];
    const random = new Random(31337);
    // The shared names' notes twice: a person named in full in both is no change of names in either.
    const files = [...notesUnder(SHARED_NAMES), ...notesUnder(SAMPLES), ...notesUnder(SHARED_NAMES)];
    for (const file of files) {
      const uri = toUri(file);
      const lines = readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\n');
      for (let edit = 0; edit < 10; edit++) {
        const at = random.int(0, lines.length - 1);
        const roll = random.next();
        if (roll < 0.3) lines.splice(at, 1);
        else if (roll < 0.5) lines[at] = `${lines[at]} ${random.pick(ADDED)}`;
        else lines.splice(at, 0, random.pick(ADDED));
        const text = lines.join('\n');
        edited.editDocument(uri, text, formatOf(file));
        // Out first, so nothing of the note's last version is kept: its definitions are made afresh too.
        fresh.removeDocument(uri);
        fresh.setDocument(uri, text, formatOf(file));
        const where = `${path.basename(file)}, edit ${edit + 1}`;
        assert.deepEqual(edited.factsOf(uri), fresh.factsOf(uri), `${where}: facts`);
        assert.deepEqual(definitionsOf(edited, uri), definitionsOf(fresh, uri), `${where}: definitions`);
        assert.deepEqual(mentionsOf(edited, uri), mentionsOf(fresh, uri), `${where}: mentions`);
        assert.deepEqual(edited.peopleNamed.of(uri), fresh.peopleNamed.of(uri), `${where}: people named`);
        assert.deepEqual(chronologyProblems(edited, uri), chronologyProblems(fresh, uri), `${where}: chronology`);
        assert.deepEqual(countsOf(edited), countsOf(fresh), `${where}: entities, their mentions and spellings`);
      }
    }
  });
});
