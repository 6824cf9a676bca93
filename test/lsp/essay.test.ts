// The essay companion through the server: which notes are essays, what the rest of the notes hold
// that an essay uses or leaves out, a revision sheet, and cards that say where each fact comes from.
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CoverageRequest, RevisionSheetRequest, TimelineRequest, type CoverageGroup, type CoverageResult } from '../../server/src/protocol';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { openFile, replaceText } from '../support/editor';

const ESSAY = 'essays/why-the-terror.md';

describe('LSP: essay companion', () => {
  let server: LspServer;
  let root: string;

  withFixtureServer(['essay'], (started, copy) => ([server, root] = [started, copy]));

  function coverage(file: string): Promise<CoverageResult> {
    return server.request(CoverageRequest.method, { uri: server.uri(file) });
  }

  function group(result: CoverageResult, kind: CoverageGroup['kind']): CoverageGroup {
    const found = result.groups.find((g) => g.kind === kind);
    assert.ok(found, `no ${kind} group in ${JSON.stringify(result.groups.map((g) => g.title))}`);
    return found;
  }

  it('tells an essay by its folder or its front matter, and a note from an essay', async () => {
    assert.equal((await coverage(ESSAY)).essay, true);
    assert.equal((await coverage('drafts/plan.md')).essay, true);
    const note = await coverage('great-terror.md');
    assert.equal(note.essay, false);
    assert.deepEqual(note.groups, []);
  });

  it('says which causes of the Great Terror the essay uses and which it leaves out', async () => {
    const causes = group(await coverage(ESSAY), 'cause');
    assert.equal(causes.title, 'Causes of the Great Terror');
    assert.equal(causes.summary, '3 of 7 causes of the Great Terror used');
    assert.deepEqual(causes.used.map((i) => i.name).sort(), ['Economic failures', "Lenin's police state", "Stalin's paranoia"]);
    assert.deepEqual(causes.unused.map((i) => i.name).sort(), ['Congress of Victors', 'Fear of war', 'Murder of Kirov', 'Old rivals']);
    // "Stalin's paranoia" is written twice; "his paranoia" does not count.
    assert.equal(causes.used.find((i) => i.name === "Stalin's paranoia")?.mentions, 2);
    // An unused one leads to where the notes define it.
    const fearOfWar = causes.unused.find((i) => i.name === 'Fear of war')!;
    assert.ok(fearOfWar.definition && !fearOfWar.definition.uri.includes('/essays/'), JSON.stringify(fearOfWar.definition));
  });

  it('counts trials and people the essay names', async () => {
    const result = await coverage(ESSAY);
    const trials = group(result, 'trial');
    assert.equal(trials.summary, `2 of ${trials.used.length + trials.unused.length} trials used`);
    assert.deepEqual(trials.used.map((i) => i.id).sort(), ['trial-of-the-16', 'trial-of-the-21']);
    const people = group(result, 'person');
    for (const id of ['kamenev', 'zinoviev', 'bukharin'])
      assert.ok(
        people.used.some((i) => i.id === id),
        `${id} not used`,
      );
  });

  it('follows an edit to the essay', async () => {
    const { uri, text } = await openFile(server, ESSAY);
    await replaceText(
      server,
      uri,
      2,
      text.replace('## Conclusion', 'Fear of war with Germany and Japan made him strike first.\n\n## Conclusion'),
    );
    const causes = group(await coverage(ESSAY), 'cause');
    assert.equal(causes.summary, '4 of 7 causes of the Great Terror used');
    assert.ok(!causes.unused.some((i) => i.name === 'Fear of war'));
  });

  it("builds a revision sheet: who is who, a timeline in order and the causes with the notes' words", async () => {
    const { markdown } = await server.request<{ markdown: string }>(RevisionSheetRequest.method, {});
    assert.match(markdown, /^# Revision sheet: /);
    assert.match(markdown, /\| Lev Kamenev \| 1883–1936 \| [^|]+\| Shot[^|]*\|/);
    const timeline = markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Causes'));
    const order = ['Trial of the Sixteen', 'Trial of the Seventeen', 'Trial of the Twenty-One'].map((name) =>
      timeline.indexOf(`| ${name} (trial) |`),
    );
    assert.ok(
      order.every((at) => at > 0),
      timeline,
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    const paranoia = /- \*\*Stalin's paranoia\*\* – .+ \*\((great-terror\.md|stalin-terror-and-ww2\.txt):\d+\)\*/;
    assert.match(markdown, new RegExp(`### Causes of the Great Terror\\n\\n(- .+\\n)*${paranoia.source}`));
  });

  it('scopes the timeline to one note', async () => {
    const all = await server.request<{ items: { id: string }[] }>(TimelineRequest.method, {});
    const plan = await server.request<{ items: { id: string; start: string }[] }>(TimelineRequest.method, {
      scope: server.uri('drafts/plan.md'),
    });
    assert.ok(all.items.length > plan.items.length);
    // `Stalin's paranoia` in lower case names the cause, which has no date: only the trial is on the timeline.
    assert.deepEqual(plan.items.map((i) => i.id).sort(), ['trial-of-the-16']);
  });

  it('says on the card where each fact comes from', async () => {
    const result = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: server.uri(ESSAY) },
      position: positionOf(root, ESSAY, 'Kamenev'),
    });
    const card = (result?.contents as MarkupContent).value;
    assert.match(card, /\*From the Soviet Union 1917\\-1953 pack\\:\* {2}\n\*\*Born:\*\* 18 July 1883/);
    assert.match(card, /\*\*In your notes:\*\*/);
  });
});
