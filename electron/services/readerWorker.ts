import { parentPort, workerData } from 'node:worker_threads';
import { openReaderConnection, type Db } from '../../db/open.js';
import { PlaceCounts, PlacesNoLongerWanted } from '../../db/placeCounts.js';
import { closeForCore, runInBackground } from './backgroundThread.js';
import type { ReaderReply, ReaderRequest } from './orderReader.js';
import { STOP_FUNCTION } from './readerStop.js';

/**
 * Runs the core's long reads (the whole order of a large table, its count, the map's places of a filter; see
 * orderReader.ts) on a connection of its own, one at a time, so the core's thread answers the window meanwhile.
 */
const { file, passphrase, lastOrder, lastPlaces, lastCount } = workerData as {
  file: string;
  passphrase: string | null;
  lastOrder: Int32Array;
  lastPlaces: Int32Array;
  lastCount: Int32Array;
};

runInBackground();
let db: Db | null = null;
let places: PlaceCounts | null = null;
/** Whether the read running now is still the one asked for last (null: none runs), for the stop function (see OrderReader.stopTerm). */
let stillWanted: (() => boolean) | null = null;
class Stopped extends Error {}
try {
  db = openReaderConnection(file, passphrase);
  places = new PlaceCounts(db);
  // OrderReader.stopTerm's function, asked once in a few thousand rows a read looks at: the read
  // stops when the order (or the map's places) asked for last is another one.
  db.function(STOP_FUNCTION, { deterministic: false }, () => {
    if (stillWanted && !stillWanted()) throw new Stopped();
    return 1;
  });
  parentPort!.postMessage({ ready: true } satisfies ReaderReply);
} catch (error) {
  parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ReaderReply);
}

parentPort!.on('message', (m: ReaderRequest | { close: SharedArrayBuffer }) => {
  if ('close' in m) {
    closeForCore(db, m.close);
    return;
  }
  try {
    if (!db || !places) throw new Error('The reader has no connection.');
    if ('places' in m) {
      // Asked for before the map's latest view or filter: not counted, and stopped if it runs meanwhile (see OrderReader.lastPlaces).
      const wanted = () => Atomics.load(lastPlaces, 0) === m.id;
      if (!wanted()) {
        parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
        return;
      }
      const layer = whileWanted(wanted, () => places!.layer(m.places, wanted));
      parentPort!.postMessage({ id: m.id, layer } satisfies ReaderReply);
      return;
    }
    if ('count' in m) {
      // A count of a table the window has left since: not made, and stopped if it runs (see OrderReader.lastCount).
      const wanted = () => Atomics.load(lastCount, 0) === m.id;
      if (!wanted()) {
        parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
        return;
      }
      const sql = db.prepare(m.count.sql).pluck();
      const n = whileWanted(wanted, () => Number(sql.get(...m.count.params)));
      parentPort!.postMessage({ id: m.id, n } satisfies ReaderReply);
      return;
    }
    // Asked for before the order the window now waits for: not read (see OrderReader.lastOrder).
    if (Atomics.load(lastOrder, 0) !== m.id) {
      parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
      return;
    }
    const sql = db.prepare(m.sql).pluck();
    const ids = whileWanted(() => Atomics.load(lastOrder, 0) === m.id, () => Float64Array.from(sql.all(...m.params) as number[]));
    parentPort!.postMessage({ id: m.id, ids } satisfies ReaderReply, [ids.buffer]);
  } catch (error) {
    if (error instanceof Stopped || error instanceof PlacesNoLongerWanted) {
      parentPort!.postMessage({ id: m.id, superseded: true } satisfies ReaderReply);
      return;
    }
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) } satisfies ReaderReply);
  }
});

/** Runs a read that the stop function ends once `wanted` says no (the window asked for another). */
function whileWanted<T>(wanted: () => boolean, read: () => T): T {
  stillWanted = wanted;
  try {
    return read();
  } finally {
    stillWanted = null;
  }
}
