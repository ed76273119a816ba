import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAt } from '../../electron/contract/imports.js';
import { parseWorkerFile } from '../../electron/paths.js';
import { CANCELLED, ParsePool } from '../../electron/services/extract/parsePool.js';
import { writeTiff } from '../fixtures/documents/tiffWriter.mjs';
import { closedAfterEach, fixtures, repoRoot, tempDir, importFinished } from './helpers.js';
import { leaflet, longScan } from './longScan.js';

const make = closedAfterEach();
const all = { search: '', tagIds: [], filters: {}, sort: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const finished = importFinished;

describe('scans read by OCR', () => {
  it('reads a two-page TIFF page by page, keeps each paragraph\'s page, and flags the page read with low confidence in the table and the article', async () => {
    const t = make();
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [leaflet] });
    expect(report.outcomes).toEqual([expect.objectContaining({ status: 'imported', message: expect.stringMatching(/^Read by OCR with low confidence: p\. 2 \(\d+%\)\. Check the text/) })]);
    const article = await t.call('articles.get', { id: report.outcomes[0]!.articleId! });
    expect(article.format).toBe('image');
    expect(article.body).toMatch(/^CLEARANCE OF THE SCHOOL ROAD\n\nThe clearance team will work on the road between Sar-e Pul village and the Khanabad school from 20 February\./);
    expect(pageAt(article.document!.pageStarts, article.body.indexOf('The clearance team'))).toBe(1);
    // Page 2 is a faint copy: read in part, and on its own page.
    const second = article.body.indexOf('stones');
    expect(second).toBeGreaterThan(0);
    expect(pageAt(article.document!.pageStarts, second)).toBe(2);
    expect(article.document!.metadata).toMatchObject({ pages: 2, ocrPages: expect.stringMatching(/^p\. 1 \(9\d%\), p\. 2 \([1-6]\d%\)$/) });
    expect(article.ocrLowConfidence).toMatch(/^p\. 2 \([1-6]\d%\)$/);

    const rows = (await t.call('articles.page', { query: all, startRow: 0, endRow: 10 })).rows;
    expect(rows.map((r) => r.ocrLowConfidence)).toEqual([article.ocrLowConfidence]);
    // The OCR column sorts and filters by the page's confidence, which the reader of the scan stores as a number.
    const lowest = Number(/\((\d+)%\)/.exec(article.ocrLowConfidence!)![1]);
    const under = (filter: number) => t.call('articles.page', { query: { ...all, filters: { ocr: { filterType: 'number', type: 'lessThan', filter } } }, startRow: 0, endRow: 10 });
    expect((await under(lowest + 1)).rows.map((r) => r.id)).toEqual([article.id]);
    expect((await under(lowest)).rows).toEqual([]);
  }, 120_000);

  it('flags nothing for a clean scan or a text article', async () => {
    const t = make();
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'notice.jpg'), path.join(fixtures, 'kunduz-offensive.txt')] });
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const rows = (await t.call('articles.page', { query: all, startRow: 0, endRow: 10 })).rows;
    expect(rows.map((r) => r.ocrLowConfidence)).toEqual([null, null]);
  }, 120_000);

  it('reads a scan in Dari when the analyst says its language, which English alone cannot', async () => {
    const t = make();
    const notice = path.join(fixtures, 'documents', 'notice-dari.png');
    const dari = await t.core.imports.importNow({ kind: 'paths', paths: [notice] }, { ocrLanguages: ['eng', 'fas'] });
    expect(dari.outcomes).toEqual([expect.objectContaining({ status: 'imported' })]);
    const article = await t.call('articles.get', { id: dari.outcomes[0]!.articleId! });
    // Read right to left, word by word: the place names come out as written.
    expect(article.body).toMatch(/اطلاعیه/);
    expect(article.body).toMatch(/قندوز/);
    expect(article.body).toMatch(/دوشنبه/);
    const other = make();
    const english = await other.core.imports.importNow({ kind: 'paths', paths: [notice] });
    const read = english.outcomes[0]!.articleId ? (await other.call('articles.get', { id: english.outcomes[0]!.articleId })).body : '';
    expect(read).not.toMatch(/قندوز/);
  }, 120_000);

  it('refuses, each with its reason, a TIFF in a compression the OCR engine lacks and one whose pixels are missing', async () => {
    const t = make();
    const dir = tempDir();
    const page = { width: 60, height: 40, grey: new Uint8Array(60 * 40).fill(255) };
    const jpeg = Buffer.from(writeTiff([page]));
    const directory = jpeg.readUInt32LE(4);
    // Entry 4 is Compression (259), entry 6 StripOffsets (273).
    jpeg.writeUInt16LE(7, directory + 2 + 3 * 12 + 8);
    fs.writeFileSync(path.join(dir, 'jpeg.tiff'), jpeg);
    const cut = Buffer.from(writeTiff([page]));
    cut.writeUInt32LE(10_000_000, directory + 2 + 5 * 12 + 8);
    fs.writeFileSync(path.join(dir, 'cut.tif'), cut);
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(dir, 'jpeg.tiff'), path.join(dir, 'cut.tif')] });
    expect(report.outcomes.map((o) => [path.basename(o.name), o.status, o.message])).toEqual([
      ['jpeg.tiff', 'failed', expect.stringMatching(/compressed with JPEG, which the OCR engine does not read/)],
      ['cut.tif', 'failed', expect.stringMatching(/^The image cannot be read: the OCR engine could not decode it/)],
    ]);
  }, 60_000);

  it('stops a running OCR at Cancel: the import ends at once, nothing of the scan is stored and the engine stops working', async () => {
    const t = make();
    const scan = longScan(12);
    const started = Date.now();
    const { jobId } = await t.call('imports.start', { source: { kind: 'paths', paths: [scan] } });
    // Cancel while the engine, loaded, is reading the second page (each page takes a second or more).
    let report = await t.call('imports.report', { jobId });
    while (report.state === 'running' && (report.reading?.done ?? 0) < 1) {
      await sleep(20);
      report = await t.call('imports.report', { jobId });
    }
    expect(report.reading).toMatchObject({ done: 1, total: 12, unit: 'pages read by OCR' });
    await t.call('imports.cancel', { jobId });
    const cancelledAt = Date.now();
    report = await finished(t.call, jobId);
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(report).toMatchObject({ state: 'cancelled', imported: 0, failed: 0, outcomes: [] });
    expect((await t.call('articles.stats', {})).articles).toBe(0);
    // The OCR engine runs on a thread of this process: stopped mid-page, it uses no more time.
    const before = process.cpuUsage();
    await sleep(1500);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(600);
    expect(cancelledAt - started).toBeLessThan(12 * 2000);
  }, 60_000);
});

