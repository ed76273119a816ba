// `npm run train [-- CORPORA_DIR]`: rebuilds the name tagger (assets/models/names.awbm) and its
// manifest from the corpora in CORPORA_DIR (default $AWB_CORPORA or /work/corpora). The held-out
// documents of each corpus (every 10th: test; the one before it: calibration) are never trained on.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { GAZETTEER_VERSION } from '../electron/services/gazetteer/build.js';
import { CORPORA, loadCorpus } from '../electron/services/entities/tagger/corpusSet.js';
import { gazetteerLexicon, NAMES_MODEL_FILE } from '../electron/services/entities/tagger/index.js';
import { encodeModel, decodeModel } from '../electron/services/entities/tagger/model.js';
import { fitTemperature, trainTagger, type TrainOptions } from '../electron/services/entities/tagger/train.js';
import { appRoot, gazetteerFile } from '../electron/paths.js';

const corporaDir = path.resolve(process.argv[2] ?? process.env.AWB_CORPORA ?? '/work/corpora');
const outDir = path.resolve(process.env.AWB_MODEL_DIR ?? path.join(appRoot(), 'assets', 'models'));
const options: TrainOptions = { epochs: 8, seed: 20261129, minCount: 2, prune: 0.5 };

// Training is a background chore: it yields the processor to anything interactive (like `nice -n 10`).
try {
  os.setPriority(10);
} catch {
  // Not permitted here: train at normal priority.
}
const started = performance.now();
const gazetteer = new Gazetteer(gazetteerFile());
const lexicon = gazetteerLexicon(gazetteer);
let corpora;
try {
  corpora = CORPORA.map((source) => loadCorpus(corporaDir, source, lexicon));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const train = corpora.flatMap((c) => c.split.train);
const dev = corpora.flatMap((c) => c.split.dev);
console.log(`Training on ${train.length.toLocaleString('en')} sentences (${corpora.map((c) => `${c.source.name}: ${c.counts.train.sentences}`).join(', ')})`);
const model = trainTagger(train, lexicon, { ...options, onEpoch: (e, m) => console.log(`  epoch ${e}: ${m} sentences mistagged`) });
model.temperature = fitTemperature(model, dev, lexicon);
const bytes = encodeModel(model);
// The shipped model is the decoded file, so calibration and figures are of what ships.
const shipped = decodeModel(bytes);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, NAMES_MODEL_FILE), bytes);
const manifest = {
  model: {
    file: NAMES_MODEL_FILE,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    kind: 'averaged structured perceptron, BIO tags, Viterbi decoding; weights pruned and quantised to 16 bits',
    tags: [...shipped.tags],
    features: shipped.features.size,
    temperature: shipped.temperature,
    options: { epochs: options.epochs, seed: options.seed, minCount: options.minCount, prune: options.prune },
    featureFunction: 'electron/services/entities/tagger/features.ts',
    gazetteerVersion: GAZETTEER_VERSION,
    rebuild: 'npm run train -- <corpora folder>',
  },
  split: 'by document: every 10th document is held out for testing (npm run eval), the one before it for calibrating confidence; the rest is trained on',
  corpora: corpora.map((c) => ({
    name: c.source.name,
    description: c.source.description,
    licence: c.source.licence,
    repo: `https://github.com/${c.source.repo}`,
    path: c.source.path,
    commit: c.source.commit,
    file: c.source.file,
    sha256: c.sha256,
    split: c.counts,
  })),
  notUsed: 'CoNLL-2003, LGL, TR-News and GeoWebNews are kept for independent measurement and never read by training.',
};
fs.writeFileSync(path.join(outDir, 'names.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
gazetteer.close();
console.log(`Wrote ${path.relative(appRoot(), path.join(outDir, NAMES_MODEL_FILE))}: ${(bytes.length / 1024).toFixed(0)} KB, ${shipped.features.size.toLocaleString('en')} features, temperature ${shipped.temperature.toFixed(2)}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
