// The session over a workspace in memory: the first index, the editor's text over the workspace's,
// file changes, knowledge files and their problems, and settings that apply without a reload. No
// folder, no process: the session talks to a host that records what it is told.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IndexCounts, IndexReadyParams } from '../../server/src/protocol';
import { EditQueue } from '../../server/src/session/editQueue';
import { Session, type OpenDocument, type SessionHost } from '../../server/src/session/session';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { toUri } from '../../server/src/workspace/files';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { DATA } from '../support/paths';

const ROOT = '/notes';
const TERROR = 'The Terror\n\nKey People\n\n  • Kamenev – shot in 1936.\n  • Zinoviev – shot in 1936.\n  • Bukharin – shot in 1938.\n';

/** A host that records what the session tells the client, and resolves waiters on each message. */
class RecordingHost implements SessionHost {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly changes: (IndexCounts & { version: number })[] = [];
  readonly logs: string[] = [];
  /** How many times the session asked for the young generation to be collected. */
  collections = 0;
  ready?: IndexReadyParams;
  private waiters: (() => void)[] = [];

  log(message: string): void {
    this.logs.push(message);
  }
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
    this.diagnostics.set(uri, diagnostics);
    this.wake();
  }
  progress(): Promise<{ report(): void; done(): void }> {
    return Promise.resolve({ report: () => undefined, done: () => undefined });
  }
  indexReady(params: IndexReadyParams): void {
    this.ready = params;
  }
  indexChanged(counts: IndexCounts & { version: number }): void {
    this.changes.push(counts);
    this.wake();
  }
  collectYoung(): void {
    this.collections++;
    this.wake();
  }

  /** Resolves once `check` holds, re-checked after every diagnostic and change. */
  until(check: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const waiter = (): void => {
        if (!check()) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
      waiter();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function document(uri: string, text: string, version = 1): OpenDocument {
  return { uri, languageId: 'plaintext', version, getText: () => text };
}

async function started(files: Record<string, string>): Promise<{ session: Session; host: RecordingHost; workspace: MemoryWorkspace }> {
  const workspace = new MemoryWorkspace(ROOT, files);
  const host = new RecordingHost();
  const session = new Session(host, workspace, DATA, DEFAULT_SETTINGS);
  await session.indexWorkspace();
  return { session, host, workspace };
}

describe('session: over a workspace in memory', () => {
  let session: Session;
  let host: RecordingHost;
  let workspace: MemoryWorkspace;
  const terror = toUri('/notes/terror.txt');

  beforeEach(async () => {
    ({ session, host, workspace } = await started({ 'terror.txt': TERROR, 'readme.md': '# Build notes\n\nPlease run the installer.\n' }));
  });
  afterEach(() => session.dispose());

  it('indexes every note and tells the client once it is ready, with the packs the notes turn on', () => {
    assert.equal(host.ready?.notes, 2);
    assert.ok(session.index.lookup('Kamenev')?.knowledge);
    assert.deepEqual(
      host.ready?.packs.filter((p) => p.active).map((p) => p.id),
      ['soviet-union-1917-1953'],
    );
  });

  it("answers from the editor's text while a note is open, and from the workspace once it closes", async () => {
    session.opened(document(terror, 'The Terror\n\nKey People\n\n  • Yagoda – head of the NKVD.\n'));
    assert.ok(session.index.mentionsIn(terror).some((m) => m.entityId === 'yagoda'));
    await session.closed(terror);
    assert.ok(!session.index.mentionsIn(terror).some((m) => m.entityId === 'yagoda'));
    assert.ok(session.index.mentionsIn(terror).some((m) => m.entityId === 'kamenev'));
  });

  it('publishes a misspelling in an open note, and none for ordinary prose', async () => {
    session.opened(document(terror, `${TERROR}Zionev was shot.\n`));
    session.opened(document(toUri('/notes/readme.md'), '# Build notes\n\nPlease run the installer. Harry the tests.\n'));
    await host.until(() => host.diagnostics.has(terror) && host.diagnostics.has(toUri('/notes/readme.md')));
    assert.deepEqual(
      host.diagnostics.get(terror)?.map((d) => d.message),
      ['Zionev: did you mean Zinoviev?'],
    );
    assert.deepEqual(host.diagnostics.get(toUri('/notes/readme.md')), []);
  });

  it("republishes another open note's diagnostics when an edit here changes what they are made of", async () => {
    const events = toUri('/notes/events.txt');
    const essay = toUri('/notes/essay.txt');
    const timeline = (year: number): string => `The War\n\nEvents\n\n  • ${year} – Battle of Oakridge\n`;
    session.opened(document(events, timeline(1512)));
    session.opened(document(essay, 'My essay\n\nThe Battle of Oakridge in 1513 ended the war, Zionev wrote.\n'));
    const messages = (): string[] | undefined => host.diagnostics.get(essay)?.map((d) => d.message as string);
    await host.until(() => messages()?.length === 2);
    assert.match(messages()![1], /^Battle of Oakridge: 1512, not 1513/);
    // An edit that leaves the definitions alone leaves the essay's diagnostics as they were.
    session.changed(document(events, `${timeline(1512)}\nMore to come.\n`, 2));
    session.flush();
    assert.equal(messages()?.length, 2);
    // The timeline's year changes: the essay's no longer contradicts it.
    session.changed(document(events, timeline(1513), 3));
    session.flush();
    assert.deepEqual(messages(), ['Zionev: did you mean Zinoviev?']);
  });

  it('asks for the young generation to be collected once edits pause, not while they come', async () => {
    const notes = toUri('/notes/terror.txt');
    session.opened(document(notes, TERROR));
    assert.equal(host.collections, 0);
    session.changed(document(notes, `${TERROR}\nMore.\n`, 2));
    session.flush();
    session.changed(document(notes, `${TERROR}\nMore to come.\n`, 3));
    session.flush();
    // Asked after the edits, not during them: none yet, then one for the two.
    assert.equal(host.collections, 0);
    await host.until(() => host.collections > 0);
    await host.until(() => host.changes.length > 0);
    assert.equal(host.collections, 1);
  });

  it('follows a note written and a folder deleted in the workspace', async () => {
    workspace.write('sub/yagoda.txt', 'Yagoda\n\nKey People\n\n  • Yagoda – head of the NKVD.\n');
    await host.until(() => session.index.hasDocument(toUri('/notes/sub/yagoda.txt')));
    workspace.delete('sub');
    await host.until(() => !session.index.hasDocument(toUri('/notes/sub/yagoda.txt')));
    assert.equal(session.index.documentCount, 2);
  });

  it('reports a broken knowledge file at its error, and clears it once fixed', async () => {
    const mine = toUri('/notes/mine.history.json');
    workspace.write('mine.history.json', '{ "entities": [ oops ] }');
    await host.until(() => (host.diagnostics.get(mine)?.length ?? 0) > 0);
    assert.match(host.diagnostics.get(mine)![0].message as string, /Invalid JSON/);
    workspace.write(
      'mine.history.json',
      '{ "entities": [ { "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "aliases": ["Kamenyev"] } ] }',
    );
    await host.until(() => host.diagnostics.get(mine)?.length === 0);
    assert.equal(session.index.lookup('Kamenyev')?.id, 'kamenev');
  });

  it('turns a pack off when the setting says so, without a reload', async () => {
    await session.updateSettings({ ...DEFAULT_SETTINGS, packs: { 'soviet-union-1917-1953': false } });
    assert.equal(session.index.lookup('Kamenev')?.knowledge, undefined);
    assert.ok(session.counts().packs.some((p) => p.id === 'soviet-union-1917-1953' && !p.active && p.chosenBy === 'setting'));
  });
});

describe('session: the edit queue', () => {
  it('applies the last edit of a burst once, and at once when flushed', () => {
    const queue = new EditQueue(10_000);
    const applied: string[] = [];
    queue.schedule('a', () => applied.push('a1'));
    queue.schedule('a', () => applied.push('a2'));
    queue.schedule('b', () => applied.push('b1'));
    assert.equal(queue.size, 2);
    queue.flush('a');
    assert.deepEqual(applied, ['a2']);
    queue.flush();
    assert.deepEqual(applied, ['a2', 'b1']);
    assert.equal(queue.size, 0);
    queue.dispose();
  });
});
