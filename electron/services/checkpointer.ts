import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/open.js';

/** SQLite's own threshold (pages) for a checkpoint by the connection that commits, put back when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000;
/** How long a close waits for the worker to let go of the file. */
const CLOSE_WAIT_MS = 2000;

/**
 * Checkpoints a workspace's write-ahead log from a worker thread with a connection of its own. By
 * default SQLite checkpoints inside the commit that fills the log, on the core's thread: during an
 * import that is a stall of tens of milliseconds every few megabytes (copying pages and syncing the
 * file), which a table page or the map then waits behind. The core's connection stops
 * checkpointing only once the worker has opened the file, and takes it up again if the worker goes.
 */
export class Checkpointer {
  private readonly closed = new SharedArrayBuffer(4);
  private readonly worker: Worker;
  private running = false;
  /** The worker stopped on its own (it could not open the file): a close has nothing to wait for. */
  private gone = false;

  private constructor(
    workerFile: string,
    file: string,
    private readonly db: Db,
    passphrase: string | null,
  ) {
    this.worker = new Worker(workerFile, { workerData: { file, passphrase, closed: this.closed } });
    // Background work: never the reason the app (or the command line) stays open.
    this.worker.unref();
    this.worker.on('message', (m: { ready?: true; failed?: string }) => {
      if (m.ready && this.db.open) {
        this.db.pragma('wal_autocheckpoint = 0');
        this.running = true;
      }
    });
    const fallBack = () => {
      this.gone = true;
      this.fallBack();
    };
    this.worker.on('error', fallBack);
    this.worker.on('exit', fallBack);
  }

  /** A checkpointer for a writable workspace in WAL mode, or null (read-only, in memory, or no built worker). */
  static start(workerFile: string | null, file: string, db: Db, passphrase: string | null): Checkpointer | null {
    if (!workerFile || !fs.existsSync(workerFile) || db.readonly || db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    return new Checkpointer(workerFile, file, db, passphrase);
  }

  /** Closes the worker's connection before the core's (or before the file is replaced), waiting briefly for it. */
  stop(): void {
    this.fallBack();
    if (!this.gone) {
      this.worker.postMessage('close');
      Atomics.wait(new Int32Array(this.closed), 0, 0, CLOSE_WAIT_MS);
    }
    void this.worker.terminate();
  }

  private fallBack(): void {
    if (!this.running) return;
    this.running = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }
}
