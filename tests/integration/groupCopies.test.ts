import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { ArticleQuery } from '../../electron/contract/articles.js';
import { groupStoredCopies } from '../../electron/services/duplicates/groupStories.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import type { CoreEvent, StoryGroupingProgress } from '../../electron/contract/index.js';
import { bundleCli } from './cliBundle.js';
import { tempDir, testCore } from './helpers.js';

const words = 'fighters district road convoy officials governor police checkpoint market school bridge river village council talks ceasefire airport province border refugees'.split(' ');
/** A made-up name, different for every story and place in it, so no two stories share their wording. */
const name = (n: number) => Array.from({ length: 3 }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');
/** A story's text: a hundred words drawn from its number, long enough for copies to be recognised. */
const storyText = (story: number) =>
  Array.from({ length: 100 }, (_, i) => `${words[(story * 7 + i) % words.length]} ${name((Math.imul(story + 1, 2654435761) ^ Math.imul(i + 1, 40503)) >>> 0)}`).join(' ');

/**
 * A workspace as one made before near-duplicates were kept leaves it: `n` articles, every third a
 * copy of the story two before it under its own title, and none of them filed under a story.
 */
function oldWorkspace(n: number): string {
  const file = path.join(tempDir(), 'old.awb');
  const db = openWorkspace(file, { create: true });
  const articles = Array.from({ length: n }, (_, k) => {
    const story = k % 3 === 2 ? k - 2 : k;
    return articleFromText(`${k % 2 ? 'Update' : 'Report'} ${k}\n\nStory ${story}. ${storyText(story)}.\n\nFiled as ${k}.`, 'text', `a${k}.txt`);
  });
  const repo = new ArticlesRepository(db);
  for (let i = 0; i < n; i += 1000) repo.insertMany(articles.slice(i, i + 1000));
  db.exec('DELETE FROM story_band; DELETE FROM story_copy;');
  db.close();
  return file;
}

const copiesOf = (db: ReturnType<typeof openWorkspace>) =>
  new ArticlesRepository(db)
    .page(ArticleQuery.parse({ sort: [{ column: 'imported', direction: 'asc' }] }), 0, 9)
    .rows.map((r) => r.copies);

describe('grouping an old workspace’s articles in one go', () => {
  it('files every article under its story, in slices that leave the event loop free, and Cancel keeps what was grouped', async () => {
    const db = openWorkspace(oldWorkspace(600));
    expect(copiesOf(db)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Stopped once half is checked: what was checked stays grouped, the rest is left for later.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    const first = await groupStoredCopies(db, { onProgress: (p) => seen.push(p.checked), stopped: () => seen.at(-1)! >= 300 });
    clearInterval(ticker);
    expect(first).toMatchObject({ total: 600, cancelled: true });
    expect(first.checked).toBeGreaterThanOrEqual(300);
    expect(first.checked).toBeLessThan(600);
    // Many slices, each a transaction, with timers run between them: the window's calls are answered meanwhile.
    expect(seen.length).toBeGreaterThan(5);
    expect(ticks).toBeGreaterThan(2);
    expect(db.prepare('SELECT count(*) FROM story_copy').pluck().get()).toBe(first.checked);
    expect(copiesOf(db)).toEqual([2, 1, 2, 2, 1, 2, 2, 1, 2]);

    const rest = await groupStoredCopies(db);
    expect(rest).toMatchObject({ total: 600 - first.checked, checked: 600 - first.checked, cancelled: false, storiesWithCopies: 200, copies: 400 });
    expect(db.prepare('SELECT count(*) FROM story_copy').pluck().get()).toBe(600);
    // Nothing is left: a second run has nothing to do.
    expect(await groupStoredCopies(db)).toMatchObject({ total: 0, checked: 0, cancelled: false, storiesWithCopies: 200 });
    db.close();
  }, 120_000);
});

describe('the window’s “Group copies in older articles” job', () => {
  it('runs in the background with its progress sent to the window, answers a table page meanwhile, and stops at Cancel', async () => {
    const t = testCore(oldWorkspace(600));
    const heard: StoryGroupingProgress[] = [];
    let ended: () => void = () => undefined;
    const end = new Promise<void>((resolve) => (ended = resolve));
    let cancelAt = 300;
    t.core.subscribe((e: CoreEvent) => {
      if (e.type !== 'stories.progress') return;
      heard.push(e);
      // The analyst presses Cancel half-way.
      if (e.state === 'running' && e.checked >= cancelAt) {
        cancelAt = Infinity;
        void t.call('stories.cancelGrouping', {});
      }
      if (e.state !== 'running') ended();
    });
    expect(await t.call('stories.groupStored', {})).toEqual({ total: 600 });
    await expect(t.call('stories.groupStored', {})).rejects.toThrow('Copies of stories are already being grouped');
    // The core answers the window while it works.
    const page = await t.call('articles.page', { query: {}, startRow: 0, endRow: 10 });
    expect(page.total).toBe(600);
    expect(heard.every((p) => p.state === 'running')).toBe(true);
    await end;
    const last = heard.at(-1)!;
    expect(last.state).toBe('cancelled');
    expect(last.checked).toBeGreaterThanOrEqual(300);
    expect(last.checked).toBeLessThan(600);
    expect(heard.filter((p) => p.state === 'running').length).toBeGreaterThan(0);

    // Started again, it checks only what is left, and the table's copies follow.
    heard.length = 0;
    const again = new Promise<void>((resolve) => (ended = resolve));
    expect(await t.call('stories.groupStored', {})).toEqual({ total: 600 - last.checked });
    await again;
    expect(heard.at(-1)).toMatchObject({ state: 'done', checked: 600 - last.checked, storiesWithCopies: 200, copies: 400 });
    const rows = await t.call('articles.page', { query: { sort: [{ column: 'imported', direction: 'asc' }] }, startRow: 0, endRow: 6 });
    expect(rows.rows.map((r) => r.copies)).toEqual([2, 1, 2, 2, 1, 2]);
    expect(await t.call('stories.groupStored', {})).toEqual({ total: 0 });
    t.core.close();
  }, 120_000);
});

describe('awb group-copies', () => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  beforeAll(async () => {
    cli = await bundleCli();
  }, 60_000);
  afterAll(() => cli?.remove());

  const awb = (args: string[], interruptOn?: RegExp) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli.cli, ...args], { env: { ...process.env, AWB_DATA_DIR: tempDir() } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (interruptOn?.test(stderr)) child.kill('SIGINT');
      });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('groups a whole old workspace, saying how far it got, a Ctrl-C stops it without losing what was grouped, and its reports count a story once or every copy', async () => {
    const file = oldWorkspace(1_500);
    const stopped = await awb(['group-copies', '--workspace', file], /grouping {2}0 of 1,500 articles checked/);
    const cut = JSON.parse(stopped.stdout) as { checked: number; total: number; cancelled: boolean };
    expect({ status: stopped.status, total: cut.total, cancelled: cut.cancelled }).toEqual({ status: 130, total: 1_500, cancelled: true });
    expect(cut.checked).toBeLessThan(1_500);

    const finished = await awb(['group-copies', '--workspace', file]);
    expect(finished.status).toBe(0);
    expect(JSON.parse(finished.stdout)).toEqual({ checked: 1_500 - cut.checked, total: 1_500 - cut.checked, cancelled: false, storiesWithCopies: 500, copies: 1_000 });
    expect(finished.stderr).toContain(`grouping  ${(1_500 - cut.checked).toLocaleString('en')} of ${(1_500 - cut.checked).toLocaleString('en')} articles checked for copies`);
    expect((await awb(['group-copies', '--workspace', path.join(tempDir(), 'none.awb')])).stderr).toMatch(/no workspace at/);
    // A report from the shell counts each story once, or every copy when asked.
    const out = tempDir();
    expect((await awb(['report', '--workspace', file, '--out', path.join(out, 'once.md')])).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'once.md'), 'utf8')).toContain('*Copies of a story (wire copies, updates) are counted once');
    expect((await awb(['report', '--workspace', file, '--out', path.join(out, 'every.md'), '--every-copy'])).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'every.md'), 'utf8')).toContain('*Every copy of a story is counted');
  }, 180_000);
});
