/**
 * Decoding: the best tag sequence of a sentence under the BIO constraints (Viterbi) and, for a
 * workspace model, under its memory of decided names (memory.ts); the names it marks, and each
 * name's probability (its marginal under the model's scores, taken at the calibrated temperature)
 * as the suggestion's confidence.
 */
import { contextFeatures, wordFeatures, type SentenceFacts } from './features.js';
import { isEmptyMemory, recall, type NameSpan } from './memory.js';
import type { NameType, TaggerModel } from './model.js';

export interface TaggedName {
  /** Token range [from, to] inclusive. */
  from: number;
  to: number;
  type: NameType;
  confidence: number;
  /** Read so because the analyst marked this name so before in the workspace. */
  remembered: boolean;
  /** Why, when a rule rather than the tagger gave the type (see sportsTeams.ts). */
  reason?: string;
}

/** The confidence of a name read as the analyst marked it before (as a name confirmed in the registry). */
export const REMEMBERED_CONFIDENCE = 0.95;

/** Which of a sentence's `length` tokens the names hold (1) or not (0). */
export function heldTokens(names: readonly TaggedName[], length: number): Uint8Array {
  const held = new Uint8Array(length);
  for (const n of names) held.fill(1, n.from, n.to + 1);
  return held;
}

/** Adds names a rule found among the tagger's, keeping them in sentence order. */
export function addNames(names: TaggedName[], added: readonly TaggedName[]): void {
  if (!added.length) return;
  names.push(...added);
  names.sort((a, b) => a.from - b.from);
}

/** I-X may only follow B-X or I-X: a name cannot start in its middle. */
export function allowed(tags: readonly string[], from: number | -1, to: number): boolean {
  const t = tags[to]!;
  if (!t.startsWith('I-')) return true;
  if (from === -1) return false;
  const f = tags[from]!;
  return f !== 'O' && f.slice(2) === t.slice(2);
}

/**
 * The weights as the decoder reads them: an open-addressed table of the feature hashes alone (a
 * quarter of a megabyte for the shipped model, so it mostly stays in the processor's cache; 0 marks
 * a free slot, and a feature hashed to 0 has the slot past the end, all zeros if there is none),
 * each slot's weights at the same index in a second array. A feature the model does not know then
 * costs a look at the small table, one it knows a single read of its weights; the FeatureIndex
 * reads a row number, a hash and then the weights, three places far apart in memory. A token looks
 * up some thirty features, so this was most of the time spent reading.
 */
interface WeightTable {
  keys: Int32Array;
  mask: number;
  weights: Float32Array;
}
const weightTables = new WeakMap<Float32Array, WeightTable>();

/** A model's table, built the first time it reads (a model's weights never change once it reads text). */
function weightTable(model: TaggerModel): WeightTable {
  let table = weightTables.get(model.weights);
  if (table) return table;
  const T = model.tags.length;
  const hashes = model.features.hashes();
  let size = 16;
  while (size < hashes.length * 1.5) size *= 2;
  const mask = size - 1;
  table = { keys: new Int32Array(size), mask, weights: new Float32Array((size + 1) * T) };
  for (let row = 0; row < hashes.length; row++) {
    const hash = hashes[row]!;
    let slot = size;
    if (hash !== 0) {
      slot = (hash ^ (hash >>> 16)) & mask;
      while (table.keys[slot] !== 0) slot = (slot + 1) & mask;
      table.keys[slot] = hash;
    }
    table.weights.set(model.weights.subarray(row * T, (row + 1) * T), slot * T);
  }
  weightTables.set(model.weights, table);
  return table;
}

/** Adds each feature's weights to the T scores at `offset`, in the features' order (float32 sums, as the scores are kept). */
function addWeights(table: WeightTable, T: number, features: readonly number[], scores: Float32Array, offset: number): void {
  const { keys, mask, weights } = table;
  for (let k = 0; k < features.length; k++) {
    const hash = features[k]!;
    let slot: number;
    if (hash === 0) slot = mask + 1;
    else {
      slot = (hash ^ (hash >>> 16)) & mask;
      let key = keys[slot]!;
      while (key !== hash && key !== 0) {
        slot = (slot + 1) & mask;
        key = keys[slot]!;
      }
      if (key === 0) continue;
    }
    const base = slot * T;
    for (let t = 0; t < T; t++) scores[offset + t] = scores[offset + t]! + weights[base + t]!;
  }
}

/**
 * A word's scores from its word features alone (wordFeatures: the bias, the word, its shape and
 * affixes): they are the same wherever the word stands, and they are the first features summed, so
 * a token's sums can start from them exactly as they would have been added up. Kept with the
 * word's facts (features.ts keeps those per distinct word), for one model at a time.
 */
