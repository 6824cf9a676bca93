// Bundles the extension, the language server and the CLI into dist/ (tsc -b only type-checks and feeds the tests).
// 'module' first: jsonc-parser's UMD build cannot be bundled, its ESM build can.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  mainFields: ['module', 'main'],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // Beside the server and the CLI, which start it from their own folder (see ExtractorPool).
  { ...common, entryPoints: ['server/src/workspace/extractWorker.ts'], outfile: 'dist/extractWorker.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
// The English dictionaries and the list of people's names are read at run time (server/src/words): they ship beside the bundles.
mkdirSync('dist/dictionaries', { recursive: true });
for (const [module, name] of [
  ['dictionary-en', 'en-US'],
  ['dictionary-en-gb', 'en-GB'],
]) {
  for (const extension of ['aff', 'dic'])
    copyFileSync(`node_modules/${module}/index.${extension}`, `dist/dictionaries/${name}.${extension}`);
}
copyFileSync('node_modules/@cspell/dict-people-names/dict/people-names.txt', 'dist/dictionaries/people-names.txt');
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
