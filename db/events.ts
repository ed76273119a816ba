import { EVENT_TYPE_NAMES, disorderTypeOf, eventTypeOf, interactionOf, type ActorType, type SubEventType } from '../electron/contract/acled.js';
import { EVENT_FIELDS, type EVENT_FILTER_KINDS, type EventField, type EventInput, type EventQuery, type EventRecord, type EvidenceInput } from '../electron/contract/events.js';
import type { ColumnFilter } from '../electron/contract/articles.js';
import { columnFilterSql } from './articles.js';
import { recordChange } from './changes.js';
import { EventCopies } from './eventCopies.js';
import { nowIso, writeTransaction, type Db } from './open.js';
import { spanColumns } from './spans.js';
import { searchClause } from './tableSearch.js';

export class EventError extends Error {}

interface Row {
  id: number;
  event_date: string;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  actor1_id: number | null;
  actor1_type: number | null;
  actor1_name: string | null;
  actor2_id: number | null;
  actor2_type: number | null;
  actor2_name: string | null;
  civilian_targeting: number;
  location_id: number | null;
  location_name: string | null;
  geo_precision: number;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  country: string | null;
  place_name: string | null;
  acled_id: string | null;
  updated_at: string;
  fatalities: number;
  source: string | null;
  source_scale: string | null;
  notes: string | null;
  tags: string;
}

const SELECT = `SELECT ev.*, a1.name AS actor1_name, a2.name AS actor2_name, loc.name AS location_name FROM event ev
  LEFT JOIN entity a1 ON a1.id = ev.actor1_id LEFT JOIN entity a2 ON a2.id = ev.actor2_id LEFT JOIN entity loc ON loc.id = ev.location_id`;

const SORT: Record<EventQuery['sort'][number]['column'], string> = {
  date: 'ev.event_date',
  eventType: 'ev.event_type',
  subEventType: 'ev.sub_event_type',
  actor1: 'a1.name COLLATE NOCASE',
  actor2: 'a2.name COLLATE NOCASE',
  location: 'loc.name COLLATE NOCASE',
  fatalities: 'ev.fatalities',
  updated: 'ev.updated_at',
};

// Subqueries rather than joins: points() reads the same conditions without the SELECT's joins.
const nameOf = (column: string) => `(SELECT name FROM entity WHERE id = ev.${column})`;

/** What the Events table's column filters test, by column. */
const FILTER_SQL: Record<keyof typeof EVENT_FILTER_KINDS, string> = {
  date: 'ev.event_date',
  timePrecision: 'ev.time_precision',
  eventType: 'ev.event_type',
  subEventType: 'ev.sub_event_type',
  actor1: nameOf('actor1_id'),
  actor2: nameOf('actor2_id'),
  location: nameOf('location_id'),
  geoPrecision: 'ev.geo_precision',
  fatalities: 'ev.fatalities',
  notes: 'ev.notes',
};

/**
 * An event's own text for the search box: its actors (associated ones too), its location as linked
 * and as an imported row named it, its types and notes, one field per line so that a phrase does
 * not run from one field into the next.
 */
const OWN_TEXT = `(${[
  nameOf('actor1_id'),
  nameOf('actor2_id'),
  "(SELECT group_concat(en.name, char(10)) FROM event_associate ea JOIN entity en ON en.id = ea.entity_id WHERE ea.event_id = ev.id)",
  nameOf('location_id'),
  'ev.place_name',
  'ev.event_type',
  'ev.sub_event_type',
  'ev.notes',
]
  .map((e) => `coalesce(${e}, '')`)
  .join(' || char(10) || ')})`;

/** Where a location entity is and which admin areas and country hold it. */
export interface Located {
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  admin2: string | null;
  country: string | null;
}

/**
 * What an imported ACLED row said about its place and itself, kept beside the gazetteer link: the
 * location as named there, its coordinates, admin areas and country (ISO alpha-2, when known), the
 * row's own id, and every cell of the row as written.
 */
export interface KeptSource {
  acledId: string | null;
  placeName: string | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  country: string | null;
  row: Record<string, string>;
}

/** An event as an import brings it: the coded fields, where an actor type the file did not make clear stays unknown (null). */
export type ImportedEvent = Omit<EventInput, 'actor1' | 'actor2'> & {
  actor1: { entityId: number; type: ActorType | null };
  actor2: { entityId: number; type: ActorType | null } | null;
};

export class EventsRepository {
  constructor(private readonly db: Db) {}

