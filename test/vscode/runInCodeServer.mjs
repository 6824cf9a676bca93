#!/usr/bin/env node
// Runs the in-editor suite (test/vscode/suite) inside code-server: real VS Code 1.100, real Node
// extension host, driven by Debian's headless Chromium. Then installs the extension as a student
// would and saves screenshots of hover cards (one from a newer pack), the sidebar and the timeline to test-results/screenshots/.
// Needs: test/vscode/code-server-offline.sh .code-server, npm run build.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const codeServer = join(repo, '.code-server', 'package', 'out', 'node', 'entry.js');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const shotsDir = join(repo, 'test-results', 'screenshots');
const SUITE_TIMEOUT_MS = 240_000;

function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts code-server on loopback; resolves once it listens. */
async function startCodeServer(home, workspace, env = {}) {
  const port = await freePort();
  mkdirSync(join(home, 'user', 'User'), { recursive: true });
  mkdirSync(join(home, 'extensions'), { recursive: true });
  writeFileSync(
    join(home, 'user', 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'workbench.tips.enabled': false,
    }),
  );
  const child = spawn(
    process.execPath,
    [
      codeServer,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(home, 'user'),
      '--extensions-dir',
      join(home, 'extensions'),
      workspace,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not start:\n${log}`)), 30_000);
    const check = () => {
      if (log.includes('HTTP server listening')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => fail(new Error(`code-server exited (${code}):\n${log}`)));
  });
  return { port, child, log: () => log };
}

function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function fixtureWorkspace(home) {
  const workspace = join(home, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const folder of ['plain', 'md']) cpSync(join(repo, 'test', 'fixtures', folder), workspace, { recursive: true });
  return workspace;
}

async function runSuite(browser) {
  const home = mkdtempSync(join(tmpdir(), 'history-notes-vscode-'));
  const resultFile = join(home, 'result.json');
  const workspace = fixtureWorkspace(home);
  const server = await startCodeServer(home, workspace, { HISTORY_NOTES_TEST_RESULT: resultFile });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repo)],
      ['extensionTestsPath', remote(join(repo, 'out', 'test', 'vscode', 'suite', 'index.js'))],
    ]);
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!existsSync(resultFile) && Date.now() < deadline) await page.waitForTimeout(250);
    if (!existsSync(resultFile))
      throw new Error(`the suite wrote no result within ${SUITE_TIMEOUT_MS / 1000} s\n${server.log().slice(-4000)}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    for (const line of result.lines) console.log(`  ${line}`);
    return result;
  } finally {
    server.child.kill();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The status bar's counts (`25 people · 6 trials · 11 causes`). */
async function statusText(page) {
  return page.locator('.statusbar-item:has-text("people")').first().textContent();
}

/** In the page: whether the status bar's counts now read otherwise than `before`. */
function statusDiffers(before) {
  const item = [...document.querySelectorAll('.statusbar-item')].find((e) => e.textContent.includes('people'));
  return item !== undefined && item.textContent !== before;
}

/** In the page: whether the status bar's counts read `text` again. */
function statusReads(text) {
  const item = [...document.querySelectorAll('.statusbar-item')].find((e) => e.textContent.includes('people'));
  return item !== undefined && item.textContent === text;
}

/** Opens a note by name through Quick Open. */
async function openNote(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(name);
  // Not the recently opened list the widget shows before it has filtered: the first row must be the note.
  await page.waitForSelector(`.quick-input-list .monaco-list-row[data-index="0"]:has-text("${name}")`, { state: 'visible' });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active:has-text("${name}")`, { timeout: 15_000 });
  await page.waitForSelector('.view-lines .view-line', { timeout: 15_000 });
}

/** Moves the mouse onto `word` on the line holding `lineText`, and waits for an opaque card showing `waitText`. */
async function hoverOver(page, lineText, word, waitText) {
  // The innermost token holding the word on that line.
  const line = page.locator('.view-lines .view-line', { hasText: lineText }).first();
  const tokens = line.locator('span span');
  let target;
  for (let i = 0; i < (await tokens.count()); i++) {
    const text = (await tokens.nth(i).textContent()) ?? '';
    if (text.includes(word) && (!target || text.length < target.text.length)) target = { index: i, text };
  }
  const box = await tokens.nth(target.index).boundingBox();
  const x = box.x + (box.width * (target.text.indexOf(word) + word.length / 2)) / target.text.length;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.move(x + 2, box.y + box.height / 2);
  await page.waitForSelector(`.monaco-hover-content:has-text("${waitText}")`, { state: 'visible', timeout: 15_000 });
  // The hover fades in: wait until it is opaque, or the note shows through it.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.monaco-hover')].some((h) => getComputedStyle(h).opacity === '1' && h.offsetParent !== null),
  );
}

/** What a student sees: the extension installed normally, a note open, a hover card (one from a new pack too), the sidebar, the timeline. */
async function screenshots(browser) {
  mkdirSync(shotsDir, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), 'history-notes-shots-'));
  const workspace = join(home, 'notes');
  cpSync(join(repo, 'data', 'samples'), workspace, { recursive: true });
  // A student's essay beside the notes, for the coverage view.
  cpSync(join(repo, 'test', 'fixtures', 'essay', 'essays'), join(workspace, 'essays'), { recursive: true });
  mkdirSync(join(home, 'extensions'), { recursive: true });
  symlinkSync(repo, join(home, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`));
  const server = await startCodeServer(home, workspace);
  const failures = [];
  let page;
  const step = async (name, run) => {
    try {
      await run();
      console.log(`  ok   screenshot: ${name}`);
    } catch (error) {
      failures.push(name);
      await page.screenshot({ path: join(shotsDir, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
      console.log(`  FAIL screenshot: ${name}: ${String(error.message).split('\n')[0]}`);
    }
  };
  try {
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await step('open a note', async () => {
      await openNote(page, 'stalin-terror-and-ww2.txt');
      // The status bar shows the counts once the server has indexed the notes.
      await page.waitForSelector('.statusbar-item:has-text("people")', { timeout: 60_000 });
    });
    await step('hover card', async () => {
      await hoverOver(page, 'Kamenev & Zinoviev', 'Kamenev', '1883');
      await page.screenshot({ path: join(shotsDir, 'hover.png') });
    });
    await step('a card from a new pack', async () => {
      // Notes on the Tudors arrive, and go again, so the other shots show the Soviet notes alone.
      const tudors = join(workspace, 'tudors.md');
      const before = await statusText(page);
      await page.keyboard.press('Escape');
      await page.mouse.move(1200, 900);
      cpSync(join(repo, 'test', 'fixtures', 'packs', 'tudor-england-1485-1603', 'notes.md'), tudors);
      try {
        await page.waitForFunction(statusDiffers, before, { timeout: 30_000 });
        await openNote(page, 'tudors.md');
        await hoverOver(page, 'organised by Cardinal Wolsey', 'Wolsey', '1530');
        await page.screenshot({ path: join(shotsDir, 'hover-tudor.png') });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+W');
      } finally {
        rmSync(tudors, { force: true });
      }
      await page.waitForFunction(statusReads, before, { timeout: 30_000 });
      await openNote(page, 'stalin-terror-and-ww2.txt');
    });
    await step('sidebar', async () => {
      await page.keyboard.press('Escape');
      await page.mouse.move(1200, 900);
      await page.click(`.activitybar a[aria-label^="History Notes"]`);
      const rows = page.locator('.pane-body .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
      // Give People the room: fold the Causes and Timeline panes.
      for (const pane of ['Trials', 'Causes', 'Timeline']) await page.locator('.pane-header', { hasText: pane }).first().click();
      // A wider sidebar, as a student reading mentions would drag it.
      const sash = await page.locator('.part.sidebar').boundingBox();
      await page.mouse.move(sash.x + sash.width + 1, sash.y + 300);
      await page.mouse.down();
      await page.mouse.move(sash.x + sash.width + 260, sash.y + 300, { steps: 8 });
      await page.mouse.up();
      const zinoviev = page.locator('.pane-body .monaco-list-row', { hasText: 'Grigory Zinoviev' }).first();
      // The twistie expands; a click on the label would open the definition instead.
      await zinoviev.locator('.monaco-tl-twistie').click();
      await page.locator('.pane-body .monaco-list-row[aria-level="2"]').first().waitFor({ state: 'attached', timeout: 15_000 });
      // Walk into the mentions with the keyboard, so the list scrolls them into view.
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await page
        .locator('.pane-body .monaco-list-row[aria-level="2"]', { hasText: 'Zionev' })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await page.mouse.move(1200, 900);
      await page.screenshot({ path: join(shotsDir, 'sidebar.png') });
    });
    await step('coverage', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget', { state: 'visible' });
      await page.keyboard.type('why-the-terror.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'why-the-terror.md' }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // Fold People, open Essay Coverage: the essay's causes, trials and people, used or not.
      await page.locator('.pane-header', { hasText: 'People' }).first().click();
      await page.locator('.pane-header', { hasText: 'Essay Coverage' }).first().click();
      await page
        .locator('.pane-body .monaco-list-row', { hasText: 'Causes of the Great Terror' })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Fear of war' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.mouse.move(1200, 900);
      await page.screenshot({ path: join(shotsDir, 'coverage.png') });
    });
    await step('timeline', async () => {
      const palette = async (text) => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+P');
        await page.waitForSelector('.quick-input-widget', { state: 'visible' });
        await page.keyboard.type(text);
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: text.replace(/^>/, '') })
          .first()
          .waitFor({ state: 'visible' });
        await page.keyboard.press('Enter');
      };
      // The timeline wants the width: no sidebar.
      await palette('View: Close Primary Side Bar');
      await palette('History Notes: Show Timeline');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole workspace' }).first().click();
      // The webview's page sits in an iframe inside VS Code's webview iframe.
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const trial = webview.locator('.item', { hasText: 'Trial of the Sixteen' }).first();
      await trial.waitFor({ state: 'visible', timeout: 30_000 });
      // Zoom in on the Terror with the wheel, as a student revising it would, then hover a trial.
      const box = await trial.boundingBox();
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -250);
      // Scrolled down to the trials and events, below the people's lifespans.
      await webview.locator('#viewport').evaluate((viewport) => viewport.scrollTo(0, viewport.scrollHeight));
      await trial.hover();
      await webview.locator('#card').waitFor({ state: 'visible' });
      await page.screenshot({ path: join(shotsDir, 'timeline.png') });
    });
  } finally {
    server.child.kill();
    rmSync(home, { recursive: true, force: true });
  }
  return failures;
}

const browser = await launchBrowser();
let exitCode = 0;
try {
  console.log('In-editor suite (code-server, VS Code 1.100):');
  const result = await runSuite(browser);
  if (result.failed > 0 || result.passed === 0) exitCode = 1;
  if (!process.argv.includes('--no-screenshots')) {
    const failed = await screenshots(browser);
    if (failed.length > 0) console.log(`  screenshots not taken: ${failed.join(', ')} (see above)`);
  }
} catch (error) {
  console.error(String(error.stack ?? error));
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
