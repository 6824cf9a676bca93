// How much memory typed arrays hold through their buffers, against what they use: a view into a bigger
// buffer (a whole cache file, a shared pool) keeps all of it alive.

/** The typed arrays among the values of `parts`. */
export function typedArrays(...parts: object[]): ArrayBufferView[] {
  return parts.flatMap((part): unknown[] => Object.values(part)).filter((value) => ArrayBuffer.isView(value));
}

/** The bytes of the distinct buffers behind `arrays`, and the bytes the arrays themselves take. */
export function bytesHeld(arrays: readonly ArrayBufferView[]): { held: number; needed: number } {
  const buffers = new Set(arrays.map((array) => array.buffer));
  return {
    held: [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0),
    needed: arrays.reduce((sum, array) => sum + array.byteLength, 0),
  };
}
