import { EventQuery, eventScopeParts, type EventQueryInput } from '../../electron/contract/index.js';
import { shownTable } from './shownTable.js';

/**
 * The events a report "as filtered" covers: the Events table's query as it stands, column filters
 * included, when the table is on screen; else the query the table opens with (its column filters
 * start empty). Said in the same words as the report's own scope line.
 */
export interface ReportScope {
  query: EventQueryInput;
  /** What the report would cover, in words. */
  label: string;
  /** Whether anything narrows it (else "as filtered" and "the whole workspace" are the same). */
  filtered: boolean;
}

export function reportScope(eventQuery: EventQueryInput): ReportScope {
  const shown = shownTable();
  const query = shown?.table === 'events' && shown.eventQuery ? shown.eventQuery : eventQuery;
  const parts = eventScopeParts(EventQuery.parse(query));
  return { query, label: parts.length ? parts.join('; ') : 'every event (no filter is in force)', filtered: parts.length > 0 };
}
