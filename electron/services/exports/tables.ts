import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { EVENT_FIELD_WORDS } from '../../contract/fieldWords.js';
import type { ArticleQuery, ArticleRow, EntityQuery, EntityRow, EventQuery, EventRecord, RelationNarrowing, RelationRecord } from '../../contract/index.js';
import { ArticlesRepository } from '../../../db/articles.js';
import { EntitiesRepository } from '../../../db/entities.js';
import { entitiesMentionedIn, eventsEvidencedBy } from '../../../db/articleScope.js';
import { EventsRepository } from '../../../db/events.js';
import type { Db } from '../../../db/open.js';
import { RelationsRepository } from '../../../db/relations.js';
import { pageAt, pageStartsOf } from '../../../db/documents.js';
import { pageSuffix } from './citation.js';
import { defuseCell, needsQuotes } from './safeText.js';
import type { Tally } from './tally.js';

type Cell = string | number | boolean | null;
/** The printed page an offset of an article falls on (a PDF's, a scan's); null for unpaged articles. */
type PageOf = (articleId: number, offset: number) => number | null;
interface Column<T> {
  header: string;
  value: (row: T, pageOf: PageOf) => Cell;
}

/** Every column each grid can show, by the grid's column id; an export writes the ones shown, in their order. */
export const TABLE_COLUMNS = {
  articles: {
    title: { header: 'Title', value: (r: ArticleRow) => r.title },
    source: { header: 'Source', value: (r: ArticleRow) => r.source },
    published: { header: 'Published', value: (r: ArticleRow) => r.published },
    dateline: { header: 'Dateline', value: (r: ArticleRow) => r.dateline },
    grading: { header: 'Grading', value: (r: ArticleRow) => (r.reliability ? `${r.reliability}${r.credibility ?? ''}` : null) },
    words: { header: 'Words', value: (r: ArticleRow) => r.words },
    tags: { header: 'Tags', value: (r: ArticleRow) => r.tags.map((t) => t.name).join('; ') },
    imported: { header: 'Imported', value: (r: ArticleRow) => r.importedAt },
  },
  entities: {
    type: { header: 'Type', value: (r: EntityRow) => r.type },
    name: { header: 'Name', value: (r: EntityRow) => r.name },
    aliases: { header: 'Aliases', value: (r: EntityRow) => r.aliases.join('; ') },
    mentions: { header: 'Accepted', value: (r: EntityRow) => r.mentions },
    suggested: { header: 'Suggested', value: (r: EntityRow) => r.suggested },
    articles: { header: 'Articles', value: (r: EntityRow) => r.articles },
    firstSeen: { header: 'First seen', value: (r: EntityRow) => r.firstSeen },
    lastSeen: { header: 'Last seen', value: (r: EntityRow) => r.lastSeen },
    place: { header: 'Place', value: (r: EntityRow) => r.placeLabel },
  },
  events: {
    date: { header: 'Date', value: (r: EventRecord) => r.date },
    timePrecision: { header: 'Time precision', value: (r: EventRecord) => r.timePrecision },
    eventType: { header: 'Event type', value: (r: EventRecord) => r.eventType },
    subEventType: { header: 'Sub-event type', value: (r: EventRecord) => r.subEventType },
    actor1: { header: 'Actor 1', value: (r: EventRecord) => r.actor1?.name ?? null },
    actor2: { header: 'Actor 2', value: (r: EventRecord) => r.actor2?.name ?? null },
    location: { header: 'Location', value: (r: EventRecord) => r.location?.name ?? null },
    geoPrecision: { header: 'Geo precision', value: (r: EventRecord) => r.geoPrecision },
    fatalities: { header: 'Fatalities', value: (r: EventRecord) => r.fatalities },
    evidence: { header: 'Fields without evidence', value: (r: EventRecord) => r.unsupported.map((f) => EVENT_FIELD_WORDS[f]).join('; ') },
    notes: { header: 'Notes', value: (r: EventRecord) => r.notes },
  },
  relations: {
    source: { header: 'From', value: (r: RelationRecord) => r.source.name },
    type: { header: 'Relation', value: (r: RelationRecord) => (r.type === 'custom' ? r.label : r.type) },
    target: { header: 'To', value: (r: RelationRecord) => r.target.name },
    when: { header: 'When', value: (r: RelationRecord) => [r.startDate, r.endDate].filter(Boolean).join(' – ') },
    notes: { header: 'Notes', value: (r: RelationRecord) => r.notes },
    evidence: { header: 'Evidence', value: (r: RelationRecord, pageOf: PageOf) => r.evidence.map((e) => `“${e.quote}”${pageSuffix(pageOf(e.articleId, e.start))}`).join(' ') },
  },
} satisfies Record<string, Record<string, Column<never>>>;

export type TableName = keyof typeof TABLE_COLUMNS;

