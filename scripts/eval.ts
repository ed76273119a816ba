// `npm run eval [-- CORPORA_DIR]`: precision, recall and F1 per type (exact span and type)
// - of the name tagger on the held-out test documents of each training corpus (when the corpora
//   are at CORPORA_DIR, $AWB_CORPORA or /work/corpora), with a reliability table of its confidence,
//   and of the whole extractor on the same documents read as articles (per-document bags of names,
//   as the reading issue measures real news; `--dev-documents` adds the dev part);
// - of the whole extractor on the project's own fixtures in tests/fixtures/eval (and heldout/),
//   with how many gold places it links within 25 km.
import fs from 'node:fs';
import path from 'node:path';
import { extractEntities, type Suggestion } from '../electron/services/entities/extract.js';
import { availableCorpora } from '../electron/services/entities/tagger/corpusSet.js';
import { gazetteerLexicon, loadNamesModel, namesModelFile } from '../electron/services/entities/tagger/index.js';
import { NAME_TYPES } from '../electron/services/entities/tagger/model.js';
import { goldNames, predictNames } from '../electron/services/entities/tagger/train.js';
import { articleFromText } from '../electron/services/extract/article.js';
import { distanceKm } from '../electron/services/gazetteer/build.js';
import { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { appRoot, gazetteerFile } from '../electron/paths.js';
import { printToponymScore, readToponymCorpus, scoreToponyms } from './evalToponyms.js';
import { DOCUMENT_TYPES, scoreDocuments, type Counts } from './evalDocuments.js';
import { printLearningCurve } from './evalLearning.js';
import { printNearDuplicateScore } from './evalNearDuplicates.js';

interface Gold {
  type: Suggestion['type'];
  text: string;
  lat?: number;
  lon?: number;
}

const gazetteer = new Gazetteer(gazetteerFile());
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);


/** Precision, recall and F1 per type, then micro-averaged over all of them. */
function printScores<T extends string>(types: readonly T[], score: Record<T, Counts>): void {
  console.log('type           precision  recall      F1   (tp/fp/fn)');
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const line = (label: string, { tp, fp, fn }: Counts) => {
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    console.log(`${label.padEnd(14)} ${pct(p)}  ${pct(r)}  ${pct(f1(p, r))}   (${tp}/${fp}/${fn})`);
  };
  for (const t of types) {
    line(t, score[t]);
    all.tp += score[t].tp;
    all.fp += score[t].fp;
    all.fn += score[t].fn;
  }
  line('all (micro)', all);
}

