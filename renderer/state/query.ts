import type { ArticleQueryInput } from '../../electron/contract/index.js';

/** The view query the analyst builds in the search box, tag panel and grid header. */
export interface ViewQuery {
  search: string;
  tagIds: number[];
  entityIds: number[];
  bbox: [number, number, number, number] | null;
  dateRange: [string, string] | null;
  filters: NonNullable<ArticleQueryInput['filters']>;
  sort: NonNullable<ArticleQueryInput['sort']>;
}

export const emptyQuery: ViewQuery = { search: '', tagIds: [], entityIds: [], bbox: null, dateRange: null, filters: {}, sort: [] };

export function isFiltered(q: ViewQuery): boolean {
  return q.search.trim() !== '' || q.tagIds.length > 0 || q.entityIds.length > 0 || q.bbox !== null || q.dateRange !== null || Object.keys(q.filters).length > 0;
}
