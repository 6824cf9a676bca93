// Chronology warnings through the real server: a short essay (test/fixtures/chronology/essay.txt) whose
// dates are all right except two deliberate mistakes, "The Trial of the 21 in 1936" (it was held on
// 2–13 March 1938) and "In 1940, Bukharin argued" (he was shot on 15 March 1938). Everything else in it
// (ranges, "after 1938", "By 1937", a year inside the Great Terror's span, a year next to the Stalin
// Constitution in a sentence about the Trial of the 21, "rehabilitated in 1988") must stay quiet.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer, withFixtureServer } from '../support/lspServer';
import { diagnosticsWhere, messageOf, openFile, replaceText } from '../support/editor';
import { applyEdits, linesOf, rangeOf, sameRange, textIn } from '../support/text';

const ESSAY = 'essay.txt';
const CHRONOLOGY_CODES = ['chronology', 'after-death'];

describe('LSP: chronology warnings in an essay', () => {
  let server: LspServer;
  let root: string;
  let uri: string;
  let text: string;
  let diagnostics: Diagnostic[];

  const chronology = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => CHRONOLOGY_CODES.includes(String(d.code)));
  /** The range of the year in `phrase` (the `nth` occurrence of the phrase). */
  function yearIn(phrase: string, year: string): Diagnostic['range'] {
    const whole = rangeOf(root, ESSAY, phrase);
    const at = phrase.indexOf(year);
    return {
      start: { line: whole.start.line, character: whole.start.character + at },
      end: { line: whole.start.line, character: whole.start.character + at + year.length },
    };
  }
  const at = (range: Diagnostic['range']): Diagnostic | undefined => chronology(diagnostics).find((d) => sameRange(d.range, range));

  withFixtureServer(['chronology'], (started, copy) => ([server, root] = [started, copy]));
  before(async () => {
    uri = server.uri(ESSAY);
    const published = diagnosticsWhere(server, uri, (ds) => chronology(ds).length > 0, 'chronology diagnostics for the essay');
    ({ text } = await openFile(server, ESSAY));
    diagnostics = await published;
  });

  it('warns on exactly the two mistakes, and nothing else in the essay', () => {
    const found = chronology(diagnostics).map(
      (d) => `${String(d.code)} ${textIn(text, d.range)} @${d.range.start.line}:${d.range.start.character}`,
    );
    const trial = yearIn('Trial of the 21 in 1936', '1936');
    const bukharin = yearIn('In 1940, Bukharin argued', '1940');
    assert.deepEqual(found.sort(), [
      `after-death 1940 @${bukharin.start.line}:${bukharin.start.character}`,
      `chronology 1936 @${trial.start.line}:${trial.start.character}`,
    ]);
  });

  it('names the recorded date and the knowledge pack for `the Trial of the 21 in 1936`, as a History Notes warning', () => {
    const trial = at(yearIn('Trial of the 21 in 1936', '1936'));
    assert.ok(trial, JSON.stringify(diagnostics));
    assert.equal(trial.severity, DiagnosticSeverity.Warning);
    assert.equal(trial.source, 'History Notes');
    assert.equal(messageOf(trial), 'Trial of the Twenty-One: 2–13 March 1938, not 1936 (Soviet Union 1917-1953 knowledge)');
  });

  it('points its related information at the trial’s entry in the knowledge file', () => {
    const trial = at(yearIn('Trial of the 21 in 1936', '1936'))!;
    const [related, ...rest] = trial.relatedInformation ?? [];
    assert.ok(related, 'no related information');
    assert.deepEqual(rest, []);
    assert.match(related.location.uri, /soviet-union-1917-1953\.history\.json$/);
    const entryLine = linesOf(readFileSync(fileURLToPath(related.location.uri), 'utf8'))[related.location.range.start.line];
    assert.match(entryLine, /"(id|name)": "(trial-of-the-21|Trial of the Twenty-One)"/);
    assert.match(related.message, /2–13 March 1938/);
  });

  it('warns that Bukharin, dead since 15 March 1938, cannot argue in 1940', () => {
    const bukharin = at(yearIn('In 1940, Bukharin argued', '1940'));
    assert.ok(bukharin, JSON.stringify(diagnostics));
    assert.equal(bukharin.code, 'after-death');
    assert.equal(bukharin.severity, DiagnosticSeverity.Warning);
    assert.equal(messageOf(bukharin), 'Nikolai Bukharin died on 15 March 1938, before 1940 (Soviet Union 1917-1953 knowledge)');
    assert.match(bukharin.relatedInformation?.[0]?.location.uri ?? '', /soviet-union-1917-1953\.history\.json$/);
  });

  async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await server.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (actions ?? []).filter((a): a is CodeAction => typeof (a as Command).command !== 'string');
  }

  it('offers a quick fix that writes 1938 in place of 1936', async () => {
    const trial = at(yearIn('Trial of the 21 in 1936', '1936'))!;
    const fix = (await actionsFor(trial)).find((a) => a.title === 'Change 1936 to 1938');
    assert.ok(fix, 'no quick fix');
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit?.changes?.[uri];
    assert.ok(edits, JSON.stringify(fix.edit));
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, text.replace('The Trial of the 21 in 1936 was', 'The Trial of the 21 in 1938 was'));
  });

  it('offers no quick fix for Bukharin in 1940', async () => {
    const bukharin = at(yearIn('In 1940, Bukharin argued', '1940'))!;
    assert.deepEqual(
      (await actionsFor(bukharin)).filter((a) => a.kind === CodeActionKind.QuickFix),
      [],
    );
  });

  it('drops the warning once the year is fixed', async () => {
    const fixed = text.replace('The Trial of the 21 in 1936 was', 'The Trial of the 21 in 1938 was');
    const published = diagnosticsWhere(server, uri, (ds) => chronology(ds).length === 1, 'one chronology diagnostic left');
    await replaceText(server, uri, 2, fixed);
    const left = chronology(await published);
    assert.deepEqual(
      left.map((d) => d.code),
      ['after-death'],
    );
  });
});
