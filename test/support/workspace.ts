// A throwaway copy of a fixture folder, so tests can add, change and delete files freely.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export function copyFixture(...folders: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'history-notes-'));
  for (const folder of folders) cpSync(folder, root, { recursive: true });
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
