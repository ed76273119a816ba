// `npm run bench`: figures for import, search and paging at 10,000 and 100,000 articles (~4 KB each;
// BENCH_SIZES=10000,100000,1000000 adds a million), ending in one table of every figure by size.
// Prints numbers; asserts nothing. Text is assembled from real sentences (the sample news page and
// the test fixtures, with place and actor names varied, plus English prose from package READMEs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST_ROWS, SupersededRead } from '../db/articles.js';
import { forgetPrefixTerms } from '../db/ftsPrefixes.js';
import { ArticleQuery, EXPORT_FORMATS, type EntityQueryInput, EXPORT_FORMAT_INFO, EventQuery, SUB_EVENT_TYPES, decodeMapLayer, eventTypeOf } from '../electron/contract/index.js';
import { Core } from '../electron/dispatch.js';
import { appRoot, checkpointWorkerFile, gazetteerFile, parseWorkerFile, readerWorkerFile, writerWorkerFile } from '../electron/paths.js';
import { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { findChromium } from '../electron/services/reports/pdf.js';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { makeArticles, mulberry32 } from './benchArticles.js';
import { benchSuggestions } from './benchSuggestions.js';
import { benchNearDuplicates } from './benchNearDuplicates.js';
import { benchEncryption } from './benchEncryption.js';
import { benchExportMemory } from './benchExportMemory.js';
import { benchCrawl } from './benchCrawl.js';
import { benchDocuments } from './benchDocuments.js';
import { benchEntityScope } from './benchEntityScope.js';

const root = appRoot();
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** How long `run` took, and the longest the event loop was held meanwhile: what any other call from the window would have waited. */
async function coreHeldDuring(run: () => unknown): Promise<{ ms: number; held: number }> {
  let last = performance.now();
  let held = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 1);
  last = performance.now();
  const start = performance.now();
  await run();
  const took = performance.now() - start;
  clearInterval(probe);
  return { ms: took, held: Math.max(held, performance.now() - last) };
}

/** Each figure at each size, printed as one table after the sizes (the cost curve: how each grows). */
const curve = new Map<string, Map<number, string>>();
const record = (figure: string, n: number, value: string) => {
  if (!curve.has(figure)) curve.set(figure, new Map());
  curve.get(figure)!.set(n, value);
};

