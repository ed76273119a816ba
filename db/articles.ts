import type { ArticleColumn, ArticleDetail, ArticlePage, ArticlePatch, ArticleQuery, ArticleRow, ArticleTarget, ColumnFilter } from '../electron/contract/index.js';
import { recordChange } from './changes.js';
import { MentionCounts } from './mentionCounts.js';
import type { NewMention } from './mentions.js';
import { documentOf, storeDocumentFields, type DocumentFields } from './documents.js';
import { highlightRanges, toFtsQuery } from './ftsQuery.js';
import { snippetOf } from './snippet.js';
import { nowIso, writeTransaction, type Db } from './open.js';
import { StoryIndex } from './stories.js';
import type { StorySignature } from '../electron/services/duplicates/nearDuplicates.js';

export interface StoredArticle extends DocumentFields {
  title: string;
  source: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
  dateline: string | null;
  words: number;
  format: string;
  fileName: string | null;
  fingerprint: string;
  body: string;
  /** The body's near-duplicate signature, when the parser made it (see NewArticle.story). */
  story?: StorySignature;
}

/** What a write of articles did, in their order: each stored or found a copy of an earlier one. */
export interface StoredBatch {
  results: ({ id: number } | { duplicateOf: number })[];
  importedAt: string;
  /** The newest import time before this write (kept orders by import time take the new rows at one end). */
  newestBefore: string | null;
}

/** Articles of this article's story, itself included (see db/stories.ts); 1 when it has no story yet. */
const COPIES_SQL =
  'max(1, (SELECT count(*) FROM story_copy c2 WHERE c2.story_id = (SELECT c1.story_id FROM story_copy c1 WHERE c1.article_id = a.id)))';

/** Sort keys are indexed expressions (see 001_articles.sql, 013_ocr_lowest.sql); grading sorts by reliability then credibility. */
const SORT_SQL: Record<ArticleColumn, string[]> = {
  title: ['a.title COLLATE NOCASE'],
  source: ['a.source COLLATE NOCASE'],
  published: ['a.published'],
  dateline: ['a.dateline COLLATE NOCASE'],
  grading: ['a.reliability', 'a.credibility'],
  words: ['a.words'],
  imported: ['a.imported_at'],
  copies: [COPIES_SQL],
  ocr: ['a.ocr_lowest'],
};

/**
 * Keys whose empty value sorts last in both directions: the OCR column lists the doubtful scans
 * together at the top whichever way it is sorted (worst page first, or mildest doubt first),
 * above the articles OCR did not doubt.
 */
const EMPTY_LAST = new Set(SORT_SQL.ocr);

const FILTER_SQL: Record<ArticleColumn, string> = {
  title: 'a.title',
  source: 'a.source',
  published: 'a.published',
  dateline: 'a.dateline',
  grading: "coalesce(a.reliability, '') || coalesce(a.credibility, '')",
  words: 'a.words',
  imported: 'a.imported_at',
  copies: COPIES_SQL,
  ocr: 'a.ocr_lowest',
};

interface Where {
  joins: string;
  clauses: string[];
  params: unknown[];
  fts: string | null;
}

export const COUNT_LIMIT = 10_000;
/** Rows of a new sort or filter read straight from the index (ten blocks of the table); deeper, its whole order is kept. */
export const FIRST_ROWS = 1_000;
/**
 * Titles the trigram index may find for a "title contains" filter (a superset of the matches) at
 * or below which they are read and sorted at once rather than looked for down the sort's order
 * (see fewTitlesHold): 2,000 rows read by id cost tens of milliseconds, and so few matches fill a
 * page within WALK_ROWS only where the workspace is small.
 */
const FEW_TITLES = 2_000;
/** The share of the workspace (by id) a filter must match for its order to be read in one pass over the table, not by the filter's index (see orderPlan). */
const SCAN_SHARE = 0.05;
/** How far down a sort's index the first rows of a filter are looked for before SQLite's own plan is used (see firstRows). */
const WALK_ROWS = 20_000;
/** Sorts that an index of the article table gives without sorting (the table's default, newest first, too). */
const WALKABLE = new Set<ArticleColumn>(['title', 'source', 'published', 'dateline', 'grading', 'words', 'imported']);

/** A non-search query's order, as cached: everything but the search words. */
const orderKey = (query: ArticleQuery) => JSON.stringify([query.tagIds, query.entityIds, query.bbox, query.dateRange, query.filters, query.sort, query.oneRowPerStory]);
/** Text filters no index can serve: counting their matches reads every row (see count). */
const SCANNING_FILTERS = new Set(['contains', 'notContains', 'endsWith', 'notEqual']);
const scansEveryRow = (query: ArticleQuery) => Object.values(query.filters).some((f) => f.filterType === 'text' && SCANNING_FILTERS.has(f.type));

/** A query's count, as cached: everything but the sort. */
const countKey = (query: ArticleQuery) => JSON.stringify([query.search, query.tagIds, query.entityIds, query.bbox, query.dateRange, query.filters, query.oneRowPerStory]);
export const RANK_LIMIT = 5_000;

/** What reads whole orders off the core's thread (electron/services/orderReader.ts). */
export interface OrderSource {
  readonly usable: boolean;
  /**
   * The ids `sql` selects. A source that reads one order at a time may answer SupersededRead for a
   * read still waiting its turn, or stopped by stopTerm, when another was asked for after it: the
   * window moved on.
   */
  ids(sql: string, params: unknown[]): Promise<number[]>;
  /**
   * The single number `sql` selects (a table's count). Like `ids`, one asked for before the last may
   * answer SupersededRead. Without it, counts are made on the core's thread.
   */
  count?(sql: string, params: unknown[]): Promise<number>;
  /** A read in progress (a promise `ids` or `count` gave) is wanted again: it is again the one of its kind asked for last. */
  wantAgain?(read: Promise<unknown>): void;
  /** A read in progress is no longer wanted: one that has not run yet is passed over, one that runs is stopped. */
  letGo?(read: Promise<unknown>): void;
  /** No other read of its kind was asked for since `read` was (or was wanted again). */
  stillAsked?(read: Promise<unknown>): boolean;
  /**
   * A condition on the article table `a` that is always true on the source's connection, but stops
   * the read it is evaluated in once the window has asked for another (the read then answers
   * SupersededRead): ANDed into the reads sent, so that a read already running is stopped too, not
   * only one still waiting.
   */
  readonly stopTerm?: string;
}

