import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../electron/contract/imports.js';
import { PARSE_LIMITS, ParsePool } from '../../electron/services/extract/parsePool.js';
import { writeCrawl } from '../../scripts/crawlWarc.js';
import { bundleEntry } from './cliBundle.js';
import { closedAfterEach, fixtures, tempDir, importFinished } from './helpers.js';

const make = closedAfterEach();
const evalTexts = path.join(fixtures, 'eval');
const MB = 1024 * 1024;

const finished = importFinished;

/**
 * The most memory held in buffers (the bytes read from files) while `run` runs, sampled every
 * 10 ms: a file read whole is there all at once. (Resident memory says less: it also holds the
 * garbage of parsed pages until the collector runs, however small the file.)
 */
async function peakBuffersOf<T>(run: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().arrayBuffers;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 10);
  try {
    const result = await run();
    return { result, peak: Math.max(peak, process.memoryUsage().arrayBuffers) };
  } finally {
    clearInterval(sampler);
  }
}

describe('a crawl larger than a whole file may be', () => {
  it('is read as a stream: each page an article with its address and capture date, progress in megabytes, memory bounded, the rest of the import in', async () => {
    const t = make();
    const dir = tempDir();
    // Over the limit for a file read whole (200 MB), mostly images, as a crawl is.
    const crawl = writeCrawl(path.join(dir, 'crawl-2024.warc'), evalTexts, { bytes: MAX_DOCUMENT_BYTES + 8 * MB, imageBytesPerPage: 2 * MB, gzip: false });
    expect(crawl.bytes).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    const before = process.memoryUsage().arrayBuffers;
    const readings: string[] = [];
    const { result: report, peak } = await peakBuffersOf(async () => {
      const { jobId } = await t.call('imports.start', {
        source: { kind: 'paths', paths: [path.join(fixtures, 'documents', 'crawl.warc'), crawl.file, path.join(fixtures, 'kunduz-offensive.txt')] },
      });
      return finished(t.call, jobId, (r) => r.reading?.name === crawl.file && readings.push(`${r.reading.done} of ${r.reading.total} ${r.reading.unit}`));
    });
    // Never the whole file in memory: a record and a few chunks of pages.
    expect(peak - before).toBeLessThan(32 * MB);
    expect(report.state).toBe('finished');
    const pages = report.outcomes.filter((o) => o.name.startsWith(`${crawl.file} › `));
    expect(pages).toHaveLength(crawl.pages);
    expect(pages.every((o) => o.status === 'imported')).toBe(true);
    expect(report.outcomes.filter((o) => o.status === 'imported').map((o) => path.basename(o.name.split(' › ')[0]!))).toEqual(
      expect.arrayContaining(['crawl.warc', 'kunduz-offensive.txt']),
    );
    expect(report).toMatchObject({ failed: 0, total: report.outcomes.length, done: report.outcomes.length });
    // The bar moved through the file by its megabytes read.
    const total = `${Math.round(crawl.bytes / 104_857.6) / 10} MB`;
    expect(readings.length).toBeGreaterThan(1);
    expect(readings.every((r) => r.endsWith(`of ${total}`))).toBe(true);
    const first = pages.find((o) => o.name === `${crawl.file} › ${crawl.first.url}`)!;
    const article = await t.call('articles.get', { id: first.articleId! });
    expect(article).toMatchObject({ url: crawl.first.url, format: 'warc' });
    expect(article.document!.metadata).toMatchObject({ captured: crawl.first.captured });
    expect(article.body).toContain('This is dispatch 1 of the crawl');
  }, 60_000);

  it('stops at Cancel in the middle of the crawl, keeping the pages already stored and the report true to them', async () => {
    const t = make();
    const dir = tempDir();
    const crawl = writeCrawl(path.join(dir, 'crawl.warc.gz'), evalTexts, { bytes: 40 * MB, imageBytesPerPage: 256 * 1024, gzip: true });
    const { jobId } = await t.call('imports.start', { source: { kind: 'paths', paths: [crawl.file] } });
    let cancelled = false;
    const report = await finished(t.call, jobId, (r) => {
      if (!cancelled && r.imported >= 20) {
        cancelled = true;
        void t.call('imports.cancel', { jobId });
      }
    });
    expect(report.state).toBe('cancelled');
    expect(report.imported).toBeGreaterThanOrEqual(20);
    expect(report.imported).toBeLessThan(crawl.pages);
    const stored = (await t.call('articles.stats', {})).articles;
    expect(stored).toBe(report.imported);
    expect(report.outcomes.filter((o) => o.status === 'imported')).toHaveLength(stored);
  }, 60_000);

  it('reads a crawl gzipped record by record, and lists a damaged end as not read after the pages before it', async () => {
    const t = make();
    const dir = tempDir();
    const crawl = writeCrawl(path.join(dir, 'crawl.warc.gz'), evalTexts, { bytes: 2 * MB, imageBytesPerPage: 64 * 1024, gzip: true });
    const cut = path.join(dir, 'cut.warc');
    const plain = writeCrawl(path.join(dir, 'plain.warc'), evalTexts, { bytes: 1 * MB, imageBytesPerPage: 32 * 1024, gzip: false });
    fs.writeFileSync(cut, fs.readFileSync(plain.file).subarray(0, Math.floor(plain.bytes * 0.6)));
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [crawl.file, cut] });
    expect(report.outcomes.filter((o) => o.name.startsWith(crawl.file) && o.status === 'imported')).toHaveLength(crawl.pages);
    const fromCut = report.outcomes.filter((o) => o.name.startsWith(cut));
    // The same pages as the gzipped crawl (one writer): stored once, found again here.
    expect(fromCut.filter((o) => o.status === 'duplicate').length).toBeGreaterThan(0);
    expect(fromCut.at(-1)).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Not read: the WARC file is damaged after page \d+ \(it ends in the middle of a record\)\.$/) });
  }, 60_000);
});

describe('a crawl read in the parsing worker', () => {
  it('comes in chunks, the reader waiting while they are not taken without its clock running out, each record timed on its own', async () => {
    const dir = tempDir();
    const crawl = writeCrawl(path.join(dir, 'crawl.warc'), evalTexts, { bytes: 12 * MB, imageBytesPerPage: 256 * 1024, gzip: false });
    const { file, remove } = await bundleEntry('electron/services/extract/parseWorker.ts');
    const pool = new ParsePool(file, 1);
    const limits = { ...PARSE_LIMITS };
    // Two seconds per record: the whole crawl takes longer, and the wait below longer still.
    Object.assign(PARSE_LIMITS, { baseMilliseconds: 2000, millisecondsPerMegabyte: 0 });
    try {
      expect(await pool.ready()).toBe(true);
      let chunks = 0;
      let documents = 0;
      for await (const chunk of pool.parseStream('crawl.warc', crawl.file)) {
        chunks++;
        documents += chunk.length;
        if (chunks === 1) await sleep(4500);
      }
      expect(documents).toBe(crawl.pages);
      expect(chunks).toBeGreaterThan(2);
      // The worker is still there for the next file.
      const next = await pool.parse('kunduz-offensive.txt', fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt')));
      expect(next).toEqual([expect.objectContaining({ article: expect.objectContaining({ format: 'text' }) })]);
    } finally {
      Object.assign(PARSE_LIMITS, limits);
      pool.close();
      remove();
    }
  }, 60_000);
});
