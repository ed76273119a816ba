/**
 * Training: an averaged structured perceptron (Collins 2002) over BIO tags, with Viterbi decoding
 * under the same constraints as at run time, and features from the shared feature function.
 * Deterministic: the sentence order of every epoch comes from a seeded generator, so the same
 * corpus and options always give the same weights.
 */
import { sentenceFacts, tokenFeatures, type NameLexicon } from './features.js';
import { allowed, decodeNames, emissions, nameProbabilities, namesOf, REMEMBERED_CONFIDENCE, viterbi } from './decode.js';
import { FeatureIndex, NAME_TYPES, TAGS, type NameType, type TaggerModel } from './model.js';

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
  /**
   * Independent runs, each over its own seeded order of sentences (the first with `seed`), whose
   * averaged weights are averaged again (1 when not given). One run's weights lean on the order it
   * happened to see; their mean generalises better and depends less on the seed.
   */
  runs?: number;
  /** Called after each epoch (progress for the command line). */
  onEpoch?: (epoch: number, mistakes: number, run: number) => void;
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

/**
 * The perceptron's weights over a fixed set of feature rows, with the running sums that give their
 * average (w − acc / c). Training from the corpora starts it at zero; adapting a workspace's model
 * starts it at the shipped weights (the average is then of where the weights went from there). Both
 * learn through the same step, `learn`.
 */
export class Perceptron {
  readonly T = TAGS.length;
  readonly w: Float64Array;
  readonly acc: Float64Array;
  readonly tw: Float64Array;
  readonly tacc: Float64Array;
  readonly sw: Float64Array;
  readonly sacc: Float64Array;
  /** Steps taken, plus one (the averaging counter). */
  c = 1;
  private scores: Float32Array;

  /**
   * `rates`: how far a mistake moves each row's weights (1 when not given, as in corpus training);
   * `transitionRate` likewise for the tag-transition weights.
   */
  constructor(
    rows: number,
    from?: { weights: Float64Array; transitions: ArrayLike<number>; start: ArrayLike<number> },
    private readonly rates: Float64Array | null = null,
    private readonly transitionRate = 1,
  ) {
    const T = this.T;
    this.w = from ? from.weights : new Float64Array(rows * T);
    this.acc = new Float64Array(rows * T);
    this.tw = from ? Float64Array.from(from.transitions) : new Float64Array(T * T);
    this.tacc = new Float64Array(T * T);
    this.sw = from ? Float64Array.from(from.start) : new Float64Array(T);
    this.sacc = new Float64Array(T);
    this.scores = new Float32Array(512 * T);
  }

  /**
   * One step on one sentence: decode with the current weights and, where that is wrong, move the
   * weights toward the gold tags. `tokens` are each token's feature rows; `gold` a tag index per
   * token, or -1 where nobody said (a suggestion not reviewed yet): there the best reading that
   * agrees with the known tags counts as right. Returns whether the sentence was mistagged.
   */
  learn(tokens: readonly Int32Array[], gold: readonly number[]): boolean {
    const T = this.T;
    const { w, acc, tw, tacc, sw, sacc } = this;
    const c = this.c;
    const n = tokens.length;
    if (n === 0) return false;
    const em = n * T <= this.scores.length ? this.scores.subarray(0, n * T).fill(0) : new Float32Array(n * T);
    for (let i = 0; i < n; i++) for (const f of tokens[i]!) for (let t = 0; t < T; t++) em[i * T + t] = em[i * T + t]! + w[f * T + t]!;
    const transitions = Float32Array.from(tw);
    const start = Float32Array.from(sw);
    const path = viterbi(TAGS, em, transitions, start, n);
    let g = gold;
    if (gold.includes(-1)) {
      // The known tags are forced, the rest is read as the model reads it.
      const forced = Float32Array.from(em);
      for (let i = 0; i < n; i++) if (gold[i]! >= 0) for (let t = 0; t < T; t++) if (t !== gold[i]) forced[i * T + t] = -1e30;
      g = viterbi(TAGS, forced, transitions, start, n);
    }
    let wrong = false;
    const rates = this.rates;
    for (let i = 0; i < n; i++) {
      if (path[i] === g[i]) continue;
      wrong = true;
      for (const f of tokens[i]!) {
        const r = rates ? rates[f]! : 1;
        bump(w, f * T + g[i]!, r);
        bump(acc, f * T + g[i]!, c * r);
        bump(w, f * T + path[i]!, -r);
        bump(acc, f * T + path[i]!, -c * r);
      }
    }
    if (wrong) {
      const r = this.transitionRate;
      for (let i = 0; i < n; i++) {
        const gp = i === 0 ? -1 : g[i - 1]!;
        const pp = i === 0 ? -1 : path[i - 1]!;
        if (gp === pp && g[i] === path[i]) continue;
        if (i === 0) {
          bump(sw, g[0]!, r);
          bump(sacc, g[0]!, c * r);
          bump(sw, path[0]!, -r);
          bump(sacc, path[0]!, -c * r);
        } else {
          bump(tw, gp * T + g[i]!, r);
          bump(tacc, gp * T + g[i]!, c * r);
          bump(tw, pp * T + path[i]!, -r);
          bump(tacc, pp * T + path[i]!, -c * r);
        }
      }
    }
    this.c++;
    return wrong;
  }

