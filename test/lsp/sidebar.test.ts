import * as assert from 'node:assert/strict';
import { type EntitiesResult, type EntityItem, type MentionItem, EntitiesRequest, MentionsRequest } from '../../server/src/protocol';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { closeFile, editRange, openFile } from '../support/editor';
import { locationKey, rangeOf } from '../support/text';

describe('LSP: sidebar requests (historyNotes/entities, historyNotes/mentions)', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]));

  const entities = (params: { kinds?: string[] }): Promise<EntitiesResult> => server.ask(EntitiesRequest.type, params);
  const mentions = (id: string): Promise<MentionItem[]> => server.ask(MentionsRequest.type, { id });

  function byId(result: EntitiesResult, id: string): EntityItem {
    const item = result.entities.find((e) => e.id === id);
    assert.ok(item, `${id} not among ${result.entities.map((e) => e.id).join(', ')}`);
    return item;
  }

  it('lists Kamenev among the people, with dates, his definition in the notes and his card', async () => {
    const people = await entities({ kinds: ['person'] });
    const kamenev = byId(people, 'kamenev');
    assert.equal(kamenev.name, 'Lev Kamenev');
    assert.equal(kamenev.dates, '1883–1936');
    assert.ok(kamenev.definition, 'no definition');
    const namesLine = rangeOf(root, 'terror.txt', 'Kamenev & Zinoviev');
    assert.deepEqual(kamenev.definition, {
      uri: server.uri('terror.txt'),
      range: { start: namesLine.start, end: { line: namesLine.start.line, character: namesLine.start.character + 'Kamenev'.length } },
    });
    assert.match(kamenev.card, /\*\*Lev Kamenev\*\*/);
    assert.match(kamenev.card, /1883–1936/);
    assert.ok(kamenev.mentions >= 3, `mentions: ${kamenev.mentions}`);
    assert.equal(kamenev.documents, 1);
    for (const item of people.entities) assert.ok(item.kinds.includes('person'), `${item.id} is not a person: ${item.kinds.join(', ')}`);
  });

  it('lists the three Moscow trials among the trials, and no people', async () => {
    const trials = await entities({ kinds: ['trial'] });
    const expected: [string, string, string][] = [
      ['trial-of-the-16', 'Trial of the Sixteen', '1936'],
      ['trial-of-the-17', 'Trial of the Seventeen', '1937'],
      ['trial-of-the-21', 'Trial of the Twenty-One', '1938'],
    ];
    for (const [id, name, dates] of expected) {
      const trial = byId(trials, id);
      assert.equal(trial.name, name);
      assert.equal(trial.dates, dates);
      assert.equal(trial.kind, 'trial');
    }
    assert.ok(!trials.entities.some((e) => e.id === 'kamenev'));
  });

  it('lists every kind when no kinds are asked for, sorted by name', async () => {
    const all = await entities({});
    byId(all, 'kamenev');
    byId(all, 'trial-of-the-16');
    byId(all, 'stalins-paranoia');
    const names = all.entities.map((e) => e.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
  });

  it("lists Zinoviev's mentions with each line's text, the names line as a definition", async () => {
    const items = await mentions('zinoviev');
    const uri = server.uri('terror.txt');
    const zionevLines = items.filter((m) => m.lineText.includes('Zionev'));
    assert.ok(zionevLines.length >= 4, JSON.stringify(items));
    const namesLine = items.find((m) => locationKey(m) === locationKey({ uri, range: rangeOf(root, 'terror.txt', 'Zinoviev') }));
    assert.ok(namesLine, 'the names line is not a mention');
    assert.equal(namesLine.lineText, 'Kamenev & Zinoviev');
    assert.equal(namesLine.isDefinition, true);
    const inCauses = items.find((m) => locationKey(m) === locationKey({ uri, range: rangeOf(root, 'terror.txt', 'Zionev') }));
    assert.ok(inCauses);
    assert.equal(inCauses.isDefinition, false);
    assert.match(inCauses.lineText, /^• Kirov's Murder – .*Stalin blamed Kamenev and Zionev\.$/);
  });

  it('answers no mentions for an unknown id', async () => {
    assert.deepEqual(await mentions('no-such-entity'), []);
  });

  it("shows the editor's text of an open note in a mention's line, and the disk's again after closing", async () => {
    const { uri } = await openFile(server, 'terror.txt');
    const range = rangeOf(root, 'terror.txt', 'Stalin blamed Kamenev and Zionev.');
    const changed = server.nextIndexChange();
    await editRange(server, uri, 2, range, 'Stalin blamed Zionev alone.');
    const items = await mentions('zinoviev');
    await changed;
    const edited = items.find((m) => m.range.start.line === range.start.line);
    assert.ok(edited, JSON.stringify(items));
    assert.match(edited.lineText, /Stalin blamed Zionev alone\.$/);

    const reverted = server.nextIndexVersion();
    await closeFile(server, uri);
    await reverted;
    const again = (await mentions('zinoviev')).find((m) => m.range.start.line === range.start.line);
    assert.match(again?.lineText ?? '', /Stalin blamed Kamenev and Zionev\.$/);
  });

  it('gives a newer version once the index changed', async () => {
    const before = (await entities({ kinds: ['person'] })).version;
    const { uri } = await openFile(server, 'terror.txt');
    const range = rangeOf(root, 'terror.txt', 'Yezhov');
    const changed = server.nextIndexChange();
    await editRange(server, uri, 2, range, 'Beria');
    const after = await entities({ kinds: ['person'] });
    const notified = await changed;
    assert.ok(after.version > before, `${after.version} > ${before}`);
    assert.ok(notified > before);
    byId(after, 'beria');
    const closed = server.nextIndexVersion();
    await closeFile(server, uri);
    await closed;
  });
});