function printCurve(): void {
  const width = Math.max(...[...curve.keys()].map((k) => k.length));
  const cell = (v: string) => v.padStart(12);
  console.log(`\n== cost curve ==\n${'figure'.padEnd(width)} ${sizes.map((n) => cell(n.toLocaleString('en'))).join(' ')}`);
  for (const [figure, values] of curve) console.log(`${figure.padEnd(width)} ${sizes.map((n) => cell(values.get(n) ?? '')).join(' ')}`);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function benchSize(n: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-'));
  const files = path.join(dir, 'articles');
  fs.mkdirSync(files);
  let bytes = 0;
  makeArticles(
    n,
    n,
    (t, i) => {
      bytes += Buffer.byteLength(t);
      fs.writeFileSync(path.join(files, `a${String(i).padStart(7, '0')}.txt`), t);
    },
    { vocabulary: 'zipf' },
  );
  const avgBytes = bytes / n;
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'bench.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false, parseWorker: parseWorkerFile(), checkpointWorker: checkpointWorkerFile(), readerWorker: readerWorkerFile(), writerWorker: writerWorkerFile() });
  peakRss = process.memoryUsage().rss;
  // The write-ahead log during the import: it must stay bounded however long the import runs.
  const walFile = path.join(dir, 'bench.awb-wal');
  let walPeak = 0;
  const walSampler = setInterval(() => (walPeak = Math.max(walPeak, fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0)), 250);

  const t0 = performance.now();
  const report = await core.imports.importNow({ kind: 'paths', paths: [files] });
  const importSeconds = (performance.now() - t0) / 1000;
  clearInterval(walSampler);
  const imported = report.outcomes.filter((o) => o.status === 'imported').length;
  console.log(`\n== ${n.toLocaleString()} articles (avg ${(avgBytes / 1024).toFixed(1)} KB, plain text from files) ==`);
  console.log(`import: ${imported} imported, ${report.outcomes.length - imported} not, in ${importSeconds.toFixed(1)} s → ${(imported / importSeconds).toFixed(0)} articles/s`);
  record('import, articles/s', n, (imported / importSeconds).toFixed(0));
  console.log(`write-ahead log during the import: at most ${(walPeak / 1024 / 1024).toFixed(0)} MB`);
  record('write-ahead log at most, MB', n, (walPeak / 1024 / 1024).toFixed(0));
  // The import's own peak (issue 12 bounds it), apart from the queries' after it, which the last line of the size gives.
  console.log(`peak RSS during the import: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  record('peak RSS during the import, MB', n, (peakRss / 1024 / 1024).toFixed(0));

  const repo = core.session.current.articles;
  const base: ArticleQuery = ArticleQuery.parse({});
  const shapes: [string, string][] = [
    ['term', 'Kunduz'],
    ['phrase', '"provincial capital"'],
    ['a AND b', 'taliban AND withdrawal'],
    ['prefix', 'gov*'],
    // Longer than the index's prefixes (2 and 3 characters): FTS5 reads every match of the term.
    ['prefix 6', 'govern*'],
    ['boolean', '(Herat OR Balkh) NOT Kabul'],
  ];
  for (const [shape, search] of shapes) {
    const times: number[] = [];
    let total = 0;
    const again: number[] = [];
    for (let i = 0; i < 40; i++) {
      // No cached count and no prefix's terms known: every run pays for the whole query.
      repo.touched();
      forgetPrefixTerms(core.session.current.db);
      const s = performance.now();
      total = repo.page({ ...base, search }, 0, 50).total;
      times.push(performance.now() - s);
      // The next block of the same search, as the window asks for it: the prefix's terms are known.
      repo.touched();
      const a = performance.now();
      repo.page({ ...base, search }, 50, 100);
      again.push(performance.now() - a);
    }
    console.log(
      `FTS ${shape.padEnd(8)} ${search.padEnd(28)} ${String(total).padStart(7)} hits  top-50 page + count p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}; next 50 + count p95 ${ms(pct(again, 95))}`,
    );
    record(`FTS ${shape} (top 50 + count) p95, ms`, n, pct(times, 95).toFixed(1));
    record(`FTS ${shape} (next 50 + count) p95, ms`, n, pct(again, 95).toFixed(1));
  }

  // The timeline's articles per day, asked again by the window after every batch an import stores.
  const perDay: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    repo.perDay();
    perDay.push(performance.now() - s);
  }
  console.log(`timeline data: articles per day p50 ${ms(pct(perDay, 50))} p95 ${ms(pct(perDay, 95))}`);
  record('timeline: articles per day p95, ms', n, pct(perDay, 95).toFixed(1));

  const rand = mulberry32(7);
  // A whole number for any size (BENCH_SIZES=12345 too).
  const rareNumber = Math.floor(n / 20) - 1;
  const pageShapes: [string, ArticleQuery][] = [
    ['sort published desc, filter source = Reuters', { ...base, sort: [{ column: 'published', direction: 'desc' }], filters: { source: { filterType: 'text', type: 'equals', filter: 'Reuters' } } }],
    ['sort title asc, filter words > 600', { ...base, sort: [{ column: 'title', direction: 'asc' }], filters: { words: { filterType: 'number', type: 'greaterThan', filter: 600 } } }],
    ['sort source asc, filter title contains "Herat"', { ...base, sort: [{ column: 'source', direction: 'asc' }], filters: { title: { filterType: 'text', type: 'contains', filter: 'Herat' } } }],
    // Each title ends in its article's number: "(4999" is in 11 titles of 100,000 (4999, 49990-49999), as rare as a word can be.
    [`sort words desc, filter title contains "(${rareNumber}" (rare)`, { ...base, sort: [{ column: 'words', direction: 'desc' }], filters: { title: { filterType: 'text', type: 'contains', filter: `(${rareNumber}` } } }],
  ];
  for (const [label, query] of pageShapes) {
    const shape = label.split(',')[0];
    repo.touched();
    const first = performance.now();
    const { total } = repo.page(query, 0, 100);
    const firstMs = performance.now() - first;
    const deep = performance.now();
    repo.page(query, Math.max(0, total - 100), total);
    const deepMs = performance.now() - deep;
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const start = Math.floor((rand() * Math.max(0, total - 100)) / 100) * 100;
      const s = performance.now();
      repo.page(query, start, start + 100);
      times.push(performance.now() - s);
    }
    // The first page as the window asks for it: its count made off the core's thread, and given after.
    repo.touched();
    const soon = performance.now();
    const early = await repo.pageSoon(query, 0, 100);
    const soonMs = performance.now() - soon;
    await repo.countSoon(query);
    const countedMs = performance.now() - soon;
    console.log(`page of 100 (${label}): first page as the window asks for it ${ms(soonMs)}${early.counting ? `, its count made off the core's thread ${ms(countedMs)} after the ask` : ' (count known with it)'}`);
    record(`table ${shape}: first page as the window asks, ms`, n, soonMs.toFixed(1));
    record(`table ${shape}: its count made off the core's thread, ms`, n, early.counting ? countedMs.toFixed(0) : 'with the page');
    // The same first deep block as the window asks for it: the order read off the core's thread.
    repo.touched();
    repo.page(query, 0, 100);
    const { ms: offMs, held } = await coreHeldDuring(() => repo.pageSoon(query, Math.max(0, total - 100), total));
    console.log(`page of 100 (${label}; ${total} rows): first page ${ms(firstMs)}, first deep block ${ms(deepMs)} (orders the query once; read off the core's thread: ${ms(offMs)}, the core held at most ${ms(held)}), then random blocks p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}`);
    record(`table ${shape}: first deep block off the core's thread, ms (core held, ms)`, n, `${offMs.toFixed(0)} (${held.toFixed(0)})`);
    record(`table ${shape}: first page, ms`, n, firstMs.toFixed(1));
    record(`table ${shape}: first deep block, ms`, n, deepMs.toFixed(1));
    record(`table ${shape}: random blocks p95, ms`, n, pct(times, 95).toFixed(2));
  }
  // Three sorts clicked in a row, each past its first rows: the order under way is stopped and the
  // one waiting its turn passed over for the one asked last (orderReader.ts), so only the last is read.
  const readAlone: number[] = [];
  for (const [, query] of pageShapes.slice(0, 3)) {
    repo.touched();
    readAlone.push((await coreHeldDuring(() => repo.pageSoon(query, FIRST_ROWS, FIRST_ROWS + 100))).ms);
  }
  repo.touched();
  const clicked = performance.now();
  const outcomes = await Promise.all(pageShapes.slice(0, 3).map(([, query]) => repo.pageSoon(query, FIRST_ROWS, FIRST_ROWS + 100).then(() => 'read', (error: unknown) => (error instanceof SupersededRead ? 'passed over' : 'failed'))));
  const lastMs = performance.now() - clicked;
  const passedOver = outcomes.filter((o) => o === 'passed over').length;
  console.log(`three sorts clicked in a row: the last one's block after ${ms(lastMs)} (${passedOver} of the 3 orders stopped or passed over; each read alone: ${readAlone.map(ms).join(', ')})`);
  record('table: three sorts in a row, the last one answered after, ms', n, lastMs.toFixed(0));
  const db = core.session.current.db;
  await benchFilteredMap(core, n, pageShapes.slice(0, 3));
  await benchWritesUnderLoad(core, n);

  // Distinct terms of the full-text index: how large a vocabulary the search figures above met.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_terms USING fts5vocab(main, 'article_fts', 'row')");
  const terms = db.prepare('SELECT count(*) FROM temp.bench_terms').pluck().get() as number;
  console.log(`full-text index: ${terms.toLocaleString('en')} distinct terms`);
  console.log(`peak RSS during this size (import and queries): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  record('distinct terms in the index', n, terms.toLocaleString('en'));
  record('peak RSS, import and queries, MB', n, (peakRss / 1024 / 1024).toFixed(0));
  core.close();
  const size = ['', '-wal'].reduce((sum, end) => sum + (fs.statSync(path.join(dir, `bench.awb${end}`), { throwIfNoEntry: false })?.size ?? 0), 0);
  console.log(`workspace file: ${(size / 1024 / 1024).toFixed(0)} MB`);
  record('workspace file, MB', n, (size / 1024 / 1024).toFixed(0));
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Large writes with the window reading meanwhile: 1% of the articles deleted (with the map's
 * mentions), that deletion undone, then every article tagged. Each is written by the writer worker
 * (writerJobs.ts) while a table page is asked for every 20 ms, so each page waits only for its own
 * read. Each wait is measured from when the page was due (or asked, if the timer fired early).
 */
async function benchWritesUnderLoad(core: Core, n: number): Promise<void> {
  const count = Math.max(100, Math.round(n / 100));
  const ids = core.session.current.db.prepare('SELECT id FROM article ORDER BY id LIMIT ?').pluck().all(count) as number[];
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const page = { query: { sort: [{ column: 'title', direction: 'asc' }] }, startRow: 0, endRow: 100 };
  await call('articles.page', page);
  const during = async (what: string, figure: string, write: () => Promise<unknown>): Promise<void> => {
    const waits: number[] = [];
    let done = false;
    const start = performance.now();
    const written = write().finally(() => (done = true));
    for (let k = 0; !done; k++) {
      const due = start + k * 20;
      const early = due - performance.now();
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
      // A timer may fire a little before its time: then the wait counts from the ask, never from before it.
      const asked = Math.min(due, performance.now());
      await call('articles.page', page);
      waits.push(performance.now() - asked);
    }
    await written;
    const took = performance.now() - start;
    console.log(`${what}: ${(took / 1000).toFixed(1)} s; a table page every 20 ms meanwhile (${waits.length}): p50 ${ms(pct(waits, 50))}, p95 ${ms(pct(waits, 95))}, at most ${ms(Math.max(...waits))}`);
    record(`${figure}, s`, n, (took / 1000).toFixed(1));
    record(`table page during: ${figure}, p95 ms`, n, pct(waits, 95).toFixed(0));
  };
  await during(`delete ${count.toLocaleString('en')} articles`, 'delete 1% of the articles', () => call('articles.delete', { target: { ids } }));
  await during('undo that delete', 'undo that delete', () => call('history.undo', {}));
  const tag = (await call('tags.create', { name: 'Bench', color: '#336699' })) as { id: number };
  await during(`tag all ${n.toLocaleString('en')} articles`, 'tag every article', () => call('tags.assign', { target: { query: {} }, tagIds: [tag.id] }));
}

/**
 * The map following the table's filter: one place mention per article, of n / 20 places (50,000 at
 * most; a few much mentioned, most rarely, as in news), counted by the reader off the core's thread.
 */
async function benchFilteredMap(core: Core, n: number, shapes: [string, ArticleQuery][]): Promise<void> {
  const db = core.session.current.db;
  const rand = mulberry32(11);
  const places = Math.min(50_000, Math.max(100, Math.floor(n / 20)));
  const ids = db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
  const insertEntity = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, '2024-01-01')");
  const insertMention = db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 0, 1, 'x', '', '', 'place', ?, 'auto', ?, '2024-01-01')");
  let placeIds: number[] = [];
  db.transaction(() => {
    placeIds = Array.from({ length: places }, (_, i) => Number(insertEntity.run(`Place ${i}`, i % 2 ? 30 + rand() * 8 : -55 + rand() * 125, i % 2 ? 61 + rand() * 10 : -170 + rand() * 340).lastInsertRowid));
    for (const id of ids) insertMention.run(id, rand() < 0.3 ? 'accepted' : 'suggested', placeIds[Math.floor(places * rand() ** 3)]!);
  })();
  // The entities table over these mentions, each in its own article: the first page of an order after
  // a change (nothing read before is kept then), as the window asks after every batch an import stores.
  const entityOrders: [string, EntityQueryInput][] = [
    ['most mentioned', {}],
    ['most articles', { sort: [{ column: 'articles', direction: 'desc' }] }],
    ['last seen', { sort: [{ column: 'lastSeen', direction: 'desc' }] }],
  ];
  for (const [label, query] of entityOrders) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      db.prepare('UPDATE article SET reliability = ? WHERE id = ?').run(i % 2 ? 'B' : 'C', ids[0]);
      const s = performance.now();
      const result = await core.dispatch('entities.page', { query, startRow: 0, endRow: 100 });
      times.push(performance.now() - s);
      if (!result.ok) throw new Error(result.error.message);
    }
    console.log(`entities table (${places.toLocaleString('en')} places, ${ids.length.toLocaleString('en')} mentions in as many articles), ${label}: first page after a change p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}`);
    record(`entities table, ${label}: first page after a change p95, ms`, n, pct(times, 95).toFixed(1));
  }
  const view = async (articleQuery: ArticleQuery, bbox: [number, number, number, number] | null) => {
    const result = await core.dispatch('map.places', { articleQuery, bbox });
    if (!result.ok) throw new Error(result.error.message);
  };
  // The reader reads the place mentions once after a change; a filter it has not met reads its articles.
  const { ms: readMs, held: readHeld } = await coreHeldDuring(() => view(shapes[0]![1], null));
  console.log(`map with a table filter: ${ids.length.toLocaleString('en')} place mentions of ${places.toLocaleString('en')} places read by the reader after a change ${ms(readMs)} (the core held at most ${ms(readHeld)})`);
  record("map with a filter: mentions read after a change, ms (core held, ms)", n, `${readMs.toFixed(0)} (${readHeld.toFixed(0)})`);
  const region: [number, number, number, number] = [61, 30, 71, 38];
  for (const [label, query] of shapes.slice(1).concat(shapes.slice(0, 1))) {
    const { ms: firstMs, held } = await coreHeldDuring(() => view(query, null));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await view(query, i % 2 ? region : null);
      times.push(performance.now() - s);
    }
    const shape = label.split(',')[1]!.trim();
    console.log(`map with a table filter (${shape}): first view ${ms(firstMs)} (the core held at most ${ms(held)}), then views p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}`);
    record(`map ${shape}: first view, ms (core held, ms)`, n, `${firstMs.toFixed(0)} (${held.toFixed(0)})`);
    record(`map ${shape}: next views p95, ms`, n, pct(times, 95).toFixed(1));
  }
  // An import's suggestions coming in: after each commit of 300 place mentions the map of a filter is
  // asked again, and the reader reads only the mentions added (db/placeCounts.ts), not all of them.
  const afterCommit: number[] = [];
  for (let c = 0; c < 20; c++) {
    db.transaction(() => {
      for (let k = 0; k < 300; k++) insertMention.run(ids[Math.floor(rand() * ids.length)]!, 'suggested', placeIds[Math.floor(places * rand() ** 3)]!);
    })();
    const s = performance.now();
    await view(shapes[0]![1], null);
    afterCommit.push(performance.now() - s);
  }
  console.log(`map with a table filter after each commit of an import's suggestions (300 place mentions): p50 ${ms(pct(afterCommit, 50))} p95 ${ms(pct(afterCommit, 95))}`);
  record("map with a filter: after each commit of suggestions, p95 ms", n, pct(afterCommit, 95).toFixed(0));
  // The analyst's decisions, one at a time: the reader takes out and reads again only the decided
  // mention's article (migration 026), where before it read every place mention again.
  const decide = db.prepare("UPDATE mention SET status = ? WHERE id = (SELECT id FROM mention WHERE article_id = ? AND status <> 'rejected' LIMIT 1)");
  const afterDecision: number[] = [];
  for (let c = 0; c < 20; c++) {
    decide.run(c % 3 ? 'accepted' : 'rejected', ids[Math.floor(rand() * ids.length)]!);
    const s = performance.now();
    await view(shapes[0]![1], null);
    afterDecision.push(performance.now() - s);
  }
  console.log(`map with a table filter after each decision on a mention: p50 ${ms(pct(afterDecision, 50))} p95 ${ms(pct(afterDecision, 95))}`);
  record('map with a filter: after each decision, p95 ms', n, pct(afterDecision, 95).toFixed(0));
  // The filter changed again 50 ms after a change, as an analyst narrows it: the count for the filter
  // left, still reading its articles, is stopped (neither filter's articles are kept from before).
  const started = performance.now();
  const left = core.dispatch('map.places', { articleQuery: shapes[1]![1], bbox: null });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await view(shapes[2]![1], null);
  const switched = performance.now() - started;
  const leftOutcome = (await left).ok ? 'was counted to its end' : 'was stopped';
  console.log(`map with a table filter changed 50 ms after another: the new filter's places on hand after ${ms(switched)} (the one left ${leftOutcome})`);
  record('map: filter changed 50 ms after another, new one on hand after, ms', n, switched.toFixed(0));
}

