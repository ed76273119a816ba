// `npm run eval`: precision, recall and F1 per type of the entity extractor on the dev set in
// tests/fixtures/eval (exact span and type), and how many gold places it links within 25 km.
import fs from 'node:fs';
import path from 'node:path';
import { extractEntities, type Suggestion } from '../electron/services/entities/extract.js';
import { articleFromText } from '../electron/services/extract/article.js';
import { distanceKm } from '../electron/services/gazetteer/build.js';
import { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { appRoot, gazetteerFile } from '../electron/paths.js';

interface Gold {
  type: Suggestion['type'];
  text: string;
  lat?: number;
  lon?: number;
}

const gazetteer = new Gazetteer(gazetteerFile());
function evaluate(dir: string, label: string): void {
  const types = ['person', 'organisation', 'place', 'group', 'date'] as const;
  const score = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof types)[number], { tp: number; fp: number; fn: number }>;
  let linked = 0;
  let linkable = 0;
  const misses: string[] = [];
  const started = performance.now();
  let documents = 0;

  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const article = articleFromText(fs.readFileSync(path.join(dir, file), 'utf8'), 'text', file);
    const gold = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold[];
    let from = 0;
    const spans = gold.map((g) => {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      re.lastIndex = from;
      const start = re.exec(article.body)?.index ?? -1;
      if (start === -1) throw new Error(`${file}: gold "${g.text}" not found after offset ${from}`);
      from = start + g.text.length;
      return { ...g, start, end: start + g.text.length };
    });
    const found = extractEntities(article.body, { gazetteer, registry: new Map(), published: '2024-04-20' });
    documents++;
    for (const s of found) {
      const hit = spans.find((g) => g.start === s.start && g.end === s.end && g.type === s.type);
      if (hit) score[s.type].tp++;
      else {
        score[s.type].fp++;
        misses.push(`${file}  extra   ${s.type.padEnd(12)} ${s.text}`);
      }
    }
    for (const g of spans) {
      const s = found.find((f) => f.start === g.start && f.end === g.end && f.type === g.type);
      if (!s) {
        score[g.type].fn++;
        misses.push(`${file}  missed  ${g.type.padEnd(12)} ${g.text}`);
      }
      if (g.type === 'place' && g.lat !== undefined && g.lon !== undefined) {
        linkable++;
        const best = s?.places?.[0];
        if (best && distanceKm(best, { lat: g.lat, lon: g.lon }) <= 25) linked++;
        else misses.push(`${file}  linked  place        ${g.text} → ${best ? `${best.name} (${best.lat.toFixed(2)}, ${best.lon.toFixed(2)})` : 'nothing'}`);
      }
    }
  }

  const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log(`\n== ${label}: ${documents} documents (${path.relative(appRoot(), dir)}) ==\n`);
  console.log('type           precision  recall      F1   (tp/fp/fn)');
  let all = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    const { tp, fp, fn } = score[t];
    all = { tp: all.tp + tp, fp: all.fp + fp, fn: all.fn + fn };
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    console.log(`${t.padEnd(14)} ${pct(p)}  ${pct(r)}  ${pct(f1(p, r))}   (${tp}/${fp}/${fn})`);
  }
  const p = all.tp / Math.max(1, all.tp + all.fp);
  const r = all.tp / Math.max(1, all.tp + all.fn);
  console.log(`${'all (micro)'.padEnd(14)} ${pct(p)}  ${pct(r)}  ${pct(f1(p, r))}   (${all.tp}/${all.fp}/${all.fn})`);
  console.log(`\nplaces linked within 25 km: ${linked}/${linkable}`);
  console.log(`time: ${((performance.now() - started) / documents).toFixed(1)} ms per document\n`);
  if (process.argv.includes('--errors') || process.env.EVAL_ERRORS) console.log(misses.join('\n'));
  else console.log(`(${misses.length} differences; npm run eval -- --errors lists them)`);
}

// The dev set was used while building the rules; the held-out set was written before looking at
// the extractor's output on it and never tuned on: its figures are the honest ones.
evaluate(path.join(appRoot(), 'tests/fixtures/eval'), 'dev set (used for tuning)');
evaluate(path.join(appRoot(), 'tests/fixtures/eval/heldout'), 'held-out set (not tuned on)');
gazetteer.close();
