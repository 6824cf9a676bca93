// The outline of a note (sections, and in them the causes, trials and people it defines), workspace
// symbols by fuzzy name, and folding ranges for sections.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { openLocation } from './knowledgeCard';
import type { EntityKind } from '../notes/extract';
import type { ParsedNotes } from '../notes/model';

export const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  trial: SymbolKind.Event,
  cause: SymbolKind.Interface,
  event: SymbolKind.Event,
  organisation: SymbolKind.Module,
  place: SymbolKind.Package,
};

export function provideDocumentSymbols(index: NotesIndex, uri: string): DocumentSymbol[] {
  const notes = index.document(uri)?.notes;
  if (!notes) return [];
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const definitions = index.definitionsIn(uri);
  for (const section of notes.sections) {
    const heading = section.heading;
    const children: DocumentSymbol[] = definitions
      .filter((d) => ownerOf(notes, d.range.start.line) === section && d.range.start.line !== heading?.line)
      .map((d) => ({ name: d.note.name, detail: d.note.kind, kind: SYMBOL_KINDS[d.note.kind], range: d.range, selectionRange: d.range }));
    if (!heading) {
      roots.push(...children);
      continue;
    }
    const own = definitions.find((d) => d.range.start.line === heading.line);
    const symbol: DocumentSymbol = {
      name: heading.text || '(untitled)',
      detail: own ? own.note.kind : undefined,
      kind: own ? SYMBOL_KINDS[own.note.kind] : SymbolKind.Namespace,
      range: section.range,
      selectionRange: heading.range,
      children,
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: heading.level, symbol });
  }
  return roots;
}

/** The section a line belongs to: the last one starting at or before it. */
function ownerOf(notes: ParsedNotes, line: number): ParsedNotes['sections'][number] | undefined {
  let owner;
  for (const section of notes.sections) if (section.range.start.line <= line) owner = section;
  return owner;
}

export function provideWorkspaceSymbols(index: NotesIndex, query: string, limit = 100): SymbolInformation[] {
  const found = query.trim() === '' ? index.entities().map((entity) => ({ entity })) : index.find(query, limit, true);
  const symbols: SymbolInformation[] = [];
  for (const { entity } of found.slice(0, limit)) {
    const location = openLocation(index, entity.id) ?? index.mentions(entity.id)[0];
    if (location)
      symbols.push({
        name: entity.name,
        kind: SYMBOL_KINDS[entity.kind],
        location: { uri: location.uri, range: location.range },
        containerName: entity.kind,
      });
  }
  return symbols;
}

export function provideFoldingRanges(index: NotesIndex, uri: string): FoldingRange[] {
  return (index.document(uri)?.notes.sections ?? [])
    .filter((s) => s.heading && s.range.end.line > s.range.start.line)
    .map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line, kind: 'region' }));
}
