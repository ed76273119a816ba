import { parentPort, workerData } from 'node:worker_threads';
import type { EntityType } from '../../contract/entities.js';
import { Gazetteer } from '../gazetteer/gazetteer.js';
import { readArticles, type ArticleToRead } from './readArticles.js';
import { namesModel } from './tagger/index.js';

/**
 * Reads articles for names off the core's thread: the tagger and the gazetteer are pure CPU work,
 * so on two cores the core stores one batch while the workers read the next ones, and a call from
 * the window never waits behind a batch being read.
 */
const gazetteer = new Gazetteer((workerData as { gazetteerFile: string }).gazetteerFile);
let registry = new Map<string, EntityType>();
// Loaded now, not on the first batch: the pool sends work only to a worker that said it is ready.
namesModel();

parentPort!.on('message', (m: { id: number; registry?: [string, EntityType][]; articles: ArticleToRead[] }) => {
  if (m.registry) registry = new Map(m.registry);
  parentPort!.postMessage({ id: m.id, results: readArticles(m.articles, { gazetteer, registry }) });
});

parentPort!.postMessage({ ready: true });
