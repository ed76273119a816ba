import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import http from 'node:http';
import { expect } from 'vitest';
import { _electron, chromium, type Browser, type ElectronApplication, type Locator, type Page, type Request } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/index.js';
import { APP_ORIGIN } from '../../electron/security.js';
import { repoRoot } from '../integration/helpers.js';
import { tempDir } from '../tempDirs.js';

/**
 * What the e2e tests drive: browser mode in Debian's Chromium (the default, and what `.ci/run` runs),
 * or with `AWB_E2E_TARGET=electron` the desktop app itself, through Playwright's Electron support
 * (.github/workflows/desktop.yml runs that on hosted runners, where Electron can be downloaded).
 */
const TARGET = process.env.AWB_E2E_TARGET ?? 'browser';
if (TARGET !== 'browser' && TARGET !== 'electron') throw new Error(`AWB_E2E_TARGET must be "browser" or "electron", not "${TARGET}".`);
/** The desktop app is under test: tests about browser mode itself (its token, its HTTP server) skip themselves. */
export const desktopTarget = TARGET === 'electron';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Electron's own binary, when its installer has downloaded it (`require('electron')` names it, or throws). */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The Chromium the tests drive (Electron's own under the desktop target); null when there is none and the suite skips. */
export const chromiumPath = desktopTarget ? electronBinary() : (CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null);

if (!chromiumPath) {
  const message = desktopTarget
    ? '\n!!! E2E TESTS SKIPPED: AWB_E2E_TARGET=electron but Electron is not installed (run `node node_modules/electron/install.js`, which downloads it from GitHub) !!!\n'
    : '\n!!! E2E TESTS SKIPPED: no Chromium found (install Debian\'s "chromium" or set CHROMIUM_PATH) !!!\n';
  if (process.env.AWB_REQUIRE_E2E === '1') throw new Error(message + 'AWB_REQUIRE_E2E=1 makes this a failure.');
  console.warn(message);
}

function consoleWarnings(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') lines.push(`${m.type()}: ${m.text()}`);
  });
  return lines;
}

export interface Bench {
  /** The address browser mode printed (`http://127.0.0.1:PORT/#token=…`); the window's address in the desktop app. */
  url: string;
  /** Where the app's own pages and calls come from: the loopback server, or the desktop app's `app://` scheme. */
  origin: string;
  /** The session token, for a test that calls the API itself (with the X-AWB-Token header); empty in the desktop app, which has none. */
  token: string;
  page: Page;
  requests: Request[];
  pageErrors: string[];
  /** The window's console warnings and errors (AG Grid and React say what went wrong there): for a failure's log. */
  pageWarnings: string[];
  workspace: string;
  dir: string;
  close: () => Promise<void>;
}

/** Starts the app on a fresh workspace (browser mode in Chromium, or the desktop app), recording every request. */
export async function openWorkbench(options: { workspace?: string } = {}): Promise<Bench> {
  const dir = tempDir('awb-e2e-');
  const workspace = options.workspace ?? path.join(dir, 'e2e.awb');
  return desktopTarget ? openDesktopApp(dir, workspace) : openBrowserMode(dir, workspace);
}

async function openBrowserMode(dir: string, workspace: string): Promise<Bench> {
  const server: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'dist/electron/serve.mjs'), '--workspace', workspace, '--port', '0'], {
    env: { ...process.env, AWB_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: server.stdout! });
    lines.once('line', (line) => (line.startsWith('Workbench at ') ? resolve(line.slice(13)) : reject(new Error(line))));
    server.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A British analyst's browser: dates on screen are written the way its locale writes them (renderer/dates.ts).
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'en-GB' });
  const page = await context.newPage();
  const requests: Request[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    // Where it was thrown, for the run's log: a flake's cause is read from there.
    console.error(`[page error] ${e.stack ?? e.message}`);
  });
  const pageWarnings = consoleWarnings(page);
  // The page takes the token from the fragment, then wipes it from the address bar and history.
  await page.goto(url);
  return {
    url,
    origin: new URL(url).origin,
    token: new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '',
    page,
    requests,
    pageErrors,
    pageWarnings,
    workspace,
    dir,
    close: async () => {
      await browser.close();
      // Waited for, so the folder is removed (tests/tempDirs.ts) after the server has let go of it.
      const exited = server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    },
  };
}

