// Rename: every mention of the entity across the notes, each spelling and possessive kept in its form
// (`Zionev's` → `Zinovyev's`). Knowledge files are never rewritten.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { NotesIndex } from '../index/notesIndex';
import { occurrences } from './references';
import { locationKey } from '../notes/ranges';

export class RenameError extends Error {}

export function prepareRename(index: NotesIndex, uri: string, position: Position): { range: Range; placeholder: string } | null {
  const found = index.at(uri, position);
  if (!found) return null;
  const surface = found.mention?.surface ?? index.entity(found.entityId)?.name ?? '';
  const { name, suffix } = splitPossessive(surface);
  const range = { start: found.range.start, end: { line: found.range.end.line, character: found.range.end.character - suffix.length } };
  return { range, placeholder: name };
}

export function provideRename(index: NotesIndex, uri: string, position: Position, newName: string): WorkspaceEdit | null {
  const found = index.at(uri, position);
  if (!found) return null;
  const trimmed = newName.trim();
  if (trimmed === '' || /[\r\n]/.test(trimmed)) throw new RenameError('A name must be one line of text.');
  const changes: Record<string, TextEdit[]> = {};
  const mentions = new Map(index.mentions(found.entityId).map((m) => [locationKey(m), m.surface]));
  for (const location of occurrences(index, found.entityId, true)) {
    const surface = mentions.get(locationKey(location));
    const { suffix } = splitPossessive(surface ?? '');
    const end = { line: location.range.end.line, character: location.range.end.character - suffix.length };
    (changes[location.uri] ??= []).push({ range: { start: location.range.start, end }, newText: trimmed });
  }
  return { changes };
}

/** `Kirov's` → `Kirov` + `'s`; `Stalins` keeps its `s` for the renamed name. Multi-word names are kept whole. */
export function splitPossessive(surface: string): { name: string; suffix: string } {
  if (/\s/.test(surface)) return { name: surface, suffix: '' };
  const match = /(['’]s?|(?<=[a-z])s)$/.exec(surface);
  if (match && match[0] === 's') return { name: surface, suffix: '' };
  return match ? { name: surface.slice(0, match.index), suffix: match[0] } : { name: surface, suffix: '' };
}
