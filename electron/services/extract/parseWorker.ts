import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../backgroundThread.js';
import { documentsFromFile, Refusal } from './article.js';
import { CHUNKS_AHEAD } from './documentChannel.js';
import { withReading, type ReadingOptions } from './formats/document.js';
import { readStreamedFile } from './streamedFile.js';

/**
 * Parses files off the main thread, so an import's parsing overlaps with storing. One file at a
 * time: when a file runs over its time or memory, the pool knows which one it was.
 */
runInBackground();
let queue = Promise.resolve();
/** Files cancelled while they waited their turn: skipped when it comes. */
const cancelled = new Set<number>();
/** The streamed file being read: chunks it may still send before the import takes one, and who waits for that. */
const credit = { id: -1, left: 0, wake: null as (() => void) | null };

interface Message {
  id: number;
  name: string;
  /** The file's bytes, or null for a streamed file read from `path` (a crawl's WARC). */
  bytes: Uint8Array | null;
  path: string | null;
  options: ReadingOptions;
  cancel?: number;
  ack?: number;
}

/** A streamed file's documents, posted in chunks as they are read, never more than CHUNKS_AHEAD ahead of the import. */
async function stream(id: number, name: string, path: string, progress: (done: number, total: number, unit: string) => void): Promise<void> {
  Object.assign(credit, { id, left: CHUNKS_AHEAD, wake: null });
  for await (const chunk of readStreamedFile(path, name, progress)) {
    while (credit.left === 0) await new Promise<void>((resolve) => (credit.wake = resolve));
    credit.left--;
    parentPort!.postMessage({ id, chunk });
  }
  parentPort!.postMessage({ id, documents: [] });
}

parentPort!.on('message', ({ id, name, bytes, path, options, cancel, ack }: Message) => {
  if (cancel !== undefined) return void cancelled.add(cancel);
  if (ack !== undefined) {
    if (ack !== credit.id) return;
    credit.left++;
    const wake = credit.wake;
    credit.wake = null;
    return wake?.();
  }
  queue = queue.then(async () => {
    if (cancelled.delete(id)) return;
    const progress = (done: number, total: number, unit: string) => parentPort!.postMessage({ id, progress: { done, total, unit } });
    try {
      if (path !== null) await stream(id, name, path, progress);
      else parentPort!.postMessage({ id, documents: await withReading(progress, options, () => documentsFromFile(name, bytes!)) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error), refusal: error instanceof Refusal });
    }
  });
});

// The parsers are loaded (jsdom takes a moment): files may come here now.
parentPort!.postMessage({ ready: true });
