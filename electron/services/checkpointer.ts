import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/open.js';
import { holdWritesIfAsked, newLogResetFlag, release } from './logReset.js';

/** SQLite's own threshold (pages) for a checkpoint by the connection that commits, put back when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000;
/**
 * Pages the write-ahead log may hold before the worker empties it (256 MB at SQLite's 4 KB pages):
 * large enough that a busy import pauses for it every few seconds, not every few hundred ms.
 */
export const LOG_RESET_PAGES = 65_536;
/** How often the worker checkpoints. */
const INTERVAL_MS = 200;
/** When the worker checkpoints, and how long the log may grow before it is emptied (tests make both small). */
export interface LogBounds {
  resetPages: number;
  intervalMs: number;
}
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
  /** The worker's request to hold background writes while it empties the log (logReset.ts). */
  private readonly logReset = newLogResetFlag();
  private readonly worker: Worker;
  private running = false;
  /** The worker stopped on its own (it could not open the file): a close has nothing to wait for. */
  private gone = false;

  private constructor(
    workerFile: string,
    file: string,
    private readonly db: Db,
    passphrase: string | null,
    log: LogBounds,
  ) {
    this.worker = new Worker(workerFile, { workerData: { file, passphrase, closed: this.closed, logReset: this.logReset, ...log } });
    running.add(this);
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
      // A worker that ended half way through a reset does not say it is over.
      release(this.logReset);
      this.fallBack();
    };
    this.worker.on('error', fallBack);
    this.worker.on('exit', fallBack);
  }

  /** A checkpointer for a writable workspace in WAL mode, or null (read-only, in memory, or no built worker). */
  static start(workerFile: string | null, file: string, db: Db, passphrase: string | null, log: LogBounds = { resetPages: LOG_RESET_PAGES, intervalMs: INTERVAL_MS }): Checkpointer | null {
    if (!workerFile || !fs.existsSync(workerFile) || db.readonly || db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    return new Checkpointer(workerFile, file, db, passphrase, log);
  }

  /** Closes the worker's connection before the core's (or before the file is replaced), waiting briefly for it. */
  stop(): void {
    running.delete(this);
    release(this.logReset);
    this.fallBack();
    if (!this.gone) {
      this.worker.postMessage('close');
      Atomics.wait(new Int32Array(this.closed), 0, 0, CLOSE_WAIT_MS);
    }
    void this.worker.terminate();
  }

  /** Holds background writes while the worker empties the log, if it asked (see letCheckpointsIn). */
  holdWritesIfAsked(): Promise<void> {
    return holdWritesIfAsked(this.logReset);
  }

  private fallBack(): void {
    if (!this.running) return;
    this.running = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }
}

const running = new Set<Checkpointer>();

/**
 * Called by background writes between two slices (TimedSlices): a checkpoint worker that found the
 * write-ahead log full gets the pause it needs to empty it, so the log stays bounded however long
 * an import runs. Returns at once when none asked.
 */
export async function letCheckpointsIn(): Promise<void> {
  for (const checkpointer of running) await checkpointer.holdWritesIfAsked();
}
