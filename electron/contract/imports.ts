import { z } from 'zod';

/** Larger files are refused: a news article is kilobytes, a 20 MB "article" is a mistake. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/**
 * Documents (PDF, Word, e-mail, archives of pages, zips) may be larger than an article: one file
 * holds many articles or pages, and each is still held to the article limit once read.
 */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;
/** Files above this size go from the window in pieces (uploads.*), not in one call. */
export const UPLOAD_ABOVE_BYTES = 16 * 1024 * 1024;
/** The bytes of one piece of an upload. */
export const UPLOAD_PIECE_BYTES = 8 * 1024 * 1024;
/** The largest file the window may send in pieces: a crawl is then read from disk a record at a time, whatever its size. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024 * 1024;
export const IMPORTABLE_EXTENSIONS = [
  '.txt', '.md', '.markdown', '.html', '.htm',
  '.pdf', '.docx', '.odt', '.rtf', '.eml', '.mbox', '.msg', '.mhtml', '.mht', '.warc', '.warc.gz', '.zip',
  '.png', '.jpg', '.jpeg', '.tif', '.tiff',
] as const;
export type ImportableExtension = (typeof IMPORTABLE_EXTENSIONS)[number];
/** Text formats are held to MAX_FILE_BYTES; the others (containers of many documents) to MAX_DOCUMENT_BYTES. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** The importable extension a file name ends with ("report.warc.gz" → ".warc.gz"), or null. */
export function importableExtension(name: string): ImportableExtension | null {
  const lower = name.toLowerCase();
  let found: ImportableExtension | null = null;
  for (const ext of IMPORTABLE_EXTENSIONS) if (lower.endsWith(ext) && (!found || ext.length > found.length)) found = ext;
  return found;
}

/** The size limit for a file of this name. */
export const maxBytesFor = (name: string): number => (TEXT_EXTENSIONS.includes(importableExtension(name) ?? '.txt') ? MAX_FILE_BYTES : MAX_DOCUMENT_BYTES);

/** The printed page an offset of an article's text falls on, from its page starts ([offset, page]); null without pages. */
export function pageAt(pageStarts: readonly (readonly [number, number])[] | null | undefined, offset: number): number | null {
  let page: number | null = null;
  for (const [start, n] of pageStarts ?? []) {
    if (start > offset) break;
    page = n;
  }
  return page;
}

/**
 * Languages a scanned page can be read in: Tesseract's models that ship as npm packages
 * (@tesseract.js-data/*). Dari is read with the Persian model: the two are written alike.
 */
export const OCR_LANGUAGES = { eng: 'English', fas: 'Persian (Dari)', pus: 'Pashto', ara: 'Arabic', fra: 'French' } as const;
export const OcrLanguage = z.enum(Object.keys(OCR_LANGUAGES) as [keyof typeof OCR_LANGUAGES, ...(keyof typeof OCR_LANGUAGES)[]]);
export type OcrLanguage = z.infer<typeof OcrLanguage>;

/** How the files of an import are read: the languages of its scans (English when none is chosen). */
export const ImportReading = z.object({ ocrLanguages: z.array(OcrLanguage).min(1).max(5).optional() });
export type ImportReading = z.infer<typeof ImportReading>;

export const ImportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paths'), paths: z.array(z.string().min(1)).min(1).max(10_000) }),
  z.object({
    kind: z.literal('files'),
    files: z
      .array(
        z.union([
          z.object({ name: z.string().min(1).max(1000), base64: z.string() }),
          // A big file sent ahead in pieces (uploads.begin / uploads.append), read from the app's scratch folder.
          z.object({ name: z.string().min(1).max(1000), uploadId: z.string().uuid() }),
        ]),
      )
      .min(1)
      .max(10_000),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(MAX_FILE_BYTES), title: z.string().max(1000).optional() }),
  z.object({ kind: z.literal('sample') }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  /** Why it failed, which article it duplicates, or a warning such as the encoding used. */
  message: z.string().nullable(),
  articleId: z.number().nullable(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportReport = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'finished', 'cancelled']),
  total: z.number(),
  done: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  failed: z.number(),
  /** The long file being read now (the pages of a big PDF), while it is read. */
  reading: z.object({ name: z.string(), done: z.number(), total: z.number(), unit: z.string() }).nullable().optional(),
  /**
   * Per-file results; progress events while running leave them out (they only grow). The window is
   * sent at most LISTED_OUTCOMES of them (see listedOutcomes): the failures first, then the others.
   */
  outcomes: z.array(ImportOutcome),
  /** Files left out of `outcomes` for the window; the counts above include them. */
  unlisted: z.number().int().nonnegative().optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The most files an import's report lists in the window: a table of a million rows would hold it for minutes. */
export const LISTED_OUTCOMES = 1_000;

/**
 * A report as the window is sent it: every failure (up to the limit) and then the first of the
 * others, in the files' order, with the count of those left out. The CLI and the history keep every
 * file's outcome.
 */
export function listedOutcomes(report: ImportReport, limit = LISTED_OUTCOMES): ImportReport {
  if (report.outcomes.length <= limit) return { ...report, outcomes: [...report.outcomes], unlisted: 0 };
  const failures = Math.min(limit, report.outcomes.reduce((n, o) => n + (o.status === 'failed' ? 1 : 0), 0));
  let failuresLeft = failures;
  let othersLeft = limit - failures;
  const outcomes = report.outcomes.filter((o) => (o.status === 'failed' ? failuresLeft-- > 0 : othersLeft-- > 0));
  return { ...report, outcomes, unlisted: report.outcomes.length - outcomes.length };
}
