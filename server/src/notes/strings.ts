// Strings the index keeps for as long as a note is indexed. A substring of a note can share the
// note's whole text in V8 (a sliced or cons string), so kept strings are copied out; words and names
// repeat across notes, so those are also interned.

/** Interned texts: the same name in ten thousand notes is one string. */
const interned = new Map<string, string>();

export function intern(text: string): string {
  let known = interned.get(text);
  if (known === undefined) {
    known = detach(text);
    interned.set(known, known);
  }
  return known;
}

/** A flat copy of `text` that holds on to nothing else. */
export function detach(text: string): string {
  // Concatenating then slicing makes V8 build a new flat string of the right length.
  return (' ' + text).slice(1);
}
