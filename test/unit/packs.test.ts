// The bundled knowledge packs as data (valid, unique ids, unambiguous names, consistent dates) and
// how packs are chosen: by the user's setting, else by the people the notes name.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadKnowledgeFile } from '../../server/src/knowledge/load';
import type { KnowledgeEntry, KnowledgeFile } from '../../server/src/knowledge/model';
import { english } from '../../server/src/words/english';
import { AUTO_PACK_PEOPLE, choosePacks, packPersonNames, packsOf, type KnowledgePack } from '../../server/src/knowledge/packs';
import { nameKey } from '../../server/src/notes/names';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { NotesIndex } from '../../server/src/index/notesIndex';
import { spellingProblems } from '../../server/src/features/spelling';
import { surnameOf } from '../../server/src/knowledge/surname';
import { yearsOf } from '../../server/src/knowledge/years';
import { DATA } from '../support/paths';

const FILES: KnowledgeFile[] = readdirSync(DATA)
  .filter((name) => name.endsWith('.history.json'))
  .sort()
  .map((name) => loadKnowledgeFile(`file:///data/${name}`, readFileSync(path.join(DATA, name), 'utf8'), true));
/** All the packs at once: problems of reference are the knowledge base's to report. */
const BASE = new KnowledgeBase(FILES);
const ALL = new Map<string, KnowledgeEntry>(FILES.flatMap((f) => f.entries.map((e) => [e.id, e] as const)));
const PERIODS = new Map(
  FILES.map((f) => {
    const { period } = JSON.parse(readFileSync(path.join(DATA, path.basename(f.uri)), 'utf8')) as {
      period?: { from?: string; to?: string };
    };
    return [f.packId ?? f.uri, period] as const;
  }),
);

/** The minimums per pack: people and events it defines. */
const MINIMUMS: Record<string, { people: number; events: number }> = {
  'russia-1894-1924': { people: 25, events: 20 },
  'germany-1918-1945': { people: 30, events: 25 },
  'second-world-war-1939-1945': { people: 30, events: 30 },
  'cold-war-1945-1991': { people: 30, events: 30 },
  'china-1911-1976': { people: 40, events: 40 },
  'vietnam-1945-1975': { people: 40, events: 40 },
  'first-world-war-1914-1918': { people: 40, events: 40 },
  'usa-1919-1941': { people: 40, events: 40 },
  'civil-rights-usa-1945-1974': { people: 40, events: 40 },
  'tudor-england-1485-1603': { people: 40, events: 40 },
  'stuart-england-1603-1714': { people: 40, events: 40 },
  'french-revolution-1789-1815': { people: 40, events: 40 },
  'us-civil-war-1850-1877': { people: 40, events: 40 },
  'american-revolution-1754-1791': { people: 40, events: 40 },
};

/** Whether date `a` is not after date `b`, comparing only as precisely as both are known. */
function notAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

function year(date: string): number {
  return Number(date.slice(0, 4));
}

