import { parentPort, workerData } from 'node:worker_threads';
import type { EntityType } from '../../contract/entities.js';
import { runInBackground } from '../backgroundThread.js';
import { Gazetteer, MISSES_BEFORE_KEY_FILTER } from '../gazetteer/gazetteer.js';
import type { ModelParts } from './extractPool.js';
import { readArticles, type ArticleToRead } from './readArticles.js';
import { namesModel } from './tagger/index.js';
import { wordClasses } from './tagger/wordClasses.js';
import { FeatureIndex, type TaggerModel } from './tagger/model.js';

/**
 * Reads articles for names off the core's thread: the tagger and the gazetteer are pure CPU work,
 * so on two cores the core stores one batch while the workers read the next ones, and a call from
 * the window never waits behind a batch being read.
 */
runInBackground();
// After some thirty news articles, names that are no place are answered from memory (gazetteer.ts).
const gazetteer = new Gazetteer((workerData as { gazetteerFile: string }).gazetteerFile, MISSES_BEFORE_KEY_FILTER);
let registry = new Map<string, EntityType>();
/** The workspace's own name model, when it has one (undefined: the shipped model). */
let model: TaggerModel | undefined;

function rebuild(parts: ModelParts): TaggerModel {
  const features = new FeatureIndex(parts.hashes.length);
  for (const hash of parts.hashes) features.add(hash);
  return { tags: parts.tags, features, weights: parts.weights, transitions: parts.transitions, start: parts.start, temperature: parts.temperature, memory: parts.memory };
}
// Loaded now, not on the first batch: the pool sends work only to a worker that said it is ready.
namesModel();
wordClasses();

parentPort!.on('message', (m: { id: number; registry?: [string, EntityType][]; model?: ModelParts | null; articles: ArticleToRead[] }) => {
  if (m.registry) registry = new Map(m.registry);
  if (m.model !== undefined) model = m.model ? rebuild(m.model) : undefined;
  parentPort!.postMessage({ id: m.id, results: readArticles(m.articles, { gazetteer, registry, namesModel: model }) });
});

parentPort!.postMessage({ ready: true });
