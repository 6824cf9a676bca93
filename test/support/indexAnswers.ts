// What an index answers, as lines of text, for tests that compare two indexes built different ways.
import type { NotesIndex } from '../../server/src/index/notesIndex';

/** Everything a request could ask of the index, as text: entities, their definitions, mentions and variants. */
export function answers(index: NotesIndex): string[] {
  const lines: string[] = [];
  const at = (uri: string, line: number, character: number): string => `${uri}:${line}:${character}`;
  for (const entity of index.entities()) {
    lines.push(`${entity.id} ${entity.kind} ${entity.name} variants=${index.variants(entity.id).join('|')}`);
    for (const d of index.noteDefinitions(entity.id)) lines.push(`  defined ${at(d.uri, d.range.start.line, d.range.start.character)}`);
    for (const m of index.mentions(entity.id))
      lines.push(
        `  mention ${at(m.uri, m.range.start.line, m.range.start.character)}-${m.range.end.character} ${m.surface} ${m.suggestion ?? ''}`,
      );
  }
  return lines;
}

/** The answers in an order that does not depend on the order of edits: each line under its entity, sorted. */
export function canonicalAnswers(index: NotesIndex): string[] {
  let entity = '';
  return answers(index)
    .map((line) => (line.startsWith(' ') ? `${entity}${line}` : (entity = line.slice(0, line.indexOf(' ')))))
    .sort();
}
