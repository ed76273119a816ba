/**
 * When an infinite-row grid reads its blocks again after a change. AG Grid's refresh drops the answer
 * of every block still loading and asks for it again. Changes come every half second or so while an
 * import or a run of suggestions goes on, and a block of a new sort over a large table can take
 * longer than that to come back: refreshed at every change, it never came back in time, and its rows
 * stayed blank for as long as the changes went on (seen in CI as the deepTable flake). So a change
 * that comes while blocks are loading is held until they are all back, then the table is read once,
 * however many changes came meanwhile. No change is lost: a block that came back may have been read
 * before the change, so it is read again.
 */
export interface RefreshGate {
  /** A block was asked for. */
  asked(): void;
  /** A block's answer (rows or failure) has been handed to the grid. */
  answered(): void;
  /** The table's data changed: read the blocks again, now or once those loading are back. */
  changed(): void;
  /** The cache was emptied (another search or filter): every block is read afresh anyway. */
  purged(): void;
}

export function refreshGate(refresh: () => void): RefreshGate {
  let loading = 0;
  let held = false;
  return {
    asked: () => {
      loading += 1;
    },
    answered: () => {
      loading = Math.max(0, loading - 1);
      if (loading === 0 && held) {
        held = false;
        refresh();
      }
    },
    changed: () => {
      if (loading > 0) held = true;
      else refresh();
    },
    purged: () => {
      held = false;
    },
  };
}