export interface TableRequest {
  table: TableName;
  /** The grid's query (filters and sort as shown); absent for the whole table. */
  articleQuery?: ArticleQuery;
  entityQuery?: EntityQuery;
  eventQuery?: EventQuery;
  entityIds?: number[];
  relationNarrowing?: RelationNarrowing;
  /** Column ids in display order; absent for all of them. */
  columns?: string[];
}

const CHUNK = 1000;

// The article query is read once: its matches stay the same while the export reads the table.
function eventPages(db: Db, query: EventQuery): (start: number) => { rows: unknown[] } {
  const scoped = eventsEvidencedBy(new ArticlesRepository(db), query);
  return (start) => new EventsRepository(db).page(scoped, start, start + CHUNK);
}

function entityPages(db: Db, query: EntityQuery): (start: number) => { rows: unknown[] } {
  const scoped = entitiesMentionedIn(new ArticlesRepository(db), query);
  // One repository for the whole export: an order that counts every mention is then counted once, not per block.
  const entities = new EntitiesRepository(db);
  return (start) => entities.page(scoped, start, start + CHUNK);
}

/** Reads every row a grid's query matches, a block at a time, in the grid's order. */
function* tableRows(db: Db, req: TableRequest): Generator<unknown> {
  const pages: (start: number) => { rows: unknown[] } =
    req.table === 'articles'
      ? (start) => new ArticlesRepository(db).page(req.articleQuery!, start, start + CHUNK)
      : req.table === 'entities'
        ? entityPages(db, req.entityQuery!)
        : req.table === 'events'
          ? eventPages(db, req.eventQuery!)
          : (start) => new RelationsRepository(db).page(req.entityIds ?? [], start, start + CHUNK, req.relationNarrowing);
  for (let start = 0; ; start += CHUNK) {
    const { rows } = pages(start);
    yield* rows;
    if (rows.length < CHUNK) return;
  }
}

/** Page starts read once per article a quote is cited from; most articles have none. */
function pagesOf(db: Db): PageOf {
  const starts = new Map<number, [number, number][] | null>();
  return (articleId, offset) => {
    if (!starts.has(articleId)) starts.set(articleId, pageStartsOf(db, articleId));
    return pageAt(starts.get(articleId), offset);
  };
}

/** The header and the rows of a table export, as plain cells; the rows are read as they are written. */
export function tableCells(db: Db, req: TableRequest): { header: string[]; rows: Iterable<Cell[]> } {
  const all = TABLE_COLUMNS[req.table] as Record<string, Column<unknown>>;
  const ids = (req.columns ?? Object.keys(all)).filter((id) => id in all);
  const columns = ids.map((id) => all[id]!);
  const pageOf = pagesOf(db);
  function* rows(): Generator<Cell[]> {
    for (const row of tableRows(db, req)) yield columns.map((c) => c.value(row, pageOf));
  }
  return { header: columns.map((c) => c.header), rows: rows() };
}

const defuse = (v: Cell): Cell => defuseCell(v);
const CSV_OPTIONS = { newline: '\r\n', quotes: (value: unknown) => needsQuotes(value) };
const CSV_BLOCK = 1000;

/**
 * CSV that every spreadsheet reads as text: formula-like cells defused (defuseCell; the apostrophe
 * stays in the file, since a spreadsheet opened by double-click honours no other guard, and our own
 * readers take it off with restoreCell), and cells
 * holding a semicolon or a tab quoted as well as those holding a comma, so a spreadsheet set to
 * another locale's separator keeps them whole. Made a block of rows at a time, in the same bytes
 * as the whole file unparsed at once.
 */
export function* csvChunks(header: string[], rows: Iterable<Cell[]>, tally: Tally): Generator<string> {
  yield '\uFEFF' + Papa.unparse({ fields: header.map(defuseCell), data: [] }, CSV_OPTIONS);
  let block: Cell[][] = [];
  const unparse = () => (tally.records ? '\r\n' : '') + Papa.unparse(block, CSV_OPTIONS);
  for (const r of rows) {
    block.push(r.map(defuse));
    if (block.length === CSV_BLOCK) {
      const text = unparse();
      tally.records += block.length;
      block = [];
      yield text;
    }
  }
  if (block.length) {
    const text = unparse();
    tally.records += block.length;
    yield text;
  }
}

/** An XLSX workbook written row by row (exceljs' streaming writer), so a large table never sits in memory. */
export async function writeXlsx(out: Writable, sheet: string, header: string[], rows: Iterable<Cell[]>, tally: Tally, checkpoint: () => Promise<void>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = 'Analyst Workbench';
  const ws = book.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h, key: h, width: Math.min(60, Math.max(10, h.length + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  // Text cells are stored as text, but a formula-like one becomes a live formula as soon as the
  // analyst edits it or saves the sheet as CSV: the same guard as for CSV.
  for (const r of rows) {
    ws.addRow(r.map(defuse)).commit();
    tally.records++;
    // Lets the zip stream drain, and a Cancel through.
    await checkpoint();
  }
  ws.commit();
  await book.commit();
}
