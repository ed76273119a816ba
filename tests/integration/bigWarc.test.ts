import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, fixtures, tempDir } from './helpers.js';

const make = closedAfterEach();

describe('a crawl of 1 GB', () => {
  it('is refused with its size and the limit, before a byte of it is read, and the rest of the import goes in', async () => {
    const t = make();
    const dir = tempDir();
    // A sparse file: 1 GB long, nothing on the disk. It starts as a WARC does; the rest is never read.
    const big = path.join(dir, 'crawl-2024.warc');
    const fd = fs.openSync(big, 'w');
    fs.writeSync(fd, 'WARC/1.1\r\n');
    fs.ftruncateSync(fd, 1024 ** 3);
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'crawl.warc'), big, path.join(fixtures, 'kunduz-offensive.txt')] });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(report.outcomes.find((o) => o.name === big)).toMatchObject({ status: 'failed', message: 'The file is 1024 MB; documents over 200 MB are refused.' });
    // The small crawl's pages and the article are all there.
    expect(report.outcomes.filter((o) => o.status === 'imported').map((o) => path.basename(o.name.split(' › ')[0]!))).toEqual(
      expect.arrayContaining(['crawl.warc', 'kunduz-offensive.txt']),
    );
    expect(report.failed).toBe(1);
  }, 120_000);
});
