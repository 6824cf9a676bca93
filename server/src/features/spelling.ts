// Misspelt names in one document: `Zionev: did you mean Zinoviev?`. The diagnostics, the quick
// fixes and `history-notes check` all start here.
import type { Range } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';

export interface SpellingProblem {
  range: Range;
  written: string;
  suggestion: string;
  entityId: string;
  message: string;
}

export function spellingProblems(index: NotesIndex, uri: string): SpellingProblem[] {
  return index.misspeltMentionsIn(uri).map((m) => {
    const suggestion = withPossessive(m.surface, m.suggestion!);
    return { range: m.range, written: m.surface, suggestion, entityId: m.entityId, message: `${m.surface}: did you mean ${suggestion}?` };
  });
}

/** Keeps what follows the name as written: `Zionev's` → `Zinoviev's`. */
export function withPossessive(written: string, name: string): string {
  const ending = /['’]s?$/.exec(written);
  return ending ? name + ending[0] : name;
}
