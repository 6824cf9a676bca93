// A note's typed arrays copied into one buffer, for the two ways facts come to the indexing thread: read
// from the kept index (where each array is a view into the whole file) and sent by a worker (where each
// array would arrive with a buffer of its own). One buffer a note costs one allocation, not one an array.
import { isObject } from '../notes/storedFacts';

/** Where, in a record of the kept index or a worker's reply, lie the arrays a note keeps once taken. */
export const KEPT_ARRAYS: readonly (readonly string[])[] = [
  ['facts', 'phrases', 'lines'],
  ['facts', 'phrases', 'starts'],
  ['facts', 'phrases', 'flags'],
  ['facts', 'phrases', 'bounds'],
  ['facts', 'years', 'lines'],
  ['facts', 'years', 'years'],
  ['resolution', 'mentions', 'which'],
  ['resolution', 'mentions', 'first'],
  ['resolution', 'mentions', 'end'],
];

/** Where lie the arrays read into other forms as facts are taken, and let go. */
export const PASSING_ARRAYS: readonly (readonly string[])[] = [
  ['facts', 'definitions', 'fields'],
  ['facts', 'definitions', 'lookupKeys'],
  ['facts', 'definitions', 'defendants'],
  ['facts', 'phrases', 'words'],
];

type TypedArrayClass = new (buffer: ArrayBuffer, at: number, length: number) => ArrayBufferView;

/**
 * Replaces the typed arrays found at `paths` in `value` (where there are any) with copies, all views
 * into one new buffer, each at a multiple of 8 bytes; returns that buffer.
 */
export function packArrays(value: unknown, paths: readonly (readonly string[])[]): ArrayBuffer {
  const found: { holder: Record<string, unknown>; field: string; array: ArrayBufferView }[] = [];
  for (const path of paths) {
    let holder: unknown = value;
    for (const step of path.slice(0, -1)) holder = isObject(holder) ? holder[step] : undefined;
    const field = path[path.length - 1];
    const array = isObject(holder) ? holder[field] : undefined;
    if (isObject(holder) && ArrayBuffer.isView(array) && !(array instanceof DataView)) found.push({ holder, field, array });
  }
  const startOf = (offset: number): number => Math.ceil(offset / 8) * 8;
  const bytes = new Uint8Array(found.reduce((offset, { array }) => startOf(offset) + array.byteLength, 0));
  let offset = 0;
  for (const { holder, field, array } of found) {
    offset = startOf(offset);
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    const { BYTES_PER_ELEMENT, constructor } = array as unknown as { BYTES_PER_ELEMENT: number; constructor: TypedArrayClass };
    holder[field] = new constructor(bytes.buffer, offset, array.byteLength / BYTES_PER_ELEMENT);
    offset += array.byteLength;
  }
  return bytes.buffer;
}
