import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EntityType } from '../../contract/entities.js';
import type { ArticleToRead, ReadResult } from './readArticles.js';
import type { NameMemory } from './tagger/memory.js';
import type { TaggerModel } from './tagger/model.js';

/** A name model as it crosses to a worker: its arrays, exactly, and a workspace model's memory of decided names (a FeatureIndex is rebuilt there from the hashes in row order). */
export interface ModelParts {
  key: string;
  tags: readonly string[];
  hashes: Int32Array;
  weights: Float32Array;
  transitions: Float32Array;
  start: Float32Array;
  temperature: number;
  memory?: NameMemory;
}

/** Which name model a batch is read with: '' and no parts for the shipped one (each worker loads it itself). */
export interface WorkerModel {
  key: string;
  parts: () => ModelParts | null;
}
export const SHIPPED: WorkerModel = { key: '', parts: () => null };

export function modelParts(key: string, model: TaggerModel): ModelParts {
  return { key, tags: model.tags, hashes: model.features.hashes(), weights: model.weights, transitions: model.transitions, start: model.start, temperature: model.temperature, memory: model.memory };
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (results: ReadResult[]) => void; reject: (error: Error) => void }>;
  ready: boolean;
  /** The registry this worker holds, as a signature: it is sent again only when it changed. */
  registry: string;
  /** The workspace name model it holds ('' for the shipped one); likewise sent only when it changed. */
  model: string;
}

/** A cheap signature of the registry (FNV-1a over its entries): it changes whenever a name or type does. */
function signature(registry: Map<string, EntityType>): string {
  let x = 0x811c9dc5;
  for (const [key, type] of registry) {
    const s = key + '\u0000' + type + '\u0001';
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  }
  return `${registry.size}:${x >>> 0}`;
}

/**
 * The extraction workers: each holds the gazetteer and the name tagger and reads batches of
 * articles. With no worker script (tests run from source) or no worker left, `size` is 0 and the
 * caller reads on its own thread.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private readonly onReady: (() => void)[] = [];

  constructor(script: string | null, gazetteerFile: string, size = Math.max(1, Math.min(4, os.availableParallelism()))) {
    if (!script || !fs.existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(script, { workerData: { gazetteerFile } }), pending: new Map(), ready: false, registry: '', model: '' };
      slot.worker.unref();
      slot.worker.on('message', (m: { id?: number; results?: ReadResult[]; ready?: boolean }) => {
        if (m.ready) {
          slot.ready = true;
          return this.onReady.splice(0).forEach((f) => f());
        }
        const p = slot.pending.get(m.id!);
        if (!p) return;
        slot.pending.delete(m.id!);
        // An idle worker does not keep the process alive; a busy one does, until its answer comes.
        if (slot.pending.size === 0) slot.worker.unref();
        p.resolve(m.results!);
      });
      // A worker that cannot start or dies fails its batches: the queue reads them on its own thread.
      const fail = (error: Error) => {
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
        if (this.slots.length === 0) this.onReady.splice(0).forEach((f) => f());
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => code !== 0 && fail(new Error(`An extraction worker stopped (exit code ${code}).`)));
      this.slots.push(slot);
    }
  }

  /** Workers ready to read (0 while they start, or when there are none). */
  get size(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  /** Resolves once a worker is ready, or at once when there is none to wait for. */
  ready(): Promise<void> {
    if (this.slots.length === 0 || this.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.onReady.push(resolve));
  }

  /** Reads a batch in the least busy worker. Rejects when there is no worker or it dies meanwhile. */
  extract(articles: ArticleToRead[], registry: Map<string, EntityType>, model: WorkerModel = SHIPPED): Promise<ReadResult[]> {
    const ready = this.slots.filter((s) => s.ready);
    if (ready.length === 0) return Promise.reject(new Error('No extraction worker is running.'));
    const slot = ready.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const key = signature(registry);
    const message: { id: number; articles: ArticleToRead[]; registry?: [string, EntityType][]; model?: ModelParts | null } = { id: ++this.seq, articles };
    if (slot.registry !== key) {
      message.registry = [...registry];
      slot.registry = key;
    }
    if (slot.model !== model.key) {
      message.model = model.parts();
      slot.model = model.key;
    }
    return new Promise((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(message.id, { resolve, reject });
      slot.worker.postMessage(message);
    });
  }

  close(): void {
    for (const { worker } of this.slots.splice(0)) void worker.terminate();
  }
}
