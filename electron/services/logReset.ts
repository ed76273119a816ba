/**
 * The handshake by which the checkpoint worker empties a full write-ahead log while the core keeps
 * writing (see checkpointWorker.ts for why it must ask). SQLite gives a waiting checkpoint no turn
 * between two back-to-back writes, so the worker asks and the core, between two slices of a
 * background write (TimedSlices), holds its writes until the log is empty. One Int32 shared by
 * both threads:
 *
 *   IDLE ──worker asks──▶ ASKED ──core holds its writes──▶ HELD ──worker has emptied the log──▶ IDLE
 *                              └──nobody answers in time──▶ RESETTING ──log emptied──▶ IDLE
 *
 * Each side gives up after a while (the worker when no background write is running to answer, the
 * core when the worker is gone), so neither can stall the other for long. Every background write
 * waits while the log is emptied, not only the one that answered (an import and its suggestions
 * write side by side on the core's thread), and so does one that starts while the worker empties it
 * unheld (RESETTING); they wait without holding the thread. A transaction begun then waits for the
 * checkpoint's lock inside SQLite, asleep on the core's thread: 340-480 ms at a time, five or six
 * times in a 10,000-article import with suggestions, every table page and map call waiting behind it.
 */
export const IDLE = 0;
export const ASKED = 1;
export const HELD = 2;
export const RESETTING = 3;

/** How long the core holds its writes at most, should the worker not answer. */
const HOLD_AT_MOST_MS = 2_000;

export type LogResetFlag = Int32Array;

/** Node has had Atomics.waitAsync since 16; TypeScript's library declares it from ES2024 only. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

export const newLogResetFlag = (): LogResetFlag => new Int32Array(new SharedArrayBuffer(4));

/**
 * Worker side: asks for the writes to be held and runs `reset` once they are, or, when no one holds
 * them within `waitMs` (nothing is writing in the background), runs it all the same: with no
 * writer in a hurry, SQLite's own waiting is enough.
 */
export function resetWhenHeld(flag: LogResetFlag, waitMs: number, reset: () => void): void {
  if (Atomics.compareExchange(flag, 0, IDLE, ASKED) !== IDLE) return;
  Atomics.wait(flag, 0, ASKED, waitMs);
  // Unanswered (unless the core held its writes at that very moment): said, so a write about to start waits for it.
  Atomics.compareExchange(flag, 0, ASKED, RESETTING);
  try {
    reset();
  } finally {
    Atomics.store(flag, 0, IDLE);
    Atomics.notify(flag, 0);
  }
}

/**
 * Core side, between two slices of a background write (and before the first): holds the writes
 * while the worker empties the log, if it asked, or while it does so unheld.
 */
export async function holdWritesIfAsked(flag: LogResetFlag): Promise<void> {
  if (Atomics.compareExchange(flag, 0, ASKED, HELD) === ASKED) Atomics.notify(flag, 0);
  // Held here or by another background write (an import and its suggestions write side by side;
  // each waits, not only the one that answered), or emptied unheld: either way, till it is done.
  for (const state of [HELD, RESETTING]) {
    if (Atomics.load(flag, 0) !== state) continue;
    const { async, value } = waitAsync(flag, 0, state, HOLD_AT_MOST_MS);
    if (async) await value;
  }
  // Still held after HOLD_AT_MOST_MS: the worker is gone (or slow); writes go on rather than wait at every slice.
  Atomics.compareExchange(flag, 0, HELD, IDLE);
  Atomics.compareExchange(flag, 0, RESETTING, IDLE);
}

/** Lets a held core go on (the worker is stopping). */
export function release(flag: LogResetFlag): void {
  Atomics.store(flag, 0, IDLE);
  Atomics.notify(flag, 0);
}
