// Diagnostics: misspelt names and contradicted dates in open notes, problems in the user's knowledge
// files; a knowledge file whose problems are gone is cleared.
import type { Diagnostic } from 'vscode-languageserver-types';
import { chronologyDiagnostics, knowledgeDiagnostics, spellingDiagnostics } from '../features/diagnostics';
import type { NotesIndex } from '../index/notesIndex';
import type { Settings } from '../settings';
import type { KnowledgeState } from './knowledgeState';

export class DiagnosticsPublisher {
  private publishedKnowledge = new Set<string>();

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  note(index: NotesIndex, uri: string, settings: Settings): void {
    this.publish(uri, [
      ...spellingDiagnostics(index, uri, settings.severity),
      ...chronologyDiagnostics(index, uri, settings.chronologySeverity),
    ]);
  }

  clear(uri: string): void {
    this.publish(uri, []);
  }

  knowledge(state: KnowledgeState): void {
    const now = new Set<string>();
    for (const file of state.user()) {
      const problems = state.base.problemsOf(file);
      if (problems.length > 0) now.add(file.uri);
      this.publish(file.uri, knowledgeDiagnostics(problems));
    }
    for (const uri of this.publishedKnowledge) if (!now.has(uri) && !state.isUserFile(uri)) this.clear(uri);
    this.publishedKnowledge = now;
  }
}
