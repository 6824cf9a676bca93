// "Accept as a spelling": the edit that adds a variant as an alias in the user's knowledge file, or
// creates that file. Only ever run when the student chooses the quick fix.
import * as path from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Entity } from '../index/model';
import { LineIndex } from '../knowledge/load';
import type { KnowledgeFile } from '../knowledge/model';
import { toUri } from '../workspace/files';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export interface KnowledgeText {
  uri: string;
  text: string;
}

/** Adds `variant` to the entity's aliases in `file`, or creates `newFileUri` holding just that. */
export function acceptVariantEdit(
  file: KnowledgeText | undefined,
  newFileUri: string,
  entity: Entity,
  variant: string,
): WorkspaceEdit | undefined {
  const entry = { id: entity.id, kind: entity.kind, name: entity.name, aliases: [variant] };
  if (!file) {
    const text =
      JSON.stringify({ $schema: 'https://history-notes.invalid/knowledge.schema.json', name: 'My names', entities: [entry] }, null, 2) +
      '\n';
    return {
      documentChanges: [
        { kind: 'create', uri: newFileUri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: newFileUri, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }],
        },
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
    edits =
      aliases?.type === 'array'
        ? modify(file.text, ['entities', index, 'aliases', aliases.children?.length ?? 0], variant, {
            formattingOptions: FORMAT,
            isArrayInsertion: true,
          })
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

/** What choosing the file to write needs from the session. */
export interface AcceptVariantContext {
  /** The user's knowledge files, in order. */
  files: readonly KnowledgeFile[];
  /** A file's current text: the editor's if open, else the disk's. */
  textOf(uri: string): Promise<string | undefined>;
  /** Where a new file goes: the first workspace folder. */
  folder: string | undefined;
  exists(file: string): Promise<boolean>;
}

/**
 * The edit for "accept as a spelling": into the first of the user's files that loads without errors,
 * else into a new `my-names.history.json` (or `my-names-2…`) in the first workspace folder.
 */
export async function acceptVariant(context: AcceptVariantContext, entity: Entity, variant: string): Promise<WorkspaceEdit | undefined> {
  if (context.folder === undefined) return undefined;
  const target = context.files.find((f) => f.uri.startsWith('file:') && !f.problems.some((p) => p.severity === 'error'));
  const text = target && (await context.textOf(target.uri));
  const newFile = toUri(await freeFileName(context, context.folder, 'my-names', '.history.json'));
  return acceptVariantEdit(target && text !== undefined ? { uri: target.uri, text } : undefined, newFile, entity, variant);
}

/** `my-names.history.json`, or `my-names-2.history.json` if that exists, and so on. */
async function freeFileName(context: AcceptVariantContext, folder: string, stem: string, extension: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}${extension}`);
    if (!(await context.exists(candidate))) return candidate;
  }
}
