import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { LspServer, withFixtureServer, withOpenedNote, withServer } from '../support/lspServer';
import { copyFixture } from '../support/workspace';
import {
  answerConfiguration,
  openWithDiagnostics,
  closeFile,
  diagnosticsWhere,
  editRange,
  messageOf,
  nextDiagnostics,
  writeFile,
} from '../support/editor';
import { linesOf, locationKey, rangeOf, readNote, sameRange, textIn } from '../support/text';

const at = (diagnostics: Diagnostic[], range: Range): Diagnostic | undefined => diagnostics.find((d) => sameRange(d.range, range));

describe('LSP: diagnostics for misspelt names', () => {
  let server: LspServer, root: string, uri: string, diagnostics: Diagnostic[];
  withOpenedNote(['plain'], 'terror.txt', (note) => ({ server, root, uri, diagnostics } = note));

  it('flags Zionev as information, with the misspelt-name code, on exactly the word', () => {
    const zionev = at(diagnostics, rangeOf(root, 'terror.txt', 'Zionev'));
    assert.ok(zionev, `nothing on Zionev: ${JSON.stringify(diagnostics)}`);
    assert.equal(zionev.severity, DiagnosticSeverity.Information);
    assert.equal(zionev.code, 'misspelt-name');
    assert.equal(zionev.source, 'History Notes');
    assert.match(messageOf(zionev), /^Zionev: did you mean /);
  });

  // Guards a fixed bug: the suggestion was the alias closest by edit distance (`Zinov'ev`).
  it('suggests Zinoviev for Zionev: `Zionev: did you mean Zinoviev?`', () => {
    const zionev = at(diagnostics, rangeOf(root, 'terror.txt', 'Zionev'));
    assert.equal(zionev && messageOf(zionev), 'Zionev: did you mean Zinoviev?');
  });

  it('flags every Zionev and Bukarin, and nothing else', () => {
    const text = readNote(root, 'terror.txt');
    const written = diagnostics.map((d) => textIn(text, d.range));
    assert.deepEqual([...new Set(written)].sort(), ['Bukarin', 'Zionev']);
    for (let nth = 1; nth <= 4; nth++) assert.ok(at(diagnostics, rangeOf(root, 'terror.txt', 'Zionev', nth)), `Zionev #${nth}`);
    for (let nth = 1; nth <= 3; nth++) {
      const bukarin = at(diagnostics, rangeOf(root, 'terror.txt', 'Bukarin', nth));
      assert.equal(bukarin && messageOf(bukarin), 'Bukarin: did you mean Bukharin?', `Bukarin #${nth}`);
    }
  });

  it('does not flag `Stalins` (a possessive without its apostrophe)', () => {
    const stalins = rangeOf(root, 'terror.txt', 'Stalins');
    assert.ok(
      !diagnostics.some(
        (d) =>
          d.range.start.line === stalins.start.line &&
          d.range.start.character <= stalins.start.character &&
          d.range.end.character >= stalins.end.character,
      ),
    );
  });

  it('publishes again after a didChange that adds a misspelling', async () => {
    const line = positionOf(root, 'terror.txt', 'Yezhov –').line;
    const lineText = linesOf(readNote(root, 'terror.txt'))[line];
    const end = { line, character: lineText.length };
    const published = diagnosticsWhere(server, uri, (ds) => ds.some((d) => messageOf(d).startsWith('Yagado:')), 'a diagnostic for Yagado');
    await editRange(server, uri, 2, { start: end, end }, ' Yagado replaced him.');
    const after = await published;
    const yagado = after.find((d) => messageOf(d).startsWith('Yagado:'))!;
    assert.deepEqual(yagado.range, {
      start: { line, character: lineText.length + ' '.length },
      end: { line, character: lineText.length + ' Yagado'.length },
    });
    assert.equal(messageOf(yagado), 'Yagado: did you mean Yagoda?');
    // The earlier ones are still there.
    assert.ok(at(after, rangeOf(root, 'terror.txt', 'Zionev')));
  });

  it('clears the diagnostics when the note is closed', async () => {
    const cleared = diagnosticsWhere(server, uri, (ds) => ds.length === 0, 'empty diagnostics');
    await closeFile(server, uri);
    assert.deepEqual(await cleared, []);
  });
});

