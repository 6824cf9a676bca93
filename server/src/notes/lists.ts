// Comparing lists item by item, where what was made before may be kept if nothing changed.

export function sameList<T>(a: ArrayLike<T>, b: ArrayLike<T>, same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}
