// Where an entity opens (go to definition, a click in the sidebar or the timeline): its definitions
// in the notes, else a read-only page with its knowledge card, never the pack's JSON.
import type { Location } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { knowledgeCardUri, type KnowledgeCardResult } from '../protocol';
import { buildCard, escapeMarkdown, renderMarkdown, type Describe } from './card';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where the sidebar, the timeline and workspace symbols open an entity: its first definition, else its knowledge card's page. */
export function openLocation(index: NotesIndex, id: string): Location | undefined {
  const first = index.noteDefinitions(id)[0];
  if (first) return { uri: first.uri, range: first.range };
  return index.entity(id)?.knowledge ? { uri: knowledgeCardUri(id), range: START } : undefined;
}

/** The page for a knowledge entry: a title, its card, and where the entry stands in its knowledge file. */
export function knowledgeCardPage(index: NotesIndex, id: string, describe: Describe): KnowledgeCardResult {
  const entity = index.entity(id);
  const known = entity?.knowledge;
  if (!entity || !known) return { markdown: '' };
  const title = `# ${escapeMarkdown(entity.name)}\n\n`;
  return { markdown: title + renderMarkdown(buildCard(index, entity), describe) + '\n', source: { uri: known.uri, range: known.range } };
}
