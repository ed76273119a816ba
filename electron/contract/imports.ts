import { z } from 'zod';

/** Larger files are refused: a news article is kilobytes, a 20 MB "article" is a mistake. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export const ImportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paths'), paths: z.array(z.string().min(1)).min(1).max(10_000) }),
  z.object({
    kind: z.literal('files'),
    files: z
      .array(z.object({ name: z.string().min(1).max(1000), base64: z.string() }))
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
  /** Per-file results; progress events while running leave them out (they only grow). */
  outcomes: z.array(ImportOutcome),
});
export type ImportReport = z.infer<typeof ImportReport>;
