// "Accept as a spelling": the edit that adds a variant as an alias in the user's knowledge file, or
// creates that file. Only ever run when the student chooses the quick fix.
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Entity } from '../index/model';
import { LineIndex } from '../knowledge/load';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export interface KnowledgeText {
  uri: string;
  text: string;
}

/** Adds `variant` to the entity's aliases in `file`, or creates `newFileUri` holding just that. */
export function acceptVariantEdit(file: KnowledgeText | undefined, newFileUri: string, entity: Entity, variant: string): WorkspaceEdit | undefined {
  const entry = { id: entity.id, kind: entity.kind, name: entity.name, aliases: [variant] };
  if (!file) {
    const text = JSON.stringify({ $schema: 'https://history-notes.invalid/knowledge.schema.json', name: 'My names', entities: [entry] }, null, 2) + '\n';
    return {
      documentChanges: [
        { kind: 'create', uri: newFileUri, options: { ignoreIfExists: true } },
        { textDocument: { uri: newFileUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    };
  }
  const root = parseTree(file.text);
  const entities = root && findNodeAtLocation(root, ['entities']);
  if (!entities || entities.type !== 'array') return undefined;
  const index = (entities.children ?? []).findIndex((node) => findNodeAtLocation(node, ['id'])?.value === entity.id);
  let edits;
  if (index === -1) {
    edits = modify(file.text, ['entities', entities.children?.length ?? 0], entry, { formattingOptions: FORMAT, isArrayInsertion: true });
  } else {
    const aliases = findNodeAtLocation(entities.children![index], ['aliases']);
    if (aliases?.type === 'array' && aliases.children?.some((a) => a.value === variant)) return undefined;
    edits = aliases?.type === 'array'
      ? modify(file.text, ['entities', index, 'aliases', aliases.children?.length ?? 0], variant, { formattingOptions: FORMAT, isArrayInsertion: true })
      : modify(file.text, ['entities', index, 'aliases'], [variant], { formattingOptions: FORMAT });
  }
  // One edit replacing the changed span keeps it a single, exact undo step.
  const lines = new LineIndex(file.text);
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  const after = applyEdits(file.text, edits);
  const newText = after.slice(start, after.length - (file.text.length - end));
  const edit: TextEdit = { range: lines.range(start, end), newText };
  return { changes: { [file.uri]: [edit] } };
}
