import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, tempDir } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, readRow, type Bench } from './harness.js';

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

  it('takes the headline, date, dateline and agency from the shape of pages whose first line is not the headline', async () => {
    const { page } = bench;
    const second = 'Residents said fighters had set up checkpoints on the main roads and that shops in the old bazaar stayed closed.';
    const pages: { file: string; lines: string[]; title: string; published: string; dateline: string; source: string | null }[] = [
      {
        file: 'date-above.txt',
        lines: ['World', 'Asia', 'June 22, 2021', 'Taliban take the centre of Kunduz as troops pull back', 'KUNDUZ, Afghanistan – The Taliban captured the centre of Kunduz on Tuesday after government forces withdrew to the airport, two provincial council members said.', second],
        title: 'Taliban take the centre of Kunduz as troops pull back',
        published: '2021-06-22',
        dateline: 'KUNDUZ, Afghanistan',
        source: null,
      },
      {
        file: 'ap-headline.txt',
        lines: ['AP News', 'Menu', 'Militants seize border crossing with Tajikistan (AP)', 'Updated 3:15 PM EDT, Tue June 22, 2021', 'KABUL, Afghanistan (AP) — Taliban fighters seized the main border crossing with Tajikistan at Shir Khan Bandar on Tuesday, a district official said.', second],
        title: 'Militants seize border crossing with Tajikistan',
        published: '2021-06-22',
        dateline: 'KABUL, Afghanistan',
        source: 'Associated Press',
      },
      {
        file: 'video-headline.txt',
        lines: ['Herat governor calls up volunteers as fighting nears the city (VIDEO)', '9 July 2021 10:31 GMT', 'HERAT, Afghanistan – The governor of Herat called on residents to take up arms on Friday as fighting reached the districts around the provincial capital.', second],
        title: 'Herat governor calls up volunteers as fighting nears the city',
        published: '2021-07-09',
        dateline: 'HERAT, Afghanistan',
        source: null,
      },
      {
        file: 'update-headline.txt',
        lines: ['Airport in Kandahar shut after rocket attack, officials say (UPDATE 2)', 'August 1, 2021', 'KABUL, Afghanistan (Reuters) - Flights at Kandahar airport were suspended on Sunday after at least three rockets hit its runway overnight, an airport official said.', second],
        title: 'Airport in Kandahar shut after rocket attack, officials say',
        published: '2021-08-01',
        dateline: 'KABUL, Afghanistan',
        source: 'Reuters',
      },
    ];
    const dir = tempDir('awb-headlines-');
    for (const p of pages) fs.writeFileSync(path.join(dir, p.file), `${p.lines.join('\n\n')}\n`);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    await page.getByTestId('import-files').setInputFiles(pages.map((p) => path.join(dir, p.file)));
    const report = page.getByTestId('import-report');
    await report.locator('.summary', { hasText: '4 imported, 0 already present, 0 failed' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    for (const p of pages) {
      // The headline, not the file name or a date line, is the title the table shows; its words find it.
      await page.getByRole('searchbox', { name: 'Search articles' }).fill(`"${p.title.split(' ').slice(0, 3).join(' ')}"`);
      await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('1 article match');
      const row = page.locator('[data-testid="articles-table"] .ag-row[row-index="0"]').first();
      await expect.poll(() => row.locator('[col-id="title"]').textContent()).toContain(p.title);
      expect(await row.locator('[col-id="title"]').textContent()).not.toMatch(/\((AP|VIDEO|UPDATE 2)\)|\.txt/);
      const stored = readRow(bench, 'SELECT a.title, a.published, a.dateline, a.source, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.file_name = ?', p.file)!;
      expect({ title: stored.title, published: stored.published, dateline: stored.dateline, source: stored.source }, p.file).toEqual({ title: p.title, published: p.published, dateline: p.dateline, source: p.source });
      // The headline stays in the stored text, so it can be searched and marked.
      expect(stored.body as string, p.file).toContain(p.title);
    }
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  }, 180_000);
});
