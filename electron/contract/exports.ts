import { z } from 'zod';
import { ArticleQuery } from './articles.js';
import { ARTICLE_IDS_MAX } from './selection.js';
import { EntityQuery } from './entities.js';
import { EventQuery } from './events.js';
import { RelationNarrowing } from './relations.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'kml', 'acled', 'w3c', 'brat', 'conll', 'ftm', 'stix', 'gexf', 'archive'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** File extension and a plain description of each format, for dialogs and the CLI. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { extension: string; label: string }> = {
  csv: { extension: '.csv', label: 'CSV of a table, as shown' },
  xlsx: { extension: '.xlsx', label: 'Excel workbook of a table, as shown' },
  geojson: { extension: '.geojson', label: 'GeoJSON: places and events (RFC 7946)' },
  kml: { extension: '.kml', label: 'KML: places and events with time stamps' },
  acled: { extension: '.csv', label: 'Events in ACLED’s 31-column CSV' },
  w3c: { extension: '.jsonld', label: 'W3C Web Annotation JSON-LD' },
  brat: { extension: '', label: 'brat standoff (a folder of .txt and .ann)' },
  conll: { extension: '.conll', label: 'CoNLL-2003 BIO' },
  ftm: { extension: '.ftm.json', label: 'FollowTheMoney entities (JSON lines)' },
  stix: { extension: '.stix.json', label: 'STIX 2.1 bundle' },
  gexf: { extension: '.gexf', label: 'GEXF graph for Gephi' },
  archive: { extension: '.awbz', label: 'Whole workspace archive (database, manifest, checksums)' },
};

/** Annotation formats that can carry suggested mentions, marked where the format can say so. */
export const SUGGESTION_FORMATS: readonly ExportFormat[] = ['w3c', 'brat', 'conll', 'ftm', 'geojson'];
/** Formats that can carry the analyst's rejections (a name said not to be one, with no entity), and read them back. */
export const REJECTION_FORMATS: readonly ExportFormat[] = ['w3c', 'ftm'];

export const TABLE_NAMES = ['articles', 'entities', 'events', 'relations'] as const;
export const TableExport = z.object({
  table: z.enum(TABLE_NAMES),
  articleQuery: ArticleQuery.optional(),
  entityQuery: EntityQuery.optional(),
  eventQuery: EventQuery.optional(),
  entityIds: z.array(z.number().int()).max(50).optional(),
  /** The Relations table's search, column filters and sort, so its export holds the rows it shows. */
  relationNarrowing: RelationNarrowing.optional(),
  /** Column ids in the order shown; absent for every column. */
  columns: z.array(z.string().max(50)).max(50).optional(),
});
export type TableExport = z.infer<typeof TableExport>;
export type TableExportInput = z.input<typeof TableExport>;

export const ExportRequest = z.object({
  format: ExportFormat,
  path: z.string().min(1).max(4096),
  /** Whole workspace (null), or what is tied to these articles (the ticked ones). */
  articleIds: z.array(z.number().int().positive()).max(ARTICLE_IDS_MAX).nullable().default(null),
  table: TableExport.optional(),
  /** Classification or handling line, e.g. "TLP:AMBER": carried as a STIX marking. */
  handling: z.string().max(200).default(''),
  /** Annotation formats (W3C, brat, CoNLL, FtM, GeoJSON) carry suggested mentions too, marked where the format can say so. */
  includeSuggestions: z.boolean().default(false),
  /** W3C and FtM also carry the analyst's rejections, each marked "rejected", so a workspace that imports the file does not suggest those names there again. */
  includeRejected: z.boolean().default(false),
  /** ACLED actor types and dates as current ACLED data writes them (text, "16 May 2025"), or as its older files (codes 1–8, "2025-05-16"). */
  acledCodes: z.enum(['text', 'numeric']).default('text'),
  overwrite: z.boolean().default(false),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportResult = z.object({ path: z.string(), format: ExportFormat, records: z.number(), bytes: z.number(), files: z.number() });
export type ExportResult = z.infer<typeof ExportResult>;

export const EXCHANGE_KINDS = ['w3c', 'acled', 'geojson', 'kml', 'brat', 'conll', 'stix', 'ftm'] as const;

/** The file extensions the import dialog offers: W3C JSON-LD, ACLED CSV, GeoJSON, KML, brat (.ann with its .txt), CoNLL/IOB, STIX bundles, FtM JSON lines. */
export const EXCHANGE_EXTENSIONS = ['.json', '.jsonld', '.geojson', '.csv', '.kml', '.ann', '.txt', '.conll', '.conllu', '.iob', '.bio', '.tsv', '.jsonl', '.ndjson'] as const;

/** One exchange file, with the files it needs beside it (a brat .ann's .txt, by name). */
export const ExchangeImportInput = z.object({
  name: z.string().max(500),
  text: z.string().max(200 * 1024 * 1024),
  companions: z.array(z.object({ name: z.string().max(500), text: z.string().max(200 * 1024 * 1024) })).max(10_000).default([]),
});
export type ExchangeImportInput = z.infer<typeof ExchangeImportInput>;

export const ExchangeImportResult = z.object({
  kind: z.enum(EXCHANGE_KINDS),
  created: z.number(),
  matched: z.number(),
  skipped: z.number(),
  messages: z.array(z.string()),
});
export type ExchangeImportResult = z.infer<typeof ExchangeImportResult>;
