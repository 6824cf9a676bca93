// Completion of names, ranked by fuse.js over canonical names, aliases and the variants seen in the
// notes, so `zinov`, `Zionev` and `Zi` all offer Zinoviev. After `Trial of`, trial names.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { Entity } from '../index/model';
import type { NotesIndex } from '../index/notesIndex';
import { surnameOf } from '../knowledge/surname';
import { shortDates } from './card';

const LIMIT = 30;
const TRIAL_LIMIT = 100;

export const KIND_ICONS: Record<Entity['kind'], CompletionItemKind> = {
  person: CompletionItemKind.Reference,
  trial: CompletionItemKind.Constant,
  cause: CompletionItemKind.Interface,
  event: CompletionItemKind.Event,
  organisation: CompletionItemKind.Module,
  place: CompletionItemKind.Unit,
};

export interface CompletionData {
  id: string;
}

/** `lineText` is the text of the cursor's line. */
export function provideCompletion(index: NotesIndex, lineText: string, position: Position): CompletionList {
  const before = lineText.slice(0, position.character);
  const trial = /\b(trial of(?: the)?\s*)([\p{L}\p{N}-]*)$/iu.exec(before);
  if (trial) return trialCompletion(index, position, position.character - trial[0].length, trial[2]);

  const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.exec(before);
  if (!word || word[0].length < 2) return { isIncomplete: true, items: [] };
  const prefix = word[0];
  const range = { start: { line: position.line, character: word.index }, end: position };
  const results = index.find(prefix, LIMIT, true);
  const items = results.map((result, rank) => {
    const insert = insertText(result.entity, result.matched);
    return item(result.entity, insert, range, rank, `${prefix} ${insert} ${result.matched}`);
  });
  const allPrefixMatches = results.every((r) => r.matched.toLowerCase().startsWith(prefix.toLowerCase()));
  // Fuzzy matches change with every keystroke: ask again rather than let the editor filter a stale list.
  return { isIncomplete: results.length >= LIMIT || !allPrefixMatches, items };
}

function trialCompletion(index: NotesIndex, position: Position, start: number, typed: string): CompletionList {
  const range = { start: { line: position.line, character: start }, end: position };
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const trial of trials(index)) {
    for (const form of [trial.name, ...trial.aliases]) {
      if (!/^trial of\b/i.test(form) || seen.has(form.toLowerCase())) continue;
      if (typed && !form.toLowerCase().includes(typed.toLowerCase())) continue;
      // A folder may hold thousands of trials: the first ones, and the editor asks again as the name is typed.
      if (items.length === TRIAL_LIMIT) return { isIncomplete: true, items };
      seen.add(form.toLowerCase());
      items.push(item(trial, form, range, items.length, form));
    }
  }
  return { isIncomplete: false, items };
}

/** The knowledge's trials first, then the notes'. */
function* trials(index: NotesIndex): Generator<Entity> {
  for (const { entry } of index.knowledgeBase.entries.values()) if (entry.kind === 'trial') yield index.entity(entry.id)!;
  yield* index.entitiesOfKind('trial');
}

function item(entity: Entity, insert: string, range: Range, rank: number, filterText: string): CompletionItem {
  const entry = entity.knowledge?.entry;
  const dates = entry && shortDates(entry);
  return {
    label: insert,
    labelDetails: { description: insert === entity.name ? entity.kind : `${entity.name}` },
    kind: KIND_ICONS[entity.kind],
    detail: [entity.name, dates, entity.kind].filter(Boolean).join(' · '),
    sortText: String(rank).padStart(4, '0'),
    filterText,
    textEdit: { range, newText: insert },
    data: { id: entity.id } satisfies CompletionData,
  };
}

/**
 * What to write: a person's surname form when that is what matched or what students write (`Zinoviev`,
 * not `Grigory Zinoviev`), else the canonical name. A misspelling is never inserted.
 */
function insertText(entity: Entity, matched: string): string {
  const misspelt = entity.knowledge?.entry.misspellings?.includes(matched) ?? false;
  if (entity.kind !== 'person') return misspelt ? entity.name : matched === entity.name || !entity.knowledge ? entity.name : matched;
  const surname = surnameOf(entity.name, entity.aliases);
  if (misspelt || matched.includes(' ')) return surname;
  return matched;
}
