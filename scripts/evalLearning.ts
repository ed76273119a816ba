// The learning curve of the workspace model (issue 9, step 2), printed by `npm run eval`: a simulated
// analyst accepts the gold names of the first k documents of a dev corpus, the shipped model is
// trained further on them exactly as a workspace's model is (tagger/adapt.ts), and the rest is scored.
import path from 'node:path';
import { ADAPT_OPTIONS, applyDelta, runToEnd } from '../electron/services/entities/tagger/adapt.js';
import { checkedAdaptation, MARGIN, NAMES_TO_JUDGE } from '../electron/services/entities/tagger/lessons.js';
import { availableCorpora, partOf } from '../electron/services/entities/tagger/corpusSet.js';
import type { NameLexicon } from '../electron/services/entities/tagger/features.js';
import { gazetteerLexicon, loadNamesModel, namesModelFile } from '../electron/services/entities/tagger/index.js';
import { NAME_TYPES, type NameType, type TaggerModel } from '../electron/services/entities/tagger/model.js';
import { goldNames, predictNames, type LabelledSentence } from '../electron/services/entities/tagger/train.js';
import type { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';

const STEPS = [0, 10, 50, 200];
/**
 * A "document" of the curve is a run of this many consecutive held-out sentences (a short news item):
 * the GMB copy has lost its document boundaries (its loader cuts blocks of 40), and 200 documents of
 * full length are more than either corpus holds out.
 */
const SENTENCES_PER_DOCUMENT = 5;
/** Held-out documents kept for scoring (the last ones), the same set for every k. */
const SCORED_SHARE = 1 / 3;

const DESCRIPTION: Record<string, string> = {
  gmb: 'in domain: news (Voice of America), the domain the shipped model was trained on',
  wikigold: 'out of domain: Wikipedia articles, a style the shipped model saw little of',
  gum: 'never trained on: Wikinews news and interviews; every document held out',
};

type Counts = Record<NameType, { tp: number; fp: number; fn: number }>;

function score(model: TaggerModel, sentences: LabelledSentence[], lexicon: NameLexicon): Counts {
  const counts = Object.fromEntries(NAME_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Counts;
  for (const s of sentences) {
    const gold = goldNames(s.tags);
    const found = predictNames(model, s.words, lexicon);
    const same = (a: { from: number; to: number; type: NameType }, b: typeof a) => a.from === b.from && a.to === b.to && a.type === b.type;
    for (const p of found) counts[p.type][gold.some((g) => same(g, p)) ? 'tp' : 'fp']++;
    for (const g of gold) if (!found.some((p) => same(g, p))) counts[g.type].fn++;
  }
  return counts;
}

function prf({ tp, fp, fn }: { tp: number; fp: number; fn: number }): string {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return [p, r, f].map((x) => (100 * x).toFixed(1).padStart(5)).join(' ');
}

/** Prints the curve for each training corpus's held-out documents (corpora at CORPORA_DIR, $AWB_CORPORA or /work/corpora). */
export function printLearningCurve(gazetteer: Gazetteer): void {
  const dir = path.resolve(process.argv.find((a, i) => i >= 2 && !a.startsWith('--')) ?? process.env.AWB_CORPORA ?? '/work/corpora');
  const load = loadNamesModel(namesModelFile());
  console.log('\n== learning curve: the shipped name model trained further on an analyst\'s decisions (as a workspace model is) ==');
  if (!load.model) {
    console.log(`not measured: ${load.problem} (${load.file})`);
    return;
  }
  const base = load.model;
  const lexicon = gazetteerLexicon(gazetteer);
  console.log(
    `The analyst accepts the gold names of the first k documents (a document: ${SENTENCES_PER_DOCUMENT} consecutive held-out sentences); the model is trained ` +
      `${ADAPT_OPTIONS.epochs} epochs on them from the shipped weights and remembers the names decided (tagger/memory.ts), then is scored (exact span and type) on the last ${Math.round(SCORED_SHARE * 100)}% of the held-out documents, never learnt from. ` +
      `As in a workspace, it keeps only the lessons that held on the decisions themselves (tagger/lessons.ts: trained on one half, checked on the other; a lesson beyond the rejections must gain ${(100 * MARGIN).toFixed(0)} point of F1 there; with fewer than ${NAMES_TO_JUDGE} names in a half all are kept): "kept" says which. ` +
      'Held out: the documents `npm run train` never trains on (every 10th, and the one before it used only to calibrate confidence; every document of a corpus kept for measurement).',
  );
  for (const corpus of availableCorpora(dir, lexicon)) {
    const source = corpus.source;
    const heldOut = corpus.documents.filter((_, i) => partOf(source, i) !== 'train').flatMap((d) => d.sentences);
    const documents: LabelledSentence[][] = [];
    for (let i = 0; i < heldOut.length; i += SENTENCES_PER_DOCUMENT) documents.push(heldOut.slice(i, i + SENTENCES_PER_DOCUMENT));
    const learnable = Math.floor(documents.length * (1 - SCORED_SHARE));
    const scoredFrom = learnable;
    const scored = documents.slice(scoredFrom).flat();
    const names = scored.reduce((n, s) => n + goldNames(s.tags).length, 0);
    console.log(`\n-- ${source.name} (${DESCRIPTION[source.name] ?? 'held-out documents'}): ${documents.length} documents; scored on the last ${documents.length - scoredFrom} (${scored.length} sentences, ${names} names) --`);
    console.log(`${'k'.padStart(4)} ${'sentences'.padStart(9)}   ${NAME_TYPES.map((t) => `${t} P / R / F1`.padEnd(18)).join(' ')} ${'all P / R / F1'.padEnd(18)} ${'kept'.padEnd(10)} time`);
    for (const k of STEPS) {
      const taken = Math.min(k, learnable);
      if (k > learnable && STEPS.some((s) => s < k && s >= learnable)) continue;
      const started = performance.now();
      const learnt = documents.slice(0, taken).flat();
      const checked = taken ? runToEnd(checkedAdaptation(base, learnt, lexicon)) : null;
      const model = checked ? runToEnd(applyDelta(base, checked.delta)) : base;
      const counts = score(model, scored, lexicon);
      const all = { tp: 0, fp: 0, fn: 0 };
      for (const t of NAME_TYPES) for (const key of ['tp', 'fp', 'fn'] as const) all[key] += counts[t][key];
      const label = taken < k ? `${taken}*` : String(k);
      console.log(`${label.padStart(4)} ${String(learnt.length).padStart(9)}   ${NAME_TYPES.map((t) => prf(counts[t]).padEnd(18)).join(' ')} ${prf(all).padEnd(18)} ${(checked?.lessons ?? '-').padEnd(10)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (taken < k) console.log(`     (* only ${learnable} held-out documents are left to learn from beside the scored ones)`);
    }
  }
}
