// A crawl's WARC of a gigabyte (BENCH_CRAWL_MB, 1024 by default) imported through the parsing
// worker as the app does: pages stored per second, megabytes read per second and the process's
// peak resident memory, which stays far under the file's size because the file is read as a
// stream (electron/services/extract/streamedFile.ts). Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Core } from '../electron/dispatch.js';
import { appRoot, gazetteerFile, parseWorkerFile } from '../electron/paths.js';
import { ParsePool } from '../electron/services/extract/parsePool.js';
import { ImportService } from '../electron/services/imports.js';
import { rssSampler } from './benchExportMemory.js';
import { writeCrawl } from './crawlWarc.js';

const MB = 1024 * 1024;

export async function benchCrawl(megabytes = Number(process.env.BENCH_CRAWL_MB ?? 1024), worker = parseWorkerFile()): Promise<void> {
  console.log(`\n== a crawl of ${megabytes.toLocaleString('en')} MB (WARC, read as a stream) ==`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-crawl-'));
  try {
    let t = performance.now();
    // A news crawl: a page of ~4 KB of text in ~5 KB of HTML, then ~120 KB of images for each.
    const crawl = writeCrawl(path.join(dir, 'crawl.warc'), path.join(appRoot(), 'tests/fixtures/eval'), { bytes: megabytes * MB, imageBytesPerPage: 120 * 1024, gzip: false });
    console.log(`written: ${crawl.pages.toLocaleString('en')} pages in ${(crawl.bytes / MB).toFixed(0)} MB, ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'crawl.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
    // One parsing worker, ready before the import starts (until then files are read on this thread).
    const parser = new ParsePool(worker, 1);
    const imports = new ImportService(() => core.session.current, () => undefined, dir, parser);
    try {
      if (!(await parser.ready())) console.log('(no parsing worker: run `node scripts/build.mjs` first; read on this thread)');
      const memory = rssSampler();
      memory.reset();
      const before = process.memoryUsage.rss();
      t = performance.now();
      const report = await imports.importNow({ kind: 'paths', paths: [crawl.file] });
      const seconds = (performance.now() - t) / 1000;
      const peak = memory.peak();
      await memory.stop();
      const imported = report.outcomes.filter((o) => o.status === 'imported').length;
      console.log(`import: ${imported.toLocaleString('en')} of ${crawl.pages.toLocaleString('en')} pages imported (${report.duplicates} duplicates, ${report.failed} failed) in ${seconds.toFixed(1)} s`);
      console.log(`        → ${(imported / seconds).toFixed(0)} articles/s, ${(crawl.bytes / MB / seconds).toFixed(1)} MB/s read`);
      console.log(`memory: peak resident ${(peak / MB).toFixed(0)} MB (${((peak - before) / MB).toFixed(0)} MB over the ${(before / MB).toFixed(0)} MB before), for a file of ${(crawl.bytes / MB).toFixed(0)} MB`);
    } finally {
      parser.close();
      core.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
