import { parentPort, workerData } from 'node:worker_threads';
import { openCheckpointConnection, type Db } from '../../db/open.js';
import { runInBackground } from './backgroundThread.js';
import { resetWhenHeld, type LogResetFlag } from './logReset.js';

/**
 * Moves a workspace's write-ahead log into its file, off the core's thread (see checkpointer.ts).
 * A passive checkpoint copies what no reader still needs and waits for nobody, so it never holds
 * up the core's writes or reads. But it never lets the log start again either: SQLite rewinds the
 * log only when a write begins after a checkpoint that copied all of it, and during an import a
 * write always lands first. The log then grew without end (14 GB two minutes into a
 * million-article import, about 4 GB a minute, till the disk was full). So once the log holds
 * `resetPages`, the worker asks the core to hold its background writes (logReset.ts) and, while
 * they are held, a truncating checkpoint copies the little the passive ones left and empties the log.
 */
const { file, passphrase, closed, resetPages, intervalMs, logReset } = workerData as {
  file: string;
  passphrase: string | null;
  closed: SharedArrayBuffer;
  resetPages: number;
  intervalMs: number;
  logReset: LogResetFlag;
};
/** How long the worker waits for the core to hold its writes before it tries without. */
const ASK_WAIT_MS = 250;
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
      const [passive] = connection.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      if (passive && passive.log >= resetPages) resetWhenHeld(logReset, ASK_WAIT_MS, () => connection.pragma('wal_checkpoint(TRUNCATE)'));
    } catch {
      // Busy or closing: the next tick tries again.
    }
  }, intervalMs);
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
