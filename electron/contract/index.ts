import { z } from 'zod';
import { ArticleDetail, ArticlePage, ArticlePatch, ArticleQuery, ArticleTarget } from './articles.js';
import { ImportReport, ImportSource } from './imports.js';
import { Color, Tag, TagName } from './tags.js';

export * from './articles.js';
export * from './imports.js';
export * from './tags.js';

const Id = z.number().int().positive();
const Empty = z.object({}).default({});
const Ok = z.object({ ok: z.literal(true) });

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  articles: z.number(),
  recent: z.array(z.string()),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const Stats = z.object({
  articles: z.number(),
  words: z.number(),
  tags: z.number(),
  taggedArticles: z.number(),
  sources: z.number(),
  bySource: z.array(z.object({ source: z.string().nullable(), articles: z.number() })),
});

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/**
 * Every call the renderer (or the CLI, or a test) can make into the core, declared once.
 * Names are `domain.verb`; inputs are validated at the boundary by dispatch().
 */
export const contract = {
  'app.info': call(
    Empty,
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      maxFileBytes: z.number(),
      attributions: z.array(z.object({ name: z.string(), licence: z.string(), use: z.string() })),
    }),
  ),

  'workspace.current': call(Empty, WorkspaceInfo),
  'workspace.open': call(z.object({ path: z.string().min(1) }), WorkspaceInfo),
  'workspace.create': call(z.object({ path: z.string().min(1) }), WorkspaceInfo),
  'workspace.saveCopy': call(z.object({ path: z.string().min(1) }), z.object({ path: z.string() })),

  'articles.page': call(
    z.object({ query: ArticleQuery, startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine(
      (v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000,
      'Pages hold 1 to 1000 rows',
    ),
    ArticlePage,
  ),
  'articles.get': call(z.object({ id: Id, search: z.string().max(1000).default('') }), ArticleDetail),
  'articles.neighbour': call(
    z.object({ id: Id, query: ArticleQuery, direction: z.enum(['next', 'previous']) }),
    z.object({ id: z.number().nullable() }),
  ),
  'articles.update': call(z.object({ id: Id, patch: ArticlePatch }), ArticleDetail),
  'articles.delete': call(z.object({ target: ArticleTarget }), z.object({ deleted: z.number() })),
  'articles.stats': call(Empty, Stats),

  'tags.list': call(Empty, z.array(Tag)),
  'tags.create': call(z.object({ name: TagName, color: Color, parentId: Id.nullable().default(null) }), Tag),
  'tags.update': call(
    z.object({ id: Id, name: TagName.optional(), color: Color.optional(), parentId: Id.nullable().optional() }),
    Tag,
  ),
  'tags.merge': call(z.object({ sourceId: Id, targetId: Id }), Tag),
  'tags.delete': call(z.object({ id: Id }), Ok),
  'tags.assign': call(
    z.object({ target: ArticleTarget, tagIds: z.array(Id).min(1) }),
    z.object({ changed: z.number() }),
  ),
  'tags.unassign': call(
    z.object({ target: ArticleTarget, tagIds: z.array(Id).min(1) }),
    z.object({ changed: z.number() }),
  ),

  'imports.start': call(z.object({ source: ImportSource }), z.object({ jobId: z.string() })),
  'imports.cancel': call(z.object({ jobId: z.string() }), Ok),
  'imports.report': call(z.object({ jobId: z.string() }), ImportReport),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** Pushed from the core to every window: progress, and "something changed, refresh". */
export type CoreEvent =
  | { type: 'import.progress'; report: ImportReport }
  | { type: 'changed'; what: ('articles' | 'tags' | 'workspace')[] };

/** Errors cross the boundary as something a person can read. */
export const CallError = z.object({ code: z.string(), message: z.string() });
export type CallError = z.infer<typeof CallError>;
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