describe('knowledge packs: the bundled data', () => {
  it('has a pack per topic, each with an id, a name and a period', () => {
    assert.ok(FILES.length >= 5, `${FILES.length} packs`);
    for (const file of FILES) {
      assert.ok(file.packId, `${file.uri} has no id`);
      assert.equal(path.basename(file.uri), `${file.packId}.history.json`);
      assert.ok(file.title, `${file.packId} has no name`);
      const period = PERIODS.get(file.packId);
      assert.ok(period?.from && period.to, `${file.packId} has no period`);
    }
    for (const id of Object.keys(MINIMUMS))
      assert.ok(
        FILES.some((f) => f.packId === id),
        `no pack ${id}`,
      );
  });

  for (const file of FILES) {
    describe(file.packId ?? file.uri, () => {
      it('is valid against the schema, with no problem at all', () => {
        assert.deepEqual(
          BASE.problemsOf(file).map((p) => p.message),
          [],
        );
      });

      it('lists no misspelling that is an English word or a name the dictionary knows', () => {
        const words = file.entries.flatMap((e) =>
          (e.misspellings ?? []).filter((m) => !m.includes(' ') && english().knows(m)).map((m) => `${e.id}: ${m}`),
        );
        assert.deepEqual(words, []);
      });

      it('has at least the people and events the topic needs', () => {
        const minimum = MINIMUMS[file.packId!];
        if (!minimum) return;
        const count = (kind: string): number => file.entries.filter((e) => e.kind === kind).length;
        assert.ok(count('person') >= minimum.people, `${count('person')} people`);
        assert.ok(count('event') >= minimum.events, `${count('event')} events`);
      });

      it('gives people summaries, life dates in order and roles in order', () => {
        for (const person of file.entries.filter((e) => e.kind === 'person')) {
          assert.ok(person.summary, `${person.id} has no summary`);
          // Many early-modern births are known only as "about 1485": then the death or the fate stands in, never a guess.
          assert.ok(person.born ?? person.died ?? person.fate, `${person.id} has no life date and no fate`);
          if (person.born && person.died)
            assert.ok(
              notAfter(person.born, person.died) && person.born !== person.died,
              `${person.id}: born ${person.born}, died ${person.died}`,
            );
          for (const role of person.roles ?? []) {
            if (role.from && role.to) assert.ok(notAfter(role.from, role.to), `${person.id}: ${role.title} ${role.from}–${role.to}`);
            // Not before birth; an infant can reign (Mary, Queen of Scots, from six days old).
            if (role.from && person.born) assert.ok(notAfter(person.born, role.from), `${person.id}: ${role.title} from ${role.from}`);
            if (role.to && person.died)
              assert.ok(notAfter(role.to, person.died), `${person.id}: ${role.title} to ${role.to} after death ${person.died}`);
          }
        }
      });

      it('dates its events and trials inside its period, ends after starts', () => {
        const period = PERIODS.get(file.packId!)!;
        for (const entry of file.entries.filter((e) => e.kind === 'event' || e.kind === 'trial')) {
          assert.ok(entry.date, `${entry.id} has no date`);
          assert.ok(
            year(entry.date) >= year(period.from!) && year(entry.date) <= year(period.to!),
            `${entry.id} on ${entry.date} is outside ${period.from}–${period.to}`,
          );
          if (entry.endDate) assert.ok(notAfter(entry.date, entry.endDate), `${entry.id}: ${entry.date} to ${entry.endDate}`);
        }
      });

      it('includes only entities another pack defines', () => {
        const own = new Set(file.entries.map((e) => e.id));
        for (const id of file.includes) {
          assert.ok(ALL.has(id), `${file.packId} includes ${id}, which no pack defines`);
          assert.ok(!own.has(id), `${file.packId} includes its own ${id}`);
        }
      });

      it('refers only to entities some pack defines', () => {
        for (const entry of file.entries) {
          for (const id of [...(entry.related ?? []), ...(entry.defendants ?? [])]) assert.ok(ALL.has(id), `${entry.id} refers to ${id}`);
        }
      });
    });
  }

  it('defines each id once across all packs', () => {
    const seen = new Map<string, string>();
    for (const file of FILES) {
      for (const entry of file.entries) {
        assert.ok(!seen.has(entry.id), `${entry.id} is defined by ${seen.get(entry.id)} and ${file.packId}`);
        seen.set(entry.id, file.packId!);
      }
    }
  });

  it('resolves every name, alias and misspelling to one entity, or to entities of other packs whose years never meet', () => {
    const packOf = new Map(FILES.flatMap((f) => f.entries.map((e) => [e.id, f.packId] as const)));
    const meanings = new Map<string, Set<string>>();
    for (const entry of ALL.values()) {
      for (const name of [entry.name, ...(entry.aliases ?? []), ...(entry.misspellings ?? [])]) {
        const key = nameKey(name);
        const ids = meanings.get(key) ?? new Set<string>();
        meanings.set(key, ids.add(entry.id));
      }
    }
    // `Cromwell` may be Thomas (died 1540) and Oliver (born 1599): the year nearby tells them apart.
    const apart = (a: string, b: string): boolean => {
      const [x, y] = [yearsOf(ALL.get(a)!), yearsOf(ALL.get(b)!)];
      return packOf.get(a) !== packOf.get(b) && !!x && !!y && (x[1] < y[0] || y[1] < x[0]);
    };
    const ambiguous = [...meanings]
      .filter(([, ids]) => [...ids].some((a) => [...ids].some((b) => a < b && !apart(a, b))))
      .map(([key, ids]) => `${key}: ${[...ids].join(', ')}`);
    assert.deepEqual(ambiguous, []);
  });

  it('never lists a spelling as both an alias and a misspelling', () => {
    const names = new Set([...ALL.values()].flatMap((e) => [e.name, ...(e.aliases ?? [])].map(nameKey)));
    const clashes = [...ALL.values()].flatMap((e) =>
      (e.misspellings ?? []).filter((m) => names.has(nameKey(m))).map((m) => `${e.id}: ${m}`),
    );
    assert.deepEqual(clashes, []);
  });
});

