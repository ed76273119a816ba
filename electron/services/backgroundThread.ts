import os from 'node:os';
import { parentPort } from 'node:worker_threads';

/**
 * Marks the calling worker thread as background work (reading files, reading for names): when the
 * cores are busy the scheduler runs the core's thread first, which answers the window. On Linux a
 * priority set with pid 0 is the calling thread's alone; elsewhere it would be the whole app's, so
 * it is left as it is there.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, 10);
  } catch {
    // Not permitted (a sandbox): the thread keeps the app's priority.
  }
}

/**
 * A worker's answer to the core's close: its connection closed, then the flag the core waits on
 * (Atomics.wait) set, so the core closes its own only after (see OrderReader.stop, WriterJobs.stop).
 */
export function closeForCore(db: { close(): unknown } | null, closed: SharedArrayBuffer): void {
  try {
    db?.close();
  } finally {
    const done = new Int32Array(closed);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    parentPort!.close();
  }
}
