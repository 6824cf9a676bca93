// Diagnostics: misspelt names in a note, and problems in a knowledge file, each at its position.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import type { KnowledgeFile } from '../knowledge/model';
import { spellingProblems } from './spelling';

export const SOURCE = 'History Notes';
export const MISSPELT_NAME = 'misspelt-name';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

const SEVERITIES: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface MisspeltNameData {
  written: string;
  suggestion: string;
  entityId: string;
}

export function spellingDiagnostics(index: NotesIndex, uri: string, severity: SeveritySetting): Diagnostic[] {
  if (severity === 'off') return [];
  return spellingProblems(index, uri).map((problem) => ({
    range: problem.range,
    severity: SEVERITIES[severity],
    source: SOURCE,
    code: MISSPELT_NAME,
    message: problem.message,
    data: { written: problem.written, suggestion: problem.suggestion, entityId: problem.entityId } satisfies MisspeltNameData,
  }));
}

export function knowledgeDiagnostics(file: KnowledgeFile): Diagnostic[] {
  return file.problems.map((problem) => ({
    range: problem.range,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  }));
}