/**
 * An order read that was not made because the window asked for another one after it (a new sort or
 * filter) before its turn came: the blocks that waited for it are of a table no longer shown.
 */
export class SupersededRead extends Error {
  constructor() {
    super('A newer view of the table was asked for before this one was read.');
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How a query's filters are written. `scan`: each column as an expression (+col) that no index
 * matches, so SQLite reads the table in order instead. `substrings`: "title contains" of three
 * characters or more first looks up the titles that hold every three characters of it (the
 * article_title_trigram index), then applies the LIKE to those alone.
 */
type FilterPlan = 'plain' | 'scan' | 'substrings';

/** The fewest characters the trigram index can look up. */
const TRIGRAM = 3;
/** A long text is looked up by this many of its trigrams, spread along it: the LIKE checks the rest. */
const MOST_TRIGRAMS = 12;

/**
 * The trigram index's query for titles holding `text`: each distinct three characters of it, as
 * its own quoted term (the index keeps no positions, so no phrase), all required.
 */
function trigramQuery(text: string): string | null {
  const chars = [...text];
  if (chars.length < TRIGRAM) return null;
  const grams = [...new Set(chars.slice(0, chars.length - TRIGRAM + 1).map((_, i) => chars.slice(i, i + TRIGRAM).join('')))];
  const step = Math.max(1, grams.length / MOST_TRIGRAMS);
  const picked = grams.length <= MOST_TRIGRAMS ? grams : Array.from({ length: MOST_TRIGRAMS }, (_, k) => grams[Math.floor(k * step)]!);
  return picked.map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

function filterClause(column: ArticleColumn, filter: ColumnFilter, params: unknown[], plan: FilterPlan = 'plain'): string | null {
  const col = `${plan === 'scan' ? '+' : ''}${FILTER_SQL[column]}`;
  const lookup = plan === 'substrings' && column === 'title' && filter.filterType === 'text' && filter.type === 'contains' ? trigramQuery(filter.filter ?? '') : null;
  if (!lookup) return columnFilterSql(col, filter, params);
  // The trigram tokenizer folds case more widely than LIKE does and the lookup ignores order, so it
  // finds every title the LIKE would and some more; the LIKE after it keeps the answer exactly what it was.
  params.push(lookup);
  return `a.id IN (SELECT rowid FROM article_title_trigram WHERE article_title_trigram MATCH ?) AND ${columnFilterSql(col, filter, params)}`;
}

/** One AG Grid column filter as a SQL condition on `col` (null when it filters nothing); other tables' column filters use it too. */
export function columnFilterSql(col: string, filter: ColumnFilter, params: unknown[]): string | null {
  if (filter.type === 'blank') return `(${col} IS NULL OR ${col} = '')`;
  if (filter.type === 'notBlank') return `(${col} IS NOT NULL AND ${col} <> '')`;
  if (filter.filterType === 'text') {
    const value = filter.filter ?? '';
    if (!value) return null;
    const like = (pattern: string, not = false) => {
      params.push(pattern);
      return `${not ? 'coalesce(' + col + ", '') NOT LIKE" : col + ' LIKE'} ? ESCAPE '\\'`;
    };
    switch (filter.type) {
      case 'contains':
        return like(`%${likeEscape(value)}%`);
      case 'notContains':
        return like(`%${likeEscape(value)}%`, true);
      case 'startsWith':
        return like(`${likeEscape(value)}%`);
      case 'endsWith':
        return like(`%${likeEscape(value)}`);
      case 'equals':
        params.push(value);
        return `${col} = ? COLLATE NOCASE`;
      case 'notEqual':
        params.push(value);
        return `coalesce(${col}, '') <> ? COLLATE NOCASE`;
    }
  }
  if (filter.filterType === 'number') {
    if (filter.filter == null) return null;
    const ops = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' } as const;
    if (filter.type === 'inRange') {
      params.push(filter.filter, filter.filterTo ?? filter.filter);
      return `${col} BETWEEN ? AND ?`;
    }
    params.push(filter.filter);
    return `${col} ${ops[filter.type]} ?`;
  }
  if (filter.filterType === 'date') {
    const from = filter.dateFrom?.slice(0, 10);
    if (!from) return null;
    const to = filter.dateTo?.slice(0, 10) ?? from;
    // Dates are stored as ISO text, possibly only a year or year-month.
    switch (filter.type) {
      case 'equals':
        params.push(from);
        return `substr(${col}, 1, 10) = ?`;
      case 'notEqual':
        params.push(from);
        return `coalesce(substr(${col}, 1, 10), '') <> ?`;
      case 'lessThan':
        params.push(from);
        return `${col} < ?`;
      case 'greaterThan':
        params.push(`${from}~`);
        return `${col} > ?`;
      case 'inRange':
        params.push(from, `${to}~`);
        return `${col} BETWEEN ? AND ?`;
    }
  }
  return null;
}

/** A query's conditions; `plan` says how its column filters are written (see FilterPlan and orderPlan). */
function buildWhere(db: Db, query: ArticleQuery, plan: FilterPlan = 'plain'): Where {
  const where: Where = { joins: '', clauses: [], params: [], fts: toFtsQuery(db, query.search) };
  if (where.fts) {
    where.joins = 'JOIN article_fts f ON f.rowid = a.id';
    where.clauses.push('article_fts MATCH ?');
    where.params.push(where.fts);
  }
  for (const tagId of query.tagIds) {
    // A tag matches its sub-tags too: filtering by "Afghanistan" finds articles tagged "Afghanistan/Kunduz".
    where.clauses.push(`a.id IN (
      SELECT article_id FROM article_tag WHERE tag_id IN (
        WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tag t JOIN sub ON t.parent_id = sub.id)
        SELECT id FROM sub))`);
    where.params.push(tagId);
  }
  for (const entityId of query.entityIds) {
    where.clauses.push("a.id IN (SELECT article_id FROM mention WHERE entity_id = ? AND status <> 'rejected')");
    where.params.push(entityId);
  }
  if (query.bbox) {
    const [w, s, e, n] = query.bbox;
    where.clauses.push(`a.id IN (SELECT m.article_id FROM mention m JOIN entity en ON en.id = m.entity_id
      WHERE m.status <> 'rejected' AND en.type = 'place' AND en.lat BETWEEN ? AND ? AND en.lon BETWEEN ? AND ?)`);
    where.params.push(s, n, w, e);
  }
  if (query.dateRange) {
    where.clauses.push(`${plan === 'scan' ? '+' : ''}a.published BETWEEN ? AND ?`);
    where.params.push(query.dateRange[0], `${query.dateRange[1]}~`);
  }
  for (const [column, filter] of Object.entries(query.filters) as [ArticleColumn, ColumnFilter][]) {
    const clause = filterClause(column, filter, where.params, plan);
    if (clause) where.clauses.push(clause);
  }
  return where;
}

/**
 * How a page is ordered. A search without a column sort is ranked by relevance (bm25) when it has
 * at most RANK_LIMIT hits; ranking costs work for every hit, so larger result sets come newest
 * first (FTS5 delivers rowid order without sorting) and the table says so.
 */
/** `unindexed` writes each key as an expression (+key) that no index matches: SQLite then filters first and sorts what is left. */
function orderBy(query: ArticleQuery, hasFts: boolean, rankable = true, unindexed = false): string {
  const sort = query.sort[0];
  const plus = unindexed ? '+' : '';
  if (!sort || sort.column === 'rank') {
    if (!hasFts) return `${plus}a.imported_at DESC, ${plus}a.id DESC`;
    return rankable ? 'f.rank, a.id' : 'f.rowid DESC';
  }
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return [...SORT_SQL[sort.column], 'a.id'].map((k) => `${plus}${k} ${dir}${EMPTY_LAST.has(k) ? ' NULLS LAST' : ''}`).join(', ');
}

const whereSql = (w: Where) => (w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '');

/**
 * The ids a query matches, in `order`. One row per story keeps, of each story's copies that
 * match, the first in that order: the copy the search found, not always the story's first article.
 */
function idsSql(where: Where, order: string, oneRowPerStory: boolean): string {
  if (!oneRowPerStory) return `SELECT a.id FROM article a ${where.joins} ${whereSql(where)} ORDER BY ${order}`;
  return `SELECT id FROM (${firstCopiesSql(where, order)}) WHERE nth = 1 ORDER BY pos`;
}

function firstCopiesSql(where: Where, order: string): string {
  return `SELECT a.id, row_number() OVER (PARTITION BY coalesce(sc.story_id, a.id) ORDER BY ${order}) AS nth, row_number() OVER (ORDER BY ${order}) AS pos
    FROM article a ${where.joins} LEFT JOIN story_copy sc ON sc.article_id = a.id ${whereSql(where)}`;
}

/** Each id a query matches with its position (1, 2, …) in table order. */
function positionsSql(where: Where, order: string, oneRowPerStory: boolean): string {
  if (!oneRowPerStory) return `SELECT a.id, row_number() OVER (ORDER BY ${order}) AS pos FROM article a ${where.joins} ${whereSql(where)}`;
  return `SELECT id, row_number() OVER (ORDER BY pos) AS pos FROM (${firstCopiesSql(where, order)}) WHERE nth = 1`;
}

interface RowRecord {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  dateline: string | null;
  reliability: ArticleRow['reliability'];
  credibility: number | null;
  words: number;
  imported_at: string;
  snippet: string | null;
  copies: number;
  ocr_low_confidence: string | null;
}

/** Pages a scan's OCR read with low confidence (see 009_documents.sql's metadata); null for every other article. */
const OCR_LOW_CONFIDENCE_SQL = "(SELECT json_extract(d.metadata, '$.ocrLowConfidence') FROM article_document d WHERE d.article_id = a.id)";

const ROW_COLUMNS = `a.id, a.title, a.source, a.published, a.dateline, a.reliability, a.credibility, a.words, a.imported_at, ${COPIES_SQL} AS copies, ${OCR_LOW_CONFIDENCE_SQL} AS ocr_low_confidence`;

function tagsFor(db: Db, ids: number[]): Map<number, ArticleRow['tags']> {
  const map = new Map<number, ArticleRow['tags']>();
  if (ids.length === 0) return map;
  const rows = db
    .prepare(
      `SELECT at.article_id AS articleId, t.id, t.name, t.color FROM article_tag at JOIN tag t ON t.id = at.tag_id
       WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    )
    .all(JSON.stringify(ids)) as { articleId: number; id: number; name: string; color: string }[];
  for (const r of rows) {
    const list = map.get(r.articleId) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    map.set(r.articleId, list);
  }
  return map;
}

function toRow(r: RowRecord, tags: Map<number, ArticleRow['tags']>): ArticleRow {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    published: r.published,
    dateline: r.dateline,
    reliability: r.reliability,
    credibility: r.credibility,
    words: r.words,
    importedAt: r.imported_at,
    tags: tags.get(r.id) ?? [],
    snippet: r.snippet,
    copies: r.copies,
    ocrLowConfidence: r.ocr_low_confidence,
  };
}

/**
 * Articles repository. Counts are cached per query until the next write, so scrolling a large
 * table costs one page query per block, not a count of the whole table each time.
 */
export class ArticlesRepository {
  private counts = new Map<string, { total: number; exact: boolean }>();
  private orders = new Map<string, { query: ArticleQuery; ids: number[] }>();
  /** Cached queries that read mentions (an entity or map-view filter): new suggestions change only these. */
  private byMentions = new Set<string>();
  private readonly stories: StoryIndex;
  /** Reads whole orders off the core's thread (see orderReader.ts); null: they are read on it. */
  private reader: OrderSource | null = null;
  /** Orders being read by the reader, shared by the blocks that wait for them (`read`: the reader's own promise). */
  private reading = new Map<string, { read: Promise<number[]>; answer: Promise<number[]> }>();
  /** Counts being made by the reader, likewise shared by the calls that wait for them. */
  private counting = new Map<string, { read: Promise<number>; answer: Promise<{ total: number; exact: boolean }> }>();
  /** Bumped by every change to the articles, and to the mentions: an order read meanwhile is not kept. */
  private articlesVersion = 0;
  private mentionsVersion = 0;

  constructor(
    private readonly db: Db,
    /** How far down a sort's order a filter's first rows are looked for (see firstRows); smaller in tests. */
    private readonly walkRows = WALK_ROWS,
    /** Where a count that reads every row stops (see count); smaller in tests. */
    private readonly countLimit = COUNT_LIMIT,
  ) {
    this.stories = new StoryIndex(db);
  }

  /**
   * Called by every write so cached counts are never stale. Suggestions stored in the background
   * touch mentions only: the table's own order stays cached, so its pages do not re-sort the whole
   * workspace after every few articles read.
   */
  touched(what: 'articles' | 'mentions' = 'articles'): void {
    if (what === 'mentions') this.mentionsVersion++;
    else this.articlesVersion++;
    if (what === 'mentions') {
      for (const key of this.byMentions) {
        this.counts.delete(key);
        this.orders.delete(key);
      }
    } else {
      this.counts.clear();
      this.orders.clear();
    }
    this.byMentions.clear();
  }

  /**
   * New articles join the cached orders they belong to instead of dropping them: during a long
   * import the table's first page would otherwise re-sort the whole workspace after every slice
   * stored (a quarter of a second at a million articles). That is sound only where the new rows
   * land at one end (newest or oldest first: new ids are the largest, stamped now) and where
   * they change nothing about the rows already listed: a copies filter, a copies sort or one row
   * per story can change when a new copy of a story comes in, so those orders are dropped.
   */
  private added(ids: number[], importedAt: string, newestBefore: string | null): void {
    // Counts go; `byMentions` stays: the orders kept below still change when suggestions come in.
    this.counts.clear();
    this.articlesVersion++;
    const json = JSON.stringify(ids);
    for (const [key, entry] of this.orders) {
      const { query } = entry;
      const sort = query.sort[0];
      const byImport = !sort || sort.column === 'rank' || sort.column === 'imported';
      const atOneEnd = byImport && (newestBefore === null || importedAt >= newestBefore);
      if (!atOneEnd || query.oneRowPerStory || query.filters.copies) {
        this.orders.delete(key);
        continue;
      }
      const where = buildWhere(this.db, query);
      const matching = this.db
        .prepare(`SELECT a.id FROM article a ${where.joins} WHERE ${[...where.clauses, 'a.id IN (SELECT value FROM json_each(?))'].join(' AND ')} ORDER BY ${orderBy(query, false)}`)
        .pluck()
        .all(...where.params, json) as number[];
      if (matching.length === 0) continue;
      const oldestFirst = sort?.column === 'imported' && sort.direction === 'asc';
      entry.ids = oldestFirst ? entry.ids.concat(matching) : matching.concat(entry.ids);
    }
  }

  private remember<T>(cache: Map<string, T>, key: string, query: ArticleQuery, value: T): void {
    cache.set(key, value);
    if (query.entityIds.length > 0 || query.bbox) this.byMentions.add(key);
  }

  insertMany(articles: StoredArticle[]): Map<number, { id: number } | { duplicateOf: number }> {
    const batch = this.storeMany(articles);
    this.noteStored(batch);
    return new Map(batch.results.map((r, i) => [i, r]));
  }

  /**
   * Stores the articles in one transaction, as insertMany does, but leaves this repository's kept
   * counts and orders as they are: the import's writer (electron/services/writerWorker.ts) stores
   * on its own connection, and the core's repository is then told with noteStored.
   */
  storeMany(articles: StoredArticle[]): StoredBatch {
    const findDuplicate = this.db.prepare('SELECT id FROM article WHERE fingerprint = ?').pluck();
    const insertArticle = this.db.prepare(
      `INSERT INTO article (title, source, url, author, published, dateline, words, format, file_name, fingerprint, imported_at)
       VALUES (@title, @source, @url, @author, @published, @dateline, @words, @format, @fileName, @fingerprint, @importedAt)`,
    );
    const insertBody = this.db.prepare('INSERT INTO article_body (article_id, body) VALUES (?, ?)');
    const result = new Map<number, { id: number } | { duplicateOf: number }>();
    const importedAt = nowIso();
    const newestBefore = this.db.prepare('SELECT max(imported_at) FROM article').pluck().get() as string | null;
    writeTransaction(this.db, () => {
      this.stories.startWrite(articles.length);
      articles.forEach((article, index) => {
        const existing = findDuplicate.get(article.fingerprint) as number | undefined;
        if (existing !== undefined) {
          result.set(index, { duplicateOf: existing });
          return;
        }
        const id = Number(insertArticle.run({ ...article, importedAt }).lastInsertRowid);
        insertBody.run(id, article.body);
        storeDocumentFields(this.db, id, article, (i) => {
          const stored = result.get(i);
          return stored ? ('id' in stored ? stored.id : stored.duplicateOf) : null;
        });
        this.stories.file(id, article.body, article.story);
        result.set(index, { id });
      });
    });
    this.stories.endWrite();
    return { results: articles.map((_, i) => result.get(i)!), importedAt, newestBefore };
  }

  /** Articles stored (here or by the writer's connection) join the kept orders; the kept counts go. */
  noteStored(batch: StoredBatch): void {
    const added = batch.results.flatMap((r) => ('id' in r ? [r.id] : []));
    this.added(added, batch.importedAt, batch.newestBefore);
  }

  page(query: ArticleQuery, startRow: number, endRow: number): ArticlePage {
    const where = buildWhere(this.db, query);
    if (!where.fts) {
      const sorted = query.sort[0] && query.sort[0].column !== 'rank';
      const order = sorted ? 'column' : 'newest';
      const ordered = this.orders.get(orderKey(query))?.ids;
      if (!ordered && startRow < FIRST_ROWS && !query.oneRowPerStory) {
        // The first blocks of a new sort or filter: read down the sort's index and stop at the page,
        // instead of ordering every match first (0.6 s for a filtered sort at 100,000 articles).
        const ids = this.firstRows(query, where, startRow, endRow);
        if (ids) return this.rowsPage(ids, this.count(query, where), order);
        // A filter too rare to fill the page near the top of the sort: its matches are few, sorted at once.
        return this.orderPage(query, this.orderedIds(query, where, true), startRow, endRow);
      }
      return this.orderPage(query, ordered ?? this.orderedIds(query, where), startRow, endRow);
    }
    const { total, exact } = this.count(query, where);
    const rankable = exact && total <= RANK_LIMIT;
    // Pick the page's ids first, then read rows and snippets for those ids only: SQLite would
    // otherwise build a snippet for every match before sorting.
    const ids = this.db
      .prepare(`${idsSql(where, orderBy(query, !!where.fts, rankable), query.oneRowPerStory)} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...where.params, endRow - startRow, startRow) as number[];
    const records = ids.length === 0 ? [] : this.rowsByIds(ids, where.fts);
    const tags = tagsFor(this.db, ids);
    const sorted = query.sort[0] && query.sort[0].column !== 'rank';
    const order = sorted ? 'column' : !where.fts ? 'newest' : rankable ? 'relevance' : 'newest';
    return { rows: records.map((r) => toRow(r, tags)), total, exact, order };
  }

  /** Lets whole orders be read off the core's thread from now on (null: on it again). */
  useReader(reader: OrderSource | null): void {
    this.reader = reader;
  }

  /**
   * A page as `page` gives it; but a block that needs the whole order of a query not yet read has
   * that order read by the reader, and the core's thread answers other calls meanwhile (a title
   * sort of a filter at a million articles takes seconds to read).
   */
  async pageSoon(query: ArticleQuery, startRow: number, endRow: number): Promise<ArticlePage> {
    // The table shows this query now: a count still being made for another would hold the reader,
    // which this block (or the map following the table) may need, for a number nobody waits for.
    for (const [key, { read }] of this.counting) if (key !== countKey(query)) this.reader?.letGo?.(read);
    const where = buildWhere(this.db, query);
    if (!this.reader?.usable || where.fts || this.orders.has(orderKey(query))) return this.page(query, startRow, endRow);
    if (startRow < FIRST_ROWS && !query.oneRowPerStory) {
      const ids = this.firstRows(query, where, startRow, endRow);
      if (ids) return this.rowsPage(ids, this.pageCount(query, where, startRow, ids.length, endRow - startRow), query.sort[0] && query.sort[0].column !== 'rank' ? 'column' : 'newest');
      return this.orderPage(query, await this.readOrder(query, where, true), startRow, endRow);
    }
    return this.orderPage(query, await this.readOrder(query, where, false), startRow, endRow);
  }

  /** `neighbour`, with an order not yet read read off the core's thread (see pageSoon). */
  async neighbourSoon(query: ArticleQuery, id: number, direction: 'next' | 'previous'): Promise<number | null> {
    const where = buildWhere(this.db, query);
    if (!this.reader?.usable || where.fts || this.orders.has(orderKey(query))) return this.neighbour(query, id, direction);
    const ordered = await this.readOrder(query, where, false);
    const at = ordered.indexOf(id);
    return at === -1 ? null : (ordered[at + (direction === 'next' ? 1 : -1)] ?? null);
  }

  /** A page of these ids (in this order) out of `count` matches. */
  private rowsPage(ids: number[], count: { total: number; exact: boolean; counting?: boolean }, order: ArticlePage['order']): ArticlePage {
    const tags = tagsFor(this.db, ids);
    const page: ArticlePage = { rows: this.rowsByIds(ids, null).map((r) => toRow(r, tags)), total: count.total, exact: count.exact, order };
    return count.counting ? { ...page, counting: true } : page;
  }

  /**
   * The count a first block is answered with. Counting every match of a filter at a million articles
   * takes a large part of a second before the file is in the system's cache (0.3-0.5 s for "words >
   * 600", 0.5-0.7 s for a word in titles; 1.7 and 5.1 s with other work running), while the block's
   * rows take tens of milliseconds: so, unless the count is known or the block
   * shows the end, the block says how many rows there are at least and that the reader is counting
   * the rest (`counting`); the window asks countSoon for the count and updates the table when it comes.
   */
  private pageCount(query: ArticleQuery, where: Where, startRow: number, rows: number, requested: number): { total: number; exact: boolean; counting?: boolean } {
    const known = this.knownCount(query, where);
    if (known) return known;
    // A short block is the end of the table (an empty one after the first could be past it: counted).
    if (rows < requested && (rows > 0 || startRow === 0)) {
      const result = { total: startRow + rows, exact: true };
      this.rememberCount(countKey(query), query, result);
      return result;
    }
    if (!this.reader?.usable || !this.reader.count) return this.count(query, where);
    // Started now, so the count is under way by the time the window asks for it.
    this.countSoon(query).catch(() => undefined);
    return { total: startRow + rows, exact: false, counting: true };
  }

  /** Rows `startRow` to `endRow` of a query's whole order. */
  private orderPage(query: ArticleQuery, all: number[], startRow: number, endRow: number): ArticlePage {
    const sorted = query.sort[0] && query.sort[0].column !== 'rank';
    return this.rowsPage(all.slice(startRow, endRow), { total: all.length, exact: true }, sorted ? 'column' : 'newest');
  }

  /**
   * The whole order of a non-search query, read by the reader (`filterFirst` as in orderedIds) while
   * the core's thread answers other calls. Blocks asked together share one read. The order is kept
   * for the blocks after when nothing it depends on changed while it was read; otherwise this block
   * is answered from it and the next reads it again.
   */
  private readOrder(query: ArticleQuery, where: Where, filterFirst: boolean): Promise<number[]> {
    const key = orderKey(query);
    const already = this.reading.get(key);
    if (already) {
      this.reader!.wantAgain?.(already.read);
      // Stopped as the window moved away, and its answer still on its way back when the window came
      // back to it: read again, unless the window has moved on since.
      return already.answer.catch((error: unknown) => {
        if (error instanceof SupersededRead && this.reader?.stillAsked?.(already.read)) return this.readOrder(query, where, filterFirst);
        throw error;
      });
    }
    const plan = this.orderPlan(query, where, filterFirst, false);
    const readsMentions = query.entityIds.length > 0 || !!query.bbox;
    const versions = [this.articlesVersion, this.mentionsVersion];
    // First: SQLite skips a row's later conditions once one rejects it, and the stop must see every row looked at.
    const stoppable = this.reader!.stopTerm ? { ...plan.where, clauses: [this.reader!.stopTerm, ...plan.where.clauses] } : plan.where;
    const read = this.reader!.ids(idsSql(stoppable, plan.order, plan.oneRowPerStory), plan.where.params);
    const answer = read
      .then(
        (ids) => {
          const unchanged = versions[0] === this.articlesVersion && (!readsMentions || versions[1] === this.mentionsVersion);
          if (unchanged) this.keepOrder(key, query, ids);
          return ids;
        },
        // The reader failed or was stopped: read here, as without one. A read passed over for a newer
        // one is not: its blocks belong to a table the window no longer shows.
        (error: unknown) => {
          if (error instanceof SupersededRead) throw error;
          return this.orderedIds(query, buildWhere(this.db, query), filterFirst);
        },
      )
      .finally(() => this.reading.delete(key));
    this.reading.set(key, { read, answer });
    return answer;
  }

  /**
   * Rows `startRow` to `endRow` of a filtered sort. Asked for a filter on one indexed column and a
   * sort by another, SQLite reads every match by the filter's index and sorts them all (1.4 s for a
   * source that a tenth of a million articles share), or, for a filter no index serves, walks the
   * sort's index looking up every row (1.5 s for a rare word in titles), while a page of a common
   * filter fills within the first few thousand rows of the sort's order and a rare filter's matches
   * are cheap to sort. So the sort's order is walked first, testing the filter on each row, up to
   * WALK_ROWS rows. Null for a filter too rare to fill the page there: the caller has all its
   * matches sorted at once (orderedIds, filterFirst), an order kept for the blocks after and for the
   * count. A filter on the sort's own column is left to SQLite, which reads the range of that index.
   */
  private firstRows(query: ArticleQuery, where: Where, startRow: number, endRow: number): number[] | null {
    const order = orderBy(query, false);
    const column = query.sort[0]?.column;
    const sort = !column || column === 'rank' ? 'imported' : column;
    const sortFiltered = sort in query.filters || (sort === 'published' && query.dateRange);
    if (where.clauses.length > 0 && !where.joins && WALKABLE.has(sort) && !sortFiltered) {
      if (this.fewTitlesHold(query)) return null;
      const walked = this.db
        .prepare(`SELECT id FROM (SELECT a.id AS id, (${where.clauses.join(' AND ')}) AS ok FROM article a ORDER BY ${order} LIMIT ?) WHERE ok LIMIT ? OFFSET ?`)
        .pluck()
        .all(...where.params, this.walkRows, endRow - startRow, startRow) as number[];
      // A full page holds the first matches of the whole order: none can come after the rows walked.
      if (walked.length === endRow - startRow) return walked;
      return null;
    }
    return this.db
      .prepare(`${idsSql(where, order, false)} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...where.params, endRow - startRow, startRow) as number[];
  }

  /**
   * Whether a "title contains" filter is one the trigram index finds few titles for. Walking the
   * sort's order for a rare word's titles reads walkRows rows in vain, a second before SQLite has
   * the file cached at a million articles, while the index tells in ten milliseconds that the few
   * matches are better read and sorted at once.
   */
  private fewTitlesHold(query: ArticleQuery): boolean {
    const filter = query.filters.title;
    if (filter?.filterType !== 'text' || filter.type !== 'contains') return false;
    const lookup = trigramQuery(filter.filter ?? '');
    if (!lookup) return false;
    const candidates = this.db
      .prepare(`SELECT count(*) FROM (SELECT rowid FROM article_title_trigram WHERE article_title_trigram MATCH ? LIMIT ${FEW_TITLES + 1})`)
      .pluck()
      .get(lookup) as number;
    return candidates <= FEW_TITLES;
  }

  private rowsByIds(ids: number[], fts: string | null): RowRecord[] {
    const json = JSON.stringify(ids);
    // A prefix term makes FTS5's snippet() read all of that term's matches for each row: built here instead.
    if (fts?.includes('*')) {
      const rows = this.db
        .prepare(`SELECT ${ROW_COLUMNS}, b.body AS body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.id IN (SELECT value FROM json_each(?))`)
        .all(json) as (Omit<RowRecord, 'snippet'> & { body: string })[];
      const byId = new Map(rows.map(({ body, ...r }): [number, RowRecord] => [r.id, { ...r, snippet: snippetOf(body, fts) }]));
      return ids.map((id) => byId.get(id)).filter((r): r is RowRecord => r !== undefined);
    }
    const records = fts
      ? (this.db
          .prepare(
            `SELECT ${ROW_COLUMNS}, snippet(article_fts, 1, char(2), char(3), '…', 14) AS snippet
             FROM article_fts f JOIN article a ON a.id = f.rowid
             WHERE article_fts MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))`,
          )
          .all(fts, json) as RowRecord[])
      : (this.db.prepare(`SELECT ${ROW_COLUMNS}, NULL AS snippet FROM article a WHERE a.id IN (SELECT value FROM json_each(?))`).all(json) as RowRecord[]);
    const byId = new Map(records.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is RowRecord => r !== undefined);
  }

  /**
   * Every id a (non-search) query matches, in table order, computed once per query and data
   * version. Scrolling then costs a slice and a lookup by id, however deep the block: OFFSET
   * paging re-sorted and skipped the whole prefix for every block.
   */
  /** Every match in order, kept for the blocks after; `filterFirst` when the matches are known to be few (see firstRows). */
  private orderedIds(query: ArticleQuery, where: Where, filterFirst = false): number[] {
    const key = orderKey(query);
    const cached = this.orders.get(key);
    if (cached) return cached.ids;
    const plan = this.orderPlan(query, where, filterFirst);
    const ids = this.db.prepare(idsSql(plan.where, plan.order, plan.oneRowPerStory)).pluck().all(...plan.where.params) as number[];
    this.keepOrder(key, query, ids);
    return ids;
  }

  private keepOrder(key: string, query: ArticleQuery, ids: number[]): void {
    if (this.orders.size >= 16) this.orders.delete(this.orders.keys().next().value!);
    this.remember(this.orders, key, query, { query, ids });
  }

  /**
   * How every match of a filtered query is put in order. Walking the sort's index looks up each row
   * to test the filter, one random page at a time (8 s for a title sort of "words > 600" at a
   * million articles), so a filtered order reads its matches first and sorts them (SQLite's sorter,
   * keys written unindexed). The matches are read by the filter's index when they are few; when
   * they are a large share of the workspace one pass over the table is cheaper than a lookup per
   * match (measured at a million: 1.1 s against 3.3 s for 57%, 250 against 350 ms for 10%).
   */
  private orderPlan(query: ArticleQuery, where: Where, filterFirst: boolean, mayCount = true): { where: Where; order: string; oneRowPerStory: boolean } {
    const oneRowPerStory = query.oneRowPerStory;
    if (where.clauses.length === 0) return { where, order: orderBy(query, false), oneRowPerStory };
    const order = orderBy(query, false, true, true);
    // Few matches: read by the filter's index, a title's words by the trigram index.
    if (filterFirst) return { where: buildWhere(this.db, query, 'substrings'), order, oneRowPerStory };
    // Off the core's thread (mayCount false) a count not yet made is not made here for this choice.
    const matches = mayCount ? this.count(query, where) : this.counts.get(countKey(query));
    if (matches === undefined) return { where, order, oneRowPerStory };
    const largest = (this.db.prepare('SELECT max(id) FROM article').pluck().get() as number | null) ?? 0;
    // A count that stopped at COUNT_LIMIT ("10,000+") is taken as many.
    const wide = !matches.exact || matches.total > largest * SCAN_SHARE;
    return { where: buildWhere(this.db, query, wide ? 'scan' : 'substrings'), order, oneRowPerStory };
  }

  /**
   * Rows matching a query. A full-text search, and a text filter that no index serves ("title
   * contains …"), stop counting at COUNT_LIMIT ("10,000+"): counting every match in a large
   * workspace costs more than the page itself (a pass over a million titles, 120-200 ms). The
   * table's deep blocks read the whole order, whose length then is the count.
   */
  count(query: ArticleQuery, where = buildWhere(this.db, query)): { total: number; exact: boolean } {
    const known = this.knownCount(query, where);
    if (known) return known;
    const { sql, capped } = this.countSql(query, where);
    const result = this.countOf(this.db.prepare(sql).pluck().get(...where.params) as number, capped);
    this.rememberCount(countKey(query), query, result);
    return result;
  }

  /**
   * `count`, made by the reader when the count is not known yet, while the core's thread answers
   * other calls (see pageCount). Calls for the same count share one read. A count asked for before
   * the reader was asked for another may answer SupersededRead: the window has left that table.
   */
  countSoon(query: ArticleQuery): Promise<{ total: number; exact: boolean }> {
    const where = buildWhere(this.db, query);
    const known = this.knownCount(query, where);
    if (known) return Promise.resolve(known);
    const reader = this.reader;
    if (!reader?.usable || !reader.count || where.fts) return Promise.resolve(this.count(query, where));
    const key = countKey(query);
    const already = this.counting.get(key);
    if (already) {
      reader.wantAgain?.(already.read);
      // Stopped as the window moved to another table and back before the answer came: made again,
      // unless the window has moved on since.
      return already.answer.catch((error: unknown) => {
        if (error instanceof SupersededRead && this.reader?.stillAsked?.(already.read)) return this.countSoon(query);
        throw error;
      });
    }
    const stoppable = reader.stopTerm ? { ...where, clauses: [reader.stopTerm, ...where.clauses] } : where;
    const { sql, capped } = this.countSql(query, stoppable);
    const readsMentions = query.entityIds.length > 0 || !!query.bbox;
    const versions = [this.articlesVersion, this.mentionsVersion];
    const read = reader.count(sql, where.params);
    const answer = read
      .then(
        (n) => {
          const result = this.countOf(n, capped);
          const unchanged = versions[0] === this.articlesVersion && (!readsMentions || versions[1] === this.mentionsVersion);
          if (unchanged) this.rememberCount(key, query, result);
          return result;
        },
        (error: unknown) => {
          if (error instanceof SupersededRead) throw error;
          return this.count(query, buildWhere(this.db, query));
        },
      )
      .finally(() => this.counting.delete(key));
    this.counting.set(key, { read, answer });
    return answer;
  }

  /** A count already made: the length of an order kept, or one cached. */
  private knownCount(query: ArticleQuery, where: Where): { total: number; exact: boolean } | undefined {
    const ordered = where.fts ? undefined : this.orders.get(orderKey(query));
    if (ordered) return { total: ordered.ids.length, exact: true };
    return this.counts.get(countKey(query));
  }

  /** The SQL that counts a query's matches, stopping at countLimit + 1 where counting reads every row (`capped`). */
  private countSql(query: ArticleQuery, where: Where): { sql: string; capped: boolean } {
    const capped = !!where.fts || scansEveryRow(query);
    const limit = capped ? `LIMIT ${this.countLimit + 1}` : '';
    const matches = query.oneRowPerStory
      ? `SELECT DISTINCT coalesce(sc.story_id, a.id) FROM article a ${where.joins} LEFT JOIN story_copy sc ON sc.article_id = a.id ${whereSql(where)} ${limit}`
      : `SELECT 1 FROM article a ${where.joins} ${whereSql(where)} ${limit}`;
    return { sql: `SELECT count(*) AS n FROM (${matches})`, capped };
  }

  private countOf(n: number, capped: boolean): { total: number; exact: boolean } {
    return n > this.countLimit && capped ? { total: this.countLimit, exact: false } : { total: n, exact: true };
  }

  private rememberCount(key: string, query: ArticleQuery, result: { total: number; exact: boolean }): void {
    if (this.counts.size > 200) this.counts.clear();
    this.remember(this.counts, key, query, result);
  }

  /**
   * The SQL that selects the ids a query matches, in no particular order, for the reader (the map's
   * places of a filter): with its stop condition first, as an order read, so it stops once not wanted.
   */
  idsQuery(query: ArticleQuery): { idsSql: string; params: unknown[] } {
    const where = buildWhere(this.db, query);
    const stop = this.reader?.stopTerm;
    const stoppable = stop ? { ...where, clauses: [stop, ...where.clauses] } : where;
    return { idsSql: idsSql(stoppable, 'a.id', query.oneRowPerStory), params: where.params };
  }

  ids(target: ArticleTarget): number[] {
    if ('ids' in target) return target.ids;
    const where = buildWhere(this.db, target.query);
    return this.db.prepare(idsSql(where, 'a.id', target.query.oneRowPerStory)).pluck().all(...where.params) as number[];
  }

  /** The article after or before `id` in the table's current order, for keyboard reading. */
  neighbour(query: ArticleQuery, id: number, direction: 'next' | 'previous'): number | null {
    const where = buildWhere(this.db, query);
    if (!where.fts) {
      const ordered = this.orderedIds(query, where);
      const at = ordered.indexOf(id);
      return at === -1 ? null : (ordered[at + (direction === 'next' ? 1 : -1)] ?? null);
    }
    const { total, exact } = this.count(query, where);
    const order = orderBy(query, !!where.fts, exact && total <= RANK_LIMIT);
    const ranked = this.db
      .prepare(
        `WITH ordered AS (${positionsSql(where, order, query.oneRowPerStory)})
         SELECT o2.id FROM ordered o1 JOIN ordered o2 ON o2.pos = o1.pos + ? WHERE o1.id = ?`,
      )
      .pluck()
      .get(...where.params, direction === 'next' ? 1 : -1, id) as number | undefined;
    return ranked ?? null;
  }

  get(id: number, search = ''): ArticleDetail | null {
    const r = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS}, a.url, a.author, a.format, a.file_name AS fileName, b.body, NULL AS snippet
         FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.id = ?`,
      )
      .get(id) as (RowRecord & { url: string | null; author: string | null; format: string; fileName: string | null; body: string }) | undefined;
    if (!r) return null;
    return {
      ...toRow(r, tagsFor(this.db, [id])),
      url: r.url,
      author: r.author,
      format: r.format,
      fileName: r.fileName,
      body: r.body,
      highlights: highlightRanges(r.body, search),
      otherCopies: this.stories.copiesOf(id),
      document: documentOf(this.db, id),
    };
  }

