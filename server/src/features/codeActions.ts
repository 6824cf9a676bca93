// Quick fixes for a misspelt name: replace this one, replace every one in the file, or accept the
// spelling as a variant (the server's command writes it to the user's knowledge file). The problems
// come from the index at the requested range: an editor may hand back diagnostics without their data.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { MISSPELT_NAME } from './diagnostics';
import { spellingProblems } from './spelling';

export function provideCodeActions(index: NotesIndex, uri: string, range: Range, diagnostics: Diagnostic[], acceptCommand: string): CodeAction[] {
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
      actions.push({ title: `Replace all ${same.length} '${written}' with '${suggestion}' in this file`, kind: CodeActionKind.QuickFix, diagnostics: fixes, edit: { changes: { [uri]: edits } } });
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

function intersects(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
