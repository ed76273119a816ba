import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
import { leaflet, longScan } from '../integration/longScan.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

const documents = path.join(fixtures, 'documents');

describe.skipIf(!chromiumPath)('reading documents as an analyst does (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('imports an e-mail with its attachment and a PDF report, and lists each document', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import articles…' }).click();
    await page.getByTestId('import-files').setInputFiles(['message.eml', 'report.pdf', 'encrypted.pdf'].map((f) => path.join(documents, f)));
    const report = page.getByTestId('import-report');
    await report.locator('.summary', { hasText: '3 imported, 0 already present, 1 failed' }).waitFor({ timeout: 120_000 });
    expect(await report.innerText()).toContain('message.eml › khanabad-annex.pdf');
    expect(await report.locator('tr.outcome-failed').textContent()).toMatch(/encrypted\.pdf.*protected by a password/);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('3 articles');
  }, 180_000);

  it('goes from an attachment to the message it came with', async () => {
    const { page } = bench;
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('pupils');
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('1 article match');
    await page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'Khanabad incident annex' }).first().click();
    await expect.poll(() => page.getByTestId('reader-title').textContent(), { timeout: 20_000 }).toBe('Khanabad incident annex');
    const links = page.getByTestId('document-links');
    await links.getByText('From the same message').waitFor();
    await links.getByRole('button', { name: 'Khanabad school incident, 14 February' }).click();
    await expect.poll(() => page.getByTestId('reader-title').textContent(), { timeout: 20_000 }).toBe('Khanabad school incident, 14 February');
    expect(await page.getByTestId('document-links').innerText()).toMatch(/From: Field Monitor <monitor\.kunduz@example\.org>[\s\S]*Cc: Mine Action Focal Point/);
  }, 60_000);

  it('shows the page of every paragraph of a PDF in the reader', async () => {
    const { page } = bench;
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'Civilian Harm in the Northern Provinces' }).first().click();
    await expect.poll(() => page.getByTestId('reader-title').textContent(), { timeout: 20_000 }).toBe('Civilian Harm in the Northern Provinces: Quarterly Protection Update');
    const pages = page.getByTestId('paragraph-page');
    // One page mark per paragraph (the report has ten), in the margin, outside the text a selection copies.
    await expect.poll(() => pages.count(), { timeout: 10_000 }).toBe(10);
    expect(await pages.allTextContents()).toEqual(['p. 1', 'p. 1', 'p. 1', 'p. 1', 'p. 1', 'p. 2', 'p. 2', 'p. 2', 'p. 2', 'p. 3']);
    // Each mark sits left of its paragraph's first line.
    const [mark, text] = await pages.nth(5).evaluate((el) => [el.getBoundingClientRect().toJSON(), el.nextElementSibling!.getBoundingClientRect().toJSON()] as DOMRect[]);
    expect(mark!.right).toBeLessThanOrEqual(text!.left);
    expect(Math.abs(mark!.top - text!.top)).toBeLessThan(8);
    await page.getByRole('button', { name: 'Close reader' }).click();
  }, 60_000);

  it('reads a two-page TIFF scan by OCR and flags the page read with low confidence in the table and the reader', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-files').setInputFiles([leaflet]);
    const report = page.getByTestId('import-report');
    await report.locator('.summary', { hasText: '1 imported, 0 already present, 0 failed' }).waitFor({ timeout: 120_000 });
    expect(await report.innerText()).toMatch(/leaflet\.tiff[\s\S]*Read by OCR with low confidence: p\. 2/);
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'CLEARANCE OF THE SCHOOL ROAD' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('ocr-doubt').textContent()).toMatch(/^⚠ p\. 2 \(\d+%\)$/);
    await row.click();
    await expect.poll(() => page.getByTestId('reader-ocr-doubt').textContent(), { timeout: 20_000 }).toMatch(/Read by OCR with low confidence \(p\. 2 \(\d+%\)\): check the text against the original/);
    const marks = await page.getByTestId('paragraph-page').allTextContents();
    expect(marks.slice(0, 2)).toEqual(['p. 1', 'p. 1']);
    expect(marks.at(-1)).toBe('p. 2');
    await page.getByRole('button', { name: 'Close reader' }).click();

    // Sorted by its OCR column the table lists the scan in doubt first, ahead of the articles OCR never doubted.
    const table = page.getByTestId('articles-table');
    const ocrHeader = table.locator('.ag-header-cell[col-id="ocr"]');
    await ocrHeader.locator('.ag-header-cell-label').click();
    await expect.poll(() => ocrHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => table.locator('.ag-row[row-index="0"]').first().textContent(), { timeout: 20_000 }).toContain('CLEARANCE OF THE SCHOOL ROAD');
    await ocrHeader.locator('.ag-header-cell-label').click();
    await ocrHeader.locator('.ag-header-cell-label').click();
    await expect.poll(() => ocrHeader.getAttribute('aria-sort')).toBe('none');
    // Filtered on its worst page's confidence, only that scan is left.
    const lowest = Number(/\((\d+)%\)/.exec((await row.getByTestId('ocr-doubt').textContent())!)![1]);
    await ocrHeader.locator('.ag-header-cell-filter-button').click();
    await page.locator('.ag-filter-body input').first().fill(String(lowest));
    // A column filter narrows the table as a search does, and the count says so.
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('1 article match');
    await expect.poll(() => table.locator('.ag-row').allTextContents()).toEqual([expect.stringContaining('CLEARANCE OF THE SCHOOL ROAD')]);
    await page.locator('.ag-filter-body input').first().fill(String(lowest + 1));
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('0 articles match');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 20_000 }).toBe('4 articles');
  }, 180_000);

  it('shows how far a long scan is read, and Cancel stops it', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-files').setInputFiles([longScan(12)]);
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByText(/reading long-scan\.tiff: [1-9] of 12 pages read by OCR/).waitFor({ timeout: 120_000 });
    expect(Number(await dialog.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'))).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('import-report').locator('.summary', { hasText: 'Cancelled: nothing was imported (1 file not imported).' }).waitFor({ timeout: 5_000 });
  }, 180_000);
});
