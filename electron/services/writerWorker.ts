import { parentPort, workerData } from 'node:worker_threads';
import { History, HistoryError } from '../../db/history.js';
import { openWriterConnection, type Db } from '../../db/open.js';
import { closeForCore } from './backgroundThread.js';
import type { WriterReply, WriterRequest } from './writerJobs.js';

/**
 * Runs the core's long writes (see writerJobs.ts) on a connection of its own, one at a time, each in
 * one transaction: the core's connection reads the last committed state meanwhile (WAL), so the
 * window's tables and map answer while an undo of a thousand articles is written.
 */
const { file, passphrase } = workerData as { file: string; passphrase: string | null };

let db: Db | null = null;
let history: History | null = null;
try {
  db = openWriterConnection(file, passphrase);
  // Its own capture triggers: what this connection changes is recorded as the core's changes are.
  history = new History(db, true);
  parentPort!.postMessage({ ready: true } satisfies WriterReply);
} catch (error) {
  db?.close();
  db = null;
  parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
}

parentPort!.on('message', (m: WriterRequest | { close: SharedArrayBuffer }) => {
  if ('close' in m) {
    closeForCore(db, m.close);
    return;
  }
  try {
    if (!history) throw new Error('The writer has no connection.');
    const { job } = m;
    const value = job.kind === 'undo' ? history.undo() : job.kind === 'redo' ? history.redo() : history.undoTo(job.commandId);
    parentPort!.postMessage({ id: m.id, value } satisfies WriterReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort!.postMessage({ id: m.id, error: message, refused: error instanceof HistoryError } satisfies WriterReply);
  }
});