/** The tagger alone on each corpus's held-out test documents (never trained or calibrated on). */
function evaluateCorpora(): void {
  const dir = path.resolve(process.argv.find((a, i) => i >= 2 && !a.startsWith('--')) ?? process.env.AWB_CORPORA ?? '/work/corpora');
  const load = loadNamesModel(namesModelFile());
  if (!load.model) {
    console.log(`\n== name tagger: not evaluated: ${load.problem} (${load.file}) ==`);
    return;
  }
  const model = load.model;
  console.log(`\n== name tagger ${path.relative(appRoot(), load.file)}: loaded in ${load.ms.toFixed(0)} ms, ${model.features.size.toLocaleString('en')} features ==`);
  const lexicon = gazetteerLexicon(gazetteer);
  const bins = Array.from({ length: 10 }, () => ({ n: 0, right: 0, confidence: 0 }));
  for (const corpus of availableCorpora(dir, lexicon)) {
    const source = corpus.source;
    const score = Object.fromEntries(NAME_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof NAME_TYPES)[number], { tp: number; fp: number; fn: number }>;
    const started = performance.now();
    let tokens = 0;
    for (const s of corpus.split.test) {
      tokens += s.words.length;
      const gold = goldNames(s.tags);
      const found = predictNames(model, s.words, lexicon);
      for (const p of found) {
        const right = gold.some((g) => g.from === p.from && g.to === p.to && g.type === p.type);
        score[p.type][right ? 'tp' : 'fp']++;
        const bin = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
        bin.n++;
        bin.confidence += p.confidence;
        if (right) bin.right++;
      }
      for (const g of gold) if (!found.some((p) => g.from === p.from && g.to === p.to && g.type === p.type)) score[g.type].fn++;
    }
    const c = corpus.counts.test;
    const kind = source.measuredOnly ? 'a corpus kept for measurement, never trained on; its test part' : 'held-out test part of a training corpus';
    console.log(`\n-- ${source.name}: ${kind} (${c.documents} documents, ${c.sentences} sentences, ${c.tokens.toLocaleString('en')} tokens; never trained on) --`);
    printScores(NAME_TYPES, score);
    console.log(`tagging: ${((tokens / (performance.now() - started)) * 1000).toFixed(0)} tokens/s`);
    // The whole extractor on the same documents read as articles; the dev part only when asked (it is what document-level rules are tuned on).
    for (const part of process.argv.includes('--dev-documents') ? (['dev', 'test'] as const) : (['test'] as const)) {
      const errors: string[] = [];
      const { bags, mentions, documents } = scoreDocuments(corpus, part, gazetteer, errors);
      const which = part === 'test' ? 'held-out test' : 'dev (used while tuning)';
      console.log(`whole extractor on the ${documents} ${which} documents read as articles, per-document bags of (type, name):`);
      printScores(DOCUMENT_TYPES, bags);
      console.log('the same, every mention by exact span and type:');
      printScores(DOCUMENT_TYPES, mentions);
      if (process.argv.includes('--errors') || process.env.EVAL_ERRORS) console.log(errors.join('\n'));
    }
  }
  console.log('\nreliability of the confidence (every suggested name of the held-out test parts):');
  console.log('confidence    names   mean confidence   share right');
  bins.forEach((b, i) => {
    if (b.n) console.log(`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}   ${String(b.n).padStart(8)}   ${pct(b.confidence / b.n).padStart(15)}   ${pct(b.right / b.n).padStart(11)}`);
  });
}
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
    // Names only: nationality adjectives ("Afghan forces" → Afghanistan) and places inside an
    // organisation's name ("Kabul" in "Kabul University") are not in the gold.
    const found = extractEntities(article.body, { gazetteer, registry: new Map(), published: '2024-04-20' }).filter((s) => !s.adjectival && !s.inName);
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

  console.log(`\n== ${label}: ${documents} documents (${path.relative(appRoot(), dir)}) ==\n`);
  printScores(types, score);
  console.log(`\nplaces linked within 25 km: ${linked}/${linkable}`);
  console.log(`time: ${((performance.now() - started) / documents).toFixed(1)} ms per document\n`);
  if (process.argv.includes('--errors') || process.env.EVAL_ERRORS) console.log(misses.join('\n'));
  else console.log(`(${misses.length} differences; npm run eval -- --errors lists them)`);
}

// The dev set was used while building the rules; the held-out set was written before looking at
// the extractor's output on it and never tuned on: its figures are the honest ones.
evaluateCorpora();
printLearningCurve(gazetteer);
evaluate(path.join(appRoot(), 'tests/fixtures/eval'), "project's own fixtures: dev set (used for tuning the rules)");
evaluate(path.join(appRoot(), 'tests/fixtures/eval/heldout'), "project's own fixtures: held-out set (not tuned on)");
// Toponyms: GeoVirus or WikToR files kept outside the repository (see scripts/evalToponyms.ts);
// AWB_TOPONYM_CORPUS lists them, separated by the path delimiter.
const toponymCorpora = (process.env.AWB_TOPONYM_CORPUS ?? ['/work/corpora/geovirus/GeoVirus-dev.jsonl', '/work/corpora/geovirus/GeoVirus-heldout.jsonl'].join(path.delimiter)).split(path.delimiter);
for (const file of toponymCorpora) {
  if (!fs.existsSync(file)) {
    console.log(`\n(toponyms not measured on ${file}: no such file; set AWB_TOPONYM_CORPUS to GeoVirus or WikToR files)`);
    continue;
  }
  const label = /dev/i.test(path.basename(file)) ? 'GeoVirus, used while tuning' : /held/i.test(path.basename(file)) ? 'GeoVirus, held out (not tuned on)' : 'toponym corpus';
  printToponymScore(label, file, scoreToponyms(readToponymCorpus(file), (text) => extractEntities(text, { gazetteer, registry: new Map(), published: null })));
}
printNearDuplicateScore(path.join(appRoot(), 'tests/fixtures/neardup'));
gazetteer.close();
