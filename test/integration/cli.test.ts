// `history-notes` from a shell: the built dist/cli.js run as a child process, its stdout, stderr and exit
// codes. Needs `npm run build` (or `node esbuild.mjs`) first.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DIST, FIXTURES } from '../support/paths';

const REPO = path.resolve(DIST, '..');
const CLI = path.join(DIST, 'cli.js');
const KINDS = ['person', 'trial', 'cause', 'event', 'organisation', 'place'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = REPO): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same read-only command over the repository's own files gives the same answer: run it once. */
const runs = new Map<string, Run>();
function cached(args: string[]): Run {
  const key = JSON.stringify(args);
  let run = runs.get(key);
  if (!run) runs.set(key, (run = cli(args)));
  return run;
}

interface JsonEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  variants: string[];
  mentions: number;
  definitions: { file: string; line: number; character: number }[];
}

interface JsonProblem {
  file: string;
  line: number;
  character: number;
  written: string;
  suggestion: string;
  entity: string;
}

/** The text at a 1-based line and UTF-16 column of a file. */
function textAt(file: string, line: number, character: number, length: number): string {
  const lines = readFileSync(path.join(REPO, file), 'utf8').split(/\r?\n/);
  return lines[line - 1].slice(character - 1, character - 1 + length);
}

const TERROR = 'test/fixtures/plain/terror.txt';
const WRONG_TRIAL_YEAR = ': Trial of the Twenty-One: 2–13 March 1938, not 1936 (Soviet Union 1917-1953 knowledge)';
const MISSPELT = (readFileSync(path.join(FIXTURES, 'plain', 'terror.txt'), 'utf8').match(/\b(Zionev|Bukarin)\b/g) ?? []).length;

