import { z } from 'zod';
import { EventQuery } from './events.js';
import { plural } from './plural.js';

export const REPORT_FORMATS = ['pdf', 'docx', 'md', 'html'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;
export const REPORT_FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.pdf': 'pdf', '.docx': 'docx', '.md': 'md', '.html': 'html', '.htm': 'html' };

export const REPORT_SECTIONS = ['map', 'timeline', 'events', 'entities', 'quotes'] as const;

/** What goes into a report: the analyst's words, the handling line, the scope and the sections. */
export const ReportSpec = z.object({
  title: z.string().trim().min(1, 'Give the report a title').max(300),
  summary: z.string().max(50_000).default(''),
  /** Classification or handling line printed in every page's header and footer, e.g. "TLP:AMBER". */
  handling: z.string().trim().max(200).default(''),
  author: z.string().trim().max(200).default(''),
  /**
   * The events in scope, as the Events table picks them: its search on the events' own text, its
   * column filters, the tags and article filters, the ticked articles and the filter bar's dates,
   * entities and map view. Null for every event.
   */
  events: EventQuery.nullable().default(null),
  /** The events tied to the current selection (an entity's, an article's…), and how it reads. */
  selection: z.object({ label: z.string().max(500), eventIds: z.array(z.number().int()).max(5000) }).nullable().default(null),
  sections: z.array(z.enum(REPORT_SECTIONS)).default([...REPORT_SECTIONS]),
  /**
   * Count every copy of a story (wire copies, updates: see db/stories.ts) in the source counts,
   * mentions and quotes, and an event coded again from another copy (db/eventCopies.ts) in the
   * events, fatalities and timeline. By default a story told by several articles counts once.
   */
  everyCopy: z.boolean().default(false),
  /** The map as the analyst sees it (a PNG data URL from the map view); drawn from the data when absent. */
  mapImage: z
    .string()
    .max(30 * 1024 * 1024)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'The map snapshot must be a PNG data URL')
    .nullable()
    .default(null),
});
export type ReportSpec = z.infer<typeof ReportSpec>;
export type ReportSpecInput = z.input<typeof ReportSpec>;

export const ReportSaved = z.object({ path: z.string(), format: ReportFormat, bytes: z.number(), events: z.number() });
export type ReportSaved = z.infer<typeof ReportSaved>;

/** What narrows an events query, each in the analyst's words; none for every event. */
export function eventScopeParts(q: EventQuery): string[] {
  const columnFilters = Object.keys(q.filters).length + Object.keys(q.articleQuery?.filters ?? {}).length;
  return [
    q.search.trim() ? `events matching “${q.search.trim()}”` : null,
    q.articleIds.length ? `events of ${plural(q.articleIds.length, 'ticked article')}` : null,
    q.articleQuery?.search.trim() ? `events of articles matching “${q.articleQuery.search.trim()}”` : null,
    q.articleQuery?.tagIds.length ? `events of articles with ${plural(q.articleQuery.tagIds.length, 'tag')}` : null,
    columnFilters ? plural(columnFilters, 'column filter') : null,
    q.dateFrom || q.dateTo ? `dates ${q.dateFrom ?? '…'} to ${q.dateTo ?? '…'}` : null,
    q.entityIds.length ? `${plural(q.entityIds.length, 'entity')} in the filter bar` : null,
    q.bbox ? 'places in the map view' : null,
  ].filter((p): p is string => p !== null);
}

/** The report's scope in the analyst's words, as the Events table was narrowed when it was made. */
export function describeReportScope(spec: Pick<ReportSpec, 'events' | 'selection'>): string {
  const parts = [spec.selection ? `the events tied to ${spec.selection.label}` : null, ...(spec.events ? eventScopeParts(spec.events) : [])].filter(Boolean);
  return parts.length ? parts.join('; ') : 'the whole workspace';
}
