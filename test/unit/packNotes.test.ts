// Notes about each pack's topic (written for these tests): the right pack turns on by itself, the
// expected people and events are found, misspellings are flagged, and nothing from a pack that is
// off claims a name.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildCard } from '../../server/src/features/card';
import { spellingProblems } from '../../server/src/features/spelling';
import { activeEntityIds, packsOf } from '../../server/src/knowledge/packs';
import { DiskWorkspace } from '../../server/src/workspace/disk';
import { DEFAULT_FILE_SETTINGS, FileMatcher } from '../../server/src/workspace/files';
import { loadWorkspace, type LoadedWorkspace } from '../../server/src/workspace/load';
import { DATA, FIXTURES, SAMPLES } from '../support/paths';

const PACK_NOTES = path.join(FIXTURES, 'packs');

function load(folder: string, packs?: Record<string, boolean>): Promise<LoadedWorkspace> {
  return loadWorkspace(new DiskWorkspace([folder]), new FileMatcher(DEFAULT_FILE_SETTINGS), DATA, { packs });
}

/** Every knowledge entity in the index belongs to a pack that is on. */
function assertOnlyActivePacks(loaded: LoadedWorkspace): void {
  const allowed = activeEntityIds(packsOf(loaded.knowledgeFiles), loaded.packs);
  const strays = loaded.index
    .entities()
    .filter((e) => e.knowledge && !allowed.has(e.id))
    .map((e) => e.id);
  assert.deepEqual(strays, []);
}

describe('knowledge packs: notes on each topic', () => {
  const topics = existsSync(PACK_NOTES) ? readdirSync(PACK_NOTES).sort() : [];

  it('has notes for every bundled pack but the Soviet Union, whose notes are the samples', () => {
    const packs = readdirSync(DATA)
      .filter((name) => name.endsWith('.history.json'))
      .map((name) => name.replace('.history.json', ''));
    for (const id of packs.filter((p) => p !== 'soviet-union-1917-1953')) assert.ok(topics.includes(id), `no notes for ${id}`);
  });

  for (const topic of topics) {
    describe(topic, () => {
      const expected = JSON.parse(readFileSync(path.join(PACK_NOTES, topic, 'expected.json'), 'utf8')) as {
        found: string[];
        misspelt?: Record<string, string>;
      };
      let loaded: LoadedWorkspace;
      before(async () => {
        loaded = await load(path.join(PACK_NOTES, topic));
      });

      it('turns its pack on by itself', () => {
        const state = loaded.packs.find((p) => p.id === topic);
        assert.ok(state?.active, JSON.stringify(loaded.packs));
        assert.equal(state.chosenBy, 'auto');
      });

      it('finds the people and events the notes name', () => {
        const missing = expected.found.filter((id) => !loaded.index.entity(id) || loaded.index.mentionCount(id).mentions === 0);
        assert.deepEqual(missing, []);
      });

      it('flags the misspellings the pack lists', () => {
        const problems = loaded.index.documentUris().flatMap((uri) => spellingProblems(loaded.index, uri));
        for (const [written, id] of Object.entries(expected.misspelt ?? {})) {
          assert.ok(
            problems.some((p) => p.written === written && p.entityId === id),
            `${written} → ${id} not flagged; flagged: ${problems.map((p) => p.written).join(', ')}`,
          );
        }
      });

      it('lets no entity of a pack that is off into the index, and no card mixes them in', () => {
        assertOnlyActivePacks(loaded);
        const allowed = activeEntityIds(packsOf(loaded.knowledgeFiles), loaded.packs);
        for (const id of expected.found) {
          const card = buildCard(loaded.index, loaded.index.entity(id)!);
          for (const related of card.related) assert.ok(loaded.index.lookup(related.name), `${id}'s card shows ${related.name}`);
        }
        for (const entity of loaded.index.entities()) {
          if (!entity.knowledge) continue;
          for (const related of loaded.index.related(entity.id)) {
            const other = loaded.index.entity(related.id);
            assert.ok(!other?.knowledge || allowed.has(related.id), `${entity.id} is related to ${related.id}`);
          }
        }
      });
    });
  }
});

describe('knowledge packs: disambiguation', () => {
  it('leaves notes on another period alone: "the Great Terror" in France is not Stalin\'s', async () => {
    const loaded = await load(path.join(FIXTURES, 'other-periods'));
    assert.deepEqual(
      loaded.packs.filter((p) => p.active).map((p) => p.id),
      ['french-revolution-1789-1815'],
    );
    const known = loaded.index.entities().filter((e) => e.knowledge);
    assert.ok(!known.some((e) => e.id === 'great-terror' || e.id === 'stalin'), known.map((e) => e.id).join(', '));
    assert.ok(
      known.some((e) => e.id === 'robespierre'),
      "Robespierre is the French pack's",
    );
  });

  it("tells apart two packs' entities written alike by the year nearby: Blücher, Cromwell, President Johnson", async () => {
    const on = {
      'french-revolution-1789-1815': true,
      'soviet-union-1917-1953': true,
      'first-world-war-1914-1918': true,
      'tudor-england-1485-1603': true,
      'stuart-england-1603-1714': true,
      'us-civil-war-1850-1877': true,
      'cold-war-1945-1991': true,
    };
    const loaded = await load(path.join(FIXTURES, 'shared-names'), on);
    const uri = loaded.index.documentUris().find((u) => u.endsWith('two-periods.md'))!;
    const meant = (surface: string): string[] =>
      loaded.index
        .mentionsIn(uri)
        .filter((m) => m.surface.replace(/['’]s$/, '') === surface)
        .map((m) => `${m.range.start.line} ${m.entityId}`);
    assert.deepEqual(meant('Blücher'), ['4 gebhard-von-blucher', '10 blyukher']);
    assert.deepEqual(meant('Hundred Days'), ['3 napoleons-hundred-days', '7 hundred-days-offensive']);
    assert.deepEqual(meant('Cromwell'), ['13 thomas-cromwell', '14 oliver-cromwell']);
    assert.deepEqual(meant('President Johnson'), ['17 andrew-johnson', '18 lyndon-johnson']);
  });

  it('keeps a pack that is turned off out, even when the notes name its people', async () => {
    const topic = path.join(PACK_NOTES, 'germany-1918-1945');
    const loaded = await load(topic, { 'germany-1918-1945': false, 'first-world-war-1914-1918': false });
    assert.equal(loaded.index.entity('hindenburg'), undefined);
    assert.equal(loaded.index.entity('rohm'), undefined);
    assertOnlyActivePacks(loaded);
  });

  it('reads the Soviet samples as before: every Soviet mention is unchanged with the other packs present', async () => {
    const sovietOnly = Object.fromEntries(
      packsOf((await load(SAMPLES)).knowledgeFiles).map((p) => [p.id, p.id === 'soviet-union-1917-1953']),
    );
    const before = await load(SAMPLES, sovietOnly);
    const after = await load(SAMPLES);
    assert.ok(after.packs.find((p) => p.id === 'soviet-union-1917-1953')?.active);
    const soviet = new Set(packsOf(after.knowledgeFiles).find((p) => p.id === 'soviet-union-1917-1953')!.defines);
    for (const uri of before.index.documentUris()) {
      const mentions = (loaded: LoadedWorkspace): string[] =>
        loaded.index
          .mentionsIn(uri)
          .filter((m) => soviet.has(m.entityId))
          .map((m) => `${m.range.start.line}:${m.range.start.character} ${m.surface} ${m.entityId}`);
      assert.deepEqual(mentions(after), mentions(before), uri);
    }
  });
});
