import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { ArticleQuery } from '../../electron/contract/articles.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { tempDir } from '../integration/helpers.js';
import { chromiumPath, desktopTarget, openWorkbench, pageCall, type Bench } from './harness.js';

const N = 2000;
const sources = ['Reuters', 'BBC', 'Pajhwok', 'TOLOnews', 'Al Jazeera'];
const words = 'Convoy Bridge Council Market Governor Border Airport Village River Police'.split(' ');

/** A workspace of N articles, stored as an import stores them (the table's deep blocks start past row 1,000). */
function seed(file: string): void {
  const db = openWorkspace(file, { create: true });
  const repo = new ArticlesRepository(db);
  for (let from = 0; from < N; from += 500) {
    repo.insertMany(
      Array.from({ length: 500 }, (_, i) => {
        const k = from + i;
        const title = `${words[(k * 7) % words.length]} report ${String((k * 7919) % 10_000).padStart(4, '0')}`;
        return articleFromText(`${title}\n\nSource: ${sources[k % sources.length]}\n\nItem ${k}. Officials said the convoy reached the bridge on the main road before the council talks began in the village near the river, police said.`, 'text', `a${k}.txt`);
      }),
    );
  }
  db.close();
}

describe.skipIf(!chromiumPath)('a large sorted and filtered table scrolled to its end (browser mode, real Chromium)', () => {
  let bench: Bench;
  let expected: { total: number; last: string[]; bySource: string[]; firstByTitle: string[] };
  beforeAll(async () => {
    const file = path.join(tempDir('awb-deep-'), 'deep.awb');
    seed(file);
    // What the table must end with: the same query read straight from the file.
    const db = openWorkspace(file, {});
    const query = ArticleQuery.parse({ sort: [{ column: 'title', direction: 'desc' }], filters: { source: { filterType: 'text', type: 'contains', filter: 'e' } } });
    const repo = new ArticlesRepository(db);
    const total = repo.page(query, 0, 1).total;
    const bySource = ArticleQuery.parse({ ...query, sort: [{ column: 'source', direction: 'asc' }] });
    const byTitle = ArticleQuery.parse({ ...query, sort: [{ column: 'title', direction: 'asc' }] });
    expected = {
      total,
      last: repo.page(query, total - 3, total).rows.map((r) => r.title),
      bySource: repo.page(bySource, total - 3, total).rows.map((r) => r.title),
      firstByTitle: repo.page(byTitle, 0, 3).rows.map((r) => r.title),
    };
    db.close();
    bench = await openWorkbench({ workspace: file });
  }, 120_000);
  afterAll(async () => bench?.close());

  it('sorts by title, filters by source and scrolls to the last row, past the first thousand (whose blocks read the whole order)', async () => {
    const { page } = bench;
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe(`${N.toLocaleString('en')} articles`);
    const title = page.locator('[data-testid="articles-table"] .ag-header-cell[col-id="title"]');
    await title.click();
    await title.click();
    await expect.poll(() => title.getAttribute('aria-sort')).toBe('descending');
    await page.locator('[data-testid="articles-table"] .ag-header-cell[col-id="source"] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter-body input').first().fill('e');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe(`${expected.total.toLocaleString('en')} articles match`);
    expect(expected.total).toBeGreaterThan(1100);

    // Scroll to the end: the grid asks for the blocks past row 1,000, which need the whole order.
    const viewport = page.locator('[data-testid="articles-table"] .ag-body-vertical-scroll-viewport');
    // A row the grid is fading out (ag-opacity-zero: a sort or a refresh replaced it) may stay in the page,
    // blank, beside the row drawn in its place, or alone where the grid went back to the top: only a row
    // drawn for good is read, and its absence scrolls the table to its end again (below).
    const rowAt = (index: number) => page.locator(`[data-testid="articles-table"] .ag-row[row-index="${index}"]:not(.ag-opacity-zero)`);
    const lastRow = rowAt(expected.total - 1);
    await scrolledTo(viewport, lastRow);
    const titles = () => Promise.all([0, 1, 2].map((i) => rowAt(expected.total - 3 + i).locator('[col-id="title"]').first().textContent()));
    await expect.poll(titles, { timeout: 20_000 }).toEqual(expected.last);
    expect(bench.pageErrors).toEqual([]);

    // Three sorts clicked in a row at the end of the table: each wants its whole order, and the core
    // may pass over those still waiting for the last one. The table shows the last sort's rows, and
    // no error for the orders it passed over.
    const sortsFrom = bench.requests.length;
    for (const column of ['words', 'published', 'source']) await page.locator(`[data-testid="articles-table"] .ag-header-cell[col-id="${column}"]`).click();
    await expect.poll(() => page.locator('[data-testid="articles-table"] .ag-header-cell[col-id="source"]').getAttribute('aria-sort')).toBe('ascending');
    try {
      await expect
        .poll(
          async () => {
            // Scrolled only until the last row is drawn: a scroll redraws the rows, whose cells are filled a
            // frame later, so a read straight after every scroll could see them empty for as long as it
            // polled (caught here 3 times in 19 runs under load: the grid had the rows, the cells read '').
            // A sort takes the grid back to the top; the rows it leaves at the end fade out blank, and
            // read as drawn they kept the table from being scrolled again (caught twice under load, 2026-12-06).
            if ((await lastRow.count()) === 0) await viewport.evaluate((v) => (v.scrollTop = v.scrollHeight));
            return titles();
          },
          { timeout: 30_000 },
        )
        .toEqual(expected.bySource);
    } catch (error) {
      // Failed twice in CI (stop 31) and then here under load, from the reads above; kept so that a
      // failure's log shows what the window asked and what came back.
      console.error(`[deepTable] blocks asked after the sorts:\n${(await blockCalls(bench, sortsFrom)).join('\n')}`);
      // The rows came back with blank cells and nothing more was asked: what the grid drew, and what it said.
      const drawn = await page.evaluate(
        (indexes) =>
          indexes.map((i) =>
            [...document.querySelectorAll(`[data-testid="articles-table"] .ag-row[row-index="${i}"]`)]
              .map((row) => `row ${i} (${row.parentElement?.className ?? '?'}; ${row.className}): "${row.querySelector('[col-id="title"]')?.textContent ?? 'no title cell'}"`)
              .join('\n'),
          ),
        [0, 1, 2].map((i) => expected.total - 3 + i),
      );
      console.error(`[deepTable] rows drawn:\n${drawn.join('\n')}\n[deepTable] the window's warnings:\n${bench.pageWarnings.slice(-20).join('\n')}`);
      throw error;
    }
    expect(await page.locator('.banner.error').count()).toBe(0);
    expect(bench.pageErrors).toEqual([]);
  }, 120_000);

  // Browser mode: the test slows the table's calls on their way to the core, which it can only do over HTTP.
  it.skipIf(desktopTarget)('shows a new sort\'s rows while the workspace changes faster than a block of the table comes back', async () => {
    const { page } = bench;
    const viewport = page.locator('[data-testid="articles-table"] .ag-body-vertical-scroll-viewport');
    await viewport.evaluate((v) => (v.scrollTop = 0));
    // Every block takes 1.5 s to come back, and the workspace changes every 300 ms, as it does while
    // suggestions are stored during a long import. Refreshed at every change, a block loading was asked
    // again before its answer came, so its rows stayed blank for as long as the changes went on.
    await page.route('**/api/articles.page', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue().catch(() => undefined);
    });
    let changing = true;
    const changes = (async () => {
      for (let i = 0; changing; i++) {
        await pageCall(bench, 'articles.update', { id: 1, patch: { reliability: i % 2 ? 'B' : 'C' } });
        await new Promise((done) => setTimeout(done, 300));
      }
    })();
    try {
      const title = page.locator('[data-testid="articles-table"] .ag-header-cell[col-id="title"]');
      await title.click();
      await expect.poll(() => title.getAttribute('aria-sort')).toBe('ascending');
      // Read without waiting for the rows: before the fix they never came, and a waiting read hid that behind its own timeout.
      const firstTitles = () =>
        page.evaluate(() =>
          [0, 1, 2].map((i) => document.querySelector(`[data-testid="articles-table"] .ag-row[row-index="${i}"] [col-id="title"]`)?.textContent ?? null),
        );
      await expect.poll(firstTitles, { timeout: 20_000 }).toEqual(expected.firstByTitle);
    } finally {
      changing = false;
      await changes;
      await page.unroute('**/api/articles.page');
    }
    expect(await page.locator('.banner.error').count()).toBe(0);
    expect(bench.pageErrors).toEqual([]);
  }, 60_000);

  // Browser mode: the test holds the count on its way back from the core, which it can only do over HTTP.
  it.skipIf(desktopTarget)('shows a new filter\'s first rows before their count is made, then the count and the table\'s end', async () => {
    const { page } = bench;
    const viewport = page.locator('[data-testid="articles-table"] .ag-body-vertical-scroll-viewport');
    await viewport.evaluate((v) => (v.scrollTop = 0));
    // At a million articles a filter's count takes seconds before the file is in SQLite's cache; here it is held until released.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let asked = 0;
    await page.route('**/api/articles.count', async (route) => {
      asked++;
      await held;
      await route.continue().catch(() => undefined);
    });
    try {
      // Sources with an "r": Reuters and Al Jazeera, two in five of the articles.
      await page.locator('[data-testid="articles-table"] .ag-header-cell[col-id="source"] .ag-header-cell-filter-button').click();
      await page.locator('.ag-filter-body input').first().fill('r');
      await page.keyboard.press('Escape');
      const count = page.getByTestId('article-count');
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('100+ articles match (counting…)');
      const firstSource = page.locator('[data-testid="articles-table"] .ag-row[row-index="0"] [col-id="source"]').first();
      await expect.poll(() => firstSource.textContent(), { timeout: 20_000 }).toMatch(/^(Reuters|Al Jazeera)$/);
      expect(asked).toBeGreaterThan(0);
      release();
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('800 articles match');
      // The count is the table's end: scrolled down, the last row is the 800th.
      await scrolledTo(viewport, page.locator('[data-testid="articles-table"] .ag-row[row-index="799"]'));
      expect(await page.locator('[data-testid="articles-table"] .ag-row[row-index="800"]').count()).toBe(0);
    } finally {
      release();
      await page.unroute('**/api/articles.count');
    }
    expect(await page.locator('.banner.error').count()).toBe(0);
    expect(bench.pageErrors).toEqual([]);
  }, 60_000);
});

