// What resolving each line of a note being edited found, for the next edit: a line whose phrases,
// flags and nearest year are as they were is looked up, not resolved again. It holds while names mean
// what they meant (the name table's generation) and the note names the same people of its own.
import { KeptLookup } from '../notes/keptLookup';
import type { NameTable } from './nameTable';

/** A mention found on a line, its words counted from the line's first phrase word. */
export interface LineMention {
  id: string;
  first: number;
  end: number;
  suggestion?: string;
  guess: boolean;
}

export interface LineResolution {
  found: LineMention[];
  /** What resolving the line looked up, as hashes (see WordSignature). */
  looked: number[];
}

export class ResolutionMemo {
  private lines = new KeptLookup<LineResolution>();
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

  /** `key` says all a line's resolution depends on besides the names (see resolvePhrases). */
  line(key: string, resolve: () => LineResolution): LineResolution {
    return this.lines.get(key, resolve);
  }
}
