import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isBusyError } from '../../db/open.js';
import { letCheckpointsIn } from './checkpointer.js';
import { letWriterJobsEnd, writerJobRunning } from './writerJobs.js';

/**
 * How long one background write may hold the core thread. A call from the window (a table page, the
 * map) that arrives meanwhile waits for the rest of the slice, so this is most of its worst case:
 * the target for such calls during an import is 50 ms (issue 12).
 */
export const SLICE_MILLISECONDS = 15;

/**
 * Pauses before a slice refused with "database is locked" is written again (3.1 s in all). SQLite
 * mostly waits out a held lock by itself, but not always (it does not wait when the connection
 * already holds a read): a batch of suggestions was once refused within seconds in a run of the
 * suggestions bench and, unhandled, ended the core. A pause lets the other side finish.
 */
export const BUSY_PAUSES_MS = [50, 100, 200, 400, 800, 1600];

/**
 * Background writes (an import's articles, the suggestions read for them) cut into transactions
 * that each take about SLICE_MILLISECONDS, with the event loop free between them. The size follows
 * the measured cost per item, which varies by an order of magnitude (a short wire story or a
 * 300-page report; ten names or a thousand), so a fixed count would be either slow or blocking.
 */
export class TimedSlices {
  private size: number;

  constructor(
    private readonly budget = SLICE_MILLISECONDS,
    first = 4,
    private readonly most = 500,
  ) {
    this.size = first;
  }

  /**
   * Calls `write` on consecutive slices of `items` (each one transaction there), yielding between
   * them, until `stopped` says so (a Cancel heard between two slices). Returns how many items were written.
   * A slice refused as busy is written again after a pause (BUSY_PAUSES_MS); `lastTry` tells `write`
   * when no pause is left, so it can record the failure itself rather than throw.
   */
  async run<T>(items: readonly T[], write: (slice: T[], lastTry: boolean) => void, stopped: () => boolean = () => false): Promise<number> {
    let at = 0;
    // A log reset the worker asked for while no background write ran is let in before this one
    // starts, rather than run by the worker unheld and collide with its first slice.
    await letCheckpointsIn();
    while (at < items.length && !stopped()) {
      const slice = items.slice(at, at + this.size);
      let took = 0;
      for (let attempt = 0; ; attempt++) {
        const lastTry = attempt >= BUSY_PAUSES_MS.length;
        // An undo under way on the writer's connection (writerJobs.ts) is waited for here, not in
        // SQLite's busy wait, which would hold the core's thread till it ends.
        while (writerJobRunning()) await letWriterJobsEnd();
        const started = performance.now();
        try {
          write(slice, lastTry);
          took = performance.now() - started;
          break;
        } catch (error) {
          if (lastTry || !isBusyError(error)) throw error;
        }
        await sleep(BUSY_PAUSES_MS[attempt]!);
        if (stopped()) return at;
        await letCheckpointsIn();
      }
      this.learn(slice.length, took);
      at += slice.length;
      if (at < items.length) {
        await yieldToEventLoop();
        await letCheckpointsIn();
      }
    }
    return at;
  }

  /**
   * The next size from the cost per item just seen: down at once when a slice ran long, up by a
   * quarter at a time, since the cost per item jumps (a long report, an index merge) and the
   * window's worst wait is what counts, not the average.
   */
  private learn(count: number, milliseconds: number): void {
    const wanted = Math.max(1, Math.floor(this.budget / (Math.max(milliseconds, 0.01) / count)));
    this.size = Math.min(this.most, wanted < this.size ? wanted : Math.min(wanted, this.size + Math.max(1, Math.floor(this.size / 4))));
  }
}
