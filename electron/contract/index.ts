import { z } from 'zod';
import { ArticleDetail, ArticlePage, ArticlePatch, ArticleQuery, ArticleTarget } from './articles.js';
import { BasemapLabels, EntityDetail, EntityQuery, EntityRow, EntityType, MapLayer, Mention, MentionType, PlaceCandidate, PlacePick, PlaceScope } from './entities.js';
import { EventInput, EventQuery, EventRecord, EvidenceInput, Problem } from './events.js';
import { ImportReading, ImportReport, ImportSource, MAX_UPLOAD_BYTES, UPLOAD_PIECE_BYTES } from './imports.js';
import { Graph, RelationEvidence, RelationInput, RelationNarrowing, RelationRecord } from './relations.js';
import { ARTICLE_IDS_MAX, SelectionLinks, SelectionRef } from './selection.js';
import { ReportFormat, ReportSaved, ReportSpec } from './reports.js';
import { ExchangeImportInput, ExchangeImportResult, ExportFormat, ExportRequest, ExportResult, TABLE_NAMES } from './exports.js';
import { Color, Tag, TagName } from './tags.js';
import { AuditReport, HistoryEntry, HistoryPage, HistoryRow } from './history.js';
import { IdleLockMinutes, NewPassphrase, Passphrase, PassphraseChange } from './workspaceKey.js';
import { NamesModelStatus } from './namesModel.js';

export * from './articles.js';
export * from './entities.js';
export * from './events.js';
export * from './acled.js';
export * from './relations.js';
export * from './imports.js';
export * from './tags.js';
export * from './selection.js';
export * from './exports.js';
export * from './reports.js';
export * from './history.js';
export * from './workspaceKey.js';
export * from './namesModel.js';
export * from './fieldWords.js';
export * from './plainErrors.js';
export * from './plural.js';

const Id = z.number().int().positive();
const Empty = z.object({}).default({});
const Ok = z.object({ ok: z.literal(true) });
/** "Apply to all occurrences": just this one, every one in this article, or in every article. */
const Scope = z.enum(['this', 'article', 'all']).default('this');

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  articles: z.number(),
  recent: z.array(z.string()),
  /** Why the workspace is open read-only (another instance holds it, read-only media), or null. */
  readOnly: z.string().nullable(),
  /** The file is encrypted with a passphrase. */
  encrypted: z.boolean(),
  /** Encrypted and not open: nothing can be read until `workspace.unlock`. */
  locked: z.boolean(),
  /** Minutes without use before an encrypted workspace locks itself (0: never). */
  idleLockMinutes: IdleLockMinutes,
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

