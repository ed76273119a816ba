import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { documentsFromFile, Refusal, type ParsedDocument } from './article.js';
import { DocumentChannel } from './documentChannel.js';
import { withReading, type ReadingOptions } from './formats/document.js';
import { closeOcr } from './formats/ocr.js';
import { MAX_PAGE_BYTES } from './formats/warc.js';
import { readStreamedFile } from './streamedFile.js';

/** How far a long file has been read: 120 of 2,000 pages. */
export type ReadingProgress = (done: number, total: number, unit: string) => void;

/** The reason a file's reading was stopped by the analyst's Cancel. */
export const CANCELLED = 'Cancelled while it was being read.';

interface Pending {
  name: string;
  /** The file's bytes; null for a streamed file (a crawl's WARC), read from `path` a record at a time. */
  bytes: Uint8Array | null;
  path: string | null;
  /** Where a streamed file's documents go as they are read; null for a file read whole. */
  channel: DocumentChannel | null;
  resolve: (documents: ParsedDocument[]) => void;
  reject: (error: Error) => void;
  onProgress?: ReadingProgress;
  options: ReadingOptions;
  /** The import's Cancel: stops this file, even one in the middle of a long OCR. */
  signal?: AbortSignal;
  /** Takes this file's Cancel listener off the import's signal (one import sends thousands of files). */
  detach?: () => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: boolean;
  /** The file the worker is on (it takes them in turn), and when its time runs out. */
  timer: NodeJS.Timeout | null;
}

/**
 * How long one file may take: a base for any file plus time per megabyte (a 2,000-page PDF is
 * tens of megabytes). A file over it is refused and its worker replaced, so one bad file never
 * stalls an import. A streamed file (a crawl's WARC of a gigabyte) has no time of its own: each of
 * its records gets the time of a file as large as the largest page it may hold, the clock starting
 * again at every record read, and stopped while the import has not yet taken what was read.
 */
/** How long files wait for a parsing worker to load before this thread reads them itself. */
const WAIT_FOR_WORKER_MILLISECONDS = 15_000;

export const PARSE_LIMITS = { baseMilliseconds: 120_000, millisecondsPerMegabyte: 3_000, heapMegabytes: 1536 };

const timeFor = (p: Pending) =>
  PARSE_LIMITS.baseMilliseconds + ((p.bytes ? p.bytes.length : MAX_PAGE_BYTES) / 1024 / 1024) * PARSE_LIMITS.millisecondsPerMegabyte;

/**
 * File parsing (decoding, HTML clean-up, PDF and Word reading, metadata) in worker threads: on two
 * cores, storing one batch and parsing the next then run side by side. Without the worker script
 * (tests run from source) or if no worker can start, files are parsed on this thread, with the same result.
 */