describe('cli', () => {
  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` (or \`node esbuild.mjs\`) first`);
  });

  describe('index', () => {
    it('lists the entities of the samples and exits 0', () => {
      const run = cached(['index', 'data/samples']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      const lines = run.stdout.split('\n');
      const header = /^(\d+) notes, (\d+) entities$/.exec(lines[0]);
      assert.ok(header, lines[0]);
      assert.equal(header[1], '3');
      assert.match(lines[1], /^Knowledge packs: .*Soviet Union 1917-1953 \(\d+ people named\)/);
      const rows = lines.filter((l) => KINDS.some((k) => l.startsWith(k + ' ')));
      assert.equal(rows.length, Number(header[2]));
      const row = (name: string): string => {
        const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\d+ mentions`);
        const found = rows.find((l) => exact.test(l.slice(13)));
        assert.ok(found, `no row for ${name}`);
        return found;
      };
      assert.match(row('Lev Kamenev'), /^person {7}Lev Kamenev +\d+ mentions {3}data\/samples\//);
      assert.match(row('Grigory Zinoviev'), /\(also spelt Zionev\)$/);
      assert.match(row('Nikolai Bukharin'), /\(also spelt Bukarin\)$/);
      assert.match(row('Trial of the Sixteen'), /^trial /);
      assert.match(row("Lenin's police state"), /^cause /);
      assert.match(row('Moscow'), /^place /);
    });

    it('lists people first, then trials, causes, events, organisations and places', () => {
      const run = cached(['index', 'data/samples']);
      const kinds = run.stdout.split('\n').flatMap((l) => KINDS.filter((k) => l.startsWith(k + ' ')));
      const order = kinds.map((k) => KINDS.indexOf(k));
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
      assert.ok(new Set(kinds).size >= 5);
    });

    it("prints JSON with every entity's id, kind, name, aliases, variants, mentions and definitions", () => {
      const run = cached(['index', '--json', 'test/fixtures/plain']);
      assert.equal(run.status, 0, run.stderr);
      const parsed = JSON.parse(run.stdout) as { entities: JsonEntity[] };
      assert.ok(Array.isArray(parsed.entities) && parsed.entities.length > 20);
      for (const e of parsed.entities) {
        assert.equal(typeof e.id, 'string');
        assert.ok(KINDS.includes(e.kind), e.kind);
        assert.equal(typeof e.name, 'string');
        assert.ok(Array.isArray(e.aliases) && Array.isArray(e.variants) && Array.isArray(e.definitions), e.id);
        assert.equal(typeof e.mentions, 'number');
        for (const d of e.definitions) assert.ok(typeof d.file === 'string' && d.line >= 1 && d.character >= 1, JSON.stringify(d));
      }
      const byId = new Map(parsed.entities.map((e) => [e.id, e]));
      assert.ok(byId.get('zinoviev')?.variants.includes('Zionev'));
      assert.ok(byId.get('kamenev')!.mentions > 0);
      assert.ok(byId.get('robespierre'), 'the French Revolution fixture is indexed too');
      for (const place of ['Moscow', 'Leningrad']) {
        assert.ok(!parsed.entities.some((e) => e.kind === 'person' && (e.name === place || e.aliases.includes(place))), place);
      }
      assert.equal(byId.get('leningrad')?.kind, 'place');
    });

    it('gives JSON definitions as file, line and column of the name', () => {
      const parsed = JSON.parse(cached(['index', '--json', 'test/fixtures/plain']).stdout) as { entities: JsonEntity[] };
      const kamenev = parsed.entities.find((e) => e.id === 'kamenev')!;
      assert.ok(kamenev.definitions.length > 0);
      for (const d of kamenev.definitions) {
        assert.equal(d.file, TERROR);
        assert.equal(textAt(d.file, d.line, d.character, 'Kamenev'.length), 'Kamenev');
      }
    });

    it('exits 2 with a clear message for a missing folder', () => {
      const run = cli(['index', 'no/such/folder']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^history-notes: no such folder: no\/such\/folder\n/);
      assert.match(run.stderr, /Usage: history-notes/);
      assert.equal(run.stdout, '');
    });

    it('exits 2 for a file given as the folder', () => {
      const run = cli(['index', TERROR]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /not a folder: test\/fixtures\/plain\/terror\.txt/);
    });
  });

  describe('lookup', () => {
    it("prints Kamenev's card: life dates, his trial and his fate", () => {
      const run = cached(['lookup', 'Kamenev', 'data/samples']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.equal(lines[0], 'Lev Kamenev (person, 1883–1936)');
      assert.ok(run.stdout.includes('1883') && run.stdout.includes('1936'));
      assert.match(run.stdout, /Trial of the Sixteen/);
      assert.equal(lines[1], '  From the Soviet Union 1917-1953 pack:');
      assert.ok(
        lines.some((l) => /^ {4}Fate: \S/.test(l)),
        run.stdout,
      );
      assert.ok(
        lines.some((l) => /^ {4}data\/samples\/stalin-terror-and-ww2\.txt:\d+ /.test(l)),
        run.stdout,
      );
    });

    it('finds Zinoviev for the misspelling zionev', () => {
      const run = cli(['lookup', 'zionev', 'data/samples']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.split('\n')[0], 'Grigory Zinoviev (person, 1883–1936)');
      assert.match(run.stdout, /Spelt in your notes as: Zionev/);
    });

    it('exits 1 when nothing matches', () => {
      const run = cli(['lookup', 'Xqzvwq', 'data/samples']);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /No person, trial, cause or event matches 'Xqzvwq': it is not in your notes or the packs that are on\./);
    });

    it('exits 2 without a name', () => {
      const run = cli(['lookup']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /lookup needs a NAME/);
    });
  });

  describe('check', () => {
    it('reports each misspelt name as file:line:col and exits 1', () => {
      const run = cached(['check', TERROR]);
      assert.equal(run.status, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, MISSPELT);
      for (const line of lines) {
        const match = /^test\/fixtures\/plain\/terror\.txt:(\d+):(\d+): (Zionev|Bukarin): did you mean (.+)\?$/.exec(line);
        assert.ok(match, line);
        assert.equal(textAt(TERROR, Number(match[1]), Number(match[2]), match[3].length), match[3], line);
        assert.equal(match[4], match[3] === 'Bukarin' ? 'Bukharin' : 'Zinoviev', line);
      }
      assert.ok(lines.some((l) => l.includes(': Zionev: ')));
      assert.match(run.stderr, /^Knowledge packs: .*Soviet Union 1917-1953 \(\d+ people named\)/);
      assert.equal(run.stderr.trim().split('\n').pop(), `${MISSPELT} misspelt names found.`);
    });

    it('counts columns in UTF-16 units, after an emoji', () => {
      const lines = cached(['check', TERROR]).stdout.split('\n');
      const text = readFileSync(path.join(REPO, TERROR), 'utf8').split(/\r?\n/);
      const emojiLine = text.findIndex((l) => l.startsWith('📌')) + 1;
      const onIt = lines.find((l) => l.startsWith(`${TERROR}:${emojiLine}:`));
      assert.equal(onIt?.split(':')[2], String(text[emojiLine - 1].indexOf('Zionev') + 1));
    });

    it('prints `file:line:col: Zionev: did you mean Zinoviev?`', () => {
      const run = cached(['check', TERROR]);
      const line = lineOf('Zionev');
      assert.ok(run.stdout.includes(`${TERROR}:${line.line}:${line.character}: Zionev: did you mean Zinoviev?\n`), run.stdout);
    });

    it('prints JSON problems with --json, and still exits 1', () => {
      const run = cli(['check', '--json', TERROR]);
      assert.equal(run.status, 1);
      const { problems } = JSON.parse(run.stdout) as { problems: JsonProblem[] };
      assert.equal(problems.length, MISSPELT);
      for (const p of problems) {
        assert.equal(p.file, TERROR);
        assert.equal(textAt(p.file, p.line, p.character, p.written.length), p.written);
        assert.equal(p.entity, p.written === 'Zionev' ? 'zinoviev' : 'bukharin');
        assert.equal(p.suggestion, p.written === 'Zionev' ? 'Zinoviev' : 'Bukharin');
      }
      const lines = problems.map((p) => p.line);
      assert.deepEqual(
        lines,
        [...lines].sort((a, b) => a - b),
        'in file order',
      );
    });

    it('exits 0 and says so when no name is misspelt', () => {
      const run = cli(['check', 'data/samples/ww2-eastern-front.md']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').pop(), 'No misspelt names found.');
    });

    it('checks every note in a folder', () => {
      const run = cli(['check', 'data/samples']);
      assert.equal(run.status, 1);
      const files = new Set(
        run.stdout
          .trimEnd()
          .split('\n')
          .map((l) => l.split(':')[0]),
      );
      assert.ok(files.has('data/samples/stalin-terror-and-ww2.txt'));
      assert.ok(files.has('data/samples/great-terror.md'));
      assert.ok(!files.has('data/samples/ww2-eastern-front.md'));
    });

    it('reports a date that contradicts the knowledge, with its evidence, and exits 1', () => {
      const run = cli(['check', 'test/fixtures/chronology']);
      assert.equal(run.status, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(
        lines.some((l) => /^test\/fixtures\/chronology\/essay\.txt:\d+:\d+: /.test(l) && l.endsWith(WRONG_TRIAL_YEAR)),
        run.stdout,
      );
      assert.match(run.stderr, /\d+ dates? that contradicts? the knowledge or the notes\./);
      const json = JSON.parse(cli(['check', '--json', 'test/fixtures/chronology']).stdout) as {
        dates: { code: string; written: string; recorded?: string }[];
      };
      assert.ok(
        json.dates.some((d) => d.code === 'chronology' && d.written === '1936' && d.recorded === '1938'),
        JSON.stringify(json.dates),
      );
    });

    it('exits 2 for a missing file', () => {
      const run = cli(['check', 'no-such-notes.txt']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no such file or folder: no-such-notes\.txt/);
    });
  });

  describe('packs', () => {
    it('lists every bundled pack by period, with its theme, on or off, and how many of its people the notes name', () => {
      const run = cached(['packs', 'data/samples']);
      assert.equal(run.status, 0, run.stderr);
      const soviet = run.stdout.split('\n').find((l) => l.includes('soviet-union-1917-1953'));
      assert.match(
        soviet ?? '',
        /^on {3}soviet-union-1917-1953 +Soviet Union 1917-1953 +Russia and the USSR +the notes name \d+ of its people$/,
      );
      const years = run.stdout
        .trim()
        .split('\n')
        .map((line) => Number(/ (\d{4})-\d{4} /.exec(line)?.[1]));
      assert.deepEqual(
        years,
        [...years].sort((a, b) => a - b),
        'listed by period',
      );
      // Notes on Stalin's USSR name Hitler and Ribbentrop, but not three of Weimar's people.
      const packs = cached(['packs', 'test/fixtures/md']);
      assert.match(packs.stdout, /^off {2}germany-1918-1945 /m);
    });

    it('uses exactly the packs --packs names', () => {
      const run = cli(['lookup', 'Kamenev', 'data/samples', '--packs', 'germany-1918-1945']);
      assert.equal(run.status, 0, run.stderr);
      // Kamenev is still in the notes, but no pack that is on gives his dates.
      assert.doesNotMatch(run.stdout, /1883/);
      const index = cli(['index', 'data/samples', '--packs', 'soviet-union-1917-1953,germany-1918-1945']);
      // In the order of their periods.
      assert.match(index.stdout.split('\n')[1], /^Knowledge packs: Soviet Union 1917-1953 \(chosen\), Germany 1918-1945 \(chosen\)$/);
    });

    it('exits 2 for an unknown pack, naming the packs there are', () => {
      const run = cli(['index', 'data/samples', '--packs', 'france-1789-1799']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /unknown pack france-1789-1799; the packs are .*soviet-union-1917-1953/);
    });
  });

  describe('--cache', () => {
    let notes: string;
    let cacheFolder: string;
    beforeEach(() => {
      notes = mkdtempSync(path.join(tmpdir(), 'history-notes-cli-notes-'));
      // Dated an hour back: a time that tells any later change, so an unchanged note need not be read.
      const anHourAgo = (Date.now() - 3_600_000) / 1000;
      for (const file of ['plain/terror.txt', 'plain/french-revolution.txt', 'md/terror.md']) {
        copyFileSync(path.join(FIXTURES, file), path.join(notes, path.basename(file)));
        utimesSync(path.join(notes, path.basename(file)), anHourAgo, anHourAgo);
      }
      cacheFolder = path.join(mkdtempSync(path.join(tmpdir(), 'history-notes-cli-cache-')), 'kept');
    });
    afterEach(() => {
      rmSync(notes, { recursive: true, force: true });
      rmSync(path.dirname(cacheFolder), { recursive: true, force: true });
    });

    const fromCache = (run: Run): string | undefined =>
      /^Index cache: (\d+ of \d+) notes read from .*, (\d+) with their mentions$/m.exec(run.stderr)?.slice(1).join(', ');
    const cacheFile = (): string => path.join(cacheFolder, readdirSync(cacheFolder)[0]);

    it('answers as without it, and reads unchanged notes from it on the next run', () => {
      const plain = cli(['index', notes, '--json']);
      const first = cli(['index', notes, '--json', '--cache', cacheFolder]);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(fromCache(first), '0 of 3, 0');
      assert.equal(first.stdout, plain.stdout);
      const written = statSync(cacheFile()).mtimeMs;
      const second = cli(['index', notes, '--json', '--cache', cacheFolder]);
      assert.equal(fromCache(second), '3 of 3, 3');
      assert.equal(second.stdout, plain.stdout);
      // Nothing was read anew, so nothing is written.
      assert.equal(statSync(cacheFile()).mtimeMs, written);
    });

    it('keeps the new time of a note touched but not changed, so the run after reads no note', () => {
      const notRead = (run: Run): string | undefined => /^Index cache: (\d+) notes not read again/m.exec(run.stderr)?.[1];
      cli(['index', notes, '--json', '--cache', cacheFolder]);
      const halfAnHourAgo = (Date.now() - 1_800_000) / 1000;
      utimesSync(path.join(notes, 'terror.md'), halfAnHourAgo, halfAnHourAgo);
      const written = statSync(cacheFile()).mtimeMs;
      const touched = cli(['index', notes, '--json', '--cache', cacheFolder]);
      assert.equal(fromCache(touched), '3 of 3, 3');
      assert.equal(notRead(touched), '2');
      assert.notEqual(statSync(cacheFile()).mtimeMs, written, 'written again, with the new time');
      const after = cli(['index', notes, '--json', '--cache', cacheFolder]);
      assert.equal(notRead(after), '3');
    });

    it('reads a changed note again, and finds its misspelt names', () => {
      cli(['check', notes, '--json', '--cache', cacheFolder]);
      appendFileSync(path.join(notes, 'terror.md'), '\nLater, Bukarin was shot.\n');
      const plain = cli(['check', notes, '--json']);
      const again = cli(['check', notes, '--json', '--cache', cacheFolder]);
      assert.equal(again.status, 1, again.stderr);
      assert.equal(fromCache(again), '2 of 3, 2');
      assert.equal(again.stdout, plain.stdout);
      assert.match(again.stdout, /"written": "Bukarin"/);
    });

    it('reports a broken cache file, answers all the same and writes it anew', () => {
      const plain = cli(['index', notes, '--json']);
      cli(['index', notes, '--json', '--cache', cacheFolder]);
      const file = cacheFile();
      writeFileSync(file, readFileSync(file).subarray(0, 1000));
      const broken = cli(['index', notes, '--json', '--cache', cacheFolder]);
      assert.equal(broken.status, 0, broken.stderr);
      assert.match(broken.stderr, /The index cache \(.*\) was not used: truncated or altered/);
      assert.equal(broken.stdout, plain.stdout);
      assert.equal(fromCache(cli(['index', notes, '--json', '--cache', cacheFolder])), '3 of 3, 3');
    });

    it('exits 2 when no folder follows it', () => {
      const run = cli(['index', notes, '--cache']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--cache needs a folder/);
    });
  });

  describe('usage', () => {
    it('exits 2 with the usage for no command or an unknown one, 0 for help', () => {
      const none = cli([]);
      assert.equal(none.status, 2);
      assert.match(none.stdout, /^Usage: history-notes <command>/);
      const unknown = cli(['frobnicate']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /unknown command 'frobnicate'/);
      const help = cli(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Exit codes:/);
    });
  });

  describe('a folder with its own knowledge file', () => {
    let root: string;

    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'history-notes-cli-'));
      copyFileSync(path.join(FIXTURES, 'plain', 'terror.txt'), path.join(root, 'terror.txt'));
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('exits 3 for a broken *.history.json, with file:line:col on stderr, and still lists the entities', () => {
      const broken = '{\n  "entities": [\n    { "id": "smilga", "kind": "person" "name": "Ivar Smilga" }\n  ]\n}\n';
      writeFileSync(path.join(root, 'mine.history.json'), broken);
      const run = cli(['index', '.'], root);
      assert.equal(run.status, 3, run.stderr);
      const column = broken.split('\n')[2].indexOf('"name"') + 1;
      assert.match(run.stderr, new RegExp(`^mine\\.history\\.json:3:${column}: error: Invalid JSON: comma expected$`, 'm'));
      assert.match(run.stdout, /^1 notes, \d+ entities\n/);
      assert.match(run.stdout, /Lev Kamenev/);
    });

    it("exits 3 for a schema error, pointing at the value, and uses the file's valid entries", () => {
      const text =
        '{\n  "entities": [\n    { "id": "smilga", "kind": "person", "name": "Ivar Smilga", "born": "1892-13-01" },\n  ' +
        '  { "id": "kamenev", "kind": "person", "name": "Lev Kamenev", "summary": "My own summary." }\n  ]\n}\n';
      writeFileSync(path.join(root, 'mine.history.json'), text);
      const run = cli(['lookup', 'Kamenev', '.'], root);
      assert.equal(run.status, 3);
      const column = text.split('\n')[2].indexOf('"1892-13-01"') + 1;
      assert.match(run.stderr, new RegExp(`^mine\\.history\\.json:3:${column}: error: /entities/0/born: `, 'm'));
      assert.match(run.stdout, /^ {2}From [^\n]*mine\.history\.json:\d+:\n {4}What: My own summary\.$/m);
    });

    it('exits 0 for a knowledge file with only a warning, and prints the warning', () => {
      const text =
        '{\n  "entities": [\n    { "id": "smilga", "kind": "person", "name": "Ivar Smilga", "related": ["nobody-known"] }\n  ]\n}\n';
      writeFileSync(path.join(root, 'mine.history.json'), text);
      const run = cli(['lookup', 'Smilga', '.'], root);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Ivar Smilga \(person\)/);
      assert.match(run.stderr, /^mine\.history\.json:3:\d+: warning: "smilga" refers to "nobody-known"/m);
    });
  });
});

/** 1-based line and column of the first `word` in the plain fixture. */
function lineOf(word: string): { line: number; character: number } {
  const lines = readFileSync(path.join(REPO, TERROR), 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(word));
  return { line: line + 1, character: lines[line].indexOf(word) + 1 };
}
