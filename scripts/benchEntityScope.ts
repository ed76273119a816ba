// The Entities table scoped to the articles the analyst ticked (or filtered to): issue 12 holds
// it to 100 ms. 100,000 articles with ten mentions each of 50,000 entities; the first page of each
// order over 10,000 of those articles, after a change (so nothing counted before is kept). Prints
// figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityQueryInput } from '../electron/contract/index.js';
import { Core } from '../electron/dispatch.js';
import { gazetteerFile } from '../electron/paths.js';
import { mulberry32 } from './benchArticles.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

export async function benchEntityScope(articles = 100_000, perArticle = 10, entities = 50_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-entity-scope-'));
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: path.join(dir, 'scope.awb'), sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false });
  try {
    const db = core.session.current.db;
    const rand = mulberry32(17);
    const types = ['person', 'organisation', 'place', 'group'] as const;
    db.transaction(() => {
      const article = db.prepare("INSERT INTO article (title, published, words, format, fingerprint, imported_at) VALUES (?, ?, 600, 'text', ?, '2024-01-01')");
      for (let i = 0; i < articles; i++) {
        const day = rand() < 0.9 ? new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10) : null;
        article.run(`Article ${i}`, day, `scope-${i}`);
      }
      const entity = db.prepare("INSERT INTO entity (type, name, origin, created_at) VALUES (?, ?, 'auto', '2024-01-01')");
      for (let i = 0; i < entities; i++) entity.run(types[i % types.length], `Entity ${i}`);
      const mention = db.prepare(
        "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, ?, ?, 'x', '', '', ?, ?, 'auto', ?, '2024-01-01')",
      );
      // A few entities much mentioned, most rarely, as in news.
      for (let a = 1; a <= articles; a++)
        for (let k = 0; k < perArticle; k++) {
          const e = 1 + Math.floor(entities * rand() ** 3);
          mention.run(a, k * 10, k * 10 + 1, types[(e - 1) % types.length], rand() < 0.3 ? 'accepted' : 'suggested', e);
        }
    })();
    const ids = db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
    // The ticked articles: 10,000 picked across the archive, as a search or a tag picks them.
    const ticked = ids.filter(() => rand() < 10_000 / articles).slice(0, 10_000);
    const orders: [string, EntityQueryInput][] = [
      ['most mentioned', {}],
      ['most articles', { sort: [{ column: 'articles', direction: 'desc' }] }],
      ['last seen', { sort: [{ column: 'lastSeen', direction: 'desc' }] }],
      ['by name', { sort: [{ column: 'name', direction: 'asc' }] }],
      ['places only', { types: ['place'] }],
    ];
    console.log(`\n== entities table over ticked articles (${ticked.length.toLocaleString('en')} of ${articles.toLocaleString('en')} articles, ${(articles * perArticle).toLocaleString('en')} mentions of ${entities.toLocaleString('en')} entities) ==`);
    for (const [label, order] of orders) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 10; i++) {
        db.prepare('UPDATE article SET reliability = ? WHERE id = ?').run(i % 2 ? 'B' : 'C', ids[0]);
        const s = performance.now();
        const result = await core.dispatch('entities.page', { query: { ...order, articleIds: ticked }, startRow: 0, endRow: 100 });
        times.push(performance.now() - s);
        if (!result.ok) throw new Error(result.error.message);
        total = (result.value as { total: number }).total;
      }
      console.log(`entities table, ${label}, over the ticked articles (${total.toLocaleString('en')} rows): first page after an article's change p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms`);
    }
    // A decision on a mention in a ticked article: of the mentions kept since the last count, only that article's are read again.
    const decided = db.prepare("SELECT id FROM mention WHERE article_id = ? AND status <> 'rejected' LIMIT 1").pluck().get(ticked[0]) as number;
    const afterDecision: number[] = [];
    for (let i = 0; i < 10; i++) {
      db.prepare('UPDATE mention SET status = ? WHERE id = ?').run(i % 2 ? 'accepted' : 'suggested', decided);
      const s = performance.now();
      const result = await core.dispatch('entities.page', { query: { articleIds: ticked }, startRow: 0, endRow: 100 });
      afterDecision.push(performance.now() - s);
      if (!result.ok) throw new Error(result.error.message);
    }
    console.log(`entities table, most mentioned, over the ticked articles: first page after a mention's decision p50 ${pct(afterDecision, 50).toFixed(0)} ms, p95 ${pct(afterDecision, 95).toFixed(0)} ms`);
    // A filter that matches half the archive: every one of its articles is counted, none left out.
    const half = ids.filter((_, i) => i % 2 === 0);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      db.prepare('UPDATE article SET reliability = ? WHERE id = ?').run(i % 2 ? 'B' : 'C', ids[0]);
      const s = performance.now();
      const result = await core.dispatch('entities.page', { query: { articleIds: half }, startRow: 0, endRow: 100 });
      times.push(performance.now() - s);
      if (!result.ok) throw new Error(result.error.message);
    }
    console.log(`entities table, most mentioned, over ${half.length.toLocaleString('en')} articles (half the archive): first page after an article's change p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms`);
  } finally {
    core.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