const worker = parseWorkerFile(repoRoot);

describe.skipIf(!fs.existsSync(worker))('scans read by OCR in the parsing worker', () => {
  it('tells how many pages of a scan are read, and Cancel stops the worker in the middle of it', async () => {
    const pool = new ParsePool(worker, 1);
    try {
      expect(await pool.ready()).toBe(true);
      const readings: string[] = [];
      const cancel = new AbortController();
      let cancelledAt = 0;
      const reading = pool.parse('long-scan.tiff', fs.readFileSync(longScan(12)), (done, total, unit) => {
        readings.push(`${done} of ${total} ${unit}`);
        if (done >= 1 && !cancelledAt) {
          cancelledAt = Date.now();
          cancel.abort();
        }
      }, cancel.signal);
      await expect(reading).rejects.toThrow(CANCELLED);
      expect(Date.now() - cancelledAt).toBeLessThan(500);
      expect(readings).toEqual(['0 of 12 pages read by OCR', '1 of 12 pages read by OCR']);
      // A new worker took the place of the stopped one: the next file is read as before.
      await pool.ready();
      const next = await pool.parse('kunduz-offensive.txt', fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt')));
      expect(next).toEqual([expect.objectContaining({ article: expect.objectContaining({ format: 'text' }) })]);
    } finally {
      pool.close();
    }
  }, 120_000);
});