function wordScores(model: TaggerModel, table: WeightTable, facts: SentenceFacts, i: number, features: number[]): Float32Array {
  const own = facts.wordFacts[i]!;
  if (own.scores?.model === table) return own.scores.values;
  const values = new Float32Array(model.tags.length);
  features.length = 0;
  wordFeatures(facts, i, features);
  addWeights(table, values.length, features, values, 0);
  own.scores = { model: table, values };
  return values;
}

/** Emission scores, n × T: the sum of the weights of each token's features. */
export function emissions(model: TaggerModel, facts: SentenceFacts): Float32Array {
  const T = model.tags.length;
  const n = facts.words.length;
  const table = weightTable(model);
  const scores = new Float32Array(n * T);
  const features: number[] = [];
  for (let i = 0; i < n; i++) {
    const own = wordScores(model, table, facts, i, features);
    for (let t = 0; t < T; t++) scores[i * T + t] = own[t]!;
    features.length = 0;
    contextFeatures(facts, i, features);
    addWeights(table, T, features, scores, i * T);
  }
  return scores;
}

interface AllowedTables {
  start: Uint8Array;
  next: Uint8Array;
  /** Per tag t, the tags that may come before it (ascending); per tag p, those that may follow it. */
  before: Int32Array[];
  after: Int32Array[];
}
const allowedCache = new WeakMap<readonly string[], AllowedTables>();

/** `allowed` as tables: start[t], next[p * T + t] and each tag's neighbours (the decoders' inner loops read these). */
function allowedTables(tags: readonly string[]): AllowedTables {
  let tables = allowedCache.get(tags);
  if (!tables) {
    const T = tags.length;
    const next = new Uint8Array(T * T);
    const start = new Uint8Array(T);
    for (let t = 0; t < T; t++) {
      start[t] = allowed(tags, -1, t) ? 1 : 0;
      for (let p = 0; p < T; p++) next[p * T + t] = allowed(tags, p, t) ? 1 : 0;
    }
    const all = [...Array(T).keys()];
    const before = all.map((t) => Int32Array.from(all.filter((p) => next[p * T + t])));
    const after = all.map((p) => Int32Array.from(all.filter((t) => next[p * T + t])));
    allowedCache.set(tags, (tables = { start, next, before, after }));
  }
  return tables;
}

/**
 * Working arrays of the decoders, kept between sentences (a new one per sentence and per use was a
 * good share of the garbage collector's work). Each holds values only within one call: every
 * element a call reads, it has written first. One for a freak sentence (a page of capitalised
 * words without a full stop) is made for it alone, not kept.
 */
const SCRATCH_KEPT = 1 << 16;
const scratch = {
  f64: [] as Float64Array[],
  i32: new Int32Array(0),
  float64(slot: number, length: number): Float64Array {
    if (length > SCRATCH_KEPT) return new Float64Array(length);
    let a = this.f64[slot];
    if (!a || a.length < length) this.f64[slot] = a = new Float64Array(Math.min(SCRATCH_KEPT, Math.max(length, 2 * (a?.length ?? 256))));
    return a;
  },
  int32(length: number): Int32Array {
    if (length > SCRATCH_KEPT) return new Int32Array(length);
    if (this.i32.length < length) this.i32 = new Int32Array(Math.min(SCRATCH_KEPT, Math.max(length, 2 * this.i32.length, 256)));
    return this.i32;
  },
};

const potentials = new WeakMap<Float32Array, { tags: readonly string[]; k: number; M: Float64Array }>();

/** exp(transition / temperature) for the allowed transitions, 0 for the others; per model and temperature. */
function transitionPotentials(model: TaggerModel, k: number): Float64Array {
  const cached = potentials.get(model.transitions);
  if (cached && cached.tags === model.tags && cached.k === k) return cached.M;
  const T = model.tags.length;
  const ok = allowedTables(model.tags);
  const M = new Float64Array(T * T);
  for (let i = 0; i < T * T; i++) M[i] = ok.next[i] ? Math.exp(model.transitions[i]! * k) : 0;
  potentials.set(model.transitions, { tags: model.tags, k, M });
  return M;
}

