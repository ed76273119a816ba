/**
 * The workbench learns from the analyst (as INCEpTION's recommenders do): a workspace's own name
 * model is the shipped model trained further, for a few averaged-perceptron epochs, on the sentences
 * the analyst has decided on, together with a memory of the names decided (memory.ts), which holds
 * the decisions themselves whatever the weights learnt. It always starts again from the shipped
 * weights, so an undone decision is simply gone from the next model, and the same decisions always
 * give the same model.
 *
 * The work is a generator that yields every few sentences, so the background learner can run it in
 * slices of a few milliseconds between the window's calls (learner.ts); the eval and the tests run
 * it to the end in one go (`runToEnd`).
 */
import type { MentionType } from '../../../contract/entities.js';
import { withoutNested } from '../../../contract/mentionNesting.js';
import { namesOf } from './decode.js';
import { sentenceFacts, tokenFeatures, type NameLexicon } from './features.js';
import { memoryFromJson, memoryToJson, nameMemory, type NameMemory, type NameSpan, type SentenceDecisions } from './memory.js';
import { FeatureIndex, TAGS, type NameType, type TaggerModel } from './model.js';
import { tokenizeSentences } from './tokens.js';
import { Perceptron, seededRandom, shuffle, tagIndexes } from './train.js';

/** A sentence as the analyst left it: a tag per word, or null where nobody has decided yet. */
export interface DecidedSentence {
  words: string[];
  tags: (string | null)[];
  /** Suggestions the analyst rejected here (token ranges with the type they were suggested as). */
  rejected?: NameSpan[];
}

export interface AdaptOptions {
  epochs: number;
  seed: number;
  /**
   * How far one mistake moves a weight the shipped model has, as a share of a step of the corpus
   * training. Those weights are an average over tens of thousands of steps (the bias, word shapes,
   * the gazetteer's say): full steps on a few sentences would throw away what the corpora taught.
   */
  shippedRate: number;
  /** The same for a feature the shipped model lacks (a new name, a new neighbour): what the workspace teaches. */
  newRate: number;
}

/** A few passes are enough to take in a handful of decisions without forgetting the corpora. */
export const ADAPT_OPTIONS: AdaptOptions = { epochs: 3, seed: 20261129, shippedRate: 0.01, newRate: 1 };

/** Feature rows copied or compared between two yields. */
const COPY_SLICE = 2048;

/** Sentences between two yields: each costs well under a millisecond. */
const SLICE = 8;

/**
 * What the workspace learnt, as a change to the shipped model: the feature rows whose weights moved
 * (or that the shipped model lacks, such as a new name), and the new transition weights. It is what
 * the workspace stores; `applyDelta` puts it on the shipped model.
 */
export interface ModelDelta {
  hashes: Int32Array;
  /** rows × tags, in the order of `hashes`. */
  weights: Float32Array;
  transitions: Float32Array;
  start: Float32Array;
  memory: NameMemory;
}

/**
 * Continues training `base` on the decided sentences (newest decisions first) and yields every few
 * sentences; the return value is what changed (same tags, temperature and feature function as the
 * base), with the memory of the decided names.
 */
