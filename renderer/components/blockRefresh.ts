import type { GridApi } from 'ag-grid-community';
import { useEffect, useState, type RefObject } from 'react';
import { refreshGate, type RefreshGate } from '../state/refreshGate.js';

/**
 * When an infinite-row grid reads its blocks again. Another search or filter (`queryKey`): the rows
 * shown are of another table, so they go at once. The same table after a change (`refreshKey`: an
 * import's batch, suggestions stored, an edit): the rows stay on screen, and clickable, until their
 * new values come. Purged on every change, they were blank for a moment every half second of a long
 * import, and a click on one then opened nothing (seen in CI). A change is held while blocks are
 * loading (see refreshGate): the grid's datasource tells the returned gate when it asks for a block
 * and when the answer is in.
 */
export function useBlockRefresh<T>(api: RefObject<GridApi<T> | null>, queryKey: string, refreshKey: number): RefreshGate {
  // One gate for the grid's life: it counts the blocks in flight.
  const [gate] = useState(() => refreshGate(() => api.current?.refreshInfiniteCache()));
  useEffect(() => {
    gate.purged();
    api.current?.purgeInfiniteCache();
  }, [api, gate, queryKey]);
  useEffect(() => {
    gate.changed();
  }, [gate, refreshKey]);
  return gate;
}