for (const n of sizes) await benchSize(n);
printCurve();
await benchNearDuplicates(sizes);
await benchEntities();
await benchEntityScope();
await benchSuggestions((process.env.BENCH_SUGGEST_SIZES ?? '10000').split(',').map(Number).filter((n) => n > 0));
await benchEncryption();
await benchExportMemory();
await benchCrawl();
await benchDocuments();
clearInterval(sampler);

/** Entities: extraction rate, gazetteer, map data queries, and the map's first idle frame. */
async function benchEntities(): Promise<void> {
  console.log('\n== entities, gazetteer and map ==');
  const t0 = performance.now();
  const gazetteer = new Gazetteer(gazetteerFile());
  console.log(`gazetteer open: ${ms(performance.now() - t0)}`);
  const db = (gazetteer as unknown as { db: import('better-sqlite3-multiple-ciphers').Database }).db;
  const names = db.prepare('SELECT name FROM place_name ORDER BY random() LIMIT 2000').pluck().all() as string[];
  const lookups: number[] = [];
  for (const name of names) {
    const s = performance.now();
    gazetteer.rank(name, { countries: new Set(), near: [], wantsAdminArea: false });
    lookups.push(performance.now() - s);
  }
  console.log(`gazetteer lookup + ranking (2,000 random names, cold cache): p50 ${ms(pct(lookups, 50))} p95 ${ms(pct(lookups, 95))}`);
  gazetteer.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-entities-'));
  const files = path.join(dir, 'articles');
  fs.mkdirSync(files);
  const n = 2000;
  makeArticles(n, 7, (t, i) => fs.writeFileSync(path.join(files, `a${i}.txt`), t));
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'entities.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  await core.imports.importNow({ kind: 'paths', paths: [files] });
  const ws = core.session.current;
  const ids = ws.db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
  const s = performance.now();
  let suggestions = 0;
  for (let i = 0; i < ids.length; i += 50) suggestions += ws.entities.suggest(ids.slice(i, i + 50)).suggestions;
  const seconds = (performance.now() - s) / 1000;
  console.log(`extraction + linking + storing: ${n} articles (~4 KB) in ${seconds.toFixed(1)} s → ${(n / seconds).toFixed(0)} articles/s on one core (${suggestions} suggestions)`);

  // The annotation formats, with every suggestion taken as accepted.
  ws.db.prepare("UPDATE mention SET status = 'accepted' WHERE status = 'suggested'").run();
  // Exports refuse to create folders (an analyst's typo must not make one): the bench makes its own.
  fs.mkdirSync(path.join(dir, 'exports'));
  for (const format of ['w3c', 'brat', 'conll', 'ftm'] as const) {
    const started = performance.now();
    const result = await core.dispatch('exports.run', { format, path: path.join(dir, 'exports', `annotations-${format}`) });
    if (!result.ok) throw new Error(result.error.message);
    const r = result.value as { records: number; bytes: number };
    console.log(`export ${format} (${n} articles, ${suggestions.toLocaleString('en')} annotations): ${ms(performance.now() - started)}, ${(r.bytes / 1024 / 1024).toFixed(1)} MB`);
  }

  // 100,000 placed entities with one mention each, spread over the region of the articles.
  const rand = mulberry32(3);
  const insertEntity = ws.db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, '2024-01-01')");
  const insertMention = ws.db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 0, 1, 'x', '', '', 'place', 'suggested', 'auto', ?, '2024-01-01')");
  ws.db.transaction(() => {
    for (let i = 0; i < 100_000; i++) {
      const e = insertEntity.run(`Place ${i}`, 25 + rand() * 15, 55 + rand() * 20).lastInsertRowid;
      insertMention.run(ids[i % ids.length]!, e);
    }
  })();
  for (const [label, bbox] of [
    ['whole region in view (100,000+ places)', [50, 20, 80, 45]],
    ['a province in view', [68, 36, 70, 37.5]],
  ] as [string, [number, number, number, number]][]) {
    const times: number[] = [];
    const decodes: number[] = [];
    let count = 0;
    for (let i = 0; i < 15; i++) {
      const q = performance.now();
      const layer = ws.entities.entities.mapPlaces(bbox, [], true);
      times.push(performance.now() - q);
      const d = performance.now();
      count = decodeMapLayer(layer).length;
      decodes.push(performance.now() - d);
    }
    console.log(
      `map places query, ${label}: ${count} places (packed, 2,000 labelled), p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}; decoding in the window p95 ${ms(pct(decodes, 95))}`,
    );
  }
  core.close();
  await benchEvents(dir);
  await mapIdle(dir);
  await mapAtScale(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Time from opening the app to the map's first idle frame with 10,000 places drawn (needs Chromium). */
async function mapIdle(dir: string): Promise<void> {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && fs.existsSync(p));
  if (!chromium) return console.log('map first idle frame: skipped (no Chromium found)');
  const file = path.join(dir, 'map.awb');
  const seed = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: file, sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  await seed.imports.importNow({ kind: 'text', text: 'Map benchmark\n\nAn article that mentions ten thousand places, for the map benchmark only.' });
  const rand = mulberry32(11);
  const db = seed.session.current.db;
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      const e = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, '2024-01-01')").run(`Place ${i}`, -50 + rand() * 110, -170 + rand() * 340).lastInsertRowid;
      db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (1, 0, 1, 'x', '', '', 'place', 'suggested', 'auto', ?, '2024-01-01')").run(e);
    }
  })();
  db.prepare('INSERT INTO extraction_state (article_id, version, extracted_at) VALUES (1, 999, ?)').run('2024-01-01');
  // 5,000 entities with 20,000 relations among them, for the link chart.
  db.transaction(() => {
    const insert = db.prepare("INSERT INTO entity (type, name, origin, created_at) VALUES (?, ?, 'auto', '2024-01-01')");
    const first = Number(insert.run('organisation', 'Node 0').lastInsertRowid);
    for (let i = 1; i < 5000; i++) insert.run(['person', 'organisation', 'group'][i % 3]!, `Node ${i}`);
    const relate = db.prepare("INSERT INTO relation (source_id, target_id, type, created_at, updated_at) VALUES (?, ?, ?, '2024-01-01', '2024-01-01')");
    for (let i = 0; i < 20_000; i++) {
      const a = first + Math.floor(rand() * 5000);
      let b = first + Math.floor(rand() * 5000);
      if (b === a) b = first + ((b - first + 1) % 5000);
      relate.run(a, b, ['member of', 'allied with', 'fights against'][i % 3]!);
    }
  })();
  seed.close();
  const server = spawn(process.execPath, [path.join(root, 'dist/electron/serve.mjs'), '--workspace', file, '--port', '0'], { env: { ...process.env, AWB_DATA_DIR: dir } });
  const url = await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout! }).once('line', (l) => resolve(l.slice('Workbench at '.length))));
  const { chromium: driver } = await import('playwright-core');
  const browser = await driver.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const started = performance.now();
  await page.goto(url);
  await page.locator('.map-canvas[data-idle-places="10000"]').waitFor({ timeout: 60_000 });
  console.log(`map first idle frame with 10,000 places (headless Chromium, software WebGL, from page load): ${ms(performance.now() - started)}`);
  const chartStarted = performance.now();
  await page.getByRole('tab', { name: 'Link chart' }).click();
  const chart = page.getByTestId('link-chart');
  await page.locator('[data-testid="link-chart"][data-edges="20000"]').waitFor({ timeout: 120_000 });
  console.log(
    `link chart with ${await chart.getAttribute('data-nodes')} related entities (of 5,000) and 20,000 relations: ${ms(performance.now() - chartStarted)} from the click to the first frame (layout and first render: ${await chart.getAttribute('data-render-ms')} ms)`,
  );
  await browser.close();
  server.kill();
}

