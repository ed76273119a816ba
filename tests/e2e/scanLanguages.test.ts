import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

const notice = path.join(fixtures, 'documents', 'notice-dari.png');

describe.skipIf(!chromiumPath)('scans in the languages an analyst reads (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('reads a Dari notice once Persian is ticked, shows it right to left, and remembers the choice', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import articles…' }).click();
    const persian = page.getByRole('checkbox', { name: 'Persian (Dari)' });
    const english = page.getByRole('checkbox', { name: 'English' });
    expect(await english.isChecked()).toBe(true);
    // The last language ticked stays ticked: a scan is always read in something.
    expect(await english.isDisabled()).toBe(true);
    await persian.check();
    await page.getByTestId('import-files').setInputFiles([notice]);
    const report = page.getByTestId('import-report');
    await report.locator('.summary', { hasText: '1 imported, 0 already present, 0 failed' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'اطلاعیه' }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const text = page.getByTestId('article-text');
    await expect.poll(() => text.textContent(), { timeout: 20_000 }).toMatch(/قندوز/);
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.getByRole('button', { name: 'Close reader' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    expect(await page.getByRole('checkbox', { name: 'Persian (Dari)' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'English' }).isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
  }, 180_000);
});
