import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
import { chromiumPath, desktopTarget, openWorkbench, tagOpenArticle, type Bench } from './harness.js';

const TITLE = 'After a brief offensive, the Taliban invade important cities in northern Afghanistan';

describe.skipIf(!chromiumPath)('an analyst at the workbench (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('imports the sample page through the import dialog and sees the per-file report', async () => {
    const { page } = bench;
    await page.getByText('This workspace is empty').waitFor();
    await page.getByRole('button', { name: 'Import articles…' }).click();
    await page.getByTestId('import-files').setInputFiles([
      path.join(fixtures, 'kunduz-offensive.txt'),
      path.join(fixtures, 'hostile/hostile.html'),
      path.join(fixtures, 'empty.txt'),
    ]);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.locator('.summary').textContent()).toBe('2 imported, 0 already present, 1 failed');
    expect(await report.locator('tr.outcome-failed').textContent()).toContain('The file is empty.');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('2 articles');
  });

  // Browser mode: the test holds a block of the table on its way back from the core, which it can only do over HTTP.
  it.skipIf(desktopTarget)('keeps the search\'s count when a block asked for before the search comes back after it', async () => {
    const { page } = bench;
    // A refresh after stored suggestions, or a sort, asks for the whole table; here its answer is held
    // until the search has been answered. Its total (2) once replaced the search's (1) for good.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let heldAnswer: Promise<unknown> | undefined;
    await page.route('**/api/articles.page', async (route) => {
      const { query } = route.request().postDataJSON() as { query: { search: string } };
      if (query.search || heldAnswer) return route.continue();
      heldAnswer = page.waitForResponse(
        (r) => r.url().endsWith('/api/articles.page') && !(r.request().postDataJSON() as { query: { search: string } }).query.search,
      );
      await held;
      await route.continue().catch(() => undefined);
    });
    const title = page.locator('.ag-header-cell[col-id="title"]').first();
    try {
      await title.click();
      await expect.poll(() => heldAnswer !== undefined).toBe(true);
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('"provincial council"');
      const count = page.getByTestId('article-count');
      await expect.poll(() => count.textContent()).toBe('1 article match');
      release();
      await heldAnswer;
      // The late answer is handled on the next turns of the window's event loop.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
      expect(await count.textContent()).toBe('1 article match');
    } finally {
      release();
      await page.unroute('**/api/articles.page');
    }
    // Back to the table as the next step expects it: no sort, no search.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await title.click();
    await title.click();
    await expect.poll(() => title.getAttribute('aria-sort')).toBe('none');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('2 articles');
  });

  it('finds the article by search, with the hit highlighted in the table', async () => {
    const { page } = bench;
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('"provincial council"');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    const mark = page.locator('.ag-row .snippet mark').first();
    await mark.waitFor();
    expect((await mark.textContent())?.toLowerCase()).toBe('provincial council');
  });

  it('reads it as clean text with the search hit marked and no boilerplate', async () => {
    const { page } = bench;
    await page.locator('.ag-row', { hasText: TITLE }).first().click();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe(TITLE);
    const text = (await page.locator('.article-text').textContent())!;
    // The stored text opens with the headline (searchable, its names markable), then the first paragraph.
    expect(text.startsWith(`${TITLE}\n\nKABUL, Afghanistan – The Taliban invaded two provincial capitals`)).toBe(true);
    for (const junk of ['Shopping Cart', 'No products in the cart.', 'Go to top', 'Leave Comments']) expect(text).not.toContain(junk);
    expect(await page.locator('.article-text mark').allTextContents()).toEqual(['provincial council']);
    expect(await page.locator('.byline').textContent()).toContain('KABUL, Afghanistan');
  });

  it('creates a tag, tags the article from the reader and filters the table by the tag', async () => {
    const { page } = bench;
    await tagOpenArticle(bench, 'Northern offensive');
    await page.locator('.reader .tag-chip', { hasText: 'Northern offensive' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('2 articles');
    await page.locator('.tag-filter', { hasText: 'Northern offensive' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    expect(await page.locator('.ag-row', { hasText: TITLE }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.locator('.ag-row .tag-chip', { hasText: 'Northern offensive' }).waitFor();
    await page.locator('.ag-row', { hasText: TITLE }).first().click();
  });

  it('grades the source and edits metadata in the side panel', async () => {
    const { page } = bench;
    const side = page.getByRole('complementary', { name: 'Article details' });
    await side.getByLabel('Source', { exact: true }).fill('Example Wire');
    await side.getByLabel('Reliability').selectOption('B');
    await side.getByLabel('Credibility').selectOption('2');
    await page.locator('.ag-row', { hasText: 'Example Wire' }).waitFor();
    // Edits save themselves: the first Esc leaves the source field, the second closes the reader.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Reader' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ag-row [col-id="grading"]').first().textContent()).toBe('B2');
  });

  it('ran no script from the hostile page, and nothing left the app', async () => {
    const { page } = bench;
    await page.locator('.tag-filter', { hasText: 'Northern offensive' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('2 articles');
    await page.locator('.ag-row', { hasText: 'Convoy ambushed' }).first().click();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Convoy ambushed on the road to Mazar-i-Sharif');
    expect(await page.locator('.article-text').textContent()).toContain('Gunmen ambushed a supply convoy');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('.reader iframe, .reader img, .reader script, .reader a').count()).toBe(0);
    const foreign = bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(bench.requests.length).toBeGreaterThan(5);
    // Every file the window asked for was there (the page once asked for a favicon it did not have).
    const files = bench.requests.filter((r) => r.url().startsWith(bench.origin) && !new URL(r.url()).pathname.startsWith('/api/'));
    const missing = (await Promise.all(files.map(async (r) => [r.url(), (await r.response())?.status() ?? 0] as const))).filter(([, status]) => status >= 400);
    expect(missing).toEqual([]);
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? null);
    expect(icon).not.toBeNull();
    expect(await page.evaluate(async (href) => (await fetch(href)).status, icon!)).toBe(200);
    expect(bench.pageErrors).toEqual([]);
  });
});