let electronSqliteBinding: string | null = null;

/** The SQLite module built for Electron's ABI (scripts/electronSqlite.mjs builds it once, as `npm start` does). */
function electronSqlite(): string {
  if (electronSqliteBinding) return electronSqliteBinding;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/electronSqlite.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('The SQLite module could not be built for Electron (see above): the desktop app cannot open a workspace without it.');
  electronSqliteBinding = r.stdout.trim().split('\n').at(-1)!.trim();
  return electronSqliteBinding;
}

/**
 * The desktop app, as `npm start` runs it, with its own data folder and workspace. Playwright's loader
 * holds back "ready" until it has connected, and the window opens only once the core has started, so
 * the request recorder is listening before the window's first request.
 */
async function openDesktopApp(dir: string, workspace: string): Promise<Bench> {
  const app: ElectronApplication = await _electron.launch({
    args: [repoRoot, `--workspace=${workspace}`],
    env: { ...(process.env as Record<string, string>), AWB_DATA_DIR: dir, AWB_SQLITE_BINDING: electronSqlite() },
    locale: 'en-GB',
  });
  const requests: Request[] = [];
  const pageErrors: string[] = [];
  app.context().on('request', (r) => requests.push(r));
  await answerDialogs(app);
  const page = await app.firstWindow();
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    // Where it was thrown, for the run's log: a flake's cause is read from there.
    console.error(`[page error] ${e.stack ?? e.message}`);
  });
  const pageWarnings = consoleWarnings(page);
  await page.waitForURL((u) => u.href.startsWith(APP_ORIGIN));
  // The same window size as browser mode's viewport, so layouts and map pixels match.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setContentSize(1500, 950));
  await page.addInitScript(typedSavePathsGoThroughTheDialog);
  await page.evaluate(typedSavePathsGoThroughTheDialog);
  return {
    url: page.url(),
    origin: APP_ORIGIN,
    token: '',
    page,
    requests,
    pageErrors,
    pageWarnings,
    workspace,
    dir,
    close: async () => {
      await app.close();
    },
  };
}

/**
 * Main's native dialogs, answered as an analyst would without a person at the screen: a save dialog
 * accepts the path the window proposed (for "Save to", the path in the field); an open dialog is
 * cancelled, since no test can type into it. A real dialog would wait for a click until the test timed out.
 */
async function answerDialogs(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ dialog }) => {
    const accept = (options: { defaultPath?: string }) => ({ canceled: !options.defaultPath, filePath: options.defaultPath ?? '' });
    Object.assign(dialog, {
      showSaveDialog: async (windowOrOptions: unknown, options?: unknown) => accept((options ?? windowOrOptions) as { defaultPath?: string }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    });
  });
}

/**
 * The desktop app writes only where its own save dialog said (electron/pathGrants.ts). A test types
 * the path into "Save to", as in browser mode; here the typed path is also handed to main's save
 * dialog, which answers with it (answerDialogs), as the analyst typing it into the native dialog
 * would. The call leaves in the input event itself, so main grants the path before any Save click.
 */
function typedSavePathsGoThroughTheDialog(): void {
  document.addEventListener(
    'input',
    (event) => {
      const field = event.target;
      const bridge = (window as unknown as { workbench?: { pickSavePath(path: string, folder: boolean): Promise<string | null> } }).workbench;
      if (bridge && field instanceof HTMLInputElement && field.getAttribute('aria-label') === 'Save to' && field.value) void bridge.pickSavePath(field.value, false);
    },
    true,
  );
}

