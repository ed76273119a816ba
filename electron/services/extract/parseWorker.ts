import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../backgroundThread.js';
import { documentsFromFile, Refusal } from './article.js';
import { withReading, type ReadingOptions } from './formats/document.js';

/**
 * Parses files off the main thread, so an import's parsing overlaps with storing. One file at a
 * time: when a file runs over its time or memory, the pool knows which one it was.
 */
runInBackground();
let queue = Promise.resolve();
/** Files cancelled while they waited their turn: skipped when it comes. */
const cancelled = new Set<number>();
parentPort!.on('message', ({ id, name, bytes, options, cancel }: { id: number; name: string; bytes: Uint8Array; options: ReadingOptions; cancel?: number }) => {
  if (cancel !== undefined) return void cancelled.add(cancel);
  queue = queue.then(async () => {
    if (cancelled.delete(id)) return;
    const progress = (done: number, total: number, unit: string) => parentPort!.postMessage({ id, progress: { done, total, unit } });
    try {
      parentPort!.postMessage({ id, documents: await withReading(progress, options, () => documentsFromFile(name, bytes)) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error), refusal: error instanceof Refusal });
    }
  });
});

// The parsers are loaded (jsdom takes a moment): files may come here now.
parentPort!.postMessage({ ready: true });
