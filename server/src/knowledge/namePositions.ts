// Where each entry's `name` string sits in a knowledge file, found by skipping through the text
// rather than building a syntax tree of it: a tree of the largest bundled pack took 34 ms to build in
// a fresh process, one step the event loop could not break. Only for a text JSON.parse has read.

/** A string token, quotes and escapes included; the text is valid JSON, so it is closed. */
const STRING = /"(?:[^"\\]|\\.)*"/y;

interface Container {
  object: boolean;
  /** The key of the property being read, in an object. */
  key?: string;
  /** Whether the next string is a key, in an object. */
  expectsKey: boolean;
  /** The element being read, in an array. */
  index: number;
}

/**
 * Per entry of the top-level `entities` array, the offset and length of its `name` string (the
 * first, if the entry repeats the key); undefined where it has none.
 */
export function entryNameSpans(json: string): ({ offset: number; length: number } | undefined)[] {
  const spans: ({ offset: number; length: number } | undefined)[] = [];
  const stack: Container[] = [];
  for (let at = 0; at < json.length; at++) {
    switch (json.charCodeAt(at)) {
      case 0x7b: // {
        stack.push({ object: true, expectsKey: true, index: 0 });
        break;
      case 0x5b: // [
        stack.push({ object: false, expectsKey: false, index: 0 });
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: {
        // , the next property or element
        const top = stack[stack.length - 1];
        top.expectsKey = top.object;
        top.index++;
        break;
      }
      case 0x22: {
        // " a key or a value
        STRING.lastIndex = at;
        STRING.exec(json);
        const end = STRING.lastIndex;
        const top = stack[stack.length - 1];
        if (top?.expectsKey) {
          top.key = JSON.parse(json.slice(at, end)) as string;
          top.expectsKey = false;
        } else if (stack.length === 3 && top.key === 'name' && stack[0].key === 'entities' && !stack[1].object) {
          const entry = stack[1].index;
          spans[entry] ??= { offset: at, length: end - at };
        }
        at = end - 1;
        break;
      }
    }
  }
  return spans;
}