/** Selects `text` inside the reader's article text, as a mouse drag would, and releases the mouse. */
export async function selectText(bench: Bench, text: string): Promise<void> {
  await bench.page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="article-text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = nodes.map((n) => n.data).join('').indexOf(needle);
    if (at === -1) throw new Error(`not in the article: ${needle}`);
    const locate = (offset: number) => {
      for (const n of nodes) {
        if (offset <= n.data.length) return { node: n, offset };
        offset -= n.data.length;
      }
      throw new Error('offset outside the text');
    };
    const start = locate(at);
    const end = locate(at + needle.length);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, text);
}

/**
 * Presses keys for the window's own shortcuts (Ctrl+Z, Shift+→, Esc …): first blurs whatever still has
 * the focus after the last action (a field, a button), so the keys reach the window, not that element.
 */
export async function pressInWindow(bench: Bench, keys: string): Promise<void> {
  await bench.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await bench.page.keyboard.press(keys);
}

/**
 * Waits until the map's view has stopped changing (no move under way, twice 150 ms apart): a view read
 * while a wheel's zoom still eases puts a click on the wrong point, which under load made the map tests fail.
 */
export async function mapAtRest(bench: Bench): Promise<void> {
  const canvas = bench.page.locator('.map-canvas');
  const still = async () => (await canvas.getAttribute('data-moving')) !== 'true';
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    if (await still()) {
      await bench.page.waitForTimeout(150);
      if (await still()) return;
    } else await bench.page.waitForTimeout(100);
  }
  throw new Error('The map was still moving after 30 s.');
}

/** Pixel of a point on the map, from the view MapLibre reports (Web Mercator, 512-pixel world tiles). */
export async function mapPixel(bench: Bench, lat: number, lon: number): Promise<{ x: number; y: number }> {
  await mapAtRest(bench);
  const canvas = bench.page.locator('.map-canvas');
  const [cLon, cLat, zoom] = (await canvas.getAttribute('data-view'))!.split(',').map(Number) as [number, number, number];
  const box = (await canvas.boundingBox())!;
  const world = 512 * 2 ** zoom;
  const mx = (l: number) => ((l + 180) / 360) * world;
  const my = (l: number) => ((1 - Math.log(Math.tan((l * Math.PI) / 180) + 1 / Math.cos((l * Math.PI) / 180)) / Math.PI) / 2) * world;
  return { x: box.x + box.width / 2 + mx(lon) - mx(cLon), y: box.y + box.height / 2 + my(lat) - my(cLat) };
}

