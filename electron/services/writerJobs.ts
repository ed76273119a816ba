import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { HistoryError, type CommandEntry } from '../../db/history.js';
import type { StoredArticle, StoredBatch } from '../../db/articles.js';
import type { PlaceLink } from '../../db/entities.js';
import type { Db } from '../../db/open.js';
import type { MentionType } from '../contract/entities.js';
import type { ExchangeKind } from './exports/exchange.js';
import { UserError } from './errors.js';

/** An analyst's change that may write for seconds, made in a command of its own (see commands.ts, onWriter). */
export type WriterAction =
  | { kind: 'articles.delete'; ids: number[] }
  | { kind: 'tags.assign'; ids: number[]; tagIds: number[]; on: boolean }
  | { kind: 'mentions.acceptSuggested'; minConfidence: number; type: MentionType | null; articleId: number | null }
  | { kind: 'entities.merge'; sourceId: number; targetId: number }
  | { kind: 'entities.split'; id: number; mentionIds: number[]; name: string }
  | { kind: 'entities.delete'; id: number }
  | { kind: 'mentions.placeEntity'; mentionId: number; link: PlaceLink | null }
  | { kind: 'imports.exchange'; exchange: ExchangeKind; text: string; name: string; companions: { name: string; text: string }[] };
/** A long write the worker knows how to make (each one transaction there). */
export type WriterJob =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'undoTo'; commandId: number }
  | { kind: 'do'; command: { name: string; label: string; detail: unknown }; action: WriterAction }
  /** A slice of an import's articles (no command: an import is put on the record once, when it ends). */
  | { kind: 'store'; articles: StoredArticle[] };
type JobValue<J extends WriterJob> = J extends { kind: 'undoTo' } ? number : J extends { kind: 'do' } ? unknown : J extends { kind: 'store' } ? StoredBatch : CommandEntry | null;

export type WriterRequest = { id: number; job: WriterJob };
/** A failure as the window would be told of it (code 'history': the history refused; 'internal': the error's own message). */
export type WriterReply = { ready: true } | { failed: string } | { id: number; value: unknown } | { id: number; error: string; code: string };

/**
 * How long a close waits for a job under way to end before the worker is stopped (its transaction
 * then rolls back: nothing is half written, but that change is not made).
 */
const CLOSE_WAIT_MS = 10_000;

/**
 * Long writes of a workspace on a worker thread with a connection of its own (electron/services/
 * writerWorker.ts). Undoing the deletion of a thousand articles writes for seconds; on the core's
 * thread every call from the window waited behind it. Now the core's connection answers reads from
 * the last committed state while the job writes, and the core's own writes wait for the job's end
 * rather than for SQLite's lock (which would hold the core's thread as before): the window's writes
 * in dispatch, background writes between their slices (TimedSlices), upkeep by not starting. One
 * job runs at a time. A writer that failed runs nothing, and the caller writes on its own thread.
 */
export class WriterJobs {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private next = 1;
  private failed = false;
  private ready = false;
  private readonly started: Promise<void>;
  /** The job under way, settled (never rejected) when it ends. */
  private current: Promise<void> | null = null;

  private constructor(workerFile: string, file: string, passphrase: string | null, gazetteerFile: string | null) {
    this.worker = new Worker(workerFile, { workerData: { file, passphrase, gazetteerFile } });
    this.worker.unref();
    let started!: () => void;
    this.started = new Promise((resolve) => (started = resolve));
    this.worker.on('message', (m: WriterReply) => {
      if ('ready' in m) {
        this.ready = true;
        started();
        return;
      }
      if ('failed' in m) {
        this.fail(new Error(m.failed));
        started();
        void this.worker.terminate();
        return;
      }
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ('value' in m) waiting?.resolve(m.value);
      else waiting?.reject(m.code === 'history' ? new HistoryError(m.error) : m.code === 'internal' ? new Error(m.error) : new UserError(m.code, m.error));
    });
    this.worker.on('error', (error) => {
      this.fail(error);
      started();
    });
    this.worker.on('exit', () => {
      this.fail(new Error('The writer stopped.'));
      started();
    });
    running.add(this);
  }

  /** A writer for a workspace file in WAL mode, or null (in memory, another journal, or no built worker). */
  static start(workerFile: string | null, file: string, db: Db, passphrase: string | null, gazetteerFile: string | null = null): WriterJobs | null {
    if (!workerFile || !fs.existsSync(workerFile) || db.memory || db.readonly || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    return new WriterJobs(workerFile, file, passphrase, gazetteerFile);
  }

  /** False once the worker failed or stopped: the caller writes on its own thread. */
  get usable(): boolean {
    return !this.failed;
  }

  /** Whether a job is under way now. */
  get busy(): boolean {
    return this.current !== null;
  }

  /**
   * Runs `job` on the worker. The caller has waited for the job before (see letWriterJobsEnd): one at a
   * time. Rejects with a HistoryError when the history refuses it (a row changed since), and with a
   * UserError when the change is refused (a tag deleted meanwhile), as it would on the core's thread.
   */
  async run<J extends WriterJob>(job: J): Promise<JobValue<J>> {
    if (this.current) throw new Error('A write job is already under way.');
    let settled!: () => void;
    this.current = new Promise<void>((resolve) => (settled = resolve));
    try {
      // The first job waits for the worker to open its connection (about as long as the core's own open).
      if (!this.ready) await this.started;
      if (this.failed) throw new WriterUnavailable();
      const id = this.next++;
      return (await new Promise<unknown>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.worker.postMessage({ id, job } satisfies WriterRequest);
      })) as JobValue<J>;
    } finally {
      this.current = null;
      settled();
    }
  }

  /** Resolves once no job runs. */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  /**
   * Closes the worker's connection before the core's (or before the file is replaced), letting a job
   * under way end first. Calls that switch or close the workspace wait for the job in dispatch; only
   * an idle lock or the app quitting can come here mid-job, and then the job's answer is not read:
   * its caller is told the workspace was closed, though the change was made.
   */
  stop(): void {
    running.delete(this);
    if (!this.failed) {
      const closed = new SharedArrayBuffer(4);
      this.worker.postMessage({ close: closed });
      Atomics.wait(new Int32Array(closed), 0, 0, CLOSE_WAIT_MS);
      this.fail(new Error('The workspace was closed.'));
    }
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** The writer could not open the workspace: the job was not sent, and the caller makes it on its own thread. */
export class WriterUnavailable extends Error {
  constructor() {
    super('The writer is not available.');
  }
}

const running = new Set<WriterJobs>();

/** Whether any workspace's writer has a job under way (the core's writes would wait for SQLite's lock). */
export function writerJobRunning(): boolean {
  for (const writer of running) if (writer.busy) return true;
  return false;
}

/**
 * Resolves once no writer job runs. A caller about to write checks writerJobRunning() again after
 * this, in the same turn as its write: another waiter may have started a job in between.
 */
export async function letWriterJobsEnd(): Promise<void> {
  for (const writer of running) await writer.idle();
}