  update(id: number, patch: ArticlePatch): boolean {
    const columns: Record<keyof ArticlePatch, string> = {
      title: 'title',
      source: 'source',
      url: 'url',
      author: 'author',
      published: 'published',
      dateline: 'dateline',
      reliability: 'reliability',
      credibility: 'credibility',
    };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ArticlePatch, unknown][];
    const changed = writeTransaction(this.db, () => {
      const before = this.db.prepare('SELECT * FROM article WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      if (!before) return false;
      if (entries.length === 0) return true;
      const sets = entries.map(([k]) => `${columns[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE article SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => (v === '' ? null : v)), id);
      recordChange(
        this.db,
        'update',
        'article',
        id,
        Object.fromEntries(entries.map(([k]) => [k, before[columns[k]]])),
        Object.fromEntries(entries),
      );
      return true;
    });
    this.touched();
    return changed;
  }

  /**
   * Deletes articles as sets, their mentions first: row by row, with each article's mentions going
   * by cascade and each mention moving its entity's counts and articles on its own, deleting a
   * thousand articles held the core for seconds. Undo captures the same rows, the mentions now
   * before the bodies and the articles.
   */
  delete(ids: number[]): number {
    let deleted = 0;
    writeTransaction(this.db, () => {
      const chosen = 'SELECT value FROM json_each(?)';
      const list = JSON.stringify(ids);
      const before = this.db.prepare(`SELECT id, title, source, fingerprint FROM article WHERE id IN (${chosen})`).all(list) as { id: number }[];
      if (before.length === 0) return;
      const counts = new MentionCounts(this.db);
      const mentions = this.db.prepare(`SELECT entity_id AS entityId, status, article_id AS articleId FROM mention WHERE article_id IN (${chosen})`);
      for (const m of mentions.iterate(list) as IterableIterator<{ entityId: number | null; status: NewMention['status']; articleId: number }>) counts.deleted(m.entityId, m.status, m.articleId);
      this.db.prepare(`DELETE FROM mention WHERE article_id IN (${chosen})`).run(list);
      counts.apply();
      this.db.prepare(`DELETE FROM article_body WHERE article_id IN (${chosen})`).run(list);
      deleted = this.db.prepare(`DELETE FROM article WHERE id IN (${chosen})`).run(list).changes;
      for (const b of before) recordChange(this.db, 'delete', 'article', b.id, b, null);
    });
    this.touched();
    return deleted;
  }

  /** Articles per publication day, for the timeline. */
  /** Articles per day of publication, kept by triggers (021_article_days.sql); undated articles are not counted. */
  perDay(): { date: string; count: number }[] {
    return this.db.prepare('SELECT day AS date, n AS count FROM article_day WHERE n > 0 ORDER BY day').all() as { date: string; count: number }[];
  }

  stats() {
    const one = <T>(sql: string) => this.db.prepare(sql).get() as T;
    const { articles, words } = one<{ articles: number; words: number }>('SELECT count(*) AS articles, coalesce(sum(words), 0) AS words FROM article');
    return {
      articles,
      words,
      tags: one<{ n: number }>('SELECT count(*) AS n FROM tag').n,
      taggedArticles: one<{ n: number }>('SELECT count(DISTINCT article_id) AS n FROM article_tag').n,
      sources: one<{ n: number }>('SELECT count(DISTINCT source) AS n FROM article').n,
      bySource: this.db
        .prepare('SELECT source, count(*) AS articles FROM article GROUP BY source ORDER BY articles DESC LIMIT 50')
        .all() as { source: string | null; articles: number }[],
    };
  }
}
