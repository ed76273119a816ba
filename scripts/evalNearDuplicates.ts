// Precision and recall of near-duplicate grouping on tests/fixtures/neardup: wire copies with
// edits (new headline, byline, reordered or cut paragraphs, changed words, an update, the same text
// under another title) and different stories about the same battles. The files are stored through
// the same repository call as an import, in an interleaved order and two batches, so copies meet
// both within a batch and across batches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArticlesRepository } from '../db/articles.js';
import { openWorkspace } from '../db/open.js';
import { articleFromText } from '../electron/services/extract/article.js';

export interface NearDuplicateScore {
  articles: number;
  stories: number;
  /** Pairs of articles grouped together that tell the same story / that do not; same-story pairs left apart. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  errors: string[];
}

/** Groups the fixture files as an import would and scores every pair against `stories.json`. */
export function scoreNearDuplicates(dir: string): NearDuplicateScore {
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'stories.json'), 'utf8')) as Record<string, string>;
  // Interleaved, so a story's copies do not arrive one after another.
  const files = Object.keys(gold).sort((a, b) => [...a].reverse().join('').localeCompare([...b].reverse().join('')));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-neardup-'));
  const db = openWorkspace(path.join(tmp, 'eval.awb'), { create: true });
  try {
    const repo = new ArticlesRepository(db);
    const articleOf = new Map<string, number>();
    const half = Math.ceil(files.length / 2);
    for (const batch of [files.slice(0, half), files.slice(half)]) {
      const stored = repo.insertMany(batch.map((f) => articleFromText(fs.readFileSync(path.join(dir, f), 'utf8'), 'text', f)));
      batch.forEach((f, i) => {
        const r = stored.get(i)!;
        articleOf.set(f, 'id' in r ? r.id : r.duplicateOf);
      });
    }
    const storyOf = new Map(
      (db.prepare('SELECT article_id AS id, story_id AS story FROM story_copy').all() as { id: number; story: number }[]).map((r) => [r.id, r.story]),
    );
    const predicted = (f: string) => storyOf.get(articleOf.get(f)!) ?? articleOf.get(f)!;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const errors: string[] = [];
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const [a, b] = [files[i]!, files[j]!];
        const same = gold[a] === gold[b];
        const grouped = predicted(a) === predicted(b);
        if (same && grouped) tp++;
        else if (grouped) {
          fp++;
          errors.push(`grouped, different stories: ${a}  ${b}`);
        } else if (same) {
          fn++;
          errors.push(`apart, same story:          ${a}  ${b}`);
        }
      }
    }
    return {
      articles: files.length,
      stories: new Set(Object.values(gold)).size,
      tp,
      fp,
      fn,
      precision: tp / Math.max(1, tp + fp),
      recall: tp / Math.max(1, tp + fn),
      errors,
    };
  } finally {
    db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Prints the score (`npm run eval`); `--errors` lists the pairs it got wrong. */
export function printNearDuplicateScore(dir: string): void {
  const s = scoreNearDuplicates(dir);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`\n== near-duplicate grouping: ${s.articles} articles, ${s.stories} stories (${dir}) ==\n`);
  console.log(`pairs: precision ${pct(s.precision)}  recall ${pct(s.recall)}   (tp/fp/fn ${s.tp}/${s.fp}/${s.fn})`);
  if (process.argv.includes('--errors') || process.env.EVAL_ERRORS) console.log(s.errors.join('\n'));
  else console.log(`(${s.errors.length} pairs wrong; npm run eval -- --errors lists them)`);
}
