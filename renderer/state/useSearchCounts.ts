import { useEffect, useState } from 'react';
import type { EntityQueryInput, EventQuery } from '../../electron/contract/index.js';
import { call } from '../api.js';

/** Rows of each registry table the search box leaves (before that table's own column filters). */
export interface SearchCounts {
  entities: number;
  events: number;
  relations: number;
}

/**
 * The search box narrows the Entities, Events and Relations tables as well as the articles: their tabs
 * show how many rows it leaves, so the analyst sees it did before opening them. Null without a search.
 */
export function useSearchCounts(
  search: string,
  entityQuery: EntityQueryInput,
  eventQuery: Partial<EventQuery>,
  relationEntityIds: number[],
  refreshKey: number,
): SearchCounts | null {
  const [counts, setCounts] = useState<{ key: string; counts: SearchCounts } | null>(null);
  const key = JSON.stringify([search, entityQuery, eventQuery, relationEntityIds, refreshKey]);
  useEffect(() => {
    if (!search.trim()) return;
    let current = true;
    const total = (page: Promise<{ total: number }>) => page.then((p) => p.total);
    // A failed count leaves the labels as they were; the table itself reports the error when opened.
    void Promise.all([
      total(call('entities.page', { query: entityQuery, startRow: 0, endRow: 1 })),
      total(call('events.page', { query: eventQuery, startRow: 0, endRow: 1 })),
      total(call('relations.page', { entityIds: relationEntityIds, search, startRow: 0, endRow: 1 })),
    ])
      .then(([entities, events, relations]) => current && setCounts({ key, counts: { entities, events, relations } }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
    // The key stands for every input: objects rebuilt with the same content do not count again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return search.trim() && counts?.key === key ? counts.counts : null;
}
