// Reads one knowledge file: JSON syntax errors and schema violations become problems at their
// position, and an invalid entry is skipped while the rest of the file still serves.
import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import schema from '../../../data/knowledge.schema.json';
import type { KnowledgeEntry, KnowledgeFile, KnowledgeProblem } from './model';
import { entryNameSpans } from './namePositions';

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const SYNTAX = { allowTrailingComma: false, disallowComments: true };

/** Knowledge files are data: their text is parsed as JSON, never evaluated. */
export function loadKnowledgeFile(uri: string, text: string, bundled = false): KnowledgeFile {
  const file: KnowledgeFile = { uri, entries: [], includes: [], locations: new Map(), problems: [], bundled };
  const positions = new LineIndex(text);
  // A syntax tree, which says where each value is, only where something needs a position: building
  // one for every file made starting the server slow (see namePositions).
  let root: Node | undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    root = parseTree(text, errors, SYNTAX);
    for (const error of errors) {
      file.problems.push({
        message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`,
        range: positions.range(error.offset, error.offset + Math.max(error.length, 1)),
        severity: 'error',
      });
    }
    if (!root || errors.length > 0) return file;
    data = nodeValue(root);
  }
  const tree = (): Node => (root ??= parseTree(text, [], SYNTAX)!);

  const invalidEntries = new Set<number>();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const path = instancePath(error);
      const entryIndex = path[0] === 'entities' && typeof path[1] === 'number' ? path[1] : undefined;
      if (entryIndex !== undefined) invalidEntries.add(entryIndex);
      const node = problemNode(tree(), path, error);
      file.problems.push({
        message: describeSchemaError(error),
        range: positions.range(node.offset, node.offset + node.length),
        severity: 'error',
      });
    }
    // A problem outside the entities (the file's shape itself) makes the whole file unusable.
    if ([...(validate.errors ?? [])].some((e) => instancePath(e)[0] !== 'entities' || instancePath(e).length < 2)) return file;
  }

  const document = data as { id?: string; name?: string; theme?: string; includes?: string[]; entities: KnowledgeEntry[] };
  file.title = document.name;
  file.theme = document.theme;
  file.packId = document.id;
  file.includes = document.includes ?? [];
  const nameSpans = root ? undefined : entryNameSpans(text);
  const seen = new Set<string>();
  document.entities.forEach((entry, index) => {
    if (invalidEntries.has(index)) return;
    const name = nameSpans ? nameSpans[index] : findNodeAtLocation(tree(), ['entities', index, 'name']);
    const range = positions.range(name?.offset ?? 0, (name?.offset ?? 0) + (name?.length ?? 0));
    if (seen.has(entry.id)) {
      const idNode = findNodeAtLocation(tree(), ['entities', index, 'id']);
      const at = idNode ? positions.range(idNode.offset, idNode.offset + idNode.length) : range;
      file.problems.push({
        message: `Duplicate id "${entry.id}": this entry is skipped; the first one with this id is used.`,
        range: at,
        severity: 'error',
      });
      return;
    }
    seen.add(entry.id);
    file.entries.push(withoutSelfReferences(entry, file.problems, tree, index, positions));
    file.locations.set(entry.id, range);
  });
  return file;
}

function withoutSelfReferences(
  entry: KnowledgeEntry,
  problems: KnowledgeProblem[],
  tree: () => Node,
  index: number,
  positions: LineIndex,
): KnowledgeEntry {
  for (const field of ['related', 'defendants'] as const) {
    const ids = entry[field];
    const self = ids?.indexOf(entry.id) ?? -1;
    if (ids && self !== -1) {
      const node = findNodeAtLocation(tree(), ['entities', index, field, self]);
      if (node)
        problems.push({
          message: `"${entry.id}" lists itself in ${field}; ignored.`,
          range: positions.range(node.offset, node.offset + node.length),
          severity: 'warning',
        });
      entry = { ...entry, [field]: ids.filter((id) => id !== entry.id) };
    }
  }
  return entry;
}

/** The node to underline: an unknown property's own key, else the offending value. */
function problemNode(root: Node, path: (string | number)[], error: ErrorObject): Node {
  if (error.keyword === 'additionalProperties') {
    const property = findNodeAtLocation(root, [...path, (error.params as { additionalProperty: string }).additionalProperty]);
    if (property?.parent?.children?.[0]) return property.parent.children[0];
  }
  return findNodeAtLocation(root, path) ?? root;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((p) => [p.children![0].value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function instancePath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** An id's form, or a date's. */
function expectedForm(instancePath: string): string {
  const isId = instancePath.endsWith('id') || /\/(related|defendants)\//.test(instancePath);
  return isId ? '(lowercase letters, digits and hyphens)' : '(a date: YYYY, YYYY-MM or YYYY-MM-DD)';
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath ? `${error.instancePath}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where}must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
    case 'pattern':
      return `${where}does not match the expected form ${expectedForm(error.instancePath)}`;
    default:
      return `${where}${error.message ?? 'is invalid'}`;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Offsets to UTF-16 line/character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
