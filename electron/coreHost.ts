import { Worker } from 'node:worker_threads';
import type { CallResult, CoreEvent } from './contract/index.js';
import type { CoreOptions, Dispatch } from './dispatch.js';
import type { PagePrinter } from './services/reports/pdf.js';

/** What the window's side needs of the core, wherever it runs: calls and events. */
export interface CoreClient {
  dispatch: Dispatch;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export type HostMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'printed'; id: number; error: string | null }
  | { kind: 'close' };

export type WorkerMessage =
  | { kind: 'ready'; path: string; locked: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; result: CallResult<unknown> }
  | { kind: 'event'; event: CoreEvent }
  | { kind: 'print'; id: number; html: string; target: string; workDir: string }
  | { kind: 'closed' };

export class CoreStartError extends Error {}

/**
 * The core in a worker thread (electron/coreWorker.ts), seen from the thread that serves the window:
 * a call is a message out and a message back, events arrive as messages. Nothing the window does
 * waits for the core's long work, only for the answer to its own call.
 */
export class CoreHost implements CoreClient {
  private readonly pending = new Map<number, (result: CallResult<unknown>) => void>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private seq = 0;
  private stopped: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    /** The workspace file the core opened, and whether it waits for a passphrase. */
    readonly opened: { path: string; locked: boolean },
    private readonly printPdf: PagePrinter | undefined,
  ) {
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`The core stopped (exit code ${code}).`)));
  }

  /** Starts the core and resolves once its workspace is open; a workspace that cannot be opened rejects with the reason. */
  static start(script: string, options: Omit<CoreOptions, 'printPdf'>, printPdf?: PagePrinter): Promise<CoreHost> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: { options, printInHost: printPdf !== undefined } });
      const early = (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          worker.off('message', early);
          worker.off('error', failed);
          resolve(new CoreHost(worker, { path: message.path, locked: message.locked }, printPdf));
        } else if (message.kind === 'failed') {
          worker.off('error', failed);
          reject(new CoreStartError(message.message));
        }
      };
      const failed = (error: Error) => reject(new CoreStartError(error.message));
      worker.on('message', early);
      worker.on('error', failed);
    });
  }

  dispatch: Dispatch = (name, input) => {
    if (this.stopped) return Promise.resolve({ ok: false, error: { code: 'core_stopped', message: this.stopped.message } });
    return new Promise((resolve) => {
      const id = ++this.seq;
      this.pending.set(id, resolve);
      this.worker.postMessage({ kind: 'call', id, name, input } satisfies HostMessage);
    });
  };

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the workspace on the core's thread, then ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    const closed = new Promise<void>((resolve) => {
      const onMessage = (message: WorkerMessage) => message.kind === 'closed' && resolve();
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ kind: 'close' } satisfies HostMessage);
    await closed;
    this.stopped = new Error('The core has been closed.');
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.kind === 'event') {
      // A listener's failure must not stop the others (the web server's stream may have gone away).
      for (const listener of this.listeners) {
        try {
          listener(message.event);
        } catch {
          // The listener's own business.
        }
      }
    } else if (message.kind === 'print') {
      const print = this.printPdf;
      const done = (error: string | null) => this.worker.postMessage({ kind: 'printed', id: message.id, error } satisfies HostMessage);
      if (!print) done('No printer is available.');
      else print(message.html, message.target, message.workDir).then(() => done(null), (error: Error) => done(error.message));
    }
  }

  /** A core that died answers every waiting and later call with the reason, instead of leaving them hanging. */
  private fail(error: Error): void {
    if (this.stopped) return;
    this.stopped = error;
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'core_stopped', message: `The workbench core stopped: ${error.message}` } });
    this.pending.clear();
  }
}