/**
 * The map at the issue's scale: 50,000 places with 1,000,000 mentions and 100,000 events, drawn and
 * clustered in the window (MapLibre clusters places and crowded events in its own worker). Times the
 * first idle frame, then zooms and pans, each from the key to the map's next idle
 * frame (easing included: MapLibre animates a key zoom over about 300 ms), and the longest frame
 * meanwhile: what the analyst sees as stutter.
 */
async function mapAtScale(dir: string): Promise<void> {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && fs.existsSync(p));
  if (!chromium) return console.log('map at scale: skipped (no Chromium found)');
  const file = path.join(dir, 'map-scale.awb');
  const seed = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: file, sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  await seed.imports.importNow({ kind: 'text', text: 'Map benchmark\n\nAn article for the map benchmark only.' });
  const rand = mulberry32(13);
  const db = seed.session.current.db;
  const places = 50_000;
  db.transaction(() => {
    const entity = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, '2024-01-01')");
    const mention = db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (1, 0, 1, 'x', '', '', 'place', 'suggested', 'auto', ?, '2024-01-01')");
    // Half in the region an analyst follows, half worldwide; a few places much mentioned, most rarely.
    const ids = Array.from({ length: places }, (_, i) => Number(entity.run(`Place ${i}`, i % 2 ? 30 + rand() * 8 : -55 + rand() * 125, i % 2 ? 61 + rand() * 10 : -170 + rand() * 340).lastInsertRowid));
    for (const id of ids) mention.run(id);
    for (let i = places; i < 1_000_000; i++) mention.run(ids[Math.floor(places * rand() ** 3)]!);
    const event = db.prepare(
      `INSERT INTO event (event_date, time_precision, event_type, sub_event_type, geo_precision, lat, lon, fatalities, created_at, updated_at)
       VALUES (?, 1, ?, ?, 1, ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    for (let i = 0; i < 100_000; i++) {
      const sub = SUB_EVENT_TYPES[Math.floor(rand() * SUB_EVENT_TYPES.length)]!;
      const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
      event.run(day, eventTypeOf(sub), sub, 30 + rand() * 8, 61 + rand() * 10, Math.floor(rand() * 10));
    }
  })();
  db.prepare('INSERT INTO extraction_state (article_id, version, extracted_at) VALUES (1, 999, ?)').run('2024-01-01');
  // The entities table over the million mentions: the first page of a new sort or filter, then the same page asked again.
  const entityShapes: [string, EntityQueryInput][] = [
    ['most suggested first', { sort: [{ column: 'suggested', direction: 'desc' }] }],
    ['by name', { sort: [{ column: 'name', direction: 'asc' }] }],
    // Read from each entity's articles as kept (migration 023), like every other order of the whole registry.
    ['most articles first', { sort: [{ column: 'articles', direction: 'desc' }] }],
    ['places in a province', { bbox: [68, 36, 70, 37.5] }],
  ];
  for (const [label, query] of entityShapes) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      const result = await seed.dispatch('entities.page', { query, startRow: 0, endRow: 100 });
      times.push(performance.now() - s);
      if (!result.ok) throw new Error(result.error.message);
      total = (result.value as { total: number }).total;
    }
    console.log(`entities table at scale (${places.toLocaleString('en')} places, 1,000,000 mentions), ${label} (${total} rows): first page ${ms(times[0]!)}, asked again p95 ${ms(pct(times.slice(1), 95))}`);
  }
  seed.close();
  const server = spawn(process.execPath, [path.join(root, 'dist/electron/serve.mjs'), '--workspace', file, '--port', '0'], { env: { ...process.env, AWB_DATA_DIR: dir } });
  const url = await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout! }).once('line', (l) => resolve(l.slice('Workbench at '.length))));
  const { chromium: driver } = await import('playwright-core');
  const browser = await driver.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    const started = performance.now();
    await page.goto(url);
    const canvas = page.locator('.map-canvas');
    await page.locator(`.map-canvas[data-idle-places="${places}"]`).waitFor({ timeout: 120_000 });
    console.log(`map at scale: first idle frame with ${places.toLocaleString('en')} places (1,000,000 mentions) and 100,000 events, from page load: ${ms(performance.now() - started)}`);
    // The longest gap between two frames while a step runs, sampled in the page.
    await page.evaluate(() => {
      const w = window as unknown as { longestFrame: number };
      w.longestFrame = 0;
      // window's: the bundler renames a bare \`performance\` after Node's import of it.
      let last = window.performance.now();
      const tick = (now: number) => {
        w.longestFrame = Math.max(w.longestFrame, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const step = async (act: () => Promise<void>) => {
      const idles = Number(await canvas.getAttribute('data-idles'));
      await page.evaluate(() => ((window as unknown as { longestFrame: number }).longestFrame = 0));
      const s = performance.now();
      await act();
      await page.waitForFunction((n) => Number(document.querySelector('.map-canvas')?.getAttribute('data-idles')) > n, idles, { timeout: 60_000 });
      return { ms: performance.now() - s, frame: await page.evaluate(() => (window as unknown as { longestFrame: number }).longestFrame) };
    };
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + 5, box.y + box.height - 5);
    const figures = new Map<string, { ms: number; frame: number }[]>();
    const note = (label: string, f: { ms: number; frame: number }) => figures.set(label, [...(figures.get(label) ?? []), f]);
    for (let round = 0; round < 3; round++) {
      for (let z = 0; z < 3; z++) note('zoom in (key +)', await step(() => page.keyboard.press('Equal')));
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) note('pan (arrow key)', await step(() => page.keyboard.press(key)));
      for (let z = 0; z < 3; z++) note('zoom out (key -)', await step(() => page.keyboard.press('Minus')));
    }
    for (const [label, list] of figures) {
      console.log(
        `map at scale, ${label}: to the next idle frame p50 ${ms(pct(list.map((f) => f.ms), 50))} p95 ${ms(pct(list.map((f) => f.ms), 95))}; longest frame meanwhile p95 ${ms(pct(list.map((f) => f.frame), 95))} (${list.length} steps)`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Events: the table's page query and the map/timeline data with 100,000 events. */
async function benchEvents(dir: string): Promise<void> {
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'events.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  await core.imports.importNow({ kind: 'text', text: 'Events benchmark\n\nAn article the benchmark events cite, for the events benchmark only.' });
  const db = core.session.current.db;
  const rand = mulberry32(5);
  const subTypes = SUB_EVENT_TYPES;
  db.transaction(() => {
    const entity = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES (?, ?, 'auto', ?, ?, '2024-01-01')");
    for (let i = 0; i < 50; i++) entity.run('organisation', `Armed group ${i}`, null, null);
    for (let i = 0; i < 2000; i++) entity.run('place', `Village ${i}`, 29 + rand() * 9, 61 + rand() * 10);
    const insert = db.prepare(
      `INSERT INTO event (event_date, time_precision, event_type, sub_event_type, actor1_id, actor1_type, actor2_id, actor2_type, location_id, geo_precision, lat, lon, fatalities, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, 2, ?, 1, ?, 1, ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    for (let i = 0; i < 100_000; i++) {
      const sub = subTypes[Math.floor(rand() * subTypes.length)]!;
      const place = 51 + Math.floor(rand() * 2000);
      const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
      insert.run(day, eventTypeOf(sub), sub, 1 + Math.floor(rand() * 50), 1 + Math.floor(rand() * 50), place, 29 + rand() * 9, 61 + rand() * 10, Math.floor(rand() * 10));
    }
  })();
  const repo = core.session.current.events.events;
  const time = (label: string, f: () => unknown, runs = 30) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      f();
      times.push(performance.now() - s);
    }
    console.log(`${label}: p50 ${ms(pct(times, 50))} p95 ${ms(pct(times, 95))}`);
  };
  const base = EventQuery.parse({});
  time('events page of 100, newest first, random block (100,000 events)', () => {
    const start = Math.floor(rand() * 999) * 100;
    repo.page(base, start, start + 100);
  });
  time('events page of 100, one event type, sorted by fatalities', () => repo.page({ ...base, eventTypes: ['Battles'], sort: [{ column: 'fatalities', direction: 'desc' }] }, 0, 100));
  time('map data: every event in view (100,000 points, packed)', () => repo.points(base), 10);
  time('map data: events of one year', () => repo.points({ ...base, dateFrom: '2020-01-01', dateTo: '2020-12-31' }), 10);
  time('timeline data: events per day (100,000 events)', () => repo.perDay(), 10);

  // Exports of the 100,000 events, each format once, and reports of about 500 events.
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as { records?: number; bytes: number; events?: number };
  };
  const out = path.join(dir, 'exports');
  fs.mkdirSync(out, { recursive: true });
  // The annotation formats (w3c, brat, conll) are measured on annotated articles above.
  for (const format of EXPORT_FORMATS.filter((f) => !['w3c', 'brat', 'conll'].includes(f))) {
    const started = performance.now();
    const r = await call('exports.run', { format, path: path.join(out, `events-${format}${EXPORT_FORMAT_INFO[format].extension}`), ...(format === 'csv' || format === 'xlsx' ? { table: { table: 'events' } } : {}) });
    console.log(`export ${format} (100,000 events): ${ms(performance.now() - started)}, ${r.records!.toLocaleString('en')} records, ${(r.bytes / 1024 / 1024).toFixed(1)} MB; RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  }
  const spec = { title: 'Benchmark report', summary: 'Ten days of events.', handling: 'TLP:AMBER', dateFrom: '2019-01-01', dateTo: '2019-01-10' };
  for (const format of ['html', 'docx', 'md', 'pdf'] as const) {
    if (format === 'pdf' && !findChromium()) {
      console.log('report pdf: skipped (no Chromium here)');
      continue;
    }
    const started = performance.now();
    const r = await call('reports.save', { spec, format, path: path.join(out, `report.${format}`) });
    console.log(`report ${format} of ${r.events} events: ${ms(performance.now() - started)}, ${(r.bytes / 1024).toFixed(0)} KB`);
  }
  core.close();
}