describe('LSP: diagnostics follow the severity setting', () => {
  let server: LspServer;
  let root: string;
  let uri: string;

  withFixtureServer(['plain'], (started, copy) => ([server, root] = [started, copy]), { settings: { spelling: { severity: 'warning' } } });

  const zionevKey = (): string => locationKey({ uri, range: rangeOf(root, 'terror.txt', 'Zionev') });
  const severitiesOf = (diagnostics: Diagnostic[]): Set<DiagnosticSeverity | undefined> => new Set(diagnostics.map((d) => d.severity));

  it('publishes warnings when the settings say `warning`', async () => {
    let diagnostics: Diagnostic[];
    ({ uri, diagnostics } = await openWithDiagnostics(server, 'terror.txt'));
    assert.ok(diagnostics.some((d) => locationKey({ uri, range: d.range }) === zionevKey()));
    assert.deepEqual([...severitiesOf(diagnostics)], [DiagnosticSeverity.Warning]);
  });

  it('switches to hints on workspace/didChangeConfiguration, without a restart', async () => {
    answerConfiguration(server, { spelling: { severity: 'hint' } });
    const published = diagnosticsWhere(
      server,
      uri,
      (ds) => ds.length > 0 && ds.every((d) => d.severity === DiagnosticSeverity.Hint),
      'hints',
    );
    await server.send('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await published;
    assert.ok(diagnostics.some((d) => locationKey({ uri, range: d.range }) === zionevKey()));
  });

  it('publishes nothing when the setting is `off`, and errors when it is `error`', async () => {
    answerConfiguration(server, { spelling: { severity: 'off' } });
    const off = diagnosticsWhere(server, uri, (ds) => ds.length === 0, 'no diagnostics');
    await server.send('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await off, []);

    answerConfiguration(server, { spelling: { severity: 'error' } });
    const errors = diagnosticsWhere(server, uri, (ds) => ds.length > 0, 'diagnostics again');
    await server.send('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual([...severitiesOf(await errors)], [DiagnosticSeverity.Error]);
  });
});

describe('LSP: diagnostics settings from a client that pushes them', () => {
  let server: LspServer;
  let root: string;

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'));
      // No `settings`: the client does not answer workspace/configuration, so initializationOptions and pushed settings count.
      return root;
    },
    (started) => (server = started),
    { initializationOptions: { settings: { spelling: { severity: 'error' } } } },
  );

  it('takes the severity from initializationOptions, then from didChangeConfiguration', async () => {
    const { uri, diagnostics: first } = await openWithDiagnostics(server, 'terror.txt');
    assert.ok(first.length > 0);
    assert.ok(
      first.every((d) => d.severity === DiagnosticSeverity.Error),
      JSON.stringify(first.map((d) => d.severity)),
    );

    const hints = diagnosticsWhere(server, uri, (ds) => ds.length > 0 && ds.every((d) => d.severity === DiagnosticSeverity.Hint), 'hints');
    await server.send('workspace/didChangeConfiguration', { settings: { historyNotes: { spelling: { severity: 'hint' } } } });
    await hints;
  });
});

describe('LSP: an edit republishes the other open notes only when their diagnostics change', () => {
  let server: LspServer;
  // A topic no pack covers, so the events note is the only record of the date the essay is checked against.
  const events = (year: number): string => `The Norman Conquest\n\nEvents\n\n  • ${year} – Battle of Hastings (14 October)\n`;
  const ESSAY = 'My essay\n\nThe Battle of Hastings in 1067 gave William the crown.\n';
  withServer(
    () => {
      const root = copyFixture(path.join(FIXTURES, 'plain'));
      writeFile(root, 'essay.txt', ESSAY);
      writeFile(root, 'conquest.txt', events(1066));
      return root;
    },
    (started) => (server = started),
  );

  /** Changes the events note's year, and waits until the server has answered a request made after it. */
  async function editEvents(uri: string, version: number, year: number): Promise<void> {
    const line = 4;
    const published = nextDiagnostics(server, uri);
    await editRange(server, uri, version, { start: { line, character: 4 }, end: { line, character: 8 } }, String(year));
    await published;
    // Whatever the edit published was written before this answer.
    await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  }

  it('leaves the essay’s diagnostics unsent when the edit changes nothing in them, and sends them when it does', async () => {
    const { uri: essay, diagnostics: first } = await openWithDiagnostics(server, 'essay.txt');
    assert.deepEqual(
      first.map((d) => d.message),
      ['Battle of Hastings: 1066, not 1067 (your notes, conquest.txt:5)'],
    );
    const { uri: conquest } = await openWithDiagnostics(server, 'conquest.txt');
    const sent = server.diagnostics.get(essay);

    await editEvents(conquest, 2, 1066);
    assert.equal(server.diagnostics.get(essay), sent, 'the same diagnostics were sent again');

    await editEvents(conquest, 3, 1067);
    assert.deepEqual(server.diagnostics.get(essay), []);
  });
});
