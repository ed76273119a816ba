import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticles } from '../../scripts/benchArticles.js';
import { callFromOutside, chromiumPath, desktopTarget, openWorkbench, type Bench } from './harness.js';

// Starts the import through browser mode's HTTP server and watches its responses: the desktop app has neither.
describe.skipIf(!chromiumPath || desktopTarget)('the window while the core is busy (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('answers the table and the map while a long import with suggestions runs', async () => {
    const { page } = bench;
    const folder = path.join(bench.dir, 'wire');
    fs.mkdirSync(folder);
    makeArticles(3000, 5, (text, i) => fs.writeFileSync(path.join(folder, `story-${i}.txt`), text));
    expect(await callFromOutside(bench, 'imports.start', { source: { kind: 'paths', paths: [folder] } })).toBe(200);
    const busy = page.getByText(/Finding names in new articles… \d+ done, \d+ to go/);
    await busy.waitFor({ timeout: 60_000 });

    // The analyst searches while the core reads: the table and the map answer, and the core is still at it.
    const table = page.waitForResponse((r) => r.url().endsWith('/api/articles.page') && (r.request().postData() ?? '').includes('Maimana'), { timeout: 20_000 });
    const map = page.waitForResponse((r) => r.url().endsWith('/api/map.places') && (r.request().postData() ?? '').includes('Maimana'), { timeout: 20_000 });
    await page.getByPlaceholder(/^Search:/).fill('Maimana');
    expect((await table).status()).toBe(200);
    expect((await map).status()).toBe(200);
    await page.locator('.ag-row').first().waitFor({ timeout: 20_000 });
    expect(await busy.isVisible()).toBe(true);
    expect(bench.pageErrors).toEqual([]);
  }, 180_000);
});