/** The highest-scoring tag sequence (indexes into model.tags). */
export function viterbi(tags: readonly string[], scores: Float32Array, transitions: Float32Array, start: Float32Array, n: number): number[] {
  const T = tags.length;
  if (n === 0) return [];
  const ok = allowedTables(tags);
  const best = scratch.float64(0, n * T);
  const back = scratch.int32(n * T);
  for (let t = 0; t < T; t++) best[t] = ok.start[t] ? start[t]! + scores[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let t = 0; t < T; t++) {
      const before = ok.before[t]!;
      let max = -Infinity;
      let arg = 0;
      for (let k = 0; k < before.length; k++) {
        const p = before[k]!;
        const s = best[prev + p]! + transitions[p * T + t]!;
        if (s > max) {
          max = s;
          arg = p;
        }
      }
      best[i * T + t] = max + scores[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < T; t++) if (best[(n - 1) * T + t]! > best[(n - 1) * T + last]!) last = t;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}

/** Names marked by a tag sequence. */
export function namesOf(tags: readonly string[], path: readonly number[]): { from: number; to: number; type: NameType }[] {
  const out: { from: number; to: number; type: NameType }[] = [];
  for (let i = 0; i < path.length; i++) {
    const tag = tags[path[i]!]!;
    if (!tag.startsWith('B-')) continue;
    let j = i;
    while (j + 1 < path.length && tags[path[j + 1]!] === 'I-' + tag.slice(2)) j++;
    out.push({ from: i, to: j, type: tag.slice(2) as NameType });
    i = j;
  }
  return out;
}

/**
 * The probability of each name as a whole (B-X, I-X… then anything but I-X), from forward and
 * backward sums over every allowed tag sequence, with scores divided by the temperature. Sums are
 * kept in probability space, rescaled at every token (Rabiner's scaling), so each token costs T²
 * multiply-adds and T calls to exp.
 */
export function nameProbabilities(model: TaggerModel, scores: Float32Array, n: number, names: { from: number; to: number; type: NameType }[], temperature = model.temperature): number[] {
  const tags = model.tags;
  const T = tags.length;
  const k = 1 / temperature;
  const ok = allowedTables(tags);
  const M = transitionPotentials(model, k);
  // Emission potentials, each token's shifted by its best score (a constant per token cancels out).
  const E = scratch.float64(1, n * T);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let t = 0; t < T; t++) max = Math.max(max, scores[i * T + t]!);
    for (let t = 0; t < T; t++) E[i * T + t] = Math.exp((scores[i * T + t]! - max) * k);
  }
  const alpha = scratch.float64(2, n * T);
  const beta = scratch.float64(3, n * T);
  const c = scratch.float64(4, n);
  let sum = 0;
  for (let t = 0; t < T; t++) sum += alpha[t] = ok.start[t] ? Math.exp(model.start[t]! * k) * E[t]! : 0;
  c[0] = sum;
  for (let t = 0; t < T; t++) alpha[t] = alpha[t]! / sum;
  // Both passes sum over the transitions allowed alone: a ruled-out one adds a zero, which leaves
  // every sum as it was (a third of the terms are such zeros).
  for (let i = 1; i < n; i++) {
    sum = 0;
    for (let t = 0; t < T; t++) {
      const before = ok.before[t]!;
      let a = 0;
      for (let k = 0; k < before.length; k++) {
        const p = before[k]!;
        a += alpha[(i - 1) * T + p]! * M[p * T + t]!;
      }
      sum += alpha[i * T + t] = a * E[i * T + t]!;
    }
    c[i] = sum;
    for (let t = 0; t < T; t++) alpha[i * T + t] = alpha[i * T + t]! / sum;
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 1;
  // A name's probability reads the backward pass on the token after it: the pass stops at the
  // first name's end instead of running to the sentence's start (the same values, fewer tokens).
  let backwardTo = n;
  for (const { to } of names) backwardTo = Math.min(backwardTo, to + 1);
  for (let i = n - 2; i >= backwardTo; i--) {
    for (let p = 0; p < T; p++) {
      const after = ok.after[p]!;
      let b = 0;
      for (let k = 0; k < after.length; k++) {
        const t = after[k]!;
        b += M[p * T + t]! * E[(i + 1) * T + t]! * beta[(i + 1) * T + t]!;
      }
      beta[i * T + p] = b / c[i + 1]!;
    }
  }
  return names.map(({ from, to, type }) => {
    const b = tags.indexOf('B-' + type);
    const inside = tags.indexOf('I-' + type);
    // Into the name on `from`, along it, then out of it on `to + 1` (anything but carrying on).
    let p = alpha[from * T + b]!;
    for (let i = from + 1; i <= to; i++) p *= (M[(i === from + 1 ? b : inside) * T + inside]! * E[i * T + inside]!) / c[i]!;
    if (to + 1 < n) {
      const last = to === from ? b : inside;
      let out = 0;
      for (let t = 0; t < T; t++) if (t !== inside) out += M[last * T + t]! * E[(to + 1) * T + t]! * beta[(to + 1) * T + t]!;
      p *= out / c[to + 1]!;
    }
    return Math.min(1, p);
  });
}

/**
 * The names of a sentence: the best reading under the model's memory of decided names, if it has
 * one; the scores it was read under (with what the memory rules out at -Infinity) are what its
 * probabilities are to be taken from.
 */
