import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { articleFromFile, Refusal, type NewArticle } from './article.js';

interface Pending {
  name: string;
  bytes: Uint8Array;
  resolve: (article: NewArticle) => void;
  reject: (error: Error) => void;
}

/**
 * Article parsing (decoding, HTML clean-up, metadata) in worker threads: on two cores, storing
 * one batch and parsing the next then run side by side. Without the worker script (tests run
 * from source) or if a worker fails, files are parsed on this thread, with the same result.
 */
export class ParsePool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; ready: boolean }[] = [];
  private next = 0;
  private seq = 0;

  constructor(script: string | null, size = Math.max(1, Math.min(3, os.availableParallelism() - 1))) {
    if (!script || !fs.existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const slot = { worker: new Worker(script), pending: new Map<number, Pending>(), ready: false };
      slot.worker.unref();
      slot.worker.on('message', (m: { id: number; article?: NewArticle; error?: string; refusal?: boolean; ready?: boolean }) => {
        if (m.ready) {
          slot.ready = true;
          return this.onReady.splice(0).forEach((f) => f(true));
        }
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        // An idle worker does not keep the process alive; a busy one does, until its answer comes.
        if (slot.pending.size === 0) slot.worker.unref();
        if (m.article) p.resolve(m.article);
        else p.reject(m.refusal ? new Refusal(m.error ?? 'Refused') : new Error(m.error));
      });
      // A worker that cannot start or dies hands its files back to this thread.
      const fail = () => {
        const index = this.workers.indexOf(slot);
        if (index >= 0) this.workers.splice(index, 1);
        for (const p of slot.pending.values()) this.inline(p);
        slot.pending.clear();
        if (this.workers.length === 0) this.onReady.splice(0).forEach((f) => f(false));
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => code !== 0 && fail());
      this.workers.push(slot);
    }
  }

  private readonly onReady: ((ready: boolean) => void)[] = [];

  /** Resolves true once a worker has loaded its parsers, false when there is none (or none could start). */
  ready(): Promise<boolean> {
    if (this.workers.some((w) => w.ready)) return Promise.resolve(true);
    if (this.workers.length === 0) return Promise.resolve(false);
    return new Promise((resolve) => this.onReady.push(resolve));
  }

  parse(name: string, bytes: Uint8Array): Promise<NewArticle> {
    return new Promise((resolve, reject) => {
      const pending = { name, bytes, resolve, reject };
      // Until a worker has loaded its parsers (the first second after start), this thread parses.
      const ready = this.workers.filter((w) => w.ready);
      if (ready.length === 0) return this.inline(pending);
      const slot = ready[this.next++ % ready.length]!;
      const id = ++this.seq;
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, pending);
      slot.worker.postMessage({ id, name, bytes });
    });
  }

  close(): void {
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }

  private inline({ name, bytes, resolve, reject }: Pending): void {
    try {
      resolve(articleFromFile(name, bytes));
    } catch (error) {
      reject(error as Error);
    }
  }
}
