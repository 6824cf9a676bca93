// Semantic tokens: people, trials, causes, events, organisations and places coloured apart. Each
// custom type declares a standard super type in the client's manifest, so every theme colours it.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { ENTITY_KINDS } from '../notes/extract';
import { compareRanges, positionKey } from '../notes/ranges';

export const TOKEN_TYPES = ENTITY_KINDS.map((kind) => `historyNotes.${kind}`);
export const TOKEN_MODIFIERS = ['definition', 'misspelt'];
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: TOKEN_MODIFIERS };

export function provideSemanticTokens(index: NotesIndex, uri: string): SemanticTokens {
  const definitions = new Set(index.definitionsIn(uri).map((d) => positionKey(d.range.start)));
  const tokens = index
    .mentionsIn(uri)
    .filter((m) => m.range.start.line === m.range.end.line)
    .map((m) => ({ mention: m, type: ENTITY_KINDS.indexOf(index.entity(m.entityId)?.kind ?? 'person') }))
    .sort((a, b) => compareRanges(a.mention.range, b.mention.range));
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const { mention, type } of tokens) {
    const { start, end } = mention.range;
    const modifiers = (definitions.has(positionKey(start)) ? 1 : 0) | (mention.suggestion ? 2 : 0);
    data.push(
      start.line - line,
      start.line === line ? start.character - character : start.character,
      end.character - start.character,
      type,
      modifiers,
    );
    line = start.line;
    character = start.character;
  }
  return { data };
}
