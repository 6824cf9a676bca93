// Knowledge packs through the server: only the notes' own period's pack is on, a pack turns on by
// itself when notes about it arrive, the setting turns it off again without a restart, the pack
// state reaches the client with the counts, and a name two packs share shows the right card.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { SpellingWordsRequest, type PackState } from '../../server/src/protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer, withServer } from '../support/lspServer';
import { FileChange, announce, writeFile } from '../support/editor';
import { readNote } from '../support/text';
import { copyFixture } from '../support/workspace';

const GERMANY = 'germany-1918-1945';

/** The hover card at `word` in `file`, as Markdown. */
async function hoverCard(server: LspServer, root: string, file: string, word: string): Promise<string | undefined> {
  const result = await server.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: server.uri(file) },
    position: positionOf(root, file, word),
  });
  return result ? (result.contents as MarkupContent).value : undefined;
}

function pack(packs: PackState[] | undefined, id: string): PackState | undefined {
  return packs?.find((p) => p.id === id);
}

describe('LSP: knowledge packs', () => {
  let server: LspServer;
  let root: string;
  const settings: { knowledgePacks?: Record<string, boolean> } = {};

  withFixtureServer(['other-periods'], (started, copy) => ([server, root] = [started, copy]), { settings });

  const hover = (file: string, word: string): Promise<string | undefined> => hoverCard(server, root, file, word);

  it('reports every bundled pack, only the French Revolution on for notes on the French Revolution', () => {
    assert.ok(server.ready.packs.length >= 5, JSON.stringify(server.ready.packs));
    assert.deepEqual(
      server.ready.packs.filter((p) => p.active).map((p) => p.id),
      ['french-revolution-1789-1815'],
    );
  });

  it('gives no Soviet card for "the Great Terror" in France', async () => {
    const card = await hover('french-revolution.txt', 'Great Terror');
    assert.doesNotMatch(card ?? '', /Stalin|1936|NKVD/);
  });

  it('turns the Germany pack on by itself when notes on Nazi Germany arrive, with cards', async () => {
    const text = readNote(path.join(FIXTURES, 'packs', GERMANY), 'notes.txt');
    writeFile(root, 'germany/notes.txt', text);
    await announce(server, 'germany/notes.txt', FileChange.Created);
    const on = await server.until(
      () => pack(server.lastChange?.packs, GERMANY)?.active && server.lastChange,
      'the Germany pack to turn on',
    );
    assert.equal(pack(on.packs, GERMANY)?.chosenBy, 'auto');
    assert.ok(pack(on.packs, GERMANY)!.peopleNamed >= 3);
    const card = await hover('germany/notes.txt', 'Rohm');
    assert.match(card ?? '', /Ernst Röhm/);
    assert.match(card ?? '', /1887/);
    assert.match(card ?? '', /1934/);
    assert.match((await hover('germany/notes.txt', 'Hindenburg')) ?? '', /Paul von Hindenburg/);
  });

  it('turns it off when the setting says so, without a restart', async () => {
    settings.knowledgePacks = { [GERMANY]: false };
    await server.send('workspace/didChangeConfiguration', { settings: null });
    const off = await server.until(
      () => pack(server.lastChange?.packs, GERMANY)?.chosenBy === 'setting' && server.lastChange,
      'the Germany pack to turn off',
    );
    assert.equal(pack(off.packs, GERMANY)?.active, false);
    assert.doesNotMatch((await hover('germany/notes.txt', 'Rohm')) ?? '', /Ernst Röhm/);
  });
});

describe('LSP: a name two packs share', () => {
  let server: LspServer;
  let root: string;
  const settings = { knowledgePacks: { 'tudor-england-1485-1603': true, 'stuart-england-1603-1714': true } };

  withFixtureServer(['shared-names'], (started, copy) => ([server, root] = [started, copy]), { settings });

  async function hover(file: string, word: string): Promise<string> {
    // Without Markdown's escapes, to read as the student does.
    return ((await hoverCard(server, root, file, word)) ?? '').replace(/\\/g, '');
  }

  it('shows the Cromwell the year nearby points to, and names the other', async () => {
    const thomas = await hover('two-periods.md', 'Cromwell drafted');
    assert.match(thomas, /\*\*Thomas Cromwell\*\*/);
    assert.match(thomas, /may also mean Oliver Cromwell \(1599–1658\)/);
    assert.match(await hover('two-periods.md', 'Cromwell commanded'), /\*\*Oliver Cromwell\*\*/);
  });

  it('offers both where no year tells them apart', async () => {
    const card = await hover('no-year.md', 'Cromwell dissolved');
    assert.match(card, /Cromwell\*\*/);
    assert.match(card, /may also mean (Oliver|Thomas) Cromwell/);
  });

  it("gives the spell checker the words of the active packs' names, not their misspellings or small words", async () => {
    const { words } = await server.ask(SpellingWordsRequest.type, {});
    for (const name of ['Cromwell', 'Wolsey', 'Boleyn', 'Fairfax', 'Pym']) assert.ok(words.includes(name), name);
    for (const notName of ['Wolsley', 'Cromwel', 'Boelyn', 'of', 'the']) assert.ok(!words.includes(notName), notName);
  });
});

describe('LSP: a pack turning on in a big folder', () => {
  let server: LspServer;
  let root: string;

  // More notes than the server defines at once (200): the pack's change is taken in slices.
  const NOTES = 210;
  withServer(
    () => {
      const copy = copyFixture(path.join(FIXTURES, 'other-periods'));
      for (let i = 1; i <= NOTES; i++)
        writeFile(
          copy,
          `sections/section-${i}.txt`,
          `Section ${i} of Paris\n\nCauses\n- Bread shortage in section ${i} – prices rose in 1793\n`,
        );
      return copy;
    },
    (started, copy) => ([server, root] = [started, copy]),
  );

  it('announces the counts only once every note is defined again, and answers with the new pack', async () => {
    const causes = server.ready.causes;
    assert.ok(causes >= NOTES, `${causes} causes`);
    const seen = server.changes.length;
    writeFile(root, 'germany/notes.txt', readNote(path.join(FIXTURES, 'packs', GERMANY), 'notes.txt'));
    await announce(server, 'germany/notes.txt', FileChange.Created);
    await server.until(() => pack(server.lastChange?.packs, GERMANY)?.active, 'the Germany pack to turn on');
    for (const change of server.changes.slice(seen)) assert.ok(change.causes >= causes, `announced ${change.causes} causes of ${causes}`);
    assert.match((await hoverCard(server, root, 'germany/notes.txt', 'Rohm')) ?? '', /Ernst Röhm/);
  });
});
