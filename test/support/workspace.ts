// A throwaway copy of a fixture folder, so tests can add, change and delete files freely.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES, SAMPLES } from './paths';

export function copyFixture(...folders: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'history-notes-'));
  for (const folder of folders) cpSync(folder, root, { recursive: true });
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A big folder of real notes: `copies` folders `copy-N`, each with the sample notes and three fixtures' (8 notes). */
export function copiesOfNotes(copies: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'history-notes-copies-'));
  for (let copy = 0; copy < copies; copy++)
    for (const folder of [SAMPLES, path.join(FIXTURES, 'plain'), path.join(FIXTURES, 'md'), path.join(FIXTURES, 'names')])
      cpSync(folder, path.join(root, `copy-${copy}`), { recursive: true });
  return root;
}