describe('knowledge packs: choosing', () => {
  const pack = (id: string, people: string[]): KnowledgePack => ({
    id,
    name: id,
    theme: 'Europe',
    defines: people,
    includes: [],
    people,
    ownPeople: people,
  });
  const soviet = pack('soviet', ['stalin', 'kamenev', 'zinoviev', 'bukharin']);
  const germany = pack('germany', ['hitler', 'rohm', 'papen', 'hindenburg']);
  const named =
    (...ids: string[]) =>
    (id: string) =>
      ids.includes(id);
  const on = (states: ReturnType<typeof choosePacks>): string[] => states.filter((s) => s.active).map((s) => s.id);

  it(`turns on the packs whose people the notes name at least ${AUTO_PACK_PEOPLE} of`, () => {
    const states = choosePacks([soviet, germany], named('stalin', 'kamenev', 'zinoviev', 'hitler', 'rohm'), {});
    assert.deepEqual(on(states), ['soviet']);
    assert.deepEqual(
      states.map((s) => [s.id, s.peopleNamed, s.chosenBy]),
      [
        ['soviet', 3, 'auto'],
        ['germany', 2, 'auto'],
      ],
    );
    assert.deepEqual(on(choosePacks([soviet, germany], named('stalin', 'kamenev', 'zinoviev', 'hitler', 'rohm', 'papen'), {})), [
      'soviet',
      'germany',
    ]);
  });

  it('lets the setting win both ways', () => {
    const notes = named('stalin', 'kamenev', 'zinoviev');
    assert.deepEqual(on(choosePacks([soviet, germany], notes, { soviet: false, germany: true })), ['germany']);
    const states = choosePacks([soviet, germany], notes, { germany: true });
    assert.deepEqual(on(states), ['soviet', 'germany']);
    assert.equal(states[1].chosenBy, 'setting');
  });

  it('turns no pack on without evidence: one name, or none, is not enough', () => {
    assert.deepEqual(on(choosePacks([soviet, germany], named('kamenev'), {})), []);
    assert.deepEqual(on(choosePacks([soviet, germany], named('kamenev', 'zinoviev'), {})), []);
    assert.deepEqual(on(choosePacks([soviet, germany], named(), {})), []);
    assert.deepEqual(on(choosePacks([soviet, germany], named('kamenev'), { germany: true })), ['germany']);
  });

  it("counts a pack's people by exact names, aliases and surnames, never by misspellings or ordinary words", async () => {
    const names = await packPersonNames(FILES);
    assert.equal(names.get('kamenev'), 'kamenev');
    assert.equal(names.get('stalin'), 'stalin');
    assert.equal(names.get('joseph stalin'), 'stalin');
    assert.equal(names.get('zionev'), undefined, 'a misspelling is no evidence');
    // A surname that is also a word (a thatcher, a chamberlain) tells nothing; the full name does.
    assert.equal(names.get('thatcher'), undefined);
    assert.equal(names.get('chamberlain'), undefined);
    assert.equal(names.get('margaret thatcher'), 'thatcher');
    assert.equal(names.get('harris'), 'arthur-harris');
  });

  it('counts the people a pack shares with others: Stalin counts for the war as for the USSR', () => {
    const packs = packsOf(FILES);
    const soviet = packs.find((p) => p.id === 'soviet-union-1917-1953')!;
    const war = packs.find((p) => p.id === 'second-world-war-1939-1945')!;
    assert.ok(soviet.people.includes('stalin'));
    assert.ok(war.people.includes('stalin') && war.people.includes('hitler'));
    assert.ok(!war.people.includes('great-terror'), 'only people count');
  });

  it('turns the war pack on for a file naming Hitler, Göring, Himmler, Goebbels, Stalin, Roosevelt and Truman', () => {
    const packs = packsOf(FILES);
    const states = choosePacks(packs, named('hitler', 'goering', 'himmler', 'goebbels', 'stalin', 'roosevelt', 'truman'), {});
    assert.ok(on(states).includes('second-world-war-1939-1945'), on(states).join(', '));
    assert.ok(on(states).includes('germany-1918-1945'));
  });
});

describe('knowledge packs: names across periods', () => {
  const index = new NotesIndex(new KnowledgeBase(FILES));
  const uri = 'file:///notes/1917.txt';
  index.setDocument(
    uri,
    'The Revolution\n\nNicolas II abdicated in March 1917. Alexander Shlyapnikov led the Workers Opposition.\nBy the ' +
      'time of World War II the Scholl family had moved to Munich.\n',
    'plain',
  );

  it('knows a ruler by the name before his number, never by the number', () => {
    assert.equal(surnameOf('Nicholas II'), 'Nicholas');
    assert.equal(surnameOf('Lev Kamenev'), 'Kamenev');
    assert.equal(surnameOf('Stalin'), 'Stalin');
    assert.ok(!index.mentionsIn(uri).some((m) => m.surface === 'II'), 'World War II is not Nicholas II');
  });

  it('suggests the whole name for a misspelt name of several words', () => {
    const problems = spellingProblems(index, uri);
    const nicolas = problems.find((p) => p.written === 'Nicolas II');
    assert.equal(nicolas?.suggestion, 'Nicholas II');
  });

  it('takes no first name for a misspelling, and no surname two people share', () => {
    const problems = spellingProblems(index, uri).map((p) => p.written);
    assert.ok(!problems.includes('Alexander'), problems.join(', '));
    assert.ok(!index.mentionsIn(uri).some((m) => m.surface === 'Scholl'), 'Scholl names neither Hans nor Sophie');
  });
});
