import { A_TYPE, type EntityColumn, type EntityDetail, type EntityQuery, type EntityRow, type EntityType, type MapLayer, type PlaceCandidate } from '../electron/contract/entities.js';
import { nameKey } from '../electron/services/gazetteer/normalise.js';
import { columnFilterSql } from './articles.js';
import { searchClause } from './tableSearch.js';
import { recordChange } from './changes.js';
import { countInArticles, KeptMentions, ordersByCount, type ScopedCounts, type ScopedStats } from './scopedCounts.js';

/** Each entity's counts over the mentions in a query's articles. */
type Scoped = Pick<ScopedCounts, 'of'>;
import { changeStamp, nowIso, writeTransaction, type Db } from './open.js';

/** The most places the map names (the most-mentioned first); the others are named when the analyst asks. */
export const MAP_LABELS = 2000;

export class EntityError extends Error {}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Per-entity counts over mentions that are not rejected; dates are not entities. */
const STATS = `SELECT m.entity_id,
    sum(m.status = 'accepted') AS accepted,
    sum(m.status = 'suggested') AS suggested,
    count(DISTINCT m.article_id) AS articles,
    -- Seen when the articles say so: an undated article's import day is not a date of the story.
    min(substr(a.published, 1, 10)) AS first_seen,
    max(substr(a.published, 1, 10)) AS last_seen
  FROM mention m JOIN article a ON a.id = m.article_id
  WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL`;

/**
 * The sorts kept values answer: the entity row's name, type and mention counts (migration 003's
 * triggers) and `entity_seen` (migration 023's), as `s`. Each is what STATS gives for the whole
 * registry (no articles, rather than none, for an entity without a counted mention).
 */
const KEPT_SORT: Record<EntityColumn, string> = {
  type: 'e.type',
  name: 'e.name COLLATE NOCASE',
  mentions: 'e.accepted_count',
  suggested: 'e.mention_count - e.accepted_count',
  articles: 'nullif(s.articles, 0)',
  firstSeen: 's.first_seen',
  lastSeen: 's.last_seen',
};

/** An entity's counts over the whole registry, as kept: the same values STATS counts from every mention. */
const KEPT_STATS = `e.accepted_count AS accepted, e.mention_count - e.accepted_count AS suggested, nullif(s.articles, 0) AS articles, s.first_seen, s.last_seen`;

const SORT: Record<EntityColumn, string> = {
  type: 'e.type',
  name: 'e.name COLLATE NOCASE',
  mentions: 'accepted',
  suggested: 'suggested',
  articles: 'articles',
  firstSeen: 'first_seen',
  lastSeen: 'last_seen',
};

interface EntityRecord {
  id: number;
  type: EntityType;
  name: string;
  notes: string | null;
  origin: string;
  place_id: number | null;
  place_label: string | null;
  lat: number | null;
  lon: number | null;
  geonames_id: number | null;
  wikidata: string | null;
  accepted: number | null;
  suggested: number | null;
  articles: number | null;
  first_seen: string | null;
  last_seen: string | null;
  aliases: string | null;
}


function toRow(r: EntityRecord): EntityRow {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    aliases: r.aliases ? (JSON.parse(r.aliases) as string[]).filter((a) => a !== r.name) : [],
    mentions: r.accepted ?? 0,
    suggested: r.suggested ?? 0,
    articles: r.articles ?? 0,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    lat: r.lat,
    lon: r.lon,
    placeLabel: r.place_label,
  };
}

export interface PlaceLink {
  placeId: number | null;
  label: string | null;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
}

export const placeLinkOf = (p: PlaceCandidate): PlaceLink => ({
  placeId: p.id,
  label: [p.name, p.admin1Name && (p.kind === 'city' || p.kind === 'admin2') ? p.admin1Name : null, p.country].filter(Boolean).join(', '),
  lat: p.lat,
  lon: p.lon,
  // Gazetteer ids are ours for admin areas, countries and airports: the record says which GeoNames one it is.
  geonamesId: p.geonamesId ?? null,
});

