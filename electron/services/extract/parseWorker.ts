import { parentPort } from 'node:worker_threads';
import { articleFromFile, Refusal } from './article.js';

/** Parses article files off the main thread, so an import's parsing overlaps with storing. */
parentPort!.on('message', ({ id, name, bytes }: { id: number; name: string; bytes: Uint8Array }) => {
  try {
    parentPort!.postMessage({ id, article: articleFromFile(name, bytes) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error), refusal: error instanceof Refusal });
  }
});

// The parsers are loaded (jsdom takes a moment): files may come here now.
parentPort!.postMessage({ ready: true });
