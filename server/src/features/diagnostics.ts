// Diagnostics: misspelt names and chronology problems in a note, and problems in a knowledge file,
// each at its position.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import type { KnowledgeProblem } from '../knowledge/model';
import { AFTER_DEATH, CHRONOLOGY, chronologyProblems } from './chronology';
import { spellingProblems } from './spelling';
import { DiagnosticCodes } from '../protocol';

export { AFTER_DEATH, CHRONOLOGY };

export const SOURCE = 'History Notes';
export const MISSPELT_NAME = DiagnosticCodes.misspeltName;

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

export interface ChronologyData {
  written: string;
  /** The year the quick fix writes; absent when there is nothing to fix (a person acting after death). */
  recorded?: string;
  entityId: string;
}

/** Years that contradict the knowledge or the notes, each pointing at its evidence. */
export function chronologyDiagnostics(index: NotesIndex, uri: string, severity: SeveritySetting = 'warning'): Diagnostic[] {
  if (severity === 'off') return [];
  return chronologyProblems(index, uri).map((problem) => ({
    range: problem.range,
    severity: SEVERITIES[severity],
    source: SOURCE,
    code: problem.code,
    message: problem.message,
    relatedInformation: [{ location: problem.evidence.location, message: `${problem.evidence.detail} (${problem.evidence.label})` }],
    data: { written: problem.written, recorded: problem.recorded, entityId: problem.entityId } satisfies ChronologyData,
  }));
}

/** `problems`: the file's own and its references' (KnowledgeBase.problemsOf). */
export function knowledgeDiagnostics(problems: readonly KnowledgeProblem[]): Diagnostic[] {
  return problems.map((problem) => ({
    range: problem.range,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  }));
}
