// Near-duplicate grouping at scale: the bench articles (~4 KB), one in 25 followed later by an
// edited copy of itself (new headline, two paragraphs swapped, the last one cut, a few words
// changed), stored in import batches of 250. Prints the storing rate with grouping, then the
// grouping alone: every article checked again against those before it, as an import does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ArticlesRepository } from '../db/articles.js';
import { openWorkspace } from '../db/open.js';
import { StoryIndex } from '../db/stories.js';
import { storySignature } from '../electron/services/duplicates/nearDuplicates.js';
import { articleFromText, type NewArticle } from '../electron/services/extract/article.js';
import { makeArticles } from './benchArticles.js';

const BATCH = 250;
const COPY_EVERY = 25;
const COPY_DELAY = 400;

function editedCopy(text: string, n: number): string {
  const [head, ...rest] = text.split('\n\n');
  const paragraphs = rest.slice(0, -1);
  if (paragraphs.length > 3) [paragraphs[1], paragraphs[2]] = [paragraphs[2]!, paragraphs[1]!];
  const body = paragraphs.join('\n\n').replace(/\bsaid\b/, 'told reporters').replace(/\bcity\b/, 'town').replace(/\bfighters\b/, 'militants');
  return `${head!.replace(/^[^\n]*/, (title) => `UPDATE ${n}-${title}`)}\n\n${body}\n`;
}

async function benchSize(n: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-neardup-'));
  const db = openWorkspace(path.join(dir, 'neardup.awb'), { create: true });
  const repo = new ArticlesRepository(db);
  let batch: NewArticle[] = [];
  const pending = new Map<number, string[]>();
  let storing = 0;
  let stored = 0;
  let signing = 0;
  const store = () => {
    const started = performance.now();
    repo.insertMany(batch);
    storing += performance.now() - started;
    stored += batch.length;
    batch = [];
  };
  const add = (text: string) => {
    const article = articleFromText(text, 'text', null);
    const started = performance.now();
    storySignature(article.body);
    signing += performance.now() - started;
    batch.push(article);
    if (batch.length >= BATCH) store();
  };
  const originals = Math.round(n / (1 + 1 / COPY_EVERY));
  makeArticles(originals, 11, (text, i) => {
    add(text);
    if (i % COPY_EVERY === 0) pending.set(i + COPY_DELAY, [...(pending.get(i + COPY_DELAY) ?? []), editedCopy(text, i)]);
    for (const copy of pending.get(i) ?? []) add(copy);
    pending.delete(i);
  });
  for (const copies of pending.values()) for (const copy of copies) add(copy);
  store();

  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const groups = one('SELECT count(*) FROM (SELECT story_id FROM story_copy GROUP BY story_id HAVING count(*) > 1)');
  const grouped = one('SELECT count(*) FROM story_copy WHERE story_id IN (SELECT story_id FROM story_copy GROUP BY story_id HAVING count(*) > 1)');
  console.log(`\n== near-duplicates: ${stored.toLocaleString('en')} articles, ${(stored - originals).toLocaleString('en')} of them edited copies ==`);
  console.log(`storing with grouping (insertMany, batches of ${BATCH}): ${((stored / storing) * 1000).toFixed(0)} articles/s`);
  console.log(`stories with copies: ${groups.toLocaleString('en')}, holding ${grouped.toLocaleString('en')} articles`);
  console.log(`signature alone (shingles + MinHash, 20 bands × 5): ${((signing / stored) * 1000).toFixed(0)} µs per article`);

  // The grouping alone, again from scratch: each article against all those before it.
  db.exec('DELETE FROM story_band; DELETE FROM story_copy;');
  const index = new StoryIndex(db);
  const chunk = Math.max(1_000, Math.round(n / 20));
  const times: number[] = [];
  let total = 0;
  for (;;) {
    const started = performance.now();
    const done = db.transaction(() => index.fileBacklog(chunk))();
    index.endWrite();
    if (done === 0) break;
    total += (performance.now() - started) / 1000;
    // A short last chunk mostly pays for finding the articles left: not a cost per article.
    if (done === chunk) times.push((performance.now() - started) / done);
  }
  console.log(
    `grouping cost: ${total.toFixed(1)} s for all ${stored.toLocaleString('en')} (${((total / stored) * 1e6).toFixed(0)} µs per article); ${(times[0]! * 1000).toFixed(0)} µs per article for the first ${chunk.toLocaleString('en')}, ${(times.at(-1)! * 1000).toFixed(0)} µs for the last full ${chunk.toLocaleString('en')} (index holding ${(chunk * (times.length - 1)).toLocaleString('en')})`,
  );
  const bands = one('SELECT count(*) FROM story_band');
  console.log(`index: ${bands.toLocaleString('en')} band rows (${(bands / stored).toFixed(1)} per article)`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** `npm run bench` figure: BENCH_SIZES sets the sizes (100,000 for the issue's figure). */
export async function benchNearDuplicates(sizes: number[]): Promise<void> {
  for (const n of sizes) await benchSize(n);
}
