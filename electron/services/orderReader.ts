import fs from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { SupersededRead } from '../../db/articles.js';
import type { Db } from '../../db/open.js';
import type { PlaceCountsRequest } from '../../db/placeCounts.js';
import type { MapLayer } from '../contract/index.js';
import { STOP_TERM } from './readerStop.js';

export type ReaderRequest = { id: number; sql: string; params: unknown[] } | { id: number; count: { sql: string; params: unknown[] } } | { id: number; places: PlaceCountsRequest };
export type ReaderReply =
  | { ready: true }
  | { failed: string }
  | { id: number; ids: Float64Array }
  | { id: number; layer: MapLayer }
  | { id: number; n: number }
  | { id: number; superseded: true }
  | { id: number; error: string };

/** Ids copied into the core's array between two turns of its event loop (see asArray). */
const COPY_CHUNK = 65_536;

/** How long a close waits for the worker to let go of the file (it may be in the middle of a read). */
const CLOSE_WAIT_MS = 2000;

/**
 * Long reads of a workspace on a worker thread with a connection of its own (WAL lets it read while
 * the core writes). The whole order of a filtered table at a million articles takes one to several
 * seconds to read; on the core's thread every call from the window (a table page, the map, a
 * keystroke in the search box) waited behind it. Used by ArticlesRepository for the ids of a query
 * in order, and by the map for the places of a filter's articles; a reader that failed answers
 * nothing, and the caller reads on its own thread again.
 */
export class OrderReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>();
  private next = 1;
  private failed = false;
  /**
   * The order read asked for last, shared with the worker: one still waiting its turn behind a long
   * read is passed over when it is not this one (the window asked for another sort or filter since),
   * so the order the analyst now waits for is read next rather than after every stale one. A read
   * already under way is stopped through stopTerm.
   */
  private readonly lastOrder = new Int32Array(new SharedArrayBuffer(4));
  /**
   * SQLite cannot be stopped from another thread, so a read stops itself: this condition, ANDed into
   * an order read's WHERE (and the map's read of its filter's articles), calls a function of the
   * worker's that throws once the read is no longer the one asked for last (see readerStop.ts). It
   * is evaluated as the rows are scanned, before any sort, so a read stops within a few milliseconds
   * wherever it is.
   */
  readonly stopTerm = STOP_TERM;
  /**
   * The map's places read asked for last, likewise: one for a view or filter the window has left is
   * passed over while it waits, and stopped while it runs (PlaceCounts.layer), so neither the map's
   * next answer nor a table's order waits behind it.
   */
  private readonly lastPlaces = new Int32Array(new SharedArrayBuffer(4));
  /** The table's count asked for last, likewise: a count of a table the window has left is not made. */
  private readonly lastCount = new Int32Array(new SharedArrayBuffer(4));
  /** Each order or count read in progress: its id and the last-asked slot of its kind. */
  private readonly readIds = new WeakMap<Promise<unknown>, { id: number; last: Int32Array }>();

  private constructor(workerFile: string, file: string, passphrase: string | null) {
    this.worker = new Worker(workerFile, { workerData: { file, passphrase, lastOrder: this.lastOrder, lastPlaces: this.lastPlaces, lastCount: this.lastCount } });
    this.worker.unref();
    this.worker.on('message', (m: ReaderReply) => {
      if ('failed' in m) {
        // It could not open the file (a wrong key): nothing for it to do.
        this.fail(new Error(m.failed));
        void this.worker.terminate();
        return;
      }
      if (!('id' in m)) return;
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ('ids' in m) void asArray(m.ids).then((ids) => waiting?.resolve(ids as never));
      else if ('layer' in m) waiting?.resolve(m.layer as never);
      else if ('n' in m) waiting?.resolve(m.n as never);
      else if ('superseded' in m) waiting?.reject(new SupersededRead());
      else waiting?.reject(new Error(m.error));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('The reader stopped.')));
  }

  /** A reader for a workspace file in WAL mode, or null (in memory, another journal, or no built worker). */
  static start(workerFile: string | null, file: string, db: Db, passphrase: string | null): OrderReader | null {
    if (!workerFile || !fs.existsSync(workerFile) || db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    return new OrderReader(workerFile, file, passphrase);
  }

  /** False once the worker failed or stopped: the caller reads on its own thread. */
  get usable(): boolean {
    return !this.failed;
  }

  /** The ids `sql` selects (one column), read on the worker's connection as of its last commit. */
  ids(sql: string, params: unknown[]): Promise<number[]> {
    const id = this.next;
    Atomics.store(this.lastOrder, 0, id);
    const read = this.ask<number[]>({ sql, params });
    this.readIds.set(read, { id, last: this.lastOrder });
    return read;
  }

  wantAgain(read: Promise<unknown>): void {
    const asked = this.readIds.get(read);
    if (asked) Atomics.store(asked.last, 0, asked.id);
  }

  /** A read no longer wanted (the window left its table): stopped if it runs, passed over if it waits. */
  letGo(read: Promise<unknown>): void {
    const asked = this.readIds.get(read);
    if (asked) Atomics.compareExchange(asked.last, 0, asked.id, 0);
  }

  stillAsked(read: Promise<unknown>): boolean {
    const asked = this.readIds.get(read);
    return asked !== undefined && Atomics.load(asked.last, 0) === asked.id;
  }

  /** The map's places for a filter's articles, counted on the worker (see db/placeCounts.ts). */
  places(request: PlaceCountsRequest): Promise<MapLayer> {
    Atomics.store(this.lastPlaces, 0, this.next);
    return this.ask<MapLayer>({ places: request });
  }

  /** The single number `sql` selects (a table's count), read on the worker; stopped by stopTerm once another count is asked for. */
  count(sql: string, params: unknown[]): Promise<number> {
    const id = this.next;
    Atomics.store(this.lastCount, 0, id);
    const read = this.ask<number>({ count: { sql, params } });
    this.readIds.set(read, { id, last: this.lastCount });
    return read;
  }

  private ask<T>(request: { sql: string; params: unknown[] } | { count: { sql: string; params: unknown[] } } | { places: PlaceCountsRequest }): Promise<T> {
    if (this.failed) return Promise.reject(new Error('The reader stopped.'));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (answer: never) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...request } satisfies ReaderRequest);
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  /** Closes the worker's connection before the core's (or before the file is replaced), waiting briefly for it. */
  stop(): void {
    if (!this.failed) {
      this.fail(new Error('The workspace was closed.'));
      const closed = new SharedArrayBuffer(4);
      this.worker.postMessage({ close: closed });
      Atomics.wait(new Int32Array(closed), 0, 0, CLOSE_WAIT_MS);
    }
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * The ids as the array the repository keeps, copied a chunk at a time: Array.from on the 570,000
 * ids of a million-article order held the core's thread 130-180 ms, a plain loop 20-50 ms, and in
 * chunks no turn of the event loop waits more than a few milliseconds.
 */
async function asArray(ids: Float64Array): Promise<number[]> {
  const out = new Array<number>(ids.length);
  for (let start = 0; start < ids.length; start += COPY_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const end = Math.min(ids.length, start + COPY_CHUNK);
    for (let i = start; i < end; i++) out[i] = ids[i]!;
  }
  return out;
}
