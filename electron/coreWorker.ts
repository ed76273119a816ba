import { parentPort, workerData } from 'node:worker_threads';
import type { CoreEvent } from './contract/index.js';
import type { HostMessage, WorkerMessage } from './coreHost.js';
import { Core, type CoreOptions } from './dispatch.js';

/**
 * The core on its own thread: it owns the workspace, the parsing and extraction workers and every
 * long job, so the thread that serves the window (Electron's main process, browser mode's HTTP
 * server) only routes calls and events and never waits behind a batch being stored.
 */
const { options, printInHost } = workerData as { options: Omit<CoreOptions, 'printPdf'>; printInHost: boolean };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const prints = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let printSeq = 0;

let core: Core;
try {
  core = new Core({
    ...options,
    // Electron prints with its own Chromium, which lives on the main process: ask it there.
    printPdf: printInHost
      ? (html, target, workDir) =>
          new Promise<void>((resolve, reject) => {
            const id = ++printSeq;
            prints.set(id, { resolve, reject });
            post({ kind: 'print', id, html, target, workDir });
          })
      : undefined,
  });
} catch (error) {
  post({ kind: 'failed', message: (error as Error).message });
  process.exit(1);
}
core.subscribe((event: CoreEvent) => post({ kind: 'event', event }));
// Articles imported before (or by an older extractor) get their suggestions in the background.
if (!core.session.locked) void core.extraction.start();
post({ kind: 'ready', path: core.session.info().path, locked: core.session.locked });

parentPort!.on('message', (message: HostMessage) => {
  if (message.kind === 'call') {
    void core.dispatch(message.name, message.input).then((result) => {
      try {
        post({ kind: 'result', id: message.id, result });
      } catch (error) {
        // A value that cannot cross threads is a bug of ours: the caller hears of it instead of waiting forever.
        post({ kind: 'result', id: message.id, result: { ok: false, error: { code: 'internal', message: `The answer to ${message.name} could not be sent: ${(error as Error).message}` } } });
      }
    });
  } else if (message.kind === 'printed') {
    const waiting = prints.get(message.id);
    prints.delete(message.id);
    if (message.error === null) waiting?.resolve();
    else waiting?.reject(new Error(message.error));
  } else if (message.kind === 'close') {
    core.close();
    post({ kind: 'closed' });
  }
});