/** Country codes of placed entities, weighted by mentions: a gazetteer place's label ends with its code ("Kunduz, Kunduz, AF"). */
function countriesOf(rows: { label: string; mentions: number }[]): string[] {
  const weight = new Map<string, number>();
  for (const r of rows) {
    const code = r.label.split(', ').at(-1)!;
    if (/^[A-Z]{2}$/.test(code)) weight.set(code, (weight.get(code) ?? 0) + Math.max(1, r.mentions));
  }
  return [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

/** The entity registry. */
export class EntitiesRepository {
  /** The last order that counted every entity's mentions, and the state of the workspace it was read in. */
  private counted: { key: string; stamp: string; ids: number[]; stats: Scoped } | null = null;
  /** The ticked articles' mentions, read once until a mention changes. */
  private readonly kept = new KeptMentions();

  constructor(private readonly db: Db) {}

  /** Names the analyst has confirmed (accepted at least once, or made by hand): alias key → type. */
  registry(): Map<string, EntityType> {
    const rows = this.db
      .prepare(
        `SELECT al.key, e.type FROM entity_alias al JOIN entity e ON e.id = al.entity_id
         WHERE e.origin = 'analyst' OR EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id AND m.status = 'accepted')`,
      )
      .all() as { key: string; type: EntityType }[];
    return new Map(rows.map((r) => [r.key, r.type]));
  }

  /**
   * The entity a name of this type refers to; created if new. A place with a gazetteer record is
   * the entity of that record and no other: two articles' "Lebanon" stay apart when one means the
   * country and the other the town in Ohio, whichever was imported first. A place without one
   * (a facility, a custom place) and any other type are found by alias.
   */
  resolve(type: EntityType, name: string, place: PlaceLink | null, origin: 'auto' | 'analyst'): number {
    const key = nameKey(name);
    let id: number | undefined;
    const gazetteerPlace = type === 'place' && place?.placeId != null && place.placeId > 0;
    if (type === 'place' && place?.placeId != null) {
      id = this.db.prepare("SELECT id FROM entity WHERE type = 'place' AND place_id = ? ORDER BY (origin = 'analyst') DESC, id LIMIT 1").pluck().get(place.placeId) as number | undefined;
    }
    if (!gazetteerPlace) {
      id ??= this.db
        .prepare(
          `SELECT e.id FROM entity_alias al JOIN entity e ON e.id = al.entity_id
           WHERE al.key = ? AND e.type = ? AND (e.type <> 'place' OR e.place_id IS NULL OR e.place_id < 0)
           ORDER BY (e.origin = 'analyst') DESC, e.id LIMIT 1`,
        )
        .pluck()
        .get(key, type) as number | undefined;
    }
    id ??= this.insert(type, name, place, origin);
    this.addAlias(id, name);
    return id;
  }

  /**
   * The place entity of one gazetteer record or custom place, made if the registry has none yet;
   * `name` becomes an alias. Unlike resolve(), never an entity found by name alone: an unplaced
   * "Dawlat Abad" or one placed elsewhere is not this place.
   */
  ofPlace(name: string, place: PlaceLink & { placeId: number }, origin: 'auto' | 'analyst'): number {
    const id =
      (this.db.prepare("SELECT id FROM entity WHERE type = 'place' AND place_id = ? ORDER BY (origin = 'analyst') DESC, id LIMIT 1").pluck().get(place.placeId) as number | undefined) ??
      this.insert('place', name, place, origin);
    this.addAlias(id, name);
    return id;
  }

  /** The place entity, other than `except`, that holds a gazetteer record or custom place; the analyst's first. */
  holderOfPlace(placeId: number, except: number): number | null {
    return (
      (this.db
        .prepare("SELECT id FROM entity WHERE type = 'place' AND place_id = ? AND id <> ? ORDER BY (origin = 'analyst') DESC, id LIMIT 1")
        .pluck()
        .get(placeId, except) as number | undefined) ?? null
    );
  }

  private insert(type: EntityType, name: string, place: PlaceLink | null, origin: 'auto' | 'analyst'): number {
    const canonical = type === 'place' && place?.label ? place.label.split(',')[0]! : name;
    const id = Number(
      this.db
        .prepare('INSERT INTO entity (type, name, origin, place_id, place_label, lat, lon, geonames_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(type, canonical, origin, place?.placeId ?? null, place?.label ?? null, place?.lat ?? null, place?.lon ?? null, place?.geonamesId ?? null, nowIso()).lastInsertRowid,
    );
    this.addAlias(id, canonical);
    return id;
  }

  addAlias(id: number, alias: string): void {
    const key = nameKey(alias);
    if (key) this.db.prepare('INSERT OR IGNORE INTO entity_alias (entity_id, key, alias) VALUES (?, ?, ?)').run(id, key, alias);
  }

  page(query: EntityQuery, startRow: number, endRow: number): { rows: EntityRow[]; total: number } {
    if (!query.articleIds.length) return this.pageByKeptCounts(query, startRow, endRow);
    const { ids, stats } = this.countedOrder(query);
    return { rows: this.rowsOf(query, ids.slice(startRow, endRow), stats), total: ids.length };
  }

  /**
   * Every entity the query lists, in its order, with its counts, when that order needs every
   * entity's mentions counted: those in the ticked articles. Kept until the workspace changes, so
   * the table's next blocks (which counted those mentions again, 35–40 ms a block over 10,000
   * articles), its count and the same sort asked again are read from it.
   */
  private countedOrder(query: EntityQuery): { ids: number[]; stats: Scoped } {
    const key = JSON.stringify(query);
    const stamp = changeStamp(this.db);
    if (this.counted?.key === key && this.counted.stamp === stamp) return this.counted;
    const sort = query.sort[0];
    const stats = countInArticles(this.db, query.articleIds, this.kept);
    if (!stats) {
      const { sql, params } = this.select(query, 'e.id, s.accepted, s.suggested, s.articles, s.first_seen, s.last_seen');
      const order = sort ? `${SORT[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, e.id` : 'accepted + suggested DESC, e.id';
      const rows = this.db.prepare(`${sql} ORDER BY ${order}`).raw().all(...params) as ScopedStats[];
      const byId = new Map(rows.map((r) => [r[0], r]));
      this.counted = { key, stamp, ids: rows.map((r) => r[0]), stats: { of: (id) => byId.get(id) } };
      return this.counted;
    }
    let ids = query.includeSuggested ? stats.ids : stats.ids.filter((id) => stats.hasAccepted(id));
    // The entity row's own conditions and orders (types, search, column filters, box; name, type) are SQL's.
    const params: unknown[] = [JSON.stringify(ids)];
    const where = this.filters(query, params);
    const byCount = ordersByCount(sort?.column);
    if (where.length || !byCount) {
      const order = byCount ? 'e.id' : `${SORT[sort!.column]} ${sort!.direction === 'desc' ? 'DESC' : 'ASC'}, e.id`;
      ids = this.db
        .prepare(`SELECT e.id FROM entity e WHERE e.id IN (SELECT value FROM json_each(?)) ${where.map((w) => `AND ${w} `).join('')}ORDER BY ${order}`)
        .pluck()
        .all(...params) as number[];
    }
    if (byCount) ids = stats.sort(ids, sort?.column, sort?.direction ?? 'desc');
    this.counted = { key, stamp, ids, stats };
    return this.counted;
  }

  /**
   * These entities' rows, in this order, with their counts: over the mentions in the query's
   * articles, as counted for its order (`scoped`), or all of them, as kept, when it has none.
   */
  private rowsOf(query: EntityQuery, ids: number[], scoped?: Scoped): EntityRow[] {
    if (!ids.length) return [];
    const { sql, params } = query.articleIds.length
      ? {
          sql: `SELECT e.*, (SELECT json_group_array(alias) FROM entity_alias WHERE entity_id = e.id) AS aliases
                FROM entity e WHERE e.id IN (SELECT value FROM json_each(?))`,
          params: [JSON.stringify(ids)],
        }
      : {
          sql: `SELECT e.*, ${KEPT_STATS}, (SELECT json_group_array(alias) FROM entity_alias WHERE entity_id = e.id) AS aliases
                FROM entity e LEFT JOIN entity_seen s ON s.entity_id = e.id WHERE e.id IN (SELECT value FROM json_each(?))`,
          params: [JSON.stringify(ids)],
        };
    const withCounts = (r: EntityRecord, [, accepted, suggested, articles, first_seen, last_seen]: ScopedStats): EntityRecord => ({ ...r, accepted, suggested, articles, first_seen, last_seen });
    const byId = new Map((this.db.prepare(sql).all(...params) as EntityRecord[]).map((r) => [r.id, scoped?.of(r.id) ? withCounts(r, scoped.of(r.id)!) : r]));
    return ids.flatMap((id) => (byId.has(id) ? [toRow(byId.get(id)!)] : []));
  }

  /**
   * A page of the whole registry, in any of its orders: the page's entities are picked by what is
   * kept (see KEPT_SORT), and their rows read from it. Counting every entity's mentions with their
   * articles to order them took 2.2 s at a million mentions over 100,000 articles, on the core's
   * thread, and the window asks again after every batch an import stores.
   */
  private pageByKeptCounts(query: EntityQuery, startRow: number, endRow: number): { rows: EntityRow[]; total: number } {
    const params: unknown[] = [];
    // As select()'s: an entity with mentions that are not rejected (accepted, with suggestions left out), or one the analyst made.
    const where = [query.includeSuggested ? "(e.mention_count > 0 OR e.origin = 'analyst')" : 'e.accepted_count > 0', ...this.filters(query, params)].join(' AND ');
    const sort = query.sort[0];
    const order = sort ? `${KEPT_SORT[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, e.id` : 'e.mention_count DESC, e.id';
    const ids = this.db
      .prepare(`SELECT e.id FROM entity e LEFT JOIN entity_seen s ON s.entity_id = e.id WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, endRow - startRow, startRow) as number[];
    const total = this.db.prepare(`SELECT count(*) FROM entity e WHERE ${where}`).pluck().get(...params) as number;
    return { rows: this.rowsOf(query, ids), total };
  }

  /** The entities the query lists, with `columns` of each and of its counts (`s`) over the mentions in the query's articles. */
  private select(query: EntityQuery, columns: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const statsWhere: string[] = [];
    if (query.articleIds.length) {
      statsWhere.push('m.article_id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.articleIds));
    }
    const where: string[] = [];
    where.push(query.includeSuggested ? '(s.entity_id IS NOT NULL OR (e.origin = \'analyst\' AND ? = 0))' : 's.accepted > 0');
    if (query.includeSuggested) params.push(query.articleIds.length);
    where.push(...this.filters(query, params));
    const sql = `SELECT ${columns}
      FROM entity e LEFT JOIN (${STATS} ${statsWhere.length ? 'AND ' + statsWhere.join(' AND ') : ''} GROUP BY m.entity_id) s ON s.entity_id = e.id
      WHERE ${where.join(' AND ')}`;
    return { sql, params };
  }

  /** The query's conditions on the entity row itself: types, the search box, column filters and the map's box. */
  private filters(query: EntityQuery, params: unknown[]): string[] {
    const where: string[] = [];
    if (query.types.length) {
      where.push('e.type IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.types));
    }
    // The search box on the registry's own names: every alias, written any way (see nameKey).
    const named = searchClause(query.search, params, (pattern, p) => (p.push(pattern), "e.id IN (SELECT entity_id FROM entity_alias WHERE key LIKE ? ESCAPE '\\')"), nameKey);
    if (named) where.push(named);
    for (const [column, filter] of Object.entries(query.filters)) {
      // On the name the column shows (the search box is the way to match any alias).
      const clause = columnFilterSql(column === 'name' ? 'e.name' : 'e.type', filter, params);
      if (clause) where.push(clause);
    }
    if (query.bbox) {
      const [w, s, e, n] = query.bbox;
      where.push('e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?');
      params.push(s, n, w, e);
    }
    return where;
  }

  get(id: number): EntityDetail {
    const r = this.db
      .prepare(
        `SELECT e.*, ${KEPT_STATS}, (SELECT json_group_array(alias) FROM entity_alias WHERE entity_id = e.id) AS aliases
         FROM entity e LEFT JOIN entity_seen s ON s.entity_id = e.id WHERE e.id = ?`,
      )
      .get(id) as EntityRecord | undefined;
    if (!r) throw new EntityError(`Entity ${id} does not exist (it may have been merged or deleted).`);
    return { ...toRow(r), notes: r.notes, geonamesId: r.geonames_id, wikidata: r.wikidata, placeId: r.place_id, occurrences: this.occurrences(id) };
  }

  /**
   * The entity's first `limit` mentions that are not rejected, by their article's date (its import
   * when undated), article and place in it. Ordering every mention of the most-mentioned place
   * (24,000 on the 100,000-article probe) read each one's row and article: 140–310 ms. The
   * candidates come instead from its articles in order of day (entity_article, kept by triggers,
   * with each article's count of such mentions): the days up to the one that reaches `limit`,
   * that day whole, and every undated article. A day earlier than another is, as text, a date
   * earlier too (the day is the date's first ten characters), so no article left out could come
   * first; the candidates are then ordered exactly as before. An entity named mostly in undated
   * articles is still sorted whole, as before.
   */
  occurrences(id: number, limit = 2000): EntityDetail['occurrences'] {
    const candidates: number[] = [];
    let counted = 0;
    let lastDay: string | null = null;
    const days = this.db.prepare('SELECT article_id, day, n FROM entity_article INDEXED BY entity_article_by_day WHERE entity_id = ? AND day IS NOT NULL ORDER BY day').raw();
    for (const [articleId, day, n] of days.iterate(id) as IterableIterator<[number, string, number]>) {
      if (counted >= limit && day !== lastDay) break;
      candidates.push(articleId);
      counted += n;
      lastDay = day;
    }
    const undated = this.db.prepare('SELECT article_id FROM entity_article INDEXED BY entity_article_by_day WHERE entity_id = ? AND day IS NULL').pluck().all(id) as number[];
    return this.db
      .prepare(
        `SELECT m.id AS mentionId, m.article_id AS articleId, a.title AS articleTitle, a.published, m.start, m.end, m.quote,
            m.prefix AS before, m.suffix AS after, m.status
         FROM article a JOIN mention m INDEXED BY mention_by_article ON m.article_id = a.id
         WHERE a.id IN (SELECT value FROM json_each(?)) AND m.entity_id = ? AND m.status <> 'rejected'
         ORDER BY coalesce(a.published, a.imported_at), m.article_id, m.start LIMIT ?`,
      )
      .all(JSON.stringify(candidates.concat(undated)), id, limit) as EntityDetail['occurrences'];
  }

  update(id: number, patch: { name?: string; notes?: string | null; type?: EntityType; aliases?: string[]; geonamesId?: number | null; wikidata?: string | null }): void {
    writeTransaction(this.db, () => {
      const before = this.get(id);
      const sets: string[] = ["origin = 'analyst'"];
      const values: unknown[] = [];
      for (const [k, column] of [['name', 'name'], ['notes', 'notes'], ['type', 'type'], ['geonamesId', 'geonames_id'], ['wikidata', 'wikidata']] as const) {
        if (patch[k] !== undefined) {
          sets.push(`${column} = ?`);
          values.push(patch[k]);
        }
      }
      this.db.prepare(`UPDATE entity SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      if (patch.type) this.db.prepare("UPDATE mention SET type = ? WHERE entity_id = ? AND type <> 'date'").run(patch.type, id);
      if (patch.name) this.addAlias(id, patch.name);
      if (patch.aliases) {
        this.db.prepare('DELETE FROM entity_alias WHERE entity_id = ?').run(id);
        for (const a of [patch.name ?? before.name, ...patch.aliases]) this.addAlias(id, a);
      }
      recordChange(this.db, 'update', 'entity', id, { name: before.name, notes: before.notes, type: before.type, aliases: before.aliases }, patch);
    });
  }

  setPlace(id: number, link: PlaceLink | null): void {
    writeTransaction(this.db, () => {
      const before = this.db.prepare('SELECT place_id, place_label, lat, lon FROM entity WHERE id = ?').get(id);
      if (!before) throw new EntityError(`Entity ${id} does not exist.`);
      this.db
        .prepare("UPDATE entity SET place_id = ?, place_label = ?, lat = ?, lon = ?, geonames_id = ?, origin = 'analyst' WHERE id = ?")
        .run(link?.placeId ?? null, link?.label ?? null, link?.lat ?? null, link?.lon ?? null, link?.geonamesId ?? null, id);
      recordChange(this.db, 'place', 'entity', id, before, link);
    });
  }

  /** Moves every mention and alias of `source` to `target`; returns the change id that undoes it. */
  merge(sourceId: number, targetId: number): number {
    if (sourceId === targetId) throw new EntityError('An entity cannot be merged into itself.');
    return writeTransaction(this.db, () => {
      const source = this.db.prepare('SELECT * FROM entity WHERE id = ?').get(sourceId) as Record<string, unknown> | undefined;
      const target = this.db.prepare('SELECT type FROM entity WHERE id = ?').get(targetId) as { type: string } | undefined;
      if (!source || !target) throw new EntityError('Both entities must exist to merge them.');
      if (source.type !== target.type) throw new EntityError(`${capital(A_TYPE[source.type as EntityType])} cannot be merged into ${A_TYPE[target.type as EntityType]}; change its type first.`);
      const mentionIds = this.db.prepare('SELECT id FROM mention WHERE entity_id = ?').pluck().all(sourceId) as number[];
      const aliases = this.db.prepare('SELECT key, alias FROM entity_alias WHERE entity_id = ?').all(sourceId) as { key: string; alias: string }[];
      this.db.prepare('UPDATE mention SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
      for (const a of aliases) this.addAlias(targetId, a.alias);
      this.db.prepare('DELETE FROM entity WHERE id = ?').run(sourceId);
      this.db.prepare("UPDATE entity SET origin = 'analyst' WHERE id = ?").run(targetId);
      recordChange(this.db, 'merge', 'entity', targetId, { source, aliases, mentionIds }, { target: targetId });
      return Number(this.db.prepare('SELECT max(id) FROM change_log').pluck().get());
    });
  }

  undoMerge(changeId: number): number {
    return writeTransaction(this.db, () => {
      const change = this.db.prepare("SELECT before, subject_id AS targetId FROM change_log WHERE id = ? AND action = 'merge' AND subject = 'entity'").get(changeId) as
        | { before: string; targetId: number }
        | undefined;
      if (!change) throw new EntityError('That merge cannot be undone (it is not in the change log).');
      const { source, aliases, mentionIds } = JSON.parse(change.before) as { source: Record<string, unknown>; aliases: { key: string; alias: string }[]; mentionIds: number[] };
      const columns = Object.keys(source);
      this.db.prepare(`INSERT INTO entity (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => source[c]));
      for (const a of aliases) this.db.prepare('INSERT OR IGNORE INTO entity_alias (entity_id, key, alias) VALUES (?, ?, ?)').run(source.id, a.key, a.alias);
      const targetKeys = new Set(aliases.map((a) => a.key));
      const keep = this.db.prepare('SELECT name FROM entity WHERE id = ?').pluck().get(change.targetId) as string;
      for (const key of targetKeys) if (key !== nameKey(keep)) this.db.prepare('DELETE FROM entity_alias WHERE entity_id = ? AND key = ?').run(change.targetId, key);
      this.db.prepare('UPDATE mention SET entity_id = ? WHERE id IN (SELECT value FROM json_each(?)) AND entity_id = ?').run(source.id, JSON.stringify(mentionIds), change.targetId);
      recordChange(this.db, 'undo-merge', 'entity', Number(source.id), null, { changeId });
      return Number(source.id);
    });
  }

  /** Moves the chosen mentions to a new entity called `name`. */
  split(id: number, mentionIds: number[], name: string): number {
    return writeTransaction(this.db, () => {
      const e = this.db.prepare('SELECT type FROM entity WHERE id = ?').get(id) as { type: EntityType } | undefined;
      if (!e) throw new EntityError(`Entity ${id} does not exist.`);
      const created = Number(this.db.prepare("INSERT INTO entity (type, name, origin, created_at) VALUES (?, ?, 'analyst', ?)").run(e.type, name, nowIso()).lastInsertRowid);
      this.addAlias(created, name);
      const moved = this.db.prepare('UPDATE mention SET entity_id = ? WHERE entity_id = ? AND id IN (SELECT value FROM json_each(?))').run(created, id, JSON.stringify(mentionIds)).changes;
      if (moved === 0) throw new EntityError('None of those mentions belong to this entity.');
      recordChange(this.db, 'split', 'entity', id, { mentionIds }, { newEntity: created });
      return created;
    });
  }

  /** Deleting an entity rejects its mentions, so a re-run does not suggest them again. */
  delete(id: number): void {
    writeTransaction(this.db, () => {
      const before = this.db.prepare('SELECT * FROM entity WHERE id = ?').get(id);
      if (!before) throw new EntityError(`Entity ${id} does not exist.`);
      const mentionIds = this.db.prepare('SELECT id FROM mention WHERE entity_id = ?').pluck().all(id);
      this.db.prepare("UPDATE mention SET status = 'rejected', updated_at = ? WHERE entity_id = ?").run(nowIso(), id);
      this.db.prepare('DELETE FROM entity WHERE id = ?').run(id);
      recordChange(this.db, 'delete', 'entity', id, { entity: before, mentionIds }, null);
    });
  }

  /**
   * Drops entities the registry made for a mention (origin 'auto') once nothing holds them: no
   * mention that is not rejected (the last one re-spanned, retyped, relinked or rejected), and no
   * event or relation that names them (deleting one would blank an event's actor or, by cascade,
   * delete a relation). Entities the analyst made, renamed, aliased, placed or merged into are
   * 'analyst' and stay. Runs inside the caller's transaction, so a command's undo restores them.
   * `ids` narrows the check to the entities a single edit let go of.
   */
  pruneOrphans(ids?: (number | null)[]): void {
    const only = ids?.filter((id): id is number => id !== null);
    if (only && only.length === 0) return;
    this.db
      .prepare(
        `DELETE FROM entity WHERE origin = 'auto' ${only ? 'AND id IN (SELECT value FROM json_each(?))' : ''}
           AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = entity.id AND m.status <> 'rejected')
           AND NOT EXISTS (SELECT 1 FROM event v WHERE entity.id IN (v.actor1_id, v.actor2_id, v.location_id))
           AND NOT EXISTS (SELECT 1 FROM event_associate a WHERE a.entity_id = entity.id)
           AND NOT EXISTS (SELECT 1 FROM relation r WHERE entity.id IN (r.source_id, r.target_id))`,
      )
      .run(...(only ? [JSON.stringify(only)] : []));
  }

  /**
   * Places for the map, packed (see MapLayer): with no article filter, straight from the entity
   * table and its counters; for the places of chosen articles, counted over their mentions.
   */
  mapPlaces(bbox: [number, number, number, number] | null, articleIds: number[], includeSuggested: boolean, includeAdjectival = true, labels = MAP_LABELS): MapLayer {
    const [w, s, e, n] = bbox ?? [-180, -90, 180, 90];
    const status = includeSuggested ? "m.status <> 'rejected'" : "m.status = 'accepted'";
    const counter = includeSuggested ? 'mention_count' : 'accepted_count';
    // The counters include nationality adjectives ("Russian forces"); the few there are come off
    // through their partial index when the map leaves them out.
    const mentionsOf = includeAdjectival
      ? counter
      : `${counter} - (SELECT count(*) FROM mention m INDEXED BY mention_adjectival WHERE m.adjectival = 1 AND m.entity_id = entity.id AND ${status})`;
    const source =
      articleIds.length === 0
        ? `SELECT id, name, lat, lon, ${mentionsOf} AS mentions FROM entity INDEXED BY entity_places
           WHERE type = 'place' AND lat IS NOT NULL AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND mentions > 0`
        : `SELECT e.id, e.name, e.lat, e.lon, count(*) AS mentions FROM mention m JOIN entity e ON e.id = m.entity_id
           WHERE m.article_id IN (SELECT value FROM json_each(?)) AND ${status} ${includeAdjectival ? '' : 'AND m.adjectival = 0'}
             AND e.type = 'place' AND e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? GROUP BY e.id`;
    const params = articleIds.length === 0 ? [s, n, w, e] : [JSON.stringify(articleIds), s, n, w, e];
    if (articleIds.length > 0) {
      // Counted over mentions: one pass (a materialised CTE) gives the records and the labels,
      // rather than reading the mentions twice (the map follows the tables' filters through here).
      const [packed, names] = this.db
        .prepare(
          `WITH counted AS MATERIALIZED (${source})
           SELECT (SELECT group_concat(id || ',' || lat || ',' || lon || ',' || mentions, ';') FROM counted),
                  (SELECT json_group_array(json_array(id, name)) FROM (SELECT id, name FROM counted ORDER BY mentions DESC LIMIT ?))`,
        )
        .raw()
        .get(...params, labels) as [string | null, string];
      return { packed: packed ?? '', names: JSON.parse(names) as [number, string][] };
    }
    const packed = (this.db.prepare(`SELECT group_concat(id || ',' || lat || ',' || lon || ',' || mentions, ';') FROM (${source})`).pluck().get(...params) as string | null) ?? '';
    const count = packed ? packed.split(';', labels + 1).length : 0;
    // Few places in view: name them all from the same small set. Many: read the most-mentioned
    // first through their index and stop at the label budget.
    const names = (
      count > labels
        ? this.db
            .prepare(
              `SELECT id, name FROM entity INDEXED BY entity_places_by_mentions
               WHERE type = 'place' AND lat IS NOT NULL AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND mention_count > 0
                 ${includeAdjectival ? '' : `AND ${mentionsOf} > 0`}
               ORDER BY mention_count DESC LIMIT ?`,
            )
            .raw()
            .all(...params, labels)
        : this.db.prepare(`SELECT id, name FROM (${source}) ORDER BY mentions DESC LIMIT ?`).raw().all(...params, labels)
    ) as [number, string][];
    return { packed, names };
  }

  /**
   * The countries this workspace's places are in, most-mentioned first: a gazetteer place's label
   * ends with its country code ("Kunduz, Kunduz, AF").
   */
  placeCountries(): string[] {
    return countriesOf(
      this.db.prepare("SELECT place_label AS label, mention_count AS mentions FROM entity WHERE type = 'place' AND place_id > 0 AND place_label IS NOT NULL").all() as {
        label: string;
        mentions: number;
      }[],
    );
  }

  /** The countries of one article's places (not rejected), most-mentioned first. */
  articlePlaceCountries(articleId: number): string[] {
    return countriesOf(
      this.db
        .prepare(
          `SELECT e.place_label AS label, count(*) AS mentions FROM mention m JOIN entity e ON e.id = m.entity_id
           WHERE m.article_id = ? AND m.status <> 'rejected' AND e.type = 'place' AND e.place_id > 0 AND e.place_label IS NOT NULL GROUP BY e.id`,
        )
        .all(articleId) as { label: string; mentions: number }[],
    );
  }

  /** Custom places of this workspace, as gazetteer-like candidates with negative ids. */
  customPlaces(text: string): PlaceCandidate[] {
    return (
      this.db.prepare("SELECT id, name, lat, lon FROM custom_place WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT 20").all(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as {
        id: number;
        name: string;
        lat: number;
        lon: number;
      }[]
    ).map((p) => ({ id: -p.id, name: p.name, kind: 'custom' as const, country: null, admin1Name: null, lat: p.lat, lon: p.lon, population: 0 }));
  }

  customPlace(id: number): PlaceCandidate | null {
    const p = this.db.prepare('SELECT id, name, lat, lon FROM custom_place WHERE id = ?').get(-id) as { id: number; name: string; lat: number; lon: number } | undefined;
    return p ? { id: -p.id, name: p.name, kind: 'custom', country: null, admin1Name: null, lat: p.lat, lon: p.lon, population: 0 } : null;
  }

  /** A custom place of this name at this point (to a metre's tenth), if the workspace has one. */
  findCustomPlace(name: string, lat: number, lon: number): PlaceCandidate | null {
    const id = this.db.prepare('SELECT id FROM custom_place WHERE name = ? AND abs(lat - ?) < 1e-6 AND abs(lon - ?) < 1e-6').pluck().get(name, lat, lon) as number | undefined;
    return id === undefined ? null : this.customPlace(-id);
  }

  createCustomPlace(name: string, lat: number, lon: number): PlaceCandidate {
    const id = Number(this.db.prepare('INSERT INTO custom_place (name, lat, lon, created_at) VALUES (?, ?, ?, ?)').run(name, lat, lon, nowIso()).lastInsertRowid);
    recordChange(this.db, 'create', 'custom_place', id, null, { name, lat, lon });
    return this.customPlace(-id)!;
  }
}
