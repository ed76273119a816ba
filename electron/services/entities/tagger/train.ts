/**
 * Training: an averaged structured perceptron (Collins 2002) over BIO tags, with Viterbi decoding
 * under the same constraints as at run time, and features from the shared feature function.
 * Deterministic: the sentence order of every epoch comes from a seeded generator, so the same
 * corpus and options always give the same weights.
 */
import { sentenceFacts, tokenFeatures, type NameLexicon } from './features.js';
import { allowed, emissions, nameProbabilities, namesOf, viterbi } from './decode.js';
import { FeatureIndex, TAGS, type NameType, type TaggerModel } from './model.js';

export interface LabelledSentence {
  words: string[];
  /** One of TAGS per word. */
  tags: string[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in the training data are left out. */
  minCount: number;
  /** Averaged weights smaller than this (in absolute value) are pruned. */
  prune: number;
  /** Called after each epoch (progress for the command line). */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

const bump = (a: Float64Array, i: number, v: number) => {
  a[i] = a[i]! + v;
};

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function trainTagger(sentences: LabelledSentence[], lexicon: NameLexicon, options: TrainOptions): TaggerModel {
  const T = TAGS.length;
  const tagIndex = new Map<string, number>(TAGS.map((t, i) => [t, i]));
  // Pass 1: every token's feature strings, and how often each feature occurs.
  const counts = new Map<number, number>();
  const featureHashes: Int32Array[][] = sentences.map((s) => {
    const facts = sentenceFacts(s.words, lexicon);
    return s.words.map((_, i) => {
      const fs: number[] = [];
      tokenFeatures(facts, i, fs);
      for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
      return Int32Array.from(fs);
    });
  });
  // Rows in order of first appearance: deterministic for a given corpus.
  const ids = new Map<number, number>();
  for (const [f, c] of counts) if (c >= options.minCount) ids.set(f, ids.size);
  counts.clear();
  // Pass 2: features as rows, sentence by sentence.
  const data = featureHashes.map((tokens) => tokens.map((fs) => Int32Array.from([...fs].map((f) => ids.get(f) ?? -1).filter((id) => id >= 0))));
  featureHashes.length = 0;
  const gold = sentences.map((s) =>
    s.tags.map((t) => {
      const i = tagIndex.get(t);
      if (i === undefined) throw new Error(`Unknown tag "${t}" in the training data.`);
      return i;
    }),
  );

  const F = ids.size;
  const w = new Float64Array(F * T);
  const acc = new Float64Array(F * T);
  const tw = new Float64Array(T * T);
  const tacc = new Float64Array(T * T);
  const sw = new Float64Array(T);
  const sacc = new Float64Array(T);
  let c = 1;
  const scores = new Float32Array(512 * T);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const si of order) {
      const tokens = data[si]!;
      const n = tokens.length;
      if (n === 0) continue;
      const em = n * T <= scores.length ? scores.subarray(0, n * T).fill(0) : new Float32Array(n * T);
      for (let i = 0; i < n; i++) for (const f of tokens[i]!) for (let t = 0; t < T; t++) em[i * T + t] = em[i * T + t]! + w[f * T + t]!;
      const path = viterbi(TAGS, em, Float32Array.from(tw), Float32Array.from(sw), n);
      const g = gold[si]!;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        if (path[i] === g[i]) continue;
        wrong = true;
        for (const f of tokens[i]!) {
          bump(w, f * T + g[i]!, 1);
          bump(acc, f * T + g[i]!, c);
          bump(w, f * T + path[i]!, -1);
          bump(acc, f * T + path[i]!, -c);
        }
      }
      if (wrong) {
        mistakes++;
        for (let i = 0; i < n; i++) {
          const gp = i === 0 ? -1 : g[i - 1]!;
          const pp = i === 0 ? -1 : path[i - 1]!;
          if (gp === pp && g[i] === path[i]) continue;
          if (i === 0) {
            bump(sw, g[0]!, 1);
            bump(sacc, g[0]!, c);
            bump(sw, path[0]!, -1);
            bump(sacc, path[0]!, -c);
          } else {
            bump(tw, gp * T + g[i]!, 1);
            bump(tacc, gp * T + g[i]!, c);
            bump(tw, pp * T + path[i]!, -1);
            bump(tacc, pp * T + path[i]!, -c);
          }
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, mistakes);
  }

  // Averaged weights: w − acc / c; then pruned.
  const names = [...ids.keys()];
  const kept = new FeatureIndex(1024);
  const keptWeights: number[] = [];
  for (let f = 0; f < F; f++) {
    const row: number[] = [];
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = w[f * T + t]! - acc[f * T + t]! / c;
      const pruned = Math.abs(v) < options.prune ? 0 : v;
      if (pruned !== 0) any = true;
      row.push(pruned);
    }
    if (!any) continue;
    kept.add(names[f]!);
    keptWeights.push(...row);
  }
  const transitions = new Float32Array(T * T);
  for (let i = 0; i < T * T; i++) transitions[i] = allowed(TAGS, Math.floor(i / T), i % T) ? tw[i]! - tacc[i]! / c : 0;
  const start = new Float32Array(T);
  for (let t = 0; t < T; t++) start[t] = allowed(TAGS, -1, t) ? sw[t]! - sacc[t]! / c : 0;
  return { tags: TAGS, features: kept, weights: Float32Array.from(keptWeights), transitions, start, temperature: 1 };
}

export interface Span {
  from: number;
  to: number;
  type: NameType;
}

/** Names marked by gold tags. */
export function goldNames(tags: readonly string[]): Span[] {
  return namesOf(TAGS, tags.map((t) => TAGS.indexOf(t as (typeof TAGS)[number])));
}

/** Predicted names of a tokenised sentence, with probabilities at a given temperature. */
export function predictNames(model: TaggerModel, words: string[], lexicon: NameLexicon, temperature = model.temperature): (Span & { confidence: number })[] {
  if (!words.length) return [];
  const facts = sentenceFacts(words, lexicon);
  const scores = emissions(model, facts);
  const names = namesOf(model.tags, viterbi(model.tags, scores, model.transitions, model.start, words.length));
  const p = names.length ? nameProbabilities(model, scores, words.length, names, temperature) : [];
  return names.map((s, i) => ({ ...s, confidence: p[i]! }));
}

/**
 * The temperature that makes name probabilities honest on held-out sentences: the one (on a grid)
 * with the smallest log loss of "this name is right".
 */
export function fitTemperature(model: TaggerModel, sentences: LabelledSentence[], lexicon: NameLexicon): number {
  const prepared = sentences.map((s) => {
    const facts = sentenceFacts(s.words, lexicon);
    const scores = emissions(model, facts);
    const names = namesOf(model.tags, viterbi(model.tags, scores, model.transitions, model.start, s.words.length));
    const gold = goldNames(s.tags);
    const right = names.map((p) => gold.some((g) => g.from === p.from && g.to === p.to && g.type === p.type));
    return { scores, names, right, n: s.words.length };
  });
  let best = 1;
  let bestLoss = Infinity;
  for (let temperature = 0.5; temperature <= 30; temperature *= 1.15) {
    let loss = 0;
    for (const s of prepared) {
      if (!s.names.length) continue;
      const p = nameProbabilities(model, s.scores, s.n, s.names, temperature);
      p.forEach((q, i) => {
        const clipped = Math.min(1 - 1e-6, Math.max(1e-6, q));
        loss -= s.right[i] ? Math.log(clipped) : Math.log(1 - clipped);
      });
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = temperature;
    }
  }
  return best;
}
