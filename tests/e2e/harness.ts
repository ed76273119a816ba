import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import http from 'node:http';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/index.js';
import { repoRoot } from '../integration/helpers.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const chromiumPath = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;

if (!chromiumPath) {
  const message = '\n!!! E2E TESTS SKIPPED: no Chromium found (install Debian\'s "chromium" or set CHROMIUM_PATH) !!!\n';
  if (process.env.AWB_REQUIRE_E2E === '1') throw new Error(message + 'AWB_REQUIRE_E2E=1 makes this a failure.');
  console.warn(message);
}

export interface Bench {
  /** The address browser mode printed: `http://127.0.0.1:PORT/#token=…`. */
  url: string;
  origin: string;
  /** The session token, for a test that calls the API itself (with the X-AWB-Token header). */
  token: string;
  page: Page;
  requests: Request[];
  pageErrors: string[];
  workspace: string;
  dir: string;
  close: () => Promise<void>;
}

/** Starts browser mode on a fresh workspace and opens it in Chromium, recording every request. */
export async function openWorkbench(options: { workspace?: string } = {}): Promise<Bench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-e2e-'));
  const workspace = options.workspace ?? path.join(dir, 'e2e.awb');
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
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The page takes the token from the fragment, then wipes it from the address bar and history.
  await page.goto(url);
  return {
    url,
    origin: new URL(url).origin,
    token: new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '',
    page,
    requests,
    pageErrors,
    workspace,
    dir,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
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

/** Pixel of a point on the map, from the view MapLibre reports (Web Mercator, 512-pixel world tiles). */
export async function mapPixel(bench: Bench, lat: number, lon: number): Promise<{ x: number; y: number }> {
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

/** A call made by the page itself (with its session token): for setting up what is not under test. */
export async function pageCall<N extends CallName>(bench: Bench, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await bench.page.evaluate(
    async ([n, i]) => {
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
  return new Promise((resolve, reject) => {
    const req = http.request(`${bench.origin}/api/${name}`, { method: 'POST', headers: { 'X-AWB-Token': bench.token, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** Loads the bundled sample into the empty workspace and opens it in the reader; with `mentions`, waits for its suggestions too. */
export async function openSample(bench: Bench, options: { mentions?: boolean } = {}): Promise<void> {
  await bench.page.getByRole('button', { name: 'Load the sample article' }).click();
  // The first import starts the parsing workers, which takes a while on a busy machine.
  await bench.page.locator('.ag-row', { hasText: 'After a brief offensive' }).first().click({ timeout: 120_000 });
  if (options.mentions) await bench.page.locator('.mention').first().waitFor({ timeout: 60_000 });
}
