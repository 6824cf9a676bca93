// Hostile knowledge files and notes. Knowledge files with invalid JSON, schema violations, duplicate ids,
// self-references, 20,000 entities, and strings such as `__proto__`, `constructor`, JavaScript and
// `${...}`: each problem is reported where it is and the bundled knowledge keeps serving. Notes whose
// text carries command links, HTML, remote images and Markdown that breaks tables: every card the
// server renders (hover, completion documentation, the sidebar's entities) shows it as inert text.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { URI } from 'vscode-uri';
import {
  DiagnosticSeverity,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { EntitiesRequest } from '../../server/src/protocol';
import { diagnosticsWhere, messageOf, writeFile } from '../support/editor';
import { LspServer, withServer } from '../support/lspServer';
import { FIXTURES } from '../support/paths';
import { positionOf } from '../support/positions';
import { ESCAPED_ERROR, settle } from '../support/stress';
import { positionIn, readNote, textIn } from '../support/text';
import { copyFixture } from '../support/workspace';

function knowledge(entities: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: 'Test knowledge', ...extra, entities }, null, 2) + '\n';
}

/** The line (0-based) of the `nth` line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i;
  throw new Error(`${needle} #${nth} not in the text`);
}

// ---- knowledge files

const BROKEN_JSON = [
  '{',
  '  "entities": [',
  '    { "id": "petrov", "kind": "person", "name": "Pyotr Petrov" },',
  '    { "id": "broken", oops }',
  '  ]',
  '}',
  '',
].join('\n');
const SCHEMA = knowledge([
  { id: 'good-one', kind: 'person', name: 'Goodwin Goodman' },
  { id: 'wizard', kind: 'wizard', name: 'Merlin Ambrosius' },
  { id: 'Bad Id', kind: 'person', name: 'Badly Named' },
  { id: 'colourful', kind: 'person', name: 'Colour Person', colour: 'red' },
  { id: 'nameless', kind: 'person' },
]);
const DUPLICATES = knowledge([
  { id: 'dupe-person', kind: 'person', name: 'Dupont First', aliases: ['Dupont'] },
  { id: 'dupe-person', kind: 'person', name: 'Dupont Second' },
]);
const SELF_REFERENCE = knowledge([
  {
    id: 'self-ref',
    kind: 'person',
    name: 'Narcissus Selfov',
    aliases: ['Selfov'],
    related: ['kamenev', 'self-ref'],
    defendants: ['self-ref'],
  },
]);
const BIG_COUNT = 20_000;
/** One entity a line, so the bad one's line is known: entity i is on line i + 2. */
function bigKnowledge(): string {
  const lines = ['{', '  "entities": ['];
  for (let i = 0; i < BIG_COUNT; i++) {
    const entity: Record<string, unknown> = {
      id: `big-${i}`,
      kind: i % 2 ? 'person' : 'event',
      name: `Bigperson Number${i}`,
      aliases: [`Bignum${i}`],
      summary: `Entity ${i} of a huge file.`,
    };
    if (i === BIG_COUNT - 3) entity.born = '1901-13-45';
    lines.push(`    ${JSON.stringify(entity)}${i < BIG_COUNT - 1 ? ',' : ''}`);
  }
  lines.push('  ]', '}', '');
  return lines.join('\n');
}
const MARKER = 'pwned-by-knowledge';
const PROTO = knowledge([
  {
    id: 'proto-test',
    kind: 'person',
    name: '__proto__',
    aliases: ['Protonov', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__'],
    summary: '${process.exit(1)} `${require("fs").writeFileSync("MARKER", "x")}`'.replace('MARKER', MARKER),
    fate: '"); process.exit(1); ("',
    source: 'javascript:alert(1) <script>alert(1)</script>',
  },
  {
    id: 'constructor',
    kind: 'person',
    name: 'Constructor Prototypovich',
    aliases: ['Prototypovich', 'valueOf', 'ValueOf'],
    related: ['proto-test'],
  },
]);
// Keys that would pollute a prototype if the file were merged into objects naively.
const POLLUTING = [
  '{',
  '  "__proto__": { "polluted": true },',
  '  "constructor": { "prototype": { "polluted": true } },',
  '  "entities": [',
  '    { "id": "pollutant", "kind": "person", "name": "Paul Pollutant", "__proto__": { "polluted": true } }',
  '  ]',
  '}',
  '',
].join('\n');

// ---- hostile notes

const COMMAND = '[run](command:workbench.action.quit)';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src="https://tracker.example/p.png">';
const IMAGE = '![x](https://tracker.example/i.png)';
const HOSTILE_TXT = [
  'Hostile notes',
  '',
  'Causes of the Terror',
  '',
  `  • Evil ${COMMAND} cause – click ${COMMAND} or ${SCRIPT} now.`,
  `  • Tracking pixels – ${IMG} and ${IMAGE} in a note.`,
  '  • Markdown soup – `code` and ``double`` | a | table | row | with *stars*, _underscores_, **bold**, __more__, ' +
    '~~strike~~, # heading, > quote, &amp; and \\ backslash.',
  `  • Stalins Paranoia – ${SCRIPT} ${COMMAND} ${IMAGE}`,
  '',
  'Key People',
  '',
  `  • Kamenev – ${COMMAND} ${SCRIPT} ${IMG} ${IMAGE} \`rm -rf\` | pipe | *star* _under_`,
  '  • Prototype – a notes-only name that is also a JavaScript word.',
  '  • Isprototypeof – another one.',
  '',
  'Protonov, Proto, Prototypovich, Constructor, Hasownproperty, Prototype and Isprototypeof met Kamenev and Selfov. Bignum12345 watched.',
  '',
].join('\n');
const HOSTILE_MD = [
  '# Hostile Markdown',
  '',
  '## The trials',
  '',
  '| Trial | Year | Defendants |',
  '|---|---|---|',
  `| Trial of the 99 | 1999 | ${SCRIPT} \\| ${IMAGE} |`,
  `| Trial of the 98 | ${COMMAND} | Kamenev and \`Zinoviev\` |`,
  '',
  '## Key people',
  '',
  `**Yagoda** – ${IMG} head of the *NKVD* | ${COMMAND}`,
  '',
].join('\n');
const EVIL_NAME = `evil${COMMAND.slice(4)}.txt`;
const EVIL_TXT = ['Evil file name', '', 'Key People', '', '  • Bukharin – the party’s thinker.', ''].join('\n');

// ---- reading the Markdown the server produces

/** Whether the character at `index` is backslash-escaped (an odd number of backslashes before it). */
function escapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The text a reader sees: escapes resolved, `&amp;` as `&`. */
function readable(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&');
}

/** What in `markdown` would render as live HTML, an image, or a link to anything but a note. */
function liveMarkup(markdown: string): string[] {
  const problems: string[] = [];
  for (let i = markdown.indexOf('<'); i !== -1; i = markdown.indexOf('<', i + 1)) {
    if (!escapedAt(markdown, i)) problems.push(`unescaped < at ${i}: ${markdown.slice(i, i + 30)}`);
  }
  for (let i = markdown.indexOf('!['); i !== -1; i = markdown.indexOf('![', i + 1)) {
    if (!escapedAt(markdown, i) && !escapedAt(markdown, i + 1)) problems.push(`an image at ${i}: ${markdown.slice(i, i + 40)}`);
  }
  if (/\]\(\s*<?command:/i.test(markdown)) problems.push('a command link');
  // Every link the card makes points into a note: `[file:line](file:///...#L3)`.
  for (let i = markdown.indexOf(']('); i !== -1; i = markdown.indexOf('](', i + 1)) {
    if (escapedAt(markdown, i) || escapedAt(markdown, i + 1)) continue;
    const target = markdown.slice(i + 2, markdown.indexOf(')', i + 2));
    if (!/^file:\/\/\/[^\s()<>]*#L\d+$/.test(target)) problems.push(`a link to ${target}`);
  }
  return problems;
}

/** The most permissive renderer (raw HTML on): what it makes of the card must still hold no live HTML. */
const renderer = new MarkdownIt({ html: true, linkify: false });

function liveHtml(markdown: string): string[] {
  const html = renderer.render(markdown);
  const problems: string[] = [];
  for (const tag of html.match(
    /<(?!\/?(p|em|strong|code|ul|ol|li|br|a|h[1-6]|blockquote|hr|pre|table|thead|tbody|tr|th|td|del|s)\b)[a-z][^>]*>/gi,
  ) ?? [])
    problems.push(`HTML ${tag}`);
  for (const href of html.match(/href="[^"]*"/g) ?? []) if (!/^href="file:\/\/\//.test(href)) problems.push(href);
  if (/<[^>]*\ssrc=/i.test(html)) problems.push('a src attribute');
  return problems;
}

function assertInert(markdown: string, where: string): void {
  assert.deepEqual([...liveMarkup(markdown), ...liveHtml(markdown)], [], `${where}:\n${markdown}`);
}

describe('LSP: hostile knowledge files and notes', function () {
  this.timeout(120_000);
  let server: LspServer;
  let root: string;
  const files: Record<string, string> = {
    'broken.history.json': BROKEN_JSON,
    'schema.history.json': SCHEMA,
    'duplicates.history.json': DUPLICATES,
    'self.history.json': SELF_REFERENCE,
    'big.history.json': bigKnowledge(),
    'proto.history.json': PROTO,
    'polluting.history.json': POLLUTING,
    'hostile.txt': HOSTILE_TXT,
    'hostile.md': HOSTILE_MD,
    [EVIL_NAME]: EVIL_TXT,
  };

  withServer(
    () => {
      root = copyFixture(path.join(FIXTURES, 'plain'));
      for (const [file, text] of Object.entries(files)) writeFile(root, file, text);
      return root;
    },
    (started) => (server = started),
  );

  const uriOf = (file: string): string => URI.file(path.join(root, file)).toString();

  async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
    return diagnosticsWhere(server, uriOf(file), (ds) => ds.length > 0, `diagnostics for ${file}`);
  }

  async function hover(file: string, position: { line: number; character: number }): Promise<string> {
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position });
    return hover ? (hover.contents as MarkupContent).value : '';
  }

  async function kamenevStillServes(): Promise<void> {
    assert.match((await hover('terror.txt', positionOf(root, 'terror.txt', 'Kamenev'))).split('\n')[0], /Lev Kamenev/);
  }

  it('has a checker that flags live markup (the checks below rely on it)', () => {
    for (const live of [COMMAND, SCRIPT, IMG, IMAGE, '<command:x>', '[a](https://tracker.example/)', '\\' + SCRIPT]) {
      assert.notDeepEqual([...liveMarkup(live), ...liveHtml(live)], [], live);
    }
    for (const inert of [
      '\\[run\\]\\(command\\:x\\)',
      '\\<script\\>',
      '\\!\\[x\\]\\(y\\)',
      '[notes\\.txt\\:3](file:///tmp/notes.txt#L3)',
      '**Kamenev** *person*',
    ]) {
      assert.deepEqual([...liveMarkup(inert), ...liveHtml(inert)], [], inert);
    }
  });

  describe('knowledge files', () => {
    it('reports invalid JSON at its line, and ignores the file', async () => {
      const diagnostics = await diagnosticsOf('broken.history.json');
      const oops = lineOf(BROKEN_JSON, 'oops');
      const error = diagnostics.find((d) => d.severity === DiagnosticSeverity.Error && d.range.start.line === oops);
      assert.ok(error, JSON.stringify(diagnostics));
      assert.match(messageOf(error), /Invalid JSON/);
      await kamenevStillServes();
    });

    it('reports each schema violation on the offending value, and keeps the valid entries', async () => {
      const diagnostics = await diagnosticsOf('schema.history.json');
      const covered = diagnostics.map((d) => textIn(SCHEMA, d.range));
      assert.ok(covered.includes('"wizard"'), JSON.stringify(covered));
      assert.ok(covered.includes('"Bad Id"'), JSON.stringify(covered));
      assert.ok(covered.includes('"colour"'), JSON.stringify(covered));
      assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
      // The entry without a name is underlined from its opening brace, the line before its id.
      const nameless = diagnostics.find((d) => /name/.test(messageOf(d)) && d.range.start.line === lineOf(SCHEMA, '"nameless"') - 1);
      assert.ok(
        nameless,
        `no problem for the entry without a name: ${JSON.stringify(diagnostics.map((d) => [messageOf(d), d.range.start.line]))}`,
      );
      const symbols = (await server.request<{ name: string }[] | null>('workspace/symbol', { query: 'Goodwin' })) ?? [];
      assert.ok(!symbols.some((s) => /Merlin|Badly/.test(s.name)), JSON.stringify(symbols));
      await kamenevStillServes();
    });

    it('reports a duplicate id on the second one', async () => {
      const diagnostics = await diagnosticsOf('duplicates.history.json');
      const duplicate = diagnostics.find((d) => /Duplicate id/.test(messageOf(d)));
      assert.ok(duplicate, JSON.stringify(diagnostics));
      assert.equal(duplicate.range.start.line, lineOf(DUPLICATES, '"dupe-person"', 2));
      assert.equal(textIn(DUPLICATES, duplicate.range), '"dupe-person"');
    });

    it('warns about self-references on the id in the list', async () => {
      const diagnostics = await diagnosticsOf('self.history.json');
      const self = diagnostics.filter((d) => /lists itself/.test(messageOf(d)));
      assert.equal(self.length, 2, JSON.stringify(diagnostics));
      for (const d of self) {
        assert.equal(d.severity, DiagnosticSeverity.Warning);
        assert.equal(textIn(SELF_REFERENCE, d.range), '"self-ref"');
      }
      // Harmless: the person is still known, related to Kamenev and not to itself.
      const card = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Selfov'));
      assert.match(card, /Narcissus Selfov/);
      assert.doesNotMatch(card.split('**Related:**')[1] ?? '', /Narcissus/);
    });

    it('loads a file of 20,000 entities, reports its one bad date at its line, and serves its people and the bundled ones', async () => {
      const text = files['big.history.json'];
      const diagnostics = await diagnosticsOf('big.history.json');
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.slice(0, 3)));
      assert.equal(diagnostics[0].range.start.line, BIG_COUNT - 3 + 2);
      assert.equal(textIn(text, diagnostics[0].range), '"1901-13-45"');
      assert.match((await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Bignum12345'))).split('\n')[0], /Bigperson Number12345/);
      await kamenevStillServes();
      const entities = await settle(server.ask(EntitiesRequest.type, {}), 30_000);
      assert.equal(entities.kind, 'result');
    });

    it('treats __proto__, constructor, JavaScript and ${...} in a knowledge file as text', async () => {
      await kamenevStillServes();
      // `Proto` and `Protonov` name the entity called `__proto__`; its card shows the strings as written.
      for (const word of ['Protonov,', 'Proto,']) {
        const card = await hover('hostile.txt', positionIn(HOSTILE_TXT, word));
        assert.match(card.split('\n')[0], /\\_\\_proto\\_\\_/, `${word}: ${card}`);
        assert.ok(readable(card).includes('${process.exit(1)}'), card);
        assertInert(card, `the card of ${word}`);
      }
      const constructor = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Prototypovich'));
      assert.match(constructor.split('\n')[0], /Constructor Prototypovich/);
      assert.equal(existsSync(path.join(root, MARKER)), false, 'a knowledge string was run');
      assert.equal(existsSync(MARKER), false, 'a knowledge string was run');
      assert.equal(server.exited, undefined);
    });

    it('reports keys that would pollute a prototype as unknown properties, and stays whole', async () => {
      const diagnostics = await diagnosticsOf('polluting.history.json');
      const covered = diagnostics.map((d) => textIn(POLLUTING, d.range));
      assert.ok(covered.includes('"__proto__"'), JSON.stringify(covered));
      assert.ok(covered.includes('"constructor"'), JSON.stringify(covered));
      await kamenevStillServes();
      // Entities of other files, and plain objects' own lookups, still work: no entity is "polluted".
      const result = await server.ask(EntitiesRequest.type, {});
      assert.ok(result.entities.length > 10);
      for (const entity of result.entities) assert.equal((entity as unknown as Record<string, unknown>).polluted, undefined, entity.id);
    });
  });

  describe('hostile notes', () => {
    it(
      'defines notes-only people named like JavaScript properties, ' + 'and resolves knowledge aliases such as constructor, harmlessly',
      async () => {
        // `Prototype` is an English word: no one's name, even in a people section.
        assert.doesNotMatch((await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Prototype – '))).split('\n')[0], /\*person\*/);
        for (const word of ['Isprototypeof']) {
          const definition = await hover('hostile.txt', positionIn(HOSTILE_TXT, `${word} – `));
          assert.match(definition.split('\n')[0], new RegExp(`^\\*\\*${word}\\*\\* \\*person\\*`), `${word}: ${definition}`);
          const mention = await hover('hostile.txt', positionIn(HOSTILE_TXT, `${word} `, 2));
          assert.equal(mention.split('\n')[0], definition.split('\n')[0]);
        }
        // The knowledge file lists `constructor` and `hasOwnProperty` as aliases of the entity named `__proto__`.
        for (const word of ['Constructor,', 'Hasownproperty,']) {
          const card = await hover('hostile.txt', positionIn(HOSTILE_TXT, word));
          assert.match(card.split('\n')[0], /\\_\\_proto\\_\\_/, `${word}: ${card}`);
        }
      },
    );

    it('renders the hover cards of hostile notes as inert, readable text', async () => {
      const kamenev = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Kamenev – '));
      assert.match(kamenev.split('\n')[0], /Lev Kamenev/);
      assertInert(kamenev, 'the hover on Kamenev');
      for (const text of [COMMAND, SCRIPT, IMG, IMAGE, '`rm -rf`', '| pipe |', '*star* _under_'])
        assert.ok(readable(kamenev).includes(text), `${text} is not readable in:\n${kamenev}`);

      const evil = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Evil'));
      assert.ok(evil !== '', 'no hover on the hostile cause');
      assertInert(evil, 'the hover on the hostile cause');
      // The name is shown without the link's Markdown; the excerpt keeps the text as written.
      assert.match(evil.split('\n')[0], /^\*\*Evil run cause\*\* \*cause\*/, evil);
      assert.ok(readable(evil).includes(SCRIPT) && readable(evil).includes(COMMAND), evil);

      const pixels = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Tracking pixels'));
      assertInert(pixels, 'the hover on Tracking pixels');
      assert.ok(readable(pixels).includes(IMG) && readable(pixels).includes(IMAGE), pixels);

      const soup = await hover('hostile.txt', positionIn(HOSTILE_TXT, 'Markdown soup'));
      assertInert(soup, 'the hover on Markdown soup');
      assert.ok(readable(soup).includes('~~strike~~') && readable(soup).includes('&amp; and \\ backslash'), soup);
    });

    it('renders the cards of a hostile Markdown table and bold term as inert text', async () => {
      const trial = await hover('hostile.md', positionIn(HOSTILE_MD, 'Trial of the 99'));
      assert.match(trial.split('\n')[0], /Trial of the 99/);
      assertInert(trial, 'the hover on Trial of the 99');
      assert.ok(readable(trial).includes('alert(1)'), trial);
      const yagoda = await hover('hostile.md', positionIn(HOSTILE_MD, 'Yagoda'));
      assert.match(yagoda.split('\n')[0], /Genrikh Yagoda/);
      assertInert(yagoda, 'the hover on Yagoda');
      assert.ok(readable(yagoda).includes(IMG), yagoda);
    });

    it('links a note with a hostile file name only to that note', async () => {
      const card = await hover(EVIL_NAME, positionIn(EVIL_TXT, 'Bukharin'));
      assert.match(card.split('\n')[0], /Nikolai Bukharin/);
      assertInert(card, 'the hover in the file with a hostile name');
      assert.ok(readable(card).includes(EVIL_NAME), card);
    });

    it('renders completion documentation (completionItem/resolve) as inert text', async () => {
      const uri = 'untitled:hostile-completion';
      const text = 'Evi\nKamen\nTracking pix\nTrial of the 9';
      await server.send('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const lines = text.split('\n');
      let resolved = 0;
      for (let line = 0; line < lines.length; line++) {
        const list = await server.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
          textDocument: { uri },
          position: { line, character: lines[line].length },
        });
        const items = Array.isArray(list) ? list : (list?.items ?? []);
        assert.ok(items.length > 0, `no completion for ${lines[line]}`);
        for (const item of items.slice(0, 10)) {
          const full = await server.request<CompletionItem>('completionItem/resolve', item);
          const doc = full.documentation;
          const markdown = typeof doc === 'string' ? doc : (doc?.value ?? '');
          // Labels and details are plain text to the editor; the documentation is Markdown.
          assertInert(markdown, `the documentation of ${item.label}`);
          resolved++;
        }
      }
      assert.ok(resolved >= 4, `${resolved} items resolved`);
      const kamenev = await server.request<CompletionItem>('completionItem/resolve', { label: 'Kamenev', data: { id: 'kamenev' } });
      const value = (kamenev.documentation as MarkupContent).value;
      assert.ok(readable(value).includes('alert(1)'), value);
      assertInert(value, 'the documentation of Kamenev');
    });

    it('renders every card of the sidebar (historyNotes/entities) as inert text', async () => {
      const result = await server.ask(EntitiesRequest.type, {});
      assert.ok(result.entities.length > 10, `${result.entities.length} entities`);
      let hostile = 0;
      for (const entity of result.entities) {
        assertInert(entity.card, `the card of ${entity.id}`);
        if (readable(entity.card).includes('alert(1)')) hostile++;
      }
      assert.ok(hostile >= 3, `${hostile} cards carry the hostile text`);
    });

    it('let no error escape and never exited', () => {
      assert.equal(server.exited, undefined);
      assert.deepEqual(
        server.logs.filter((line) => ESCAPED_ERROR.test(line)),
        [],
      );
      assert.equal(readNote(root, 'hostile.txt'), HOSTILE_TXT);
    });
  });
});