export function decodeNames(model: TaggerModel, facts: SentenceFacts, scores: Float32Array): { names: (NameSpan & { remembered: boolean })[]; scores: Float32Array } {
  const n = facts.words.length;
  const plain = () => ({ names: namesOf(model.tags, viterbi(model.tags, scores, model.transitions, model.start, n)).map((name) => ({ ...name, remembered: false })), scores });
  if (n === 0 || isEmptyMemory(model.memory)) return plain();
  const { marked, rejected } = recall(model.memory!, facts);
  if (!marked.length && !rejected.length) return plain();
  const T = model.tags.length;
  const masked = Float32Array.from(scores);
  for (const m of marked) {
    const b = model.tags.indexOf('B-' + m.type);
    const inside = model.tags.indexOf('I-' + m.type);
    for (let i = m.from; i <= m.to; i++) only(masked, T, i, i === m.from ? b : inside);
    if (m.to + 1 < n) masked[(m.to + 1) * T + inside] = -Infinity;
  }
  const best = avoiding(model, masked, n, rejected, 0) ?? { path: viterbi(model.tags, masked, model.transitions, model.start, n), scores: masked };
  const names = namesOf(model.tags, best.path).map((name) => ({ ...name, remembered: marked.some((m) => m.from === name.from && m.to === name.to && m.type === name.type) }));
  return { names, scores: best.scores };
}

/** Rules out every tag of token `i` but `tag`. */
function only(scores: Float32Array, T: number, i: number, tag: number): void {
  for (let t = 0; t < T; t++) if (t !== tag) scores[i * T + t] = -Infinity;
}

/** Rejected spans in one sentence beyond which only the cheapest way around is tried (each costs a Viterbi per word of the span). */
const BRANCHED_REJECTIONS = 3;

/**
 * The best reading in which no rejected span is a name of its rejected type, exactly. Viterbi cannot
 * rule out a whole span at once, so when the best reading has one, it is read again each way the
 * span can be avoided (not opening a name of that type there; ending that name early; carrying it on
 * past the span) and the best of those is kept. Null when no reading avoids them all.
 */
function avoiding(model: TaggerModel, scores: Float32Array, n: number, rejected: readonly NameSpan[], depth: number): { path: number[]; scores: Float32Array } | null {
  const tags = model.tags;
  const T = tags.length;
  const path = viterbi(tags, scores, model.transitions, model.start, n);
  if (!Number.isFinite(pathScore(model, scores, path))) return null;
  const readAs = (r: NameSpan) => {
    const b = tags.indexOf('B-' + r.type);
    const inside = tags.indexOf('I-' + r.type);
    if (path[r.from] !== b) return false;
    for (let i = r.from + 1; i <= r.to; i++) if (path[i] !== inside) return false;
    return r.to + 1 >= n || path[r.to + 1] !== inside;
  };
  const broken = rejected.find(readAs);
  if (!broken) return { path, scores };
  const b = tags.indexOf('B-' + broken.type);
  const inside = tags.indexOf('I-' + broken.type);
  const ways: Float32Array[] = [];
  const notOpened = Float32Array.from(scores);
  notOpened[broken.from * T + b] = -Infinity;
  ways.push(notOpened);
  if (depth < BRANCHED_REJECTIONS) {
    for (let end = broken.from + 1; end <= broken.to + 1 && end < n; end++) {
      // Read as that type from `from` up to `end`, where it stops (end ≤ to) or carries on (end = to + 1).
      const way = Float32Array.from(scores);
      for (let i = broken.from; i < end; i++) only(way, T, i, i === broken.from ? b : inside);
      if (end <= broken.to) way[end * T + inside] = -Infinity;
      else only(way, T, end, inside);
      ways.push(way);
    }
  }
  let best: { path: number[]; scores: Float32Array; score: number } | null = null;
  for (const way of ways) {
    const read = avoiding(model, way, n, rejected, depth + 1);
    if (!read) continue;
    const score = pathScore(model, read.scores, read.path);
    if (!best || score > best.score) best = { ...read, score };
  }
  return best && { path: best.path, scores: best.scores };
}

/** The score of one tag sequence (-Infinity when it goes through a ruled-out tag). */
function pathScore(model: TaggerModel, scores: Float32Array, path: readonly number[]): number {
  const T = model.tags.length;
  let score = model.start[path[0]!]! + scores[path[0]!]!;
  for (let i = 1; i < path.length; i++) score += model.transitions[path[i - 1]! * T + path[i]!]! + scores[i * T + path[i]!]!;
  return score;
}

/** Tags one sentence: its names with their probabilities. */
export function tagSentence(model: TaggerModel, facts: SentenceFacts): TaggedName[] {
  const n = facts.words.length;
  if (n === 0) return [];
  const read = decodeNames(model, facts, emissions(model, facts));
  if (!read.names.length) return [];
  const p = nameProbabilities(model, read.scores, n, read.names);
  return read.names.map((name, i) => ({ ...name, confidence: name.remembered ? REMEMBERED_CONFIDENCE : p[i]! }));
}
