// Typed arrays filled as they go (a note's mentions, a text table's numbers by word): made bigger
// by doubling, so filling one is linear.

/** `array` when it holds `length` numbers already, else a copy of it with room for at least that many. */
export function grownToHold(array: Int32Array, length: number): Int32Array {
  if (length <= array.length) return array;
  const bigger = new Int32Array(Math.max(length, array.length * 2 + 16));
  bigger.set(array);
  return bigger;
}
