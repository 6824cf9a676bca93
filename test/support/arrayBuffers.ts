// How much memory typed arrays hold through their buffers, against what they use: a view into a bigger
// buffer (a whole cache file, a shared pool) keeps all of it alive.

/** The typed arrays among `values`. */
export function typedArrays(values: unknown[]): ArrayBufferView[] {
  return values.filter((value) => ArrayBuffer.isView(value));
}

/** The bytes of the distinct buffers behind `arrays`, and the bytes the arrays themselves take. */
export function bytesHeld(arrays: readonly ArrayBufferView[]): { held: number; needed: number } {
  const buffers = new Set(arrays.map((array) => array.buffer));
  return {
    held: [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0),
    needed: arrays.reduce((sum, array) => sum + array.byteLength, 0),
  };
}
