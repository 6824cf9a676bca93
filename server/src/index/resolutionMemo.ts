// What resolving each line of a note being edited found, for the next edit: a line whose runs (the
// LineMemo's object for its text) and nearest year are as they were is looked up, not resolved again.
// It holds while names mean what they meant (the name table's generation) and the note names the same
// people of its own.
import { KeptLookup } from '../notes/keptLookup';
import type { LineRuns } from '../notes/lineMemo';
import type { NameTable } from './nameTable';

/** A mention found on a line, its words counted from the line's first phrase word. */
export interface LineMention {
  id: string;
  first: number;
  end: number;
  suggestion?: string;
  guess: boolean;
}

export class ResolutionMemo {
  /** By the line's runs (the same object while its text is, see LineMemo), then by its nearest year. */
  private lines = new KeptLookup<Map<number | undefined, readonly LineMention[]>, LineRuns>();
  private generation = -1;
  private ownPeople = '';

  /** Starts resolving the note again. */
  begin(names: NameTable, ownPeople: ReadonlyMap<string, string>): void {
    const own = [...ownPeople].map(([surname, id]) => `${surname}=${id}`).join(' ');
    if (names.generation !== this.generation || own !== this.ownPeople) {
      this.lines = new KeptLookup();
      this.generation = names.generation;
      this.ownPeople = own;
    }
    this.lines.next();
  }

  /**
   * The mentions found on the line before, else undefined (and keep keeps them): a line's runs and
   * nearest year are all its resolution depends on besides the names (see resolvePhrases).
   */
  line(runs: LineRuns, year: number | undefined): readonly LineMention[] | undefined {
    return this.lines.find(runs)?.get(year);
  }

  /** Keeps the mentions found on a line that `line` had none for, and returns them. */
  keep(runs: LineRuns, year: number | undefined, found: readonly LineMention[]): readonly LineMention[] {
    (this.lines.find(runs) ?? this.lines.keep(runs, new Map())).set(year, found);
    return found;
  }
}
