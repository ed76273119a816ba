/**
 * Learning that does not cost the analyst: which of a workspace's lessons its model takes in,
 * chosen on the analyst's own decisions. Trained further on a few hundred decided sentences, the
 * weights can drift from what the corpora taught (on CrossNER's held-out documents, 140 decided
 * documents took organisation F1 from 57.8 to 54.7), and the memory of marked names can mislead
 * where a name is typed one way in some articles and another way elsewhere. So, as INCEpTION
 * evaluates a recommender before it suggests anything, the decisions are cut in two halves
 * (the older and the newer articles), a model is trained on each half and scored on the other,
 * and the lessons that score best there are the ones kept:
 * - 'rejections': the shipped weights, with only the suggestions the analyst rejected ruled out;
 * - 'memory': the shipped weights and the memory of every decided name (memory.ts);
 * - 'weights': the weights trained further, and the rejections;
 * - 'all': the weights trained further and the whole memory.
 * A choice beyond the rejections must beat them by a full point of F1 (MARGIN): a smaller gain on
 * one half is within the noise of a few hundred sentences, and on the held-out documents of the
 * training corpora such gains turned into losses on the articles that came after (CrossNER: +0.3
 * on the halves, -2.1 on the later documents; the margin was set looking at those curves, which
 * are dev data, not the corpora kept for independent measurement). Among the choices past the
 * margin the best wins, a tie going to the fewer lessons. A rejection is always kept: a suggestion
 * the analyst turned down must not come back. With too few decided names to judge, the decisions
 * are taken as given ('all'): an analyst who has just marked a name expects to see it suggested so.
 */
import { MODEL_LESSONS } from '../../../contract/namesModel.js';
import { adaptModel, applyDelta, ADAPT_OPTIONS, type AdaptOptions, type DecidedSentence, type ModelDelta } from './adapt.js';
import { namesOf } from './decode.js';
import type { NameLexicon } from './features.js';
import type { NameMemory, NameSpan } from './memory.js';
import { TAGS, type TaggerModel } from './model.js';
import { predictNames, tagIndexes } from './train.js';

export const LESSONS = MODEL_LESSONS;
export type Lessons = (typeof LESSONS)[number];

/** Decided names each half must hold before the halves are trusted to judge the lessons. */
export const NAMES_TO_JUDGE = 30;

/** What a choice must gain over the rejections alone, in F1 (0-1) on the halves. */
export const MARGIN = 0.01;

/** Sentences scored between two yields. */
const SLICE = 8;

export interface CheckedAdaptation {
  delta: ModelDelta;
  lessons: Lessons;
  /** F1 (0-1) of each choice on the half it was not trained on; null when there were too few names to judge. */
  scores: Record<Lessons, number> | null;
}

type Counts = { tp: number; fp: number; fn: number };

/** The shipped model adapted to the decisions, keeping only the lessons that held on the analyst's own decisions. */
export function* checkedAdaptation(base: TaggerModel, sentences: readonly DecidedSentence[], lexicon: NameLexicon, options: AdaptOptions = ADAPT_OPTIONS): Generator<void, CheckedAdaptation> {
  const full = yield* adaptModel(base, sentences, lexicon, options);
  const half = Math.ceil(sentences.length / 2);
  const halves = [sentences.slice(0, half), sentences.slice(half)];
  const golds = halves.map((h) => h.map(goldOf));
  if (golds.some((g) => g.reduce((n, s) => n + s.marked.length, 0) < NAMES_TO_JUDGE)) return { delta: full, lessons: 'all', scores: null };
  const counts = Object.fromEntries(LESSONS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<Lessons, Counts>;
  for (let h = 0; h < 2; h++) {
    const learnt = yield* adaptModel(base, halves[h]!, lexicon, options);
    const trained = yield* applyDelta(base, learnt);
    const models: Record<Lessons, TaggerModel> = {
      rejections: { ...base, memory: rejectionsOf(learnt.memory) },
      memory: { ...base, memory: learnt.memory },
      weights: { ...trained, memory: rejectionsOf(learnt.memory) },
      all: trained,
    };
    const scored = halves[1 - h]!;
    for (let s = 0; s < scored.length; s++) {
      for (const lessons of LESSONS) add(counts[lessons], scoreSentence(models[lessons], scored[s]!, golds[1 - h]![s]!, lexicon));
      if (s % SLICE === SLICE - 1) yield;
    }
  }
  const scores = Object.fromEntries(LESSONS.map((l) => [l, f1(counts[l])])) as Record<Lessons, number>;
  // LESSONS runs from the fewest lessons to the most, so a tie keeps the fewer.
  const lessons = LESSONS.reduce((best, l) => (scores[l] >= scores.rejections + MARGIN && scores[l] > scores[best] ? l : best), LESSONS[0] as Lessons);
  return { delta: deltaFor(base, full, lessons), lessons, scores };
}

/** The delta that puts only the chosen lessons on the shipped model. */
function deltaFor(base: TaggerModel, full: ModelDelta, lessons: Lessons): ModelDelta {
  const memory = lessons === 'memory' || lessons === 'all' ? full.memory : rejectionsOf(full.memory);
  if (lessons === 'weights' || lessons === 'all') return { ...full, memory };
  return { hashes: new Int32Array(0), weights: new Float32Array(0), transitions: Float32Array.from(base.transitions), start: Float32Array.from(base.start), memory };
}

const rejectionsOf = (memory: NameMemory): NameMemory => ({ marked: new Map(), rejected: memory.rejected });

/** A decided sentence's gold: its tags as indexes (-1 where nobody decided) and the names marked. */
interface Gold {
  tags: number[];
  marked: NameSpan[];
}

function goldOf(sentence: DecidedSentence): Gold {
  const tags = tagIndexes(sentence.tags);
  return { tags, marked: namesOf(TAGS, tags.map((t) => Math.max(t, 0))) };
}

/**
 * Exact span and type against what the analyst decided: a name read where the words are decided and
 * it is not the one marked there is a false one; words nobody reviewed (an open suggestion) count
 * neither way, and a rejected span read as its type is false whatever else stands there.
 */
function scoreSentence(model: TaggerModel, sentence: DecidedSentence, { tags, marked }: Gold, lexicon: NameLexicon): Counts {
  const found = predictNames(model, sentence.words, lexicon);
  const same = (a: NameSpan, b: NameSpan) => a.from === b.from && a.to === b.to && a.type === b.type;
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const p of found) {
    if (marked.some((m) => same(m, p))) counts.tp++;
    else if ((sentence.rejected ?? []).some((r) => same(r, p)) || tags.slice(p.from, p.to + 1).some((t) => t >= 0)) counts.fp++;
  }
  for (const m of marked) if (!found.some((p) => same(m, p))) counts.fn++;
  return counts;
}

function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

const f1 = ({ tp, fp, fn }: Counts) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
