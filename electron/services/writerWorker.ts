import { parentPort, workerData } from 'node:worker_threads';
import type { StoredArticle, StoredBatch } from '../../db/articles.js';
import { HistoryError, type History } from '../../db/history.js';
import { openWriterConnection, type Db } from '../../db/open.js';
import { acceptSuggested } from './entities/acceptSuggested.js';
import { placeEntity } from './entities/placeEntity.js';
import { toCallError } from './errors.js';
import { importExchange } from './exports/exchange.js';
import { Gazetteer } from './gazetteer/gazetteer.js';
import { closeForCore } from './backgroundThread.js';
import { Workspace } from './workspace.js';
import type { WriterAction, WriterReply, WriterRequest } from './writerJobs.js';

/**
 * Runs the core's long writes (see writerJobs.ts) on a connection of its own, one at a time, each in
 * one transaction: the core's connection reads the last committed state meanwhile (WAL), so the
 * window's tables and map answer while an undo of a thousand articles, the tagging or deletion of
 * a search's articles, the accept of every sure suggestion, the merge, split, deletion or
 * re-placing of a much-named entity, or an exchange file's import (parsed here too) is written, and
 * the articles of an import, in transactions far longer than the core's thread could hold.
 */
const { file, passphrase, gazetteerFile } = workerData as { file: string; passphrase: string | null; gazetteerFile: string | null };

let db: Db | null = null;
let history: History | null = null;
let act: ((action: WriterAction) => unknown) | null = null;
let store: ((articles: StoredArticle[]) => StoredBatch) | null = null;
try {
  db = openWriterConnection(file, passphrase);
  // The workspace's services over this connection, with capture triggers of its own: what it
  // changes is recorded as the core's changes are. The gazetteer is opened by the first write that
  // places what it makes (an ACLED row's location).
  let gazetteer: Gazetteer | null = null;
  const ws = new Workspace(file, db, () => {
    if (!gazetteerFile) throw new Error('The writer was started without the gazetteer.');
    return (gazetteer ??= new Gazetteer(gazetteerFile));
  });
  history = ws.history;
  const { entities, mentions } = ws.entities;
  const connection = db;
  // As the handlers do it on the core's thread (handlers.ts).
  act = (action) => {
    if (action.kind === 'tags.assign') return ws.tags.assign(action.ids, action.tagIds, action.on);
    if (action.kind === 'mentions.acceptSuggested') return acceptSuggested(connection, mentions, entities, action.minConfidence, action.type, action.articleId);
    if (action.kind === 'entities.merge') return entities.merge(action.sourceId, action.targetId);
    if (action.kind === 'entities.split') return entities.split(action.id, action.mentionIds, action.name);
    if (action.kind === 'entities.delete') return (entities.delete(action.id), action.id);
    if (action.kind === 'mentions.placeEntity') return placeEntity(connection, mentions, entities, action.mentionId, action.link);
    if (action.kind === 'imports.exchange') return importExchange(ws, action.exchange, action.text, action.name, action.companions);
    const n = ws.articles.delete(action.ids);
    entities.pruneOrphans();
    return n;
  };
  store = (articles) => ws.articles.storeMany(articles);
  parentPort!.postMessage({ ready: true } satisfies WriterReply);
} catch (error) {
  db?.close();
  db = null;
  parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
}

function run(job: WriterRequest['job']): unknown {
  if (!history || !act || !store) throw new Error('The writer has no connection.');
  switch (job.kind) {
    case 'store':
      return store(job.articles);
    case 'do':
      return history.run(job.command, () => act!(job.action));
    case 'undo':
      return history.undo();
    case 'redo':
      return history.redo();
    case 'undoTo':
      return history.undoTo(job.commandId);
  }
}

parentPort!.on('message', (m: WriterRequest | { close: SharedArrayBuffer }) => {
  if ('close' in m) {
    closeForCore(db, m.close);
    return;
  }
  try {
    parentPort!.postMessage({ id: m.id, value: run(m.job) } satisfies WriterReply);
  } catch (error) {
    const told = error instanceof HistoryError ? { code: 'history', message: error.message } : toCallError(error);
    // An unforeseen failure keeps its own words: the core's dispatch says "Something went wrong" once.
    const message = told.code === 'internal' && error instanceof Error ? error.message : told.message;
    parentPort!.postMessage({ id: m.id, error: message, code: told.code } satisfies WriterReply);
  }
});