/** What "Purge deleted data" did. */
export const PurgeReport = z.object({
  redactedChanges: z.number(),
  bytesBefore: z.number(),
  bytesAfter: z.number(),
  walEmptied: z.boolean(),
});

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
  'workspace.open': call(z.object({ path: z.string().min(1), passphrase: Passphrase.optional() }), WorkspaceInfo),
  'workspace.create': call(z.object({ path: z.string().min(1), passphrase: NewPassphrase.optional() }), WorkspaceInfo),
  /** Opens the locked (encrypted) workspace with its passphrase. */
  'workspace.unlock': call(z.object({ passphrase: Passphrase }), WorkspaceInfo),
  /** Sets, changes or removes the passphrase: the file is written again under the new key. */
  'workspace.setPassphrase': call(PassphraseChange, WorkspaceInfo),
  /** Closes an encrypted workspace now; it asks for its passphrase again. */
  'workspace.lock': call(Empty, WorkspaceInfo),
  'workspace.setIdleLock': call(z.object({ minutes: IdleLockMinutes }), WorkspaceInfo),
  /** The analyst is at the window (typing, pointing): postpones the idle lock. */
  'workspace.activity': call(Empty, Ok),
  'workspace.saveCopy': call(z.object({ path: z.string().min(1) }), z.object({ path: z.string() })),
  'workspace.purge': call(Empty, PurgeReport),

  'articles.page': call(
    z.object({ query: ArticleQuery, startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine(
      (v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000,
      'Pages hold 1 to 1000 rows',
    ),
    ArticlePage,
  ),
  /** The count a page said it was still making (`counting`); refused as superseded once another table's count was asked for. */
  'articles.count': call(z.object({ query: ArticleQuery }), z.object({ total: z.number(), exact: z.boolean() })),
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

  'mentions.list': call(z.object({ articleId: Id }), z.array(Mention)),
  'mentions.suggest': call(
    z.object({ articleIds: z.array(Id).min(1).max(500) }),
    z.object({ articles: z.number(), suggestions: z.number(), failed: z.array(z.object({ articleId: z.number(), reason: z.string() })) }),
  ),
  'mentions.review': call(z.object({ id: Id, action: z.enum(['accept', 'reject']), scope: Scope }), z.object({ changed: z.number() })),
  'mentions.retype': call(z.object({ id: Id, type: MentionType }), Ok),
  'mentions.respan': call(z.object({ id: Id, start: z.number().int().min(0), end: z.number().int().min(1) }), Ok),
  'mentions.annotate': call(
    z.object({ articleId: Id, start: z.number().int().min(0), end: z.number().int().min(1), type: MentionType, scope: Scope }),
    z.object({ id: z.number() }),
  ),
  'mentions.link': call(z.object({ id: Id, entityId: Id }), Ok),
  /** A place chosen for a mention, as far as the analyst says: this mention, its entity in this article, or the entity everywhere. */
  'mentions.place': call(
    z.object({ id: Id, place: z.union([PlacePick.options[0], PlacePick.options[1]]), scope: PlaceScope }),
    z.object({ entityId: z.number(), moved: z.number() }),
  ),
  /** Batch review: every suggestion at or above a confidence (of one type) accepted as the analyst's, in one transaction. */
  'mentions.acceptSuggested': call(
    // In one article (the reader's), or in every one (the command line's) when articleId is null.
    z.object({ minConfidence: z.number().min(0).max(1), type: MentionType.nullable().default(null), articleId: z.number().int().nullable().default(null) }),
    z.object({ accepted: z.number() }),
  ),
  /** The workspace's name model: trained on how many decisions, when, and whether more are waiting. */
  'namesModel.status': call(Empty, NamesModelStatus),
  /** Back to the shipped model: what the workspace model learnt so far is dropped. */
  'namesModel.reset': call(Empty, NamesModelStatus),

  /** Reads the articles still waiting for suggestions, after reading stopped on a failure. */
  'entities.resumeSuggestions': call(Empty, Ok),
  'entities.page': call(
    z.object({ query: EntityQuery, startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine((v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000, 'Pages hold 1 to 1000 rows'),
    z.object({ rows: z.array(EntityRow), total: z.number() }),
  ),
  'entities.get': call(z.object({ id: Id }), EntityDetail),
  'entities.update': call(
    z.object({
      id: Id,
      name: z.string().trim().min(1).max(300).optional(),
      notes: z.string().max(20_000).nullable().optional(),
      type: EntityType.optional(),
      aliases: z.array(z.string().trim().min(1).max(300)).max(500).optional(),
      geonamesId: z.number().int().positive().nullable().optional(),
      wikidata: z.string().regex(/^Q\d+$/, 'A Wikidata id looks like Q123').nullable().optional(),
    }),
    EntityDetail,
  ),
  'entities.merge': call(z.object({ sourceId: Id, targetId: Id }), z.object({ entity: EntityDetail, undoId: z.number() })),
  'entities.undoMerge': call(z.object({ undoId: Id }), z.object({ restoredId: z.number() })),
  'entities.split': call(z.object({ id: Id, mentionIds: z.array(Id).min(1), name: z.string().trim().min(1).max(300) }), z.object({ newId: z.number() })),
  'entities.delete': call(z.object({ id: Id }), Ok),
  'entities.setPlace': call(z.object({ id: Id, place: PlacePick }), EntityDetail),
  /** Ranked with the countries of the article being read (when given), then the workspace's. */
  'places.search': call(z.object({ text: z.string().trim().min(1).max(200), articleId: Id.nullable().default(null) }), z.array(PlaceCandidate)),
  /** The registry's place entity for a gazetteer record or a custom place (name and point), made if new. */
  'places.entity': call(z.object({ place: z.union([PlacePick.options[0], PlacePick.options[1]]) }), EntityDetail),
  'map.places': call(
    z.object({
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().default(null),
      articleIds: z.array(Id).max(ARTICLE_IDS_MAX).default([]),
      includeSuggested: z.boolean().default(true),
      /** Whether nationality adjectives ("Russian forces") count as mentions of their country. */
      includeAdjectival: z.boolean().default(true),
      /** Only places mentioned in the articles this query matches: the map follows the tables' filters. */
      articleQuery: ArticleQuery.nullable().default(null),
    }),
    MapLayer,
  ),
  /** Country and city names for the basemap's labels, from the offline gazetteer. */
  'map.basemap': call(Empty, BasemapLabels),

  'entities.create': call(z.object({ type: EntityType, name: z.string().trim().min(1).max(300) }), EntityDetail),

  'events.draft': call(
    z.object({ articleId: Id, start: z.number().int().min(0), end: z.number().int().min(1) }),
    z.object({
      input: z.record(z.string(), z.unknown()),
      evidence: z.array(EvidenceInput),
      fatalities: z.object({ proposal: z.number(), readings: z.array(z.object({ quote: z.string(), figure: z.number().nullable(), reading: z.string() })) }),
      /** What the prefill read and why, for the analyst to check ("Source: … (not an actor)"). */
      cues: z.array(z.string()),
    }),
  ),
  'events.validate': call(z.object({ input: EventInput, eventId: Id.nullable().default(null), evidence: z.array(EvidenceInput).default([]) }), z.array(Problem)),
  'events.create': call(
    z.object({ input: EventInput, evidence: z.array(EvidenceInput).max(200).default([]), acceptWarnings: z.boolean().default(false) }),
    z.object({ event: EventRecord.nullable(), problems: z.array(Problem) }),
  ),
  'events.update': call(
    z.object({ id: Id, input: EventInput, acceptWarnings: z.boolean().default(false) }),
    z.object({ event: EventRecord.nullable(), problems: z.array(Problem) }),
  ),
  'events.delete': call(z.object({ id: Id }), Ok),
  'events.get': call(z.object({ id: Id }), EventRecord),
  'events.page': call(
    z.object({ query: EventQuery, startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine((v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000, 'Pages hold 1 to 1000 rows'),
    /** `repeats` (first page only): events of the query coded again from another copy of their story, counted once elsewhere. */
    z.object({ rows: z.array(EventRecord), total: z.number(), repeats: z.number().nullable() }),
  ),
  'events.points': call(z.object({ query: EventQuery }), z.object({ packed: z.string() })),
  'timeline.series': call(
    Empty,
    z.object({ articles: z.array(z.object({ date: z.string(), count: z.number() })), events: z.array(z.object({ date: z.string(), count: z.number(), fatalities: z.number() })) }),
  ),
  'events.addEvidence': call(z.object({ eventId: Id, evidence: EvidenceInput }), EventRecord),
  'events.removeEvidence': call(z.object({ evidenceId: Id }), EventRecord),
  'events.merge': call(z.object({ sourceId: Id, targetId: Id }), EventRecord),

  'relations.create': call(z.object({ input: RelationInput, evidence: z.array(RelationEvidence).max(50).default([]) }), RelationRecord),
  'relations.update': call(z.object({ id: Id, input: RelationInput }), RelationRecord),
  'relations.delete': call(z.object({ id: Id }), Ok),
  'relations.get': call(z.object({ id: Id }), RelationRecord),
  'relations.addEvidence': call(z.object({ id: Id, evidence: RelationEvidence }), RelationRecord),
  'relations.page': call(
    RelationNarrowing.extend({ entityIds: z.array(Id).max(50).default([]), startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine((v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000, 'Pages hold 1 to 1000 rows'),
    z.object({ rows: z.array(RelationRecord), total: z.number() }),
  ),
  'relations.graph': call(z.object({ around: z.array(Id).max(500).default([]), limit: z.number().int().min(1).max(50_000).default(20_000) }), Graph),

  'selection.links': call(SelectionRef, SelectionLinks),

  'reports.preview': call(z.object({ spec: ReportSpec }), z.object({ html: z.string(), events: z.number() })),
  'reports.save': call(z.object({ spec: ReportSpec, format: ReportFormat, path: z.string().min(1).max(4096), overwrite: z.boolean().default(false) }), ReportSaved),
  'reports.defaultPath': call(z.object({ format: ReportFormat }), z.object({ path: z.string() })),
  'exports.run': call(ExportRequest, ExportResult),
  'exports.defaultPath': call(z.object({ format: ExportFormat, table: z.enum(TABLE_NAMES).optional() }), z.object({ path: z.string() })),
  /** Stops the export under way: it leaves no file and no temporary file behind. */
  'exports.cancel': call(Empty, z.object({ cancelled: z.number() })),
  /** A W3C annotation, ACLED CSV or GeoJSON file's text, told apart by content. */
  'imports.exchange': call(ExchangeImportInput, ExchangeImportResult),
  /** Restores a workspace archive into a new workspace file and opens it; an encrypted one with its workspace's passphrase. */
  'workspace.restoreArchive': call(z.object({ archive: z.string().min(1), target: z.string().min(1), passphrase: Passphrase.optional() }), WorkspaceInfo),

  /** Groups the articles stored before copies of a story were recognised, in the background (progress: `stories.progress` events); `total` 0: none left. */
  'stories.groupStored': call(Empty, z.object({ total: z.number() })),
  'stories.cancelGrouping': call(Empty, Ok),

  'imports.start': call(z.object({ source: ImportSource, reading: ImportReading.default({}) }), z.object({ jobId: z.string() })),
  'imports.cancel': call(z.object({ jobId: z.string() }), Ok),
  'imports.report': call(z.object({ jobId: z.string() }), ImportReport),
  /** A big file sent ahead of its import in pieces, in order; imports.start then names it by `uploadId`. */
  'uploads.begin': call(z.object({ name: z.string().min(1).max(1000), bytes: z.number().int().min(1).max(MAX_UPLOAD_BYTES) }), z.object({ id: z.string() })),
  'uploads.append': call(z.object({ id: z.string(), offset: z.number().int().min(0), base64: z.string().min(1).max(Math.ceil(UPLOAD_PIECE_BYTES / 3) * 4) }), z.object({ received: z.number() })),
  'uploads.discard': call(z.object({ id: z.string() }), Ok),

  /** The history (newest first) with what undo and redo would do now; `beforeId` pages back. */
  'history.list': call(z.object({ limit: z.number().int().min(1).max(500).default(100), beforeId: Id.nullable().default(null) }), HistoryPage),
  /** What one change did: each row before and after. */
  'history.rows': call(z.object({ id: Id }), z.array(HistoryRow)),
  /** Checks the audit trail's hash chain. */
  'history.verify': call(Empty, AuditReport),
  'history.undo': call(Empty, z.object({ done: HistoryEntry.nullable() })),
  'history.redo': call(Empty, z.object({ done: HistoryEntry.nullable() })),
  /** Undoes every change from the newest back to this one (included). */
  'history.undoTo': call(z.object({ id: Id }), z.object({ undone: z.number() })),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** Pushed from the core to every window: progress, and "something changed, refresh". */
export type CoreEvent =
  | { type: 'import.progress'; report: ImportReport }
  /** `failed`: why reading stopped with articles left (they are read at the next start, or "Try again"). */
  | { type: 'extract.progress'; done: number; remaining: number; failed?: string }
  | { type: 'export.progress'; path: string; bytes: number }
  | ({ type: 'stories.progress' } & StoryGroupingProgress)
  | { type: 'changed'; what: Changed[] };
/** How far grouping older articles into stories has got; the counts of stories with copies once it is done. */
export interface StoryGroupingProgress {
  checked: number;
  total: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  storiesWithCopies: number | null;
  copies: number | null;
  message: string | null;
}
export type Changed = 'articles' | 'tags' | 'workspace' | 'entities' | 'events' | 'relations' | 'history' | 'namesModel';

/** Errors cross the boundary as something a person can read. */
export const CallError = z.object({ code: z.string(), message: z.string() });
export type CallError = z.infer<typeof CallError>;
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