  /** The averaged weight of feature row `f` for tag `t`. */
  averaged(f: number, t: number): number {
    return this.w[f * this.T + t]! - this.acc[f * this.T + t]! / this.c;
  }

  /** Averaged transition and start weights (zero where BIO forbids the move). */
  averagedTransitions(): { transitions: Float32Array; start: Float32Array } {
    const T = this.T;
    const transitions = new Float32Array(T * T);
    for (let i = 0; i < T * T; i++) transitions[i] = allowed(TAGS, Math.floor(i / T), i % T) ? this.tw[i]! - this.tacc[i]! / this.c : 0;
    const start = new Float32Array(T);
    for (let t = 0; t < T; t++) start[t] = allowed(TAGS, -1, t) ? this.sw[t]! - this.sacc[t]! / this.c : 0;
    return { transitions, start };
  }
}

/** A seeded shuffle of `order` in place (Fisher–Yates). */
export function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** Tag indexes of a sentence's gold tags; an unknown tag is refused in words. */
export function tagIndexes(tags: readonly (string | null)[]): number[] {
  return tags.map((t) => {
    if (t === null) return -1;
    const i = TAG_INDEX.get(t);
    if (i === undefined) throw new Error(`Unknown tag "${t}" in the training data.`);
    return i;
  });
}
const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

export function trainTagger(sentences: LabelledSentence[], lexicon: NameLexicon, options: TrainOptions): TaggerModel {
  const T = TAGS.length;
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
  const gold = sentences.map((s) => tagIndexes(s.tags));

  const F = ids.size;
  const runs = options.runs ?? 1;
  // The mean over runs of each run's averaged weights.
  const mean = new Float64Array(F * T);
  const transitions = new Float32Array(T * T);
  const start = new Float32Array(T);
  for (let run = 0; run < runs; run++) {
    const perceptron = new Perceptron(F);
    const random = seededRandom(options.seed + run * 7919);
    const order = sentences.map((_, i) => i);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      shuffle(order, random);
      let mistakes = 0;
      for (const si of order) if (perceptron.learn(data[si]!, gold[si]!)) mistakes++;
      options.onEpoch?.(epoch, mistakes, run + 1);
    }
    for (let f = 0; f < F; f++) for (let t = 0; t < T; t++) bump(mean, f * T + t, perceptron.averaged(f, t) / runs);
    const averaged = perceptron.averagedTransitions();
    for (let i = 0; i < T * T; i++) transitions[i] = transitions[i]! + averaged.transitions[i]! / runs;
    for (let t = 0; t < T; t++) start[t] = start[t]! + averaged.start[t]! / runs;
  }

  // Averaged weights, then pruned.
  const names = [...ids.keys()];
  const kept = new FeatureIndex(1024);
  const keptWeights: number[] = [];
  for (let f = 0; f < F; f++) {
    const row: number[] = [];
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = mean[f * T + t]!;
      const pruned = Math.abs(v) < options.prune ? 0 : v;
      if (pruned !== 0) any = true;
      row.push(pruned);
    }
    if (!any) continue;
    kept.add(names[f]!);
    keptWeights.push(...row);
  }
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

/** Predicted names of a tokenised sentence (under a workspace model's memory of decided names), with probabilities at a given temperature. */
export function predictNames(model: TaggerModel, words: string[], lexicon: NameLexicon, temperature = model.temperature): (Span & { confidence: number })[] {
  if (!words.length) return [];
  const facts = sentenceFacts(words, lexicon);
  const { names, scores } = decodeNames(model, facts, emissions(model, facts));
  const p = names.length ? nameProbabilities(model, scores, words.length, names, temperature) : [];
  return names.map(({ remembered, ...s }, i) => ({ ...s, confidence: remembered ? REMEMBERED_CONFIDENCE : p[i]! }));
}

export type NameCounts = { tp: number; fp: number; fn: number };

/** Exact-span true and false positives and misses per type (and over all types) on labelled sentences. */
export function scoreNames(model: TaggerModel, sentences: readonly LabelledSentence[], lexicon: NameLexicon): Record<NameType | 'all', NameCounts> {
  const score = Object.fromEntries([...NAME_TYPES, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<NameType | 'all', NameCounts>;
  const same = (a: Span, b: Span) => a.from === b.from && a.to === b.to && a.type === b.type;
  for (const s of sentences) {
    const gold = goldNames(s.tags);
    const found = predictNames(model, s.words, lexicon);
    for (const p of found) {
      const right = gold.some((g) => same(g, p));
      score[p.type][right ? 'tp' : 'fp']++;
      score.all[right ? 'tp' : 'fp']++;
    }
    for (const g of gold) {
      if (found.some((p) => same(g, p))) continue;
      score[g.type].fn++;
      score.all.fn++;
    }
  }
  return score;
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
