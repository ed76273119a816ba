import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASKED, HELD, holdWritesIfAsked, IDLE, newLogResetFlag, RESETTING } from '../../electron/services/logReset.js';
import { bundleEntry } from './cliBundle.js';

let worker: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  worker = await bundleEntry('tests/integration/logResetWorker.ts');
}, 120_000);
afterAll(() => worker?.remove());

/** Starts the worker's side; `times` gets when its reset started and ended. */
function emptyTheLog(waitMs: number, resetMs: number) {
  const flag = newLogResetFlag();
  const times = new Float64Array(new SharedArrayBuffer(16));
  const thread = new Worker(worker.file, { workerData: { flag, times, waitMs, resetMs } });
  return { flag, times, done: once(thread, 'message') };
}

const until = async (ok: () => boolean) => {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(1);
  }
};

/**
 * A write that begins while the worker empties the log waits for the checkpoint's lock inside
 * SQLite, asleep on the core's thread: every call from the window waited behind it (350-480 ms at a
 * time in the suggestions bench). So no background write may go on until the log is empty.
 */
describe('the log-reset handshake', () => {
  it('holds every background write while the log is emptied, not only the one that answered', async () => {
    const { flag, times, done } = emptyTheLog(5_000, 300);
    await until(() => Atomics.load(flag, 0) === ASKED);
    // The import answers; its suggestions, writing side by side on the same thread, reach a slice boundary after.
    const imported = holdWritesIfAsked(flag).then(() => Date.now());
    expect(Atomics.load(flag, 0)).toBe(HELD);
    const suggested = holdWritesIfAsked(flag).then(() => Date.now());
    const [a, b] = await Promise.all([imported, suggested]);
    await done;
    expect(times[1]).toBeGreaterThan(0);
    expect(a).toBeGreaterThanOrEqual(times[1]!);
    expect(b).toBeGreaterThanOrEqual(times[1]!);
    expect(Atomics.load(flag, 0)).toBe(IDLE);
  });

  it('holds a write that starts while the worker, unanswered, empties the log all the same', async () => {
    const { flag, times, done } = emptyTheLog(50, 300);
    await until(() => Atomics.load(flag, 0) === RESETTING);
    const resumed = await holdWritesIfAsked(flag).then(() => Date.now());
    await done;
    expect(resumed).toBeGreaterThanOrEqual(times[1]!);
    expect(Atomics.load(flag, 0)).toBe(IDLE);
  });

  it('lets writes go, once, when a worker that ended half way through a reset never says it is over', async () => {
    const flag = newLogResetFlag();
    Atomics.store(flag, 0, RESETTING);
    const started = Date.now();
    await holdWritesIfAsked(flag);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Atomics.load(flag, 0)).toBe(IDLE);
    const next = Date.now();
    await holdWritesIfAsked(flag);
    expect(Date.now() - next).toBeLessThan(100);
  });
});
