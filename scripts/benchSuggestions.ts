// Suggestion speed: the reading rate per core (tagger, dates, gazetteer; CPU time, so the figure
// holds on a busy machine), and a whole import with suggestions from start to the last mention
// stored, with the parsing and extraction workers as the app runs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Core } from '../electron/dispatch.js';
import { checkpointWorkerFile, extractWorkerFile, gazetteerFile, parseWorkerFile, writerWorkerFile } from '../electron/paths.js';
import { EXTRACTOR_VERSION } from '../electron/services/entities/service.js';
import { readArticles } from '../electron/services/entities/readArticles.js';
import { namesModel } from '../electron/services/entities/tagger/index.js';
import { Gazetteer, MISSES_BEFORE_KEY_FILTER } from '../electron/services/gazetteer/gazetteer.js';
import { makeArticles } from './benchArticles.js';

/**
 * CPU-seconds this thread (the core's, here) has used, where the system says (Linux's
 * /proc/thread-self), else null: process.cpuUsage() counts every thread of the process.
 */
function threadCpuSeconds(): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function benchSuggestions(sizes: number[]): Promise<void> {
  console.log('\n== suggestions ==');
  // As the extraction workers open it (see extractWorker.ts).
  const gazetteer = new Gazetteer(gazetteerFile(), MISSES_BEFORE_KEY_FILTER);
  const t0 = performance.now();
  namesModel();
  console.log(`name tagger load: ${(performance.now() - t0).toFixed(0)} ms`);
  const articles: { articleId: number; body: string; published: string }[] = [];
  makeArticles(2000, 11, (body, i) => articles.push({ articleId: i + 1, body, published: '2021-06-20' }));
  const rate = (batch: typeof articles) => {
    const cpu = process.cpuUsage();
    readArticles(batch, { gazetteer, registry: new Map() });
    const used = process.cpuUsage(cpu);
    return batch.length / ((used.user + used.system) / 1e6);
  };
  readArticles(articles.slice(0, 50), { gazetteer, registry: new Map() });
  console.log(`reading for names (tagger, dates, places), 1,000 articles (~4 KB): ${rate(articles.slice(0, 1000)).toFixed(0)} articles per CPU-second (one core)`);
  // A worker of a long import spends nearly all its time past its first thousand articles, with the
  // engine's code optimised and the tagger's per-word cache filled (from text that repeats the
  // bench's few dozen fixture pages, so the cache meets more known words than real news gives it).
  console.log(`  the next 1,000 (new articles, the same thread): ${rate(articles.slice(1000)).toFixed(0)} articles per CPU-second`);
  // News names far more people and places than the fixture pages repeat: in the Zipf articles a third
  // of the words come from a large word list and the gazetteer's 300,000 names, so most names are new
  // to the tagger's cache and to the gazetteer's, and each costs a query (about 30 µs; some 35 an article).
  const zipf: typeof articles = [];
  makeArticles(1000, 17, (body, i) => zipf.push({ articleId: 10_000 + i, body, published: '2021-06-20' }), { vocabulary: 'zipf' });
  console.log(`  1,000 articles with a real-news vocabulary (Zipf, the same thread): ${rate(zipf).toFixed(0)} articles per CPU-second`);
  gazetteer.close();

  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-suggest-'));
    const files = path.join(dir, 'articles');
    fs.mkdirSync(files);
    makeArticles(n, 13, (t, i) => fs.writeFileSync(path.join(files, `a${i}.txt`), t));
    const core = new Core({
      dataDir: dir,
      gazetteerFile: gazetteerFile(),
      workspace: path.join(dir, 'suggest.awb'),
      sampleDir: dir,
      mode: 'browser',
      version: 'bench',
      parseWorker: parseWorkerFile(),
      checkpointWorker: checkpointWorkerFile(),
      extractWorker: extractWorkerFile(),
      // As the app runs: the import's articles are stored by the writer, off the core's thread.
      writerWorker: writerWorkerFile(),
    });
    // The window's calls while the import and its suggestions run: a table page and the map, every
    // 50 ms, each timed from the moment it was due (a blocked event loop delays the call itself).
    const latency = { page: [] as number[], map: [] as number[] };
    let sampling = true;
    const sampler = (async () => {
      let due = performance.now() + 50;
      while (sampling) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        if (!sampling) break;
        // A timer may fire a little before its time: then the wait counts from the ask.
        const asked = Math.min(due, performance.now());
        await core.dispatch('articles.page', { query: {}, startRow: 0, endRow: 100 });
        latency.page.push(performance.now() - asked);
        const mapDue = performance.now();
        await core.dispatch('map.places', {});
        latency.map.push(performance.now() - mapDue);
        due = Math.max(performance.now(), due + 50);
      }
    })();
    // How long the core thread is held at a stretch (writes are cut into timed slices for this).
    const held = monitorEventLoopDelay({ resolution: 5 });
    held.enable();
    const cpuBefore = process.cpuUsage();
    const coreBefore = threadCpuSeconds();
    const started = performance.now();
    const report = await core.imports.importNow({ kind: 'paths', paths: [files] });
    const imported = (performance.now() - started) / 1000;
    const coreAtImport = threadCpuSeconds();
    await core.extraction.idle();
    const ws = core.session.current;
    while (ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION) > 0) {
      await core.extraction.start();
    }
    const total = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const coreAfter = threadCpuSeconds();
    sampling = false;
    await sampler;
    held.disable();
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
    for (const [call, xs] of [['articles.page (100 rows)', latency.page], ['map.places (whole map)', latency.map]] as const) {
      console.log(`  ${call} during the import: ${xs.length} calls, p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
    }
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(`  the core thread held at a stretch during the import: p50 ${ms(held.percentile(50))} ms, p99 ${ms(held.percentile(99))} ms, max ${ms(held.max)} ms`);
    const mentions = ws.db.prepare('SELECT count(*) FROM mention').pluck().get() as number;
    console.log(
      `import with suggestions, ${n.toLocaleString('en')} articles on ${os.availableParallelism()} cores: imported in ${imported.toFixed(1)} s, every suggestion stored after ${total.toFixed(1)} s → ${(report.imported / total).toFixed(0)} articles/s end to end (${mentions.toLocaleString('en')} mentions)`,
    );
    // Where the time goes: the core's thread stores every article and every suggestion, so while it
    // is busy all the time it, not the extraction workers, sets the pace.
    const processSeconds = (cpu.user + cpu.system) / 1e6;
    const share = (seconds: number, cores: number) => `${((100 * seconds) / (total * cores)).toFixed(0)}%`;
    const coreSeconds = coreBefore === null || coreAfter === null ? null : coreAfter - coreBefore;
    console.log(
      `  CPU: ${processSeconds.toFixed(0)} s for the process (${share(processSeconds, os.availableParallelism())} of ${os.availableParallelism()} cores)` +
        (coreSeconds === null
          ? ''
          : `, of which ${coreSeconds.toFixed(0)} s on the core's thread (busy ${share(coreSeconds, 1)} of the run, ${((100 * (coreAtImport! - coreBefore!)) / imported).toFixed(0)}% while importing; the rest is the parsing and extraction workers, checkpoints and V8's helpers)`),
    );
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
