// Peak memory of each export format over a workspace of many coded events (BENCH_EXPORT_EVENTS,
// 100,000 by default): what issue 12 holds to 300 MB. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, SUB_EVENT_TYPES, eventTypeOf } from '../electron/contract/index.js';
import { Core } from '../electron/dispatch.js';
import { gazetteerFile } from '../electron/paths.js';
import { mulberry32 } from './benchArticles.js';

// The bench runs without --expose-gc: collecting between formats keeps one format's garbage out of the next one's peak.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The process's resident memory, sampled every 5 ms on a thread of its own: the export's reads
 * run on the main thread without pause, and a sampler there would miss the peak they reach.
 */
export function rssSampler(): { peak: () => number; reset: () => void; stop: () => Promise<number> } {
  const shared = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { peak[0] = Math.max(peak[0], process.memoryUsage.rss()); }, 5);`,
    { eval: true, workerData: shared.buffer },
  );
  worker.unref();
  return {
    peak: () => Math.max(shared[0]!, process.memoryUsage.rss()),
    reset: () => (shared[0] = process.memoryUsage.rss()),
    stop: () => worker.terminate(),
  };
}

function seedEvents(core: Core, events: number): void {
  const db = core.session.current.db;
  const rand = mulberry32(12);
  db.transaction(() => {
    const entity = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES (?, ?, 'auto', ?, ?, '2024-01-01')");
    for (let i = 0; i < 50; i++) entity.run('organisation', `Armed group ${i}`, null, null);
    for (let i = 0; i < 2000; i++) entity.run('place', `Village ${i}`, 29 + rand() * 9, 61 + rand() * 10);
    const insert = db.prepare(
      `INSERT INTO event (event_date, time_precision, event_type, sub_event_type, actor1_id, actor1_type, actor2_id, actor2_type, location_id, geo_precision, lat, lon, fatalities, notes, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, 2, ?, 1, ?, 1, ?, ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    for (let i = 0; i < events; i++) {
      const sub = SUB_EVENT_TYPES[Math.floor(rand() * SUB_EVENT_TYPES.length)]!;
      const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
      const notes = `Clashes reported near the village; ${Math.floor(rand() * 40)} families displaced according to local officials.`;
      insert.run(day, eventTypeOf(sub), sub, 1 + Math.floor(rand() * 50), 1 + Math.floor(rand() * 50), 51 + Math.floor(rand() * 2000), 29 + rand() * 9, 61 + rand() * 10, Math.floor(rand() * 10), notes);
    }
  })();
}

/** Each export format once over the events, with the peak resident memory while it ran. */
export async function benchExportMemory(): Promise<void> {
  const events = Number(process.env.BENCH_EXPORT_EVENTS ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-export-memory-'));
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'events.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  const sampler = rssSampler();
  try {
    await core.imports.importNow({ kind: 'text', text: 'Export memory benchmark\n\nAn article for the export memory benchmark only.' });
    seedEvents(core, events);
    const out = path.join(dir, 'exports');
    fs.mkdirSync(out);
    // brat writes a folder per article: with one article it says nothing about memory.
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'brat')) {
      collect();
      sampler.reset();
      const before = process.memoryUsage.rss();
      const started = performance.now();
      const result = await core.dispatch('exports.run', {
        format,
        path: path.join(out, `events-${format}${EXPORT_FORMAT_INFO[format].extension}`),
        ...(format === 'csv' || format === 'xlsx' ? { table: { table: 'events' } } : {}),
      });
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
      const { records, bytes } = result.value as { records: number; bytes: number };
      console.log(
        `export memory ${format} (${events.toLocaleString('en')} events): peak RSS ${MB(sampler.peak())} (${MB(before)} before), ${((performance.now() - started) / 1000).toFixed(1)} s, ${records.toLocaleString('en')} records, ${(bytes / 1024 / 1024).toFixed(1)} MB file`,
      );
    }
  } finally {
    await sampler.stop();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
