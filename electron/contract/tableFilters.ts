import type { z } from 'zod';
import type { ColumnFilter } from './articles.js';

/** The kind of filter each column of a table takes: text, number or date. */
export type FilterKinds = Record<string, ColumnFilter['filterType']>;

/** The table's columns that take a filter, for z.enum. */
export const filterColumns = <K extends string>(kinds: Record<K, ColumnFilter['filterType']>) => Object.keys(kinds) as [K, ...K[]];

/**
 * A check that each column filter is of its column's kind: a text condition on fatalities or a
 * number on a name would be read as nonsense in SQL, so it is refused with the column's name.
 */
export const filterKindsFit =
  (kinds: FilterKinds) =>
  (filters: Partial<Record<string, ColumnFilter>>, ctx: z.RefinementCtx): void => {
    for (const [column, filter] of Object.entries(filters)) {
      if (filter && kinds[column] !== filter.filterType) {
        ctx.addIssue({ code: 'custom', path: [column], message: `The ${column} column takes a ${kinds[column]} filter, not a ${filter.filterType} one.` });
      }
    }
  };
