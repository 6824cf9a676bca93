// Quick fixes for a misspelt name: replace this one, replace every one in the file, or accept the
// spelling as a variant (the server's command writes it to the user's knowledge file).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { MISSPELT_NAME, type MisspeltNameData } from './diagnostics';
import { spellingProblems } from './spelling';

export function provideCodeActions(index: NotesIndex, uri: string, diagnostics: Diagnostic[], acceptCommand: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== MISSPELT_NAME || !diagnostic.data) continue;
    const { written, suggestion, entityId } = diagnostic.data as MisspeltNameData;
    const name = index.entity(entityId)?.name ?? suggestion;
    actions.push({
      title: `Replace with '${suggestion}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: diagnostic.range, newText: suggestion }] } },
    });
    const same = spellingProblems(index, uri).filter((p) => p.written === written && p.entityId === entityId);
    if (same.length > 1) {
      const edits: TextEdit[] = same.map((p) => ({ range: p.range, newText: p.suggestion }));
      actions.push({ title: `Replace all ${same.length} '${written}' with '${suggestion}' in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } } });
    }
    const variant = written.replace(/['’]s?$/, '');
    actions.push({
      title: `Accept '${variant}' as a spelling of ${name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Accept '${variant}' as a spelling of ${name}`, command: acceptCommand, arguments: [variant, entityId] },
    });
  }
  return actions;
}
