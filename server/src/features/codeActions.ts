// Quick fixes for a misspelt name: replace this one, replace every one in the file, or accept the
// spelling as a variant (the server's command writes it to the user's knowledge file); and for a
// year that contradicts the record, write the recorded year. The problems come from the index (and
// the document's text) at the requested range: an editor may hand back diagnostics without their data.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { chronologyProblems } from './chronology';
import { CHRONOLOGY, MISSPELT_NAME, type ChronologyData } from './diagnostics';
import { spellingProblems } from './spelling';
import { intersects } from '../notes/ranges';

export function provideCodeActions(
  index: NotesIndex,
  uri: string,
  range: Range,
  diagnostics: Diagnostic[],
  acceptCommand: string,
): CodeAction[] {
  return [...spellingActions(index, uri, range, diagnostics, acceptCommand), ...chronologyActions(index, uri, range, diagnostics)];
}

function spellingActions(index: NotesIndex, uri: string, range: Range, diagnostics: Diagnostic[], acceptCommand: string): CodeAction[] {
  const actions: CodeAction[] = [];
  const problems = spellingProblems(index, uri);
  for (const problem of problems.filter((p) => intersects(p.range, range))) {
    const { written, suggestion, entityId } = problem;
    const name = index.entity(entityId)?.name ?? suggestion;
    const fixes = diagnostics.filter((d) => d.code === MISSPELT_NAME && intersects(d.range, problem.range));
    actions.push({
      title: `Replace with '${suggestion}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: fixes,
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: problem.range, newText: suggestion }] } },
    });
    const same = problems.filter((p) => p.written === written && p.entityId === entityId);
    if (same.length > 1) {
      const edits: TextEdit[] = same.map((p) => ({ range: p.range, newText: p.suggestion }));
      actions.push({
        title: `Replace all ${same.length} '${written}' with '${suggestion}' in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixes,
        edit: { changes: { [uri]: edits } },
      });
    }
    const variant = written.replace(/['’]s?$/, '');
    actions.push({
      title: `Accept '${variant}' as a spelling of ${name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: fixes,
      command: { title: `Accept '${variant}' as a spelling of ${name}`, command: acceptCommand, arguments: [variant, entityId] },
    });
  }
  return actions;
}

/** Write the recorded year in place of the written one. */
function chronologyActions(index: NotesIndex, uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  // The index's text when it holds the note; else what the diagnostics carry.
  const fixes = index.hasDocument(uri) ? chronologyProblems(index, uri) : diagnostics.filter((d) => d.code === CHRONOLOGY).map(fromData);
  return fixes
    .filter(
      (p): p is { range: Range; written: string; recorded: string } =>
        p !== undefined && p.recorded !== undefined && intersects(p.range, range),
    )
    .map((p) => ({
      title: `Change ${p.written} to ${p.recorded}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((d) => d.code === CHRONOLOGY && intersects(d.range, p.range)),
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: p.range, newText: p.recorded }] } },
    }));
}

function fromData(diagnostic: Diagnostic): { range: Range; written: string; recorded?: string } | undefined {
  const data = diagnostic.data as Partial<ChronologyData> | undefined;
  return typeof data?.written === 'string' && typeof data.recorded === 'string'
    ? { range: diagnostic.range, written: data.written, recorded: data.recorded }
    : undefined;
}
