import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';

/**
 * When an infinite-row grid reads its blocks again. Another search or filter (`queryKey`): the rows
 * shown are of another table, so they go at once. The same table after a change (`refreshKey`: an
 * import's batch, suggestions stored, an edit): the rows stay on screen, and clickable, until their
 * new values come. Purged on every change, they were blank for a moment every half second of a long
 * import, and a click on one then opened nothing (seen in CI).
 */
export function useBlockRefresh<T>(api: RefObject<GridApi<T> | null>, queryKey: string, refreshKey: number): void {
  useEffect(() => {
    api.current?.purgeInfiniteCache();
  }, [api, queryKey]);
  useEffect(() => {
    api.current?.refreshInfiniteCache();
  }, [api, refreshKey]);
}
