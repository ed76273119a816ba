import { parentPort, workerData } from 'node:worker_threads';
import { openCheckpointConnection, type Db } from '../../db/open.js';
import { runInBackground } from './backgroundThread.js';

/**
 * Moves a workspace's write-ahead log into its file, off the core's thread (see checkpointer.ts).
 * A passive checkpoint copies what no reader still needs and waits for nobody, so it never holds
 * up the core's writes or reads.
 */
const { file, passphrase, closed } = workerData as { file: string; passphrase: string | null; closed: SharedArrayBuffer };
const INTERVAL_MS = 200;
const done = new Int32Array(closed);

runInBackground();
let db: Db | null = null;
try {
  db = openCheckpointConnection(file, passphrase);
} catch (error) {
  // The core's connection keeps checkpointing as SQLite does by default; a close need not wait for us.
  Atomics.store(done, 0, 1);
  parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}

if (db) {
  const connection = db;
  const timer = setInterval(() => {
    try {
      connection.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick tries again.
    }
  }, INTERVAL_MS);
  parentPort!.on('message', (m: 'close') => {
    if (m !== 'close') return;
    clearInterval(timer);
    try {
      connection.close();
    } finally {
      Atomics.store(done, 0, 1);
      Atomics.notify(done, 0);
      parentPort!.close();
    }
  });
  parentPort!.postMessage({ ready: true });
}
