// The checkpoint worker's side of the log-reset handshake, for logReset.test.ts: asks, then "empties
// the log" (a busy wait standing for the truncating checkpoint), noting when it started and ended.
import { parentPort, workerData } from 'node:worker_threads';
import { resetWhenHeld, type LogResetFlag } from '../../electron/services/logReset.js';

const { flag, times, waitMs, resetMs } = workerData as { flag: LogResetFlag; times: Float64Array; waitMs: number; resetMs: number };
resetWhenHeld(flag, waitMs, () => {
  times[0] = Date.now();
  while (Date.now() < times[0] + resetMs);
  times[1] = Date.now();
});
parentPort!.postMessage('done');