export function* adaptModel(base: TaggerModel, sentences: readonly DecidedSentence[], lexicon: NameLexicon, options: AdaptOptions = ADAPT_OPTIONS): Generator<void, ModelDelta> {
  const T = TAGS.length;
  if (base.tags.length !== T || base.tags.some((t, i) => t !== TAGS[i])) throw new Error('The name model has other tags than this version of the workbench knows; it cannot be trained further here.');
  // Local rows for every feature the decided sentences use; the base's weights are their start.
  const local = new FeatureIndex(1024);
  const data: Int32Array[][] = [];
  const gold: number[][] = [];
  const features: number[] = [];
  const decisions: SentenceDecisions[] = [];
  let done = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const tags = tagIndexes(sentence.tags);
    gold.push(tags);
    const facts = sentenceFacts(sentence.words, lexicon);
    decisions.push({
      words: facts.words,
      capitalised: facts.capitalised,
      // A tag left open (-1) is no part of a marked name.
      marked: namesOf(TAGS, tags.map((t) => Math.max(t, 0))),
      rejected: sentence.rejected ?? [],
      outside: tags.map((t) => t === 0),
    });
    data.push(
      sentence.words.map((_, i) => {
        features.length = 0;
        tokenFeatures(facts, i, features);
        return Int32Array.from(features, (f) => local.add(f));
      }),
    );
    // Reading a sentence looks its words up in the gazetteer (a query each, the first time): a yield per sentence.
    yield;
  }
  const hashes = local.hashes();
  const start = new Float64Array(hashes.length * T);
  const rates = new Float64Array(hashes.length).fill(options.newRate);
  for (let row = 0; row < hashes.length; row++) {
    const baseRow = base.features.get(hashes[row]!);
    if (baseRow < 0) continue;
    rates[row] = options.shippedRate;
    for (let t = 0; t < T; t++) start[row * T + t] = base.weights[baseRow * T + t]!;
    if (row % COPY_SLICE === COPY_SLICE - 1) yield;
  }
  const perceptron = new Perceptron(hashes.length, { weights: start, transitions: base.transitions, start: base.start }, rates, options.shippedRate);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    for (let k = 0; k < order.length; k++) {
      perceptron.learn(data[order[k]!]!, gold[order[k]!]!);
      if (++done % SLICE === 0) yield;
    }
  }
  yield;
  // Only rows that moved are kept: most features of the decided sentences were never updated.
  const moved: number[] = [];
  const row = new Float32Array(T);
  for (let r = 0; r < hashes.length; r++) {
    const baseRow = base.features.get(hashes[r]!);
    let differs = false;
    for (let t = 0; t < T; t++) {
      row[t] = perceptron.averaged(r, t);
      if (row[t] !== (baseRow >= 0 ? base.weights[baseRow * T + t]! : 0)) differs = true;
    }
    if (differs) moved.push(r);
    if (r % COPY_SLICE === COPY_SLICE - 1) yield;
  }
  const weights = new Float32Array(moved.length * T);
  moved.forEach((r, k) => {
    for (let t = 0; t < T; t++) weights[k * T + t] = perceptron.averaged(r, t);
  });
  return { hashes: Int32Array.from(moved, (r) => hashes[r]!), weights, ...perceptron.averagedTransitions(), memory: nameMemory(decisions) };
}

/** The base model with the delta's rows put in (replaced where the base has them, added where not). */
export function* applyDelta(base: TaggerModel, delta: ModelDelta): Generator<void, TaggerModel> {
  const T = base.tags.length;
  if (delta.weights.length !== delta.hashes.length * T || delta.transitions.length !== T * T || delta.start.length !== T) throw new Error('The workspace model does not fit the shipped model.');
  const baseHashes = base.features.hashes();
  yield;
  const features = new FeatureIndex(baseHashes.length + delta.hashes.length);
  for (let r = 0; r < baseHashes.length; r++) {
    features.add(baseHashes[r]!);
    if (r % COPY_SLICE === COPY_SLICE - 1) yield;
  }
  let added = 0;
  for (const h of delta.hashes) if (base.features.get(h) < 0) added++;
  const weights = new Float32Array((baseHashes.length + added) * T);
  weights.set(base.weights.subarray(0, baseHashes.length * T));
  yield;
  for (let r = 0; r < delta.hashes.length; r++) {
    const target = features.add(delta.hashes[r]!);
    weights.set(delta.weights.subarray(r * T, (r + 1) * T), target * T);
    if (r % COPY_SLICE === COPY_SLICE - 1) yield;
  }
  return { tags: base.tags, features, weights, transitions: Float32Array.from(delta.transitions), start: Float32Array.from(delta.start), temperature: base.temperature, memory: delta.memory };
}

const DELTA_MAGIC = 'AWBDELTA2\n';

/**
 * A delta as bytes (uncompressed; the store compresses them off the main thread): "AWBDELTA2\n",
 * u32 row count, then the transitions, start weights, row hashes and row weights, little-endian,
 * weights as float32, so a model read back suggests exactly what it did when it was trained; then
 * the memory of decided names as UTF-8 JSON, after its u32 length.
 */
export function encodeDelta(delta: ModelDelta): Uint8Array {
  const head = new TextEncoder().encode(DELTA_MAGIC);
  const memory = new TextEncoder().encode(memoryToJson(delta.memory));
  const floats = delta.transitions.length + delta.start.length + delta.weights.length;
  const out = new Uint8Array(head.length + 12 + delta.hashes.length * 4 + floats * 4 + 4 + memory.length);
  const view = new DataView(out.buffer);
  out.set(head);
  let o = head.length;
  view.setUint32(o, delta.hashes.length, true);
  view.setUint32(o + 4, delta.transitions.length, true);
  view.setUint32(o + 8, delta.start.length, true);
  o += 12;
  const put = (values: ArrayLike<number>, int: boolean) => {
    for (let i = 0; i < values.length; i++, o += 4) {
      if (int) view.setInt32(o, values[i]!, true);
      else view.setFloat32(o, values[i]!, true);
    }
  };
  put(delta.transitions, false);
  put(delta.start, false);
  put(delta.hashes, true);
  put(delta.weights, false);
  view.setUint32(o, memory.length, true);
  out.set(memory, o + 4);
  return out;
}

