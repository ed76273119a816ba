import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
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
});
