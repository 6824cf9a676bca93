// In a real VS Code: when the language server dies, the client starts it again, and hover and the
// sidebar work as before.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { HistoryNotesApi } from '../../../client/src/extension';
import { extensionApi, hoverText, openNote, positionOf, when } from './helpers';

/** Processes started by this extension host that run our server bundle. */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (command.includes('dist/server.js') && parent === process.pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

describe('History Notes after a server crash', function () {
  let api: HistoryNotesApi;

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    api = await extensionApi();
  });

  it('restarts the server, and hover and the sidebar work again', async () => {
    const [pid] = serverProcesses();
    assert.ok(pid, 'the language server runs as a child of the extension host');
    // Counts the old server sent before it died can still arrive after the kill: wait for the new
    // server to start and finish its first index, which only it announces.
    const client = api.client()!;
    const restarted = when(
      client.onDidChangeState,
      ({ newState }) => newState === State.Running,
      'the client to start a new server',
      60000,
    );
    process.kill(pid, 'SIGKILL');
    await restarted;
    const counts = await api.ready();
    assert.ok(!serverProcesses().includes(pid), 'the killed server is gone');
    assert.ok(counts.people > 0, 'the new server indexed the notes');
    // The card needs the Soviet pack on, chosen again from the notes.
    assert.ok(counts.packs.some((p) => p.id === 'soviet-union-1917-1953' && p.active));
    const editor = await openNote('terror.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'Kamenev'),
    );
    assert.match(hoverText(hovers), /1883–1936/);
    const people = await api.trees.people.getChildren();
    assert.ok(people.some((n) => n.type === 'entity' && n.entity.name === 'Lev Kamenev'));
  });
});
