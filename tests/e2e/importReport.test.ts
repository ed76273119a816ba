import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

describe.skipIf(!chromiumPath)('the report of an import of many files (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('lists the failure and the first thousand files, counts every file, and says how many are not listed', async () => {
    const { page } = bench;
    const folder = tempDir('awb-many-');
    for (let i = 0; i < 1204; i++) {
      fs.writeFileSync(path.join(folder, `note-${String(i).padStart(4, '0')}.txt`), `Note ${i}\n\nThe district office filed note ${i} about the road repairs near the bridge, officials said on Monday.`);
    }
    // Last in the folder's order: a list cut at the first thousand files would leave it out.
    fs.writeFileSync(path.join(folder, 'zz-broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-folder').setInputFiles(folder);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('.summary').textContent({ timeout: 2_000 }).catch(() => null), { timeout: 60_000 }).toBe('1,204 imported, 0 already present, 1 failed');
    expect(await report.locator('tbody tr').count()).toBe(1000);
    expect(await report.locator('tr.outcome-failed').textContent()).toMatch(/zz-broken\.txt.*binary file/);
    expect(await page.getByTestId('import-unlisted').textContent()).toBe('205 more files not listed here: each was imported or already present. The counts above include them.');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1,204 articles');
    expect(bench.pageErrors).toEqual([]);
  }, 120_000);
});
