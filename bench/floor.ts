// The floor: what reading every note and looking at it at all costs, in-process. Lists the folder,
// reads each file with fs.readFileSync and runs three regex passes (capitalised words, bullets,
// headings). No index is built; the server cannot be faster than this.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface FloorResult {
  ms: number;
  files: number;
  bytes: number;
  /** Matches of each pass, so the work cannot be optimised away (and as a sanity check). */
  capitalised: number;
  bullets: number;
  headings: number;
}

const CAPITALISED = /\p{Lu}[\p{L}'’-]*/gu;
const BULLET = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/gm;
const HEADING = /^(?:#{1,6}[ \t].*|[\p{Lu}\p{N}][^.!?\r\n]{0,69})\r?$/gmu;

export function listNotes(root: string): string[] {
  const found: string[] = [];
  const folders = [root];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile() && /\.(txt|md|notes|markdown)$/i.test(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

export function measureFloor(root: string): FloorResult {
  const started = performance.now();
  const files = listNotes(root);
  const result: FloorResult = { ms: 0, files: files.length, bytes: 0, capitalised: 0, bullets: 0, headings: 0 };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    result.bytes += text.length;
    result.capitalised += text.match(CAPITALISED)?.length ?? 0;
    result.bullets += text.match(BULLET)?.length ?? 0;
    result.headings += text.match(HEADING)?.length ?? 0;
  }
  result.ms = performance.now() - started;
  return result;
}