/** Scrolls the table to its end until `row` is drawn (the grid asks for the blocks on the way). */
async function scrolledTo(viewport: Locator, row: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await viewport.evaluate((v) => (v.scrollTop = v.scrollHeight));
        return row.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
}

/** Each articles.page call from `from` on: the sort and rows asked for, and the answer (or that none came). */
async function blockCalls(bench: Bench, from: number): Promise<string[]> {
  const calls = bench.requests.slice(from).filter((r) => r.url().endsWith('/api/articles.page'));
  return Promise.all(
    calls.map(async (r) => {
      const asked = JSON.parse(r.postData() ?? '{}') as { query?: { sort?: unknown }; startRow?: number };
      const response = await Promise.race([r.response(), new Promise<null>((done) => setTimeout(() => done(null), 1000))]);
      const answer = response ? ((await response.json().catch(() => null)) as { ok?: boolean; value?: { rows: unknown[]; total: number }; error?: unknown } | null) : null;
      const said = !response ? `no answer${r.failure() ? ` (${r.failure()!.errorText})` : ''}` : answer?.ok ? `${answer.value!.rows.length} rows of ${answer.value!.total}` : JSON.stringify(answer?.error ?? response.status());
      return `${JSON.stringify(asked.query?.sort)} from row ${asked.startRow}: ${said}`;
    }),
  );
}
