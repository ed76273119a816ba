import { z } from 'zod';
import { ArticleQuery } from './articles.js';

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
  /** The events and articles in scope: the ticked articles and the filter bar's dates, entities and map view. */
  articleIds: z.array(z.number().int().positive()).max(10_000).nullable().default(null),
  /** The articles table's search, tags (saved sets) and column filters: events cited from the articles they match. */
  articleQuery: ArticleQuery.nullable().default(null),
  dateFrom: z.string().nullable().default(null),
  dateTo: z.string().nullable().default(null),
  entityIds: z.array(z.number().int()).max(50).default([]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().default(null),
  /** The events tied to the current selection (an entity's, an article's…), and how it reads. */
  selection: z.object({ label: z.string().max(500), eventIds: z.array(z.number().int()).max(5000) }).nullable().default(null),
  sections: z.array(z.enum(REPORT_SECTIONS)).default([...REPORT_SECTIONS]),
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
