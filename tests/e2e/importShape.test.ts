import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

const HEADLINE = 'Taliban fighters push into Sheberghan as Jowzjan defences crumble';

describe.skipIf(!chromiumPath)('importing scraped pages as an analyst sees them (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('lists a page of navigation only as refused, with the reason, beside the two articles it imported', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import articles…' }).click();
    await page
      .getByTestId('import-files')
      .setInputFiles(['sheberghan-scraped.txt', 'navigation-only.txt', 'maimana-hardwrapped.txt'].map((f) => path.join(fixtures, 'pages', f)));
    const report = page.getByTestId('import-report');
    await report.locator('.summary', { hasText: '2 imported, 0 already present, 1 failed' }).waitFor({ timeout: 120_000 });
    expect(await report.locator('tr.outcome-failed').textContent()).toMatch(/navigation-only\.txt.*No article body: the page holds only navigation/);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('2 articles');
    // Parsing workers start with the first import; on a busy machine that takes a while.
  }, 180_000);

  it('finds the article by a word of its headline and reads it from the headline down, without the furniture', async () => {
    const { page } = bench;
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('crumble');
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('1 article match');
    await page.locator('[data-testid="articles-table"] .ag-row[row-index="0"]').first().click();
    await expect.poll(() => page.getByTestId('reader-title').textContent(), { timeout: 20_000 }).toBe(HEADLINE);
    const text = page.getByTestId('article-text');
    await text.waitFor();
    const shown = await text.innerText();
    // The stored text opens with the headline and its byline, so both can be searched and marked.
    expect(shown.replace(/\s+/g, ' ').startsWith(`${HEADLINE} By Jane Holloway, Associated Press`)).toBe(true);
    expect(shown).toContain('Associated Press writer Tom Baker in Islamabad contributed to this report.');
    for (const junk of ['Share this article', 'newsletter in your inbox', 'Comments are closed', 'Related: Taliban take Zaranj', 'may not be published']) expect(shown).not.toContain(junk);
  });
});
