// Word lists read at run time: copies beside the bundle in `dist/dictionaries` (see esbuild.mjs), else
// the npm packages up the folder tree (tests and the CLI run from `out/`).
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The bundled copy `dist/dictionaries/<bundled>`, else `node_modules/<module>/<file>`; undefined when neither exists. */
export function dataFile(bundled: string, module: string, file: string): string | undefined {
  const copy = path.join(__dirname, 'dictionaries', bundled);
  if (existsSync(copy)) return copy;
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const installed = path.join(folder, 'node_modules', module, file);
    if (existsSync(installed)) return installed;
    if (path.dirname(folder) === folder) return undefined;
  }
}