export class ParsePool {
  private readonly workers: Slot[] = [];
  private next = 0;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly script: string | null,
    size = Math.max(1, Math.min(3, os.availableParallelism() - 1)),
  ) {
    if (!script || !fs.existsSync(script)) return;
    for (let i = 0; i < size; i++) this.workers.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = {
      worker: new Worker(this.script!, { resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.heapMegabytes } }),
      pending: new Map(),
      ready: false,
      timer: null,
    };
    slot.worker.unref();
    slot.worker.on(
      'message',
      (m: { id: number; documents?: ParsedDocument[]; chunk?: ParsedDocument[]; error?: string; refusal?: boolean; ready?: boolean; progress?: { done: number; total: number; unit: string } }) => {
      if (m.ready) {
        slot.ready = true;
        this.sendWaiting();
        return this.onReady.splice(0).forEach((f) => f(true));
      }
      const p = slot.pending.get(m.id);
      if (!p) return;
      // A streamed file's reader is alive while it reads: its clock starts again at every record.
      if (p.channel && (m.progress || m.chunk)) this.arm(slot);
      if (m.progress) return p.onProgress?.(m.progress.done, m.progress.total, m.progress.unit);
      if (m.chunk) return p.channel!.push(m.chunk);
      slot.pending.delete(m.id);
      this.arm(slot);
      // An idle worker does not keep the process alive; a busy one does, until its answer comes.
      if (slot.pending.size === 0) slot.worker.unref();
      if (m.documents) p.resolve(m.documents);
      else p.reject(m.refusal ? new Refusal(m.error ?? 'Refused') : new Error(m.error));
      },
    );
    slot.worker.on('error', (error) => this.lost(slot, error));
    slot.worker.on('exit', (code) => code !== 0 && this.lost(slot, null));
    return slot;
  }

  /** Starts the clock for the file the worker is now on. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.pending.entries().next().value as [number, Pending] | undefined;
    // A streamed file's reader waiting for the import to take what it read is not stalled.
    if (!head || head[1].channel?.full) return;
    slot.timer = setTimeout(() => {
      const [id, p] = head;
      slot.pending.delete(id);
      const seconds = Math.round(timeFor(p) / 1000);
      p.reject(
        new Refusal(
          p.channel
            ? `Reading one record of the file took longer than ${seconds} s and was stopped there (the file may be damaged or built to stall readers).`
            : `Reading the file took longer than ${seconds} s and was stopped (the file may be damaged or built to stall readers).`,
        ),
      );
      this.replace(slot);
    }, timeFor(head[1]));
    slot.timer.unref();
  }

  /**
   * A worker that stopped: one that never started hands its files to this thread; one that died on
   * a file (out of memory, a crash in a parser) refuses that file and is replaced for the others.
   */
  private lost(slot: Slot, error: Error | null): void {
    if (!this.workers.includes(slot)) return;
    if (!slot.ready) {
      this.workers.splice(this.workers.indexOf(slot), 1);
      for (const p of slot.pending.values()) this.inline(p);
      slot.pending.clear();
      if (this.workers.length === 0) {
        this.sendWaiting();
        this.onReady.splice(0).forEach((f) => f(false));
      }
      return;
    }
    const head = slot.pending.entries().next().value as [number, Pending] | undefined;
    if (head) {
      slot.pending.delete(head[0]);
      const why = (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${PARSE_LIMITS.heapMegabytes} MB of memory` : error ? error.message : 'its reader stopped';
      head[1].reject(new Refusal(`The file could not be read: ${why}.`));
    }
    this.replace(slot);
  }

  /** A new worker takes over a stopped one's queue; until one is ready, those files wait (see send). */
  private replace(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const index = this.workers.indexOf(slot);
    if (index >= 0) this.workers.splice(index, 1);
    slot.worker.removeAllListeners('exit');
    slot.worker.removeAllListeners('error');
    void slot.worker.terminate();
    const rest = [...slot.pending.values()];
    slot.pending.clear();
    if (this.closed) return;
    this.workers.push(this.start());
    for (const p of rest) {
      if (p.signal?.aborted) p.reject(new Refusal(CANCELLED));
      else this.send(p);
    }
  }

  private readonly onReady: ((ready: boolean) => void)[] = [];

  /** Resolves true once a worker has loaded its parsers, false when there is none (or none could start). */
  ready(): Promise<boolean> {
    if (this.workers.some((w) => w.ready)) return Promise.resolve(true);
    if (this.workers.length === 0) return Promise.resolve(false);
    return new Promise((resolve) => this.onReady.push(resolve));
  }

  /** Every document in a file: one for a page, many for a mailbox, a zip or an e-mail with attachments. */
  parse(name: string, bytes: Uint8Array, onProgress?: ReadingProgress, signal?: AbortSignal, options: ReadingOptions = {}): Promise<ParsedDocument[]> {
    if (signal?.aborted) return Promise.reject(new Refusal(CANCELLED));
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        name,
        bytes,
        path: null,
        channel: null,
        resolve: (documents) => (pending.detach?.(), resolve(documents)),
        reject: (error) => (pending.detach?.(), reject(error)),
        onProgress,
        signal,
        options,
      };
      this.send(pending);
    });
  }

  /**
   * The documents of a streamed file (a crawl's WARC, see isStreamed) in chunks as they are read
   * from disk, a record at a time: the file is never held whole, and its reader waits while the
   * import has not taken what it read. A failure after some chunks ends the iteration with its reason.
   */
  parseStream(name: string, path: string, onProgress?: ReadingProgress, signal?: AbortSignal, options: ReadingOptions = {}): AsyncIterable<ParsedDocument[]> {
    const pending: Pending = {
      name,
      bytes: null,
      path,
      channel: null,
      resolve: (documents) => (pending.detach?.(), channel.end(documents)),
      reject: (error) => (pending.detach?.(), channel.fail(error)),
      onProgress,
      signal,
      options,
    };
    const channel = new DocumentChannel(() => this.taken(pending));
    pending.channel = channel;
    if (signal?.aborted) channel.fail(new Refusal(CANCELLED));
    else this.send(pending);
    return channel;
  }

  /** The import took a chunk of a streamed file: its worker may read one more, and its clock runs again. */
  private taken(pending: Pending): void {
    const slot = this.workers.find((w) => [...w.pending.values()].includes(pending));
    if (!slot) return;
    const id = [...slot.pending].find(([, p]) => p === pending)![0];
    slot.worker.postMessage({ ack: id });
    if (slot.pending.keys().next().value === id) this.arm(slot);
  }

  /**
   * Files sent while every worker is still loading its parsers (the first second or so after start,
   * or after a worker was replaced). They wait for one rather than being parsed here: this thread
   * answers the window, and an import's first hundred files parsed here in a row held it for
   * 200-500 ms at a stretch.
   */
  private readonly waiting: Pending[] = [];
  private waitingSince: NodeJS.Timeout | null = null;

  /** Hands the waiting files to the workers now ready, or parses them here when no worker could start. */
  private sendWaiting(): void {
    if (this.waitingSince) clearTimeout(this.waitingSince);
    this.waitingSince = null;
    const waiting = this.waiting.splice(0);
    const anyReady = this.workers.some((w) => w.ready);
    for (const p of waiting) {
      if (p.signal?.aborted) p.reject(new Refusal(CANCELLED));
      else if (anyReady) this.send(p);
      else this.inline(p);
    }
  }

  private send(pending: Pending): void {
    const ready = this.workers.filter((w) => w.ready);
    if (ready.length === 0) {
      if (this.workers.length === 0) return this.inline(pending);
      this.waiting.push(pending);
      pending.detach?.();
      const onAbort = () => {
        const at = this.waiting.indexOf(pending);
        if (at >= 0) this.waiting.splice(at, 1);
        pending.reject(new Refusal(CANCELLED));
      };
      pending.signal?.addEventListener('abort', onAbort, { once: true });
      pending.detach = () => pending.signal?.removeEventListener('abort', onAbort);
      // A worker that neither loads nor fails would leave the import waiting: after a while this thread reads.
      this.waitingSince ??= setTimeout(() => {
        this.waitingSince = null;
        const waiting = this.waiting.splice(0);
        for (const p of waiting) this.inline(p);
      }, WAIT_FOR_WORKER_MILLISECONDS);
      return;
    }
    const slot = ready[this.next++ % ready.length]!;
    const id = ++this.seq;
    if (slot.pending.size === 0) slot.worker.ref();
    slot.pending.set(id, pending);
    if (slot.pending.size === 1) this.arm(slot);
    slot.worker.postMessage({ id, name: pending.name, bytes: pending.bytes, path: pending.path, options: pending.options });
    pending.detach?.();
    const onAbort = () => this.cancel(id);
    pending.signal?.addEventListener('abort', onAbort, { once: true });
    pending.detach = () => pending.signal?.removeEventListener('abort', onAbort);
  }

  /**
   * Cancel reaches a file wherever it is: one still queued is taken off the worker's queue; the one
   * being read (a scan in OCR for minutes) stops with its worker, which is replaced for the others.
   */
  private cancel(id: number): void {
    const slot = this.workers.find((w) => w.pending.has(id));
    if (!slot) return;
    const pending = slot.pending.get(id)!;
    const running = slot.pending.keys().next().value === id;
    slot.pending.delete(id);
    pending.reject(new Refusal(CANCELLED));
    if (running) this.replace(slot);
    else slot.worker.postMessage({ cancel: id });
  }

  close(): void {
    this.closed = true;
    if (this.waitingSince) clearTimeout(this.waitingSince);
    for (const p of this.waiting.splice(0)) p.reject(new Refusal(CANCELLED));
    // Scans read on this thread (before a worker was ready) started an OCR engine here.
    void closeOcr();
    for (const slot of this.workers.splice(0)) {
      if (slot.timer) clearTimeout(slot.timer);
      void slot.worker.terminate();
    }
  }

  /**
   * Parsing on this thread cannot be stopped half-way, except the OCR engine: Cancel ends the file's
   * wait at once and stops the engine, whose unanswered page then leaves the file unread.
   */
  private inline({ name, bytes, path, channel, resolve, reject, signal, onProgress, options }: Pending): void {
    if (signal?.aborted) return reject(new Refusal(CANCELLED));
    const cancel = () => {
      reject(new Refusal(CANCELLED));
      void closeOcr();
    };
    signal?.addEventListener('abort', cancel, { once: true });
    const read = channel ? () => streamInto(channel, readStreamedFile(path!, name, onProgress ?? (() => undefined)), signal).then(() => []) : () => documentsFromFile(name, bytes!);
    withReading(onProgress, options, read)
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener('abort', cancel));
  }
}

/** Hands a streamed file's chunks on as they are read, waiting while the import has not taken enough; stops at Cancel. */
async function streamInto(channel: DocumentChannel, chunks: AsyncGenerator<ParsedDocument[]>, signal?: AbortSignal): Promise<void> {
  for await (const chunk of chunks) {
    if (signal?.aborted) return;
    await channel.room();
    channel.push(chunk);
  }
}