/** Relates "Rohullah Ahmadzai" to a new organisation "Ministry of Defence" from the sample's sentence, as an analyst does with `l`. */
export async function relateSpokesman(bench: Bench): Promise<void> {
  const { page } = bench;
  await selectText(bench, 'Rohullah Ahmadzai, a spokesman for the defense ministry');
  await page.keyboard.press('l');
  const form = page.getByRole('form', { name: 'Relate two entities' });
  await form.locator('.entity-picker strong', { hasText: 'Rohullah Ahmadzai' }).waitFor();
  await form.getByRole('textbox', { name: 'To' }).fill('Ministry of Defence');
  await form.getByRole('button', { name: 'Add “Ministry of Defence” as a new organisation' }).click();
  await form.getByRole('combobox', { name: 'Relation type' }).selectOption('spokesman for');
  await form.getByRole('button', { name: 'Save relation' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Creates a tag in the tag panel and adds it to the article open in the reader. */
export async function tagOpenArticle(bench: Bench, name: string): Promise<void> {
  const { page } = bench;
  await page.getByRole('textbox', { name: 'New tag name' }).fill(name);
  await page.getByRole('button', { name: 'Create tag' }).click();
  await page.locator('.tag-name', { hasText: name }).waitFor();
  await page.getByRole('combobox', { name: 'Add a tag' }).selectOption({ label: name });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

/** One row of the workspace, read beside the app (read-only), for checking what the window did. */
export function readRow<T = Record<string, unknown>>(bench: Bench, sql: string, ...args: unknown[]): T | undefined {
  const db = new Database(bench.workspace, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T | undefined;
  } finally {
    db.close();
  }
}

/** A call made by the page itself (with its session token, or over the desktop app's IPC): for setting up what is not under test. */
export async function pageCall<N extends CallName>(bench: Bench, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await bench.page.evaluate(
    async ([n, i]) => {
      // The desktop app's window calls over IPC, through its preload; browser mode's over HTTP.
      const desktop = (window as unknown as { workbench?: { invoke(name: string, input: unknown): Promise<{ ok: boolean; value: unknown; error?: { message: string } }> } }).workbench;
      if (desktop) return desktop.invoke(n, i);
      const response = await fetch(`./api/${n}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-AWB-Token': sessionStorage.getItem('awb-session-token')! },
        body: JSON.stringify(i),
      });
      return (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as CallOutput<N>;
}

/** A call from another client on this machine (with the token in its header): its HTTP status. */
export function callFromOutside(bench: Bench, name: string, input: unknown): Promise<number> {
  if (desktopTarget) return Promise.reject(new Error('callFromOutside is for browser mode: the desktop app has no HTTP server (skip the test under AWB_E2E_TARGET=electron).'));
  return new Promise((resolve, reject) => {
    const req = http.request(`${bench.origin}/api/${name}`, { method: 'POST', headers: { 'X-AWB-Token': bench.token, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/**
 * How long the first suggestions of a freshly started app may take. The extraction workers load the
 * name model and open the gazetteer first (some 5 s of CPU), at background priority: on a 2-core CI
 * machine whose other test projects keep both cores busy they get a small share of it.
 */
export const FIRST_SUGGESTIONS_MS = 180_000;

/**
 * Waits for a mention in the reader (the first, by default). When none comes, the failure says what
 * the window and the workspace held then (the reader's article, the banners, the stored mentions and
 * what is left to read), so a flake's cause can be read from the run's log.
 */
export async function waitForMentions(bench: Bench, mention: Locator = bench.page.locator('.mention').first()): Promise<void> {
  try {
    await mention.waitFor({ timeout: FIRST_SUGGESTIONS_MS });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${await whatShows(bench)}`);
  }
}

async function whatShows(bench: Bench): Promise<string> {
  const { page } = bench;
  const screen = await page
    .evaluate(() => ({
      reader: document.querySelector('[data-testid="reader-title"]')?.textContent ?? '(no article open)',
      mentions: document.querySelectorAll('.mention').length,
      banners: [...document.querySelectorAll('.banner')].map((b) => b.textContent?.trim()),
    }))
    .catch((error: unknown) => String(error));
  let stored: unknown;
  try {
    stored = readRow(
      bench,
      `SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM mention) AS mentions,
              (SELECT count(*) FROM article a LEFT JOIN extraction_state s ON s.article_id = a.id WHERE s.version IS NULL) AS unread`,
    );
  } catch (error) {
    stored = String(error);
  }
  return `The window showed ${JSON.stringify(screen)}; the workspace held ${JSON.stringify(stored)}.`;
}

/** Loads the bundled sample into the empty workspace and opens it in the reader; with `mentions`, waits for its suggestions too. */
export async function openSample(bench: Bench, options: { mentions?: boolean } = {}): Promise<void> {
  await bench.page.getByRole('button', { name: 'Load the sample article' }).click();
  // The first import starts the parsing workers, which takes a while on a busy machine.
  await bench.page.locator('.ag-row', { hasText: 'After a brief offensive' }).first().click({ timeout: 120_000 });
  if (options.mentions) await waitForMentions(bench);
}

/**
 * Types a path into a dialog's "Save to" field once the core's proposal for the chosen format is in
 * it (its ending is the file's). A proposal committed between fill's select-all and its typing
 * would otherwise keep the typed path at its end: CI once saved to
 * "/root/whole-archive-2026-12-06.awbz/tmp/…/sealed.awbz". Only for a dialog's first path: once
 * typed, the field keeps what was typed.
 */
export async function fillSaveTo(dialog: Locator, file: string): Promise<void> {
  const field = dialog.getByLabel('Save to');
  const ending = path.extname(file);
  await expect.poll(() => field.inputValue()).toMatch(new RegExp(`${ending.replace('.', '\\.')}$`));
  await field.fill(file);
}
