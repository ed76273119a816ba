import { parentPort, workerData } from 'node:worker_threads';
import { openReaderConnection, type Db } from '../../db/open.js';
import { PlaceCounts } from '../../db/placeCounts.js';
import { runInBackground } from './backgroundThread.js';
import type { ReaderReply, ReaderRequest } from './orderReader.js';
import { STOP_FUNCTION } from './readerStop.js';

/**
 * Runs the core's long reads (the whole order of a large table, the map's places of a filter; see
 * orderReader.ts) on a connection of its own, one at a time, so the core's thread answers the window meanwhile.
 */
const { file, passphrase, lastOrder } = workerData as { file: string; passphrase: string | null; lastOrder: Int32Array };

runInBackground();
let db: Db | null = null;
let places: PlaceCounts | null = null;
/** The order read running now (0: none), for the stop function (see OrderReader.stopTerm). */
let running = 0;
class Stopped extends Error {}
try {
  db = openReaderConnection(file, passphrase);
  places = new PlaceCounts(db);
  // OrderReader.stopTerm's function, asked once in a few thousand rows a read looks at: the read
  // stops when the order asked for last is another one.
  db.function(STOP_FUNCTION, { deterministic: false }, () => {
    if (running !== 0 && Atomics.load(lastOrder, 0) !== running) throw new Stopped();
    return 1;
  });
  parentPort!.postMessage({ ready: true } satisfies ReaderReply);
} catch (error) {
  parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ReaderReply);
}

parentPort!.on('message', (m: ReaderRequest | { close: SharedArrayBuffer }) => {
  if ('close' in m) {
    try {
      db?.close();
    } finally {
      const done = new Int32Array(m.close);
      Atomics.store(done, 0, 1);
      Atomics.notify(done, 0);
      parentPort!.close();
    }
    return;
  }
  try {
    if (!db || !places) throw new Error('The reader has no connection.');
    if ('places' in m) {
      parentPort!.postMessage({ id: m.id, layer: places.layer(m.places) } satisfies ReaderReply);
      return;
    }
    // Asked for before the order the window now waits for: not read (see OrderReader.lastOrder).
    if (Atomics.load(lastOrder, 0) !== m.id) {
      parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
      return;
    }
    const ids = readOrder(db, m);
    parentPort!.postMessage({ id: m.id, ids } satisfies ReaderReply, [ids.buffer]);
  } catch (error) {
    if (error instanceof Stopped) {
      parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
      return;
    }
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) } satisfies ReaderReply);
  }
});

/** An order read, stopped by the stop function when the window asks for another meanwhile. */
function readOrder(db: Db, m: { id: number; sql: string; params: unknown[] }) {
  running = m.id;
  try {
    return Float64Array.from(db.prepare(m.sql).pluck().all(...m.params) as number[]);
  } finally {
    running = 0;
  }
}
