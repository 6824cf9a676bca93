// Diagnostics: misspelt names and contradicted dates in open notes, problems in the user's knowledge
// files; a knowledge file whose problems are gone is cleared.
import type { Diagnostic } from 'vscode-languageserver-types';
import { chronologyDiagnostics, knowledgeDiagnostics, spellingDiagnostics } from '../features/diagnostics';
import type { NotesIndex } from '../index/notesIndex';
import { sameList } from '../notes/lists';
import type { Settings } from '../settings';
import type { KnowledgeState } from './knowledgeState';

export class DiagnosticsPublisher {
  private publishedKnowledge = new Set<string>();
  /** What each note's diagnostics were when last sent, as JSON, until cleared. */
  private sent = new Map<string, string>();
  /** What they were made from (see NotesIndex.diagnosticsBasis), with the severities they were sent at. */
  private bases = new Map<string, readonly unknown[]>();

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /**
   * Sends a note's diagnostics, unless they are what was sent last: an edit in one note republishes
   * every open note, and most have nothing new. `always` for the note just edited: the editor has
   * moved its squiggles with the typing, and the server's answer for the new text puts them right.
   */
  note(index: NotesIndex, uri: string, settings: Settings, always = false): void {
    const basis = [...index.diagnosticsBasis(uri), settings.severity, settings.chronologySeverity];
    // An edit of another note mostly leaves this one's lines, mentions and definitions as they were.
    if (!always && sameList(this.bases.get(uri) ?? [], basis)) return;
    this.bases.set(uri, basis);
    const diagnostics = [
      ...spellingDiagnostics(index, uri, settings.severity),
      ...chronologyDiagnostics(index, uri, settings.chronologySeverity),
    ];
    const json = JSON.stringify(diagnostics);
    if (!always && this.sent.get(uri) === json) return;
    this.sent.set(uri, json);
    this.publish(uri, diagnostics);
  }

  clear(uri: string): void {
    this.sent.delete(uri);
    this.bases.delete(uri);
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
