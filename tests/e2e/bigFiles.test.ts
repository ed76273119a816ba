import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCrawl } from '../../scripts/crawlWarc.js';
import { chromiumPath, desktopTarget, openWorkbench, type Bench } from './harness.js';

const MB = 1024 * 1024;
const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

describe.skipIf(!chromiumPath)('a big file picked in the import dialog (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await bench.page.getByRole('button', { name: 'Load the sample article' }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => bench?.close());

  it('sends a crawl in pieces, then imports every page of it read from disk a record at a time', async () => {
    const { page } = bench;
    // Above the size the window sends in one call (16 MB), so it goes in pieces.
    const crawl = writeCrawl(path.join(bench.dir, 'field-crawl.warc.gz'), path.join(fixtures, 'eval'), { bytes: 24 * MB, imageBytesPerPage: 256 * 1024, gzip: true });
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-files').setInputFiles(crawl.file);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('.summary').textContent(), { timeout: 60_000 }).toBe(`${crawl.pages} imported, 0 already present, 0 failed`);
    expect(await report.locator('tr.outcome-imported').first().textContent()).toContain('field-crawl.warc.gz › ');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe(`${crawl.pages} articles`);
    if (desktopTarget) return;
    // No call carried the file whole: it went as pieces of 8 MB, and the import named the upload.
    const calls = bench.requests.filter((r) => r.url().includes('/api/'));
    expect(calls.filter((r) => r.url().endsWith('/api/uploads.append')).length).toBe(Math.ceil(crawl.bytes / (8 * MB)));
    const biggest = Math.max(...calls.map((r) => r.postDataBuffer()?.length ?? 0));
    expect(biggest).toBeLessThan(12 * MB);
    expect(calls.find((r) => r.url().endsWith('/api/imports.start'))!.postDataBuffer()!.length).toBeLessThan(4096);
  }, 120_000);

  it('sends files that together would be too big for one call partly in pieces, and imports them all', async () => {
    const { page } = bench;
    // Four zips of 13 MB (each under the 16 MB sent in pieces anyway): 69 MB as base64 in one call was refused before.
    const zips = [1, 2, 3, 4].map((n) => {
      const file = path.join(bench.dir, `dispatches-${n}.zip`);
      const story = `Dispatch ${n} from Kunduz\n\nKUNDUZ, Afghanistan – Fighting went on near the city for a ${['first', 'second', 'third', 'fourth'][n - 1]} day, residents said on Monday.`;
      fs.writeFileSync(file, zipSync({ [`dispatch-${n}.txt`]: new TextEncoder().encode(story), 'photos.bin': crypto.randomBytes(13 * MB) }, { level: 0 }));
      return file;
    });
    const before = bench.requests.length;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-files').setInputFiles(zips);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('.summary').textContent(), { timeout: 60_000 }).toMatch(/^4 imported, 0 already present, 0 failed/);
    await page.getByRole('button', { name: 'Done' }).click();
    if (desktopTarget) return;
    const calls = bench.requests.slice(before).filter((r) => r.url().includes('/api/'));
    expect(calls.filter((r) => r.url().endsWith('/api/uploads.begin'))).toHaveLength(2);
    expect(Math.max(...calls.map((r) => r.postDataBuffer()?.length ?? 0))).toBeLessThan(48 * MB);
  }, 120_000);

  it('made no request outside the app', () => {
    expect(bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(bench.pageErrors).toEqual([]);
  });
});