export function decodeDelta(bytes: Uint8Array, tags: number): ModelDelta {
  const head = new TextEncoder().encode(DELTA_MAGIC);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < head.length + 12 || head.some((b, i) => bytes[i] !== b)) throw new Error('the stored workspace model is not in a form this version reads');
  let o = head.length;
  const rows = view.getUint32(o, true);
  const nt = view.getUint32(o + 4, true);
  const ns = view.getUint32(o + 8, true);
  o += 12;
  const memoryAt = o + (nt + ns + rows + rows * tags) * 4;
  if (nt !== tags * tags || ns !== tags || bytes.length < memoryAt + 4 || bytes.length !== memoryAt + 4 + view.getUint32(memoryAt, true)) throw new Error('the stored workspace model is damaged');
  const floats = (n: number) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++, o += 4) a[i] = view.getFloat32(o, true);
    return a;
  };
  const transitions = floats(nt);
  const start = floats(ns);
  const hashes = new Int32Array(rows);
  for (let i = 0; i < rows; i++, o += 4) hashes[i] = view.getInt32(o, true);
  const weights = floats(rows * tags);
  let memory: NameMemory;
  try {
    memory = memoryFromJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(o + 4)));
  } catch (error) {
    throw new Error(`the stored workspace model is damaged (${(error as Error).message})`);
  }
  return { hashes, weights, transitions, start, memory };
}

/** The shipped model adapted to decisions, in one go (the eval, the tests). */
export function adaptedModel(base: TaggerModel, sentences: readonly DecidedSentence[], lexicon: NameLexicon, options: AdaptOptions = ADAPT_OPTIONS): TaggerModel {
  return runToEnd(applyDelta(base, runToEnd(adaptModel(base, sentences, lexicon, options))));
}

/** Runs a sliced computation to its end on this thread (the eval, the tests, the command line). */
export function runToEnd<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const TAG_OF: Record<Exclude<MentionType, 'date'>, NameType> = { person: 'PER', organisation: 'ORG', place: 'LOC', group: 'GRP' };

/** A mention as the learner reads it from the workspace. */
export interface MentionDecision {
  start: number;
  end: number;
  type: MentionType;
  status: 'suggested' | 'accepted' | 'rejected';
  origin: 'auto' | 'analyst';
}

/** Whether a mention is an analyst's decision about a name (dates are not the tagger's to learn). */
export const isNameDecision = (m: MentionDecision) => m.type !== 'date' && (m.status !== 'suggested' || m.origin === 'analyst');

/**
 * The training sentences of one article: every sentence that holds a decision about a name. Accepted
 * and hand-made names (in their final type and span) are the gold; a rejected suggestion is a place
 * where no name is; a suggestion nobody has reviewed is left open (the model's own reading stands
 * there); every other word is outside a name. A sentence with no decision teaches nothing: the
 * analyst may simply not have read it.
 */
export function decidedSentences(body: string, all: readonly MentionDecision[]): { sentences: DecidedSentence[]; decisions: number } {
  // A place inside an organisation's name is no name of its own to the tagger, which reads the organisation there.
  const mentions = withoutNested(all);
  const decided = mentions.filter(isNameDecision);
  if (!decided.length) return { sentences: [], decisions: 0 };
  const open = mentions.filter((m) => m.type !== 'date' && !isNameDecision(m));
  const names = decided.filter((m) => m.status !== 'rejected');
  const sentences: DecidedSentence[] = [];
  const counted = new Set<MentionDecision>();
  for (const tokens of tokenizeSentences(body)) {
    const from = tokens[0]!.start;
    const to = tokens.at(-1)!.end;
    const here = decided.filter((m) => m.start < to && m.end > from);
    if (!here.length) continue;
    here.forEach((m) => counted.add(m));
    const overlaps = (m: MentionDecision, k: number) => m.start < tokens[k]!.end && m.end > tokens[k]!.start;
    const tags: (string | null)[] = tokens.map((_, k) => (open.some((m) => overlaps(m, k)) && !decided.some((m) => overlaps(m, k)) ? null : 'O'));
    const rejected: NameSpan[] = [];
    for (const m of here) {
      if (m.status !== 'rejected') continue;
      const covered = tokens.flatMap((_, k) => (overlaps(m, k) ? [k] : []));
      if (covered.length) rejected.push({ from: covered[0]!, to: covered.at(-1)!, type: TAG_OF[m.type as Exclude<MentionType, 'date'>] });
    }
    for (const m of names) {
      let first = true;
      for (let k = 0; k < tokens.length; k++) {
        if (!overlaps(m, k)) continue;
        tags[k] = `${first ? 'B' : 'I'}-${TAG_OF[m.type as Exclude<MentionType, 'date'>]}`;
        first = false;
      }
    }
    sentences.push({ words: tokens.map((t) => t.text), tags, rejected });
  }
  return { sentences, decisions: counted.size };
}