  private columns(input: EventInput | ImportedEvent, at: Located) {
    return {
      event_date: input.date,
      time_precision: input.timePrecision,
      event_type: eventTypeOf(input.subEventType),
      sub_event_type: input.subEventType,
      actor1_id: input.actor1.entityId,
      actor1_type: input.actor1.type,
      actor2_id: input.actor2?.entityId ?? null,
      actor2_type: input.actor2?.type ?? null,
      civilian_targeting: input.civilianTargeting ? 1 : 0,
      location_id: input.locationId,
      geo_precision: input.geoPrecision,
      lat: at.lat,
      lon: at.lon,
      admin1: at.admin1,
      admin2: at.admin2,
      country: at.country,
      fatalities: input.fatalities,
      source: input.source,
      source_scale: input.sourceScale,
      notes: input.notes,
      tags: JSON.stringify(input.tags),
    };
  }

  create(input: EventInput, at: Located, evidence: EvidenceInput[]): number {
    return writeTransaction(this.db, () => {
      const cols = { ...this.columns(input, at), created_at: nowIso(), updated_at: nowIso() };
      const names = Object.keys(cols);
      const id = Number(this.db.prepare(`INSERT INTO event (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(cols).lastInsertRowid);
      this.setAssociates(id, input);
      for (const e of evidence) this.addEvidence(id, e);
      recordChange(this.db, 'create', 'event', id, null, { ...input, evidence });
      this.touched();
      return id;
    });
  }

  update(id: number, input: EventInput, at: Located): void {
    writeTransaction(this.db, () => {
      const before = this.get(id);
      // An imported event keeps the place its source described (name, point, admin areas, country)
      // while its location stays the one it was linked to; a new location brings the gazetteer's.
      const kept = before.placeName !== null && before.location?.entityId === input.locationId;
      const place = kept ? { lat: before.lat, lon: before.lon, admin1: before.admin1, admin2: before.admin2, country: before.country } : at;
      const cols = { ...this.columns(input, place), ...(kept ? {} : { place_name: null, admin3: null }), updated_at: nowIso(), id };
      const sets = Object.keys(cols).filter((k) => k !== 'id').map((k) => `${k} = @${k}`);
      this.db.prepare(`UPDATE event SET ${sets.join(', ')} WHERE id = @id`).run(cols);
      this.setAssociates(id, input);
      const { evidence: _e, unsupported: _u, ...plain } = before;
      recordChange(this.db, 'update', 'event', id, plain, input);
      this.touched();
    });
  }

  /** An event from another tool's file, with what that file said kept beside it (see KeptSource). */
  createImported(input: ImportedEvent, kept: KeptSource, basisOf: (record: EventRecord) => Record<string, string>): number {
    return writeTransaction(this.db, () => {
      const now = nowIso();
      const cols = {
        ...this.columns(input, kept),
        admin3: kept.admin3,
        place_name: kept.placeName,
        acled_id: kept.acledId,
        acled_row: JSON.stringify(kept.row),
        created_at: now,
        updated_at: now,
      };
      const names = Object.keys(cols);
      const id = Number(this.db.prepare(`INSERT INTO event (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(cols).lastInsertRowid);
      this.setAssociates(id, input);
      // What this workspace reads the row as, in the export's terms: the basis that tells a cell
      // the analyst changed later from one to write back as the file had it.
      this.db.prepare('UPDATE event SET acled_basis = ? WHERE id = ?').run(JSON.stringify(basisOf(this.get(id))), id);
      recordChange(this.db, 'create', 'event', id, null, { ...input, importedAs: kept.acledId });
      this.touched();
      return id;
    });
  }

  /** The event holding this ACLED id (event_id_cnty), if any: an import finds the rows it already has. */
  byAcledId(acledId: string): number | null {
    return (this.db.prepare('SELECT id FROM event WHERE acled_id = ?').pluck().get(acledId) as number | undefined) ?? null;
  }

  /** Imported rows as written, and what was read from them, by event id (for the ACLED export). */
  acledSources(ids: number[]): Map<number, { row: Record<string, string>; basis: Record<string, string> }> {
    const rows = this.db
      .prepare('SELECT id, acled_row, acled_basis FROM event WHERE acled_row IS NOT NULL AND id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { id: number; acled_row: string; acled_basis: string }[];
    return new Map(rows.map((r) => [r.id, { row: JSON.parse(r.acled_row) as Record<string, string>, basis: JSON.parse(r.acled_basis) as Record<string, string> }]));
  }

  /** Every ACLED id an import brought in: ids given to our own events must differ from all of them. */
  acledIds(): Set<string> {
    return new Set(this.db.prepare('SELECT acled_id FROM event WHERE acled_id IS NOT NULL').pluck().all() as string[]);
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const before = this.get(id);
      this.db.prepare('DELETE FROM event WHERE id = ?').run(id);
      recordChange(this.db, 'delete', 'event', id, before, null);
      this.touched();
    });
  }

  private setAssociates(id: number, input: EventInput | ImportedEvent): void {
    this.db.prepare('DELETE FROM event_associate WHERE event_id = ?').run(id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO event_associate (event_id, side, entity_id) VALUES (?, ?, ?)');
    for (const e of input.associates1) insert.run(id, 1, e);
    for (const e of input.associates2) insert.run(id, 2, e);
  }

  addEvidence(eventId: number, e: EvidenceInput): number {
    const body = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(e.articleId) as string | undefined;
    if (body === undefined) throw new EventError(`Article ${e.articleId} does not exist.`);
    if (e.end > body.length || e.start >= e.end) throw new EventError('The evidence must be a span of the article text.');
    const id = Number(
      this.db
        .prepare('INSERT INTO event_evidence (event_id, field, article_id, start, end, quote, prefix, suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(eventId, e.field, e.articleId, e.start, e.end, ...spanColumns(body, e.start, e.end), nowIso()).lastInsertRowid,
    );
    recordChange(this.db, 'evidence', 'event', eventId, null, e);
    this.touched();
    return id;
  }

  removeEvidence(evidenceId: number): number {
    const row = this.db.prepare('SELECT event_id AS eventId, field, article_id AS articleId, start, end FROM event_evidence WHERE id = ?').get(evidenceId) as
      | { eventId: number }
      | undefined;
    if (!row) throw new EventError('That evidence does not exist.');
    this.db.prepare('DELETE FROM event_evidence WHERE id = ?').run(evidenceId);
    recordChange(this.db, 'remove-evidence', 'event', row.eventId, row, null);
    this.touched();
    return row.eventId;
  }

  get(id: number): EventRecord {
    const row = this.db.prepare(`${SELECT} WHERE ev.id = ?`).get(id) as Row | undefined;
    if (!row) throw new EventError(`Event ${id} does not exist (it may have been deleted).`);
    return this.toRecord(row, this.related([id]));
  }

  /** Articles whose text backs this event, with their publication dates (for validation). */
  evidenceArticles(id: number): { articleId: number; published: string | null; title: string }[] {
    return this.db
      .prepare('SELECT DISTINCT a.id AS articleId, a.published, a.title FROM event_evidence e JOIN article a ON a.id = e.article_id WHERE e.event_id = ?')
      .all(id) as { articleId: number; published: string | null; title: string }[];
  }

  /** Other events on the same day and place between the same actors. */
  duplicates(input: EventInput, exceptId: number | null): number[] {
    const a = input.actor1.entityId;
    const b = input.actor2?.entityId ?? null;
    return this.db
      .prepare(
        `SELECT id FROM event WHERE event_date = ? AND location_id IS ? AND id IS NOT ?
           AND ((actor1_id = ? AND actor2_id IS ?) OR (actor1_id IS ? AND actor2_id = ?))`,
      )
      .pluck()
      .all(input.date, input.locationId, exceptId, a, b, b, a) as number[];
  }

  private orders = new Map<string, number[]>();

  /** Every write calls this: cached orders are dropped. */
  touched(): void {
    this.orders.clear();
  }

  /**
   * The ids a query matches, in table order, computed once per query and data version (as for
   * articles): a block is then a slice, and its rows are read by id with their evidence in batch.
   */
  private orderedIds(query: EventQuery): number[] {
    const key = JSON.stringify(query);
    const cached = this.orders.get(key);
    if (cached) return cached;
    const { where, params } = this.where(query);
    const sort = query.sort[0];
    const order = sort ? `${SORT[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, ev.id` : 'ev.event_date DESC, ev.id DESC';
    const joins = sort && ['actor1', 'actor2', 'location'].includes(sort.column) ? SELECT.slice(SELECT.indexOf('LEFT JOIN')) : '';
    const ids = this.db.prepare(`SELECT ev.id FROM event ev ${joins} ${where} ORDER BY ${order}`).pluck().all(...params) as number[];
    if (this.orders.size >= 16) this.orders.delete(this.orders.keys().next().value!);
    this.orders.set(key, ids);
    return ids;
  }

  /**
   * A page of events; with the first page, how many of the query's events are coded again from
   * another copy of their story (counted once in totals, the map and reports), for the table's count.
   */
  page(query: EventQuery, startRow: number, endRow: number): { rows: EventRecord[]; total: number; repeats: number | null } {
    const ordered = this.orderedIds(query);
    const ids = ordered.slice(startRow, endRow);
    const rows = this.db.prepare(`${SELECT} WHERE ev.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const related = this.related(ids);
    return {
      rows: ids.map((id) => byId.get(id)).filter((r): r is Row => !!r).map((r) => this.toRecord(r, related)),
      total: ordered.length,
      repeats: startRow === 0 ? this.repeatsIn(query).length : null,
    };
  }

  /** Evidence and associated actors of many events in two queries. */
  private related(ids: number[]) {
    const json = JSON.stringify(ids);
    const evidence = this.db
      .prepare(
        `SELECT e.event_id AS eventId, e.id, e.field, e.article_id AS articleId, e.start, e.end, e.quote, a.title AS articleTitle, a.published
         FROM event_evidence e JOIN article a ON a.id = e.article_id WHERE e.event_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`,
      )
      .all(json) as (EventRecord['evidence'][number] & { eventId: number })[];
    const associates = this.db
      .prepare(
        `SELECT ea.event_id AS eventId, ea.side, ea.entity_id AS entityId, en.name FROM event_associate ea JOIN entity en ON en.id = ea.entity_id
         WHERE ea.event_id IN (SELECT value FROM json_each(?)) ORDER BY en.name`,
      )
      .all(json) as { eventId: number; side: number; entityId: number; name: string }[];
    const group = <T extends { eventId: number }>(rows: T[]) => {
      const map = new Map<number, Omit<T, 'eventId'>[]>();
      for (const { eventId, ...rest } of rows) map.set(eventId, [...(map.get(eventId) ?? []), rest]);
      return map;
    };
    return { evidence: group(evidence), associates: group(associates), copies: EventCopies.read(this.db, ids) };
  }

  /**
   * Placed events for the map, packed like map places: "id,typeIndex,lat,lon,geoPrecision,fatalities"
   * records joined by ";" (see decodeEventPoints), with lat and lon in 1e-5 degrees (about a metre):
   * integers print faster and travel smaller than SQLite's 15-digit reals (41 vs 49 ms, 2.8 vs 5 MB
   * for 100,000 events).
   */
  points(query: EventQuery, everyCopy = false): string {
    const { where, params } = this.where(query);
    // One symbol for an event coded again from another copy of its story, unless every copy counts.
    const repeats = everyCopy ? [] : this.repeatsIn(query);
    if (repeats.length) params.push(JSON.stringify(repeats));
    const types = EVENT_TYPE_NAMES.map((t, i) => `WHEN '${t.replaceAll("'", "''")}' THEN ${i}`).join(' ');
    const placed = `${where ? `${where} AND` : 'WHERE'} ev.lat IS NOT NULL${repeats.length ? ' AND ev.id NOT IN (SELECT value FROM json_each(?))' : ''}`;
    return (
      (this.db
        .prepare(
          `SELECT group_concat(ev.id || ',' || (CASE ev.event_type ${types} ELSE 9 END) || ',' || CAST(round(ev.lat * 100000) AS INTEGER) || ',' || CAST(round(ev.lon * 100000) AS INTEGER) || ',' || ev.geo_precision || ',' || ev.fatalities, ';')
           FROM event ev ${placed}`,
        )
        .pluck()
        .get(...params) as string | null) ?? ''
    );
  }

  /** Events and fatalities per day, for the timeline: an event coded again from another copy of its story counts once, unless every copy counts. */
  perDay(everyCopy = false): { date: string; count: number; fatalities: number }[] {
    const repeats = everyCopy ? [] : this.repeatsIn(null);
    return this.db
      .prepare(
        'SELECT event_date AS date, count(*) AS count, sum(fatalities) AS fatalities FROM event WHERE id NOT IN (SELECT value FROM json_each(?)) GROUP BY event_date ORDER BY event_date',
      )
      .all(JSON.stringify(repeats)) as { date: string; count: number; fatalities: number }[];
  }

  /**
   * The events of a query that do not count because another event of the query is the same event
   * coded from another copy of its story (db/eventCopies.ts); null for the whole workspace.
   */
  repeatsIn(query: EventQuery | null): number[] {
    const copies = EventCopies.ofWorkspace(this.db);
    const members = copies.members();
    if (members.length === 0) return [];
    const { where, params } = query ? this.where(query) : { where: '', params: [] };
    const inScope = this.db
      .prepare(`SELECT ev.id, ev.fatalities FROM event ev ${where ? `${where} AND` : 'WHERE'} ev.id IN (SELECT value FROM json_each(?))`)
      .all(...params, JSON.stringify(members)) as { id: number; fatalities: number }[];
    const counted = copies.counted(inScope);
    return inScope.filter((e) => !counted.has(e.id)).map((e) => e.id);
  }

  private where(query: EventQuery): { where: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      clauses.push(clause);
      params.push(...values);
    };
    if (query.dateFrom) add('ev.event_date >= ?', query.dateFrom);
    if (query.dateTo) add('ev.event_date <= ?', query.dateTo);
    if (query.eventTypes.length) add('ev.event_type IN (SELECT value FROM json_each(?))', JSON.stringify(query.eventTypes));
    for (const id of query.entityIds) {
      add('(ev.actor1_id = ? OR ev.actor2_id = ? OR ev.location_id = ? OR ev.id IN (SELECT event_id FROM event_associate WHERE entity_id = ?))', id, id, id, id);
    }
    if (query.articleIds.length) add('ev.id IN (SELECT event_id FROM event_evidence WHERE article_id IN (SELECT value FROM json_each(?)))', JSON.stringify(query.articleIds));
    if (query.bbox) add('ev.lat BETWEEN ? AND ? AND ev.lon BETWEEN ? AND ?', query.bbox[1], query.bbox[3], query.bbox[0], query.bbox[2]);
    if (query.ids) add('ev.id IN (SELECT value FROM json_each(?))', JSON.stringify(query.ids));
    const searched = searchClause(query.search, params, (pattern, p) => (p.push(pattern), `${OWN_TEXT} LIKE ? ESCAPE '\\'`));
    if (searched) clauses.push(searched);
    for (const [column, filter] of Object.entries(query.filters) as [keyof typeof FILTER_SQL, ColumnFilter][]) {
      const clause = columnFilterSql(FILTER_SQL[column], filter, params);
      if (clause) clauses.push(clause);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  private toRecord(r: Row, related: ReturnType<EventsRepository['related']>): EventRecord {
    const evidence = (related.evidence.get(r.id) ?? []) as EventRecord['evidence'];
    const associates = (related.associates.get(r.id) ?? []) as { side: number; entityId: number; name: string }[];
    const supported = new Set(evidence.map((e) => e.field));
    return {
      id: r.id,
      date: r.event_date,
      timePrecision: r.time_precision,
      disorderType: disorderTypeOf(r.sub_event_type as SubEventType),
      eventType: r.event_type,
      subEventType: r.sub_event_type,
      actor1: r.actor1_id !== null ? { entityId: r.actor1_id, name: r.actor1_name ?? '', type: r.actor1_type ?? 0 } : null,
      actor2: r.actor2_id !== null ? { entityId: r.actor2_id, name: r.actor2_name ?? '', type: r.actor2_type ?? 0 } : null,
      associates1: associates.filter((a) => a.side === 1).map(({ entityId, name }) => ({ entityId, name })),
      associates2: associates.filter((a) => a.side === 2).map(({ entityId, name }) => ({ entityId, name })),
      interaction: interactionOf(r.actor1_type as ActorType | null, r.actor2_type as ActorType | null),
      civilianTargeting: r.civilian_targeting === 1,
      location: r.location_id !== null ? { entityId: r.location_id, name: r.location_name ?? '' } : null,
      geoPrecision: r.geo_precision,
      lat: r.lat,
      lon: r.lon,
      admin1: r.admin1,
      admin2: r.admin2,
      admin3: r.admin3,
      country: r.country,
      placeName: r.place_name,
      acledId: r.acled_id,
      updatedAt: r.updated_at,
      fatalities: r.fatalities,
      source: r.source,
      sourceScale: r.source_scale,
      notes: r.notes,
      tags: JSON.parse(r.tags) as string[],
      evidence,
      alsoCodedAs: related.copies.alsoCodedAs(r.id),
      counted: related.copies.countsInWorkspace(r.id),
      unsupported: EVENT_FIELDS.filter((f: EventField) => {
        if (supported.has(f)) return false;
        if (f === 'actor2') return r.actor2_id !== null;
        if (f === 'associates') return associates.length > 0;
        if (f === 'notes') return !!r.notes;
        if (f === 'civilianTargeting') return r.civilian_targeting === 1;
        return true;
      }),
    };
  }
}
