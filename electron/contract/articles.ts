import { z } from 'zod';

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const Reliability = z.enum(RELIABILITY);
export const Credibility = z.number().int().min(1).max(6);

/** Columns of the articles table the analyst can sort and filter on. */
export const ARTICLE_COLUMNS = [
  'title',
  'source',
  'published',
  'dateline',
  'grading',
  'words',
  'imported',
  'copies',
  /** A scan's lowest page confidence by OCR, where a page is in doubt (see ocrLowConfidence). */
  'ocr',
] as const;
export const ArticleColumn = z.enum(ARTICLE_COLUMNS);
export type ArticleColumn = z.infer<typeof ArticleColumn>;

const TextFilter = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(500).optional(),
});
const NumberFilter = z.object({
  filterType: z.literal('number'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  filter: z.number().nullish(),
  filterTo: z.number().nullish(),
});
const DateFilter = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  dateFrom: z.string().nullish(),
  dateTo: z.string().nullish(),
});
export const ColumnFilter = z.discriminatedUnion('filterType', [TextFilter, NumberFilter, DateFilter]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

/** The one "view query" that drives the table, bulk actions and reader navigation. */
export const ArticleQuery = z.object({
  search: z.string().max(1000).default(''),
  tagIds: z.array(z.number().int()).max(200).default([]),
  filters: z.partialRecord(ArticleColumn, ColumnFilter).default({}),
  /** Articles that mention all of these entities (a click on a place, a row of the entities table). */
  entityIds: z.array(z.number().int()).max(50).default([]),
  /** Articles that mention a place inside [west, south, east, north] ("articles in view"). */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().default(null),
  /** Articles published in [from, to] (ISO dates): the range brushed on the timeline. */
  dateRange: z.tuple([z.string(), z.string()]).nullable().default(null),
  sort: z
    .array(z.object({ column: z.union([ArticleColumn, z.literal('rank')]), direction: z.enum(['asc', 'desc']) }))
    .max(1)
    .default([]),
  /** One row per story: of articles that are copies of one another, only the first in table order. */
  oneRowPerStory: z.boolean().default(false),
});
export type ArticleQuery = z.infer<typeof ArticleQuery>;
export type ArticleQueryInput = z.input<typeof ArticleQuery>;

export const TagRef = z.object({ id: z.number(), name: z.string(), color: z.string() });

export const ArticleRow = z.object({
  id: z.number(),
  title: z.string(),
  source: z.string().nullable(),
  published: z.string().nullable(),
  dateline: z.string().nullable(),
  reliability: Reliability.nullable(),
  credibility: z.number().nullable(),
  words: z.number(),
  importedAt: z.string(),
  tags: z.array(TagRef),
  /** FTS snippet with hits between \u0002 and \u0003 (rendered as text, never as HTML). */
  snippet: z.string().nullable(),
  /** Articles telling this story, this one included (1: no copy known). */
  copies: z.number(),
  /** A scan whose OCR is in doubt: the pages read with low confidence ("p. 2 (45%)", "45%" for one image), else null. */
  ocrLowConfidence: z.string().nullable(),
});
export type ArticleRow = z.infer<typeof ArticleRow>;

export const ArticlePage = z.object({
  rows: z.array(ArticleRow),
  /** Rows matching the query, so the grid knows where the end is. */
  total: z.number(),
  /** False when a search has more hits than were counted: `total` is then a lower bound. */
  exact: z.boolean(),
  /** The count is still being made (`total` is the rows seen so far): `articles.count` gives it when made. */
  counting: z.boolean().optional(),
  /** How rows are ordered when no column sort is chosen: relevance (small searches) or newest first. */
  order: z.enum(['relevance', 'newest', 'column']),
});
export type ArticlePage = z.infer<typeof ArticlePage>;

/** Another article of the same story, to compare with. */
export const CopyRef = z.object({
  id: z.number(),
  title: z.string(),
  source: z.string().nullable(),
  published: z.string().nullable(),
});
export type CopyRef = z.infer<typeof CopyRef>;

/** What an article from a document (PDF, e-mail, saved page) carries besides its columns. */
export const ArticleDocument = z.object({
  /** E-mail headers (from, to, cc, subject), capture date, page count: what the document said about itself. */
  metadata: z.record(z.string(), z.union([z.string(), z.number()])),
  /** [offset, page]: the printed page whose text starts at that offset of the body (PDF). */
  pageStarts: z.array(z.tuple([z.number(), z.number()])).nullable(),
  /** The message an attachment (or a reply) came with. */
  parent: z.object({ id: z.number(), title: z.string() }).nullable(),
  /** The attachments of a message, the replies to it. */
  parts: z.array(z.object({ id: z.number(), title: z.string() })),
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

export const ArticleDetail = ArticleRow.extend({
  url: z.string().nullable(),
  author: z.string().nullable(),
  format: z.string(),
  fileName: z.string().nullable(),
  body: z.string(),
  /** [start, end) character ranges of search hits in body. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
  /** The other articles of its story (near-duplicates), first imported first. */
  otherCopies: z.array(CopyRef),
  document: ArticleDocument.nullable().optional(),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

export const ArticlePatch = z
  .object({
    title: z.string().trim().min(1, 'A title cannot be empty').max(1000),
    source: z.string().trim().max(500).nullable(),
    url: z.string().trim().max(2000).nullable(),
    author: z.string().trim().max(500).nullable(),
    published: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/, 'Use a date like 2021-06-20')
      .nullable(),
    dateline: z.string().trim().max(200).nullable(),
    reliability: Reliability.nullable(),
    credibility: Credibility.nullable(),
  })
  .partial();
export type ArticlePatch = z.infer<typeof ArticlePatch>;

/** Bulk actions address either the rows the analyst ticked or everything a query matches. */
export const ArticleTarget = z.union([
  z.object({ ids: z.array(z.number().int()).min(1).max(100_000) }),
  z.object({ query: ArticleQuery }),
]);
export type ArticleTarget = z.infer<typeof ArticleTarget>;
