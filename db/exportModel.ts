import type { EventRecord } from '../electron/contract/events.js';
import type { RelationRecord } from '../electron/contract/relations.js';
import type { StoredArticle } from './articles.js';
import { EventQuery } from '../electron/contract/events.js';
import { pageAt } from '../electron/contract/imports.js';
import { EventsRepository } from './events.js';
import type { Db } from './open.js';
import { RelationsRepository } from './relations.js';

/**
 * The records an export writes, read once: every format is written from this one model. Article
 * texts are the bulk of a workspace, so they are not held here but read one at a time (`body`).
 */
export interface ExportArticle extends Pick<StoredArticle, 'title' | 'source' | 'url' | 'author' | 'published' | 'dateline'> {
  id: number;
  reliability: string | null;
  credibility: number | null;
  tags: string[];
  /** The text's fingerprint: the same article in another workspace has the same one. */
  fingerprint: string;
}

export interface ExportEntity {
  id: number;
  type: 'person' | 'organisation' | 'place' | 'group';
  name: string;
  aliases: string[];
  notes: string | null;
  lat: number | null;
  lon: number | null;
  placeLabel: string | null;
  geonamesId: number | null;
  wikidata: string | null;
  /** 'suggested' when only suggested mentions bring it into the export (see ExportScope.includeSuggestions). */
  status: 'accepted' | 'suggested';
}

export interface ExportMention {
  id: number;
  articleId: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  type: string;
  entityId: number | null;
  dateValue: string | null;
  status: 'accepted' | 'suggested';
  /** 1 for a nationality adjective naming its country ("Russian" of Russia). */
  adjectival: 0 | 1;
}

export interface ExportModel {
  articles: ExportArticle[];
  entities: ExportEntity[];
  /** Accepted annotations: what the analyst confirmed; the machine's suggestions too when asked for. */
  mentions: ExportMention[];
  /** The export was asked to carry suggestions: formats that can mark a record's status then do so on each. */
  withSuggestions: boolean;
  /** The analyst's rejections ("not a name here"), when asked for (ExportScope.includeRejected); W3C and FtM carry them. */
  rejected: Omit<ExportMention, 'status'>[];
  events: EventRecord[];
  relations: RelationRecord[];
  /** An article's text, read when a format writes it (the last one read is kept: formats go article by article). */
  body: (articleId: number) => string;
  /** The printed page an offset of an article falls on, for a paged document (PDF, multi-page scan); null for every other article. */
  pageOf: (articleId: number, offset: number) => number | null;
}

/** Whole workspace, or the part tied to some articles (the ticked ones). */
export interface ExportScope {
  articleIds: number[] | null;
  /** Suggested mentions (and the entities only they name) as well as accepted ones. */
  includeSuggestions?: boolean;
  /** Rejected mentions too, in a list of their own (ExportModel.rejected): never among the names. */
  includeRejected?: boolean;
}

const CHUNK = 5000;

/** Events in scope, in date order, read a block at a time through the repository's own reader. */
function readEvents(db: Db, scope: ExportScope): EventRecord[] {
  const repo = new EventsRepository(db);
  const query = EventQuery.parse({ sort: [{ column: 'date', direction: 'asc' }], articleIds: scope.articleIds ?? [] });
  const out: EventRecord[] = [];
  for (let start = 0; ; start += CHUNK) {
    const { rows, total } = repo.page(query, start, start + CHUNK);
    out.push(...rows);
    if (start + CHUNK >= total) return out;
  }
}

function readRelations(db: Db, scope: ExportScope): RelationRecord[] {
  const repo = new RelationsRepository(db);
  const ids = scope.articleIds
    ? (db.prepare('SELECT DISTINCT relation_id FROM relation_evidence WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY relation_id').pluck().all(JSON.stringify(scope.articleIds)) as number[])
    : (db.prepare('SELECT id FROM relation ORDER BY id').pluck().all() as number[]);
  return ids.map((id) => repo.get(id));
}

function articleBodies(db: Db): (articleId: number) => string {
  const read = db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck();
  let last: { id: number; body: string } | undefined;
  return (id) => (last?.id === id ? last : (last = { id, body: (read.get(id) as string | undefined) ?? '' })).body;
}

/** Page starts are read once per article that a quote is cited from; most articles have none. */
function articlePages(db: Db): (articleId: number, offset: number) => number | null {
  const read = db.prepare('SELECT page_starts FROM article_document WHERE article_id = ?').pluck();
  const starts = new Map<number, [number, number][] | null>();
  return (id, offset) => {
    if (!starts.has(id)) {
      const json = read.get(id) as string | null | undefined;
      starts.set(id, json ? (JSON.parse(json) as [number, number][]) : null);
    }
    return pageAt(starts.get(id), offset);
  };
}

export function readExportModel(db: Db, scope: ExportScope): ExportModel {
  return db.transaction(() => {
    const inScope = scope.articleIds ? 'WHERE a.id IN (SELECT value FROM json_each(@ids))' : '';
    const ids = JSON.stringify(scope.articleIds ?? []);
    const params = scope.articleIds ? { ids } : {};
    const statuses = scope.includeSuggestions ? "'accepted', 'suggested'" : "'accepted'";
    const articles: ExportArticle[] = [];
    const heads = db.prepare(
      `SELECT a.id, a.title, a.source, a.url, a.author, a.published, a.dateline, a.reliability, a.credibility, a.fingerprint,
         (SELECT json_group_array(t.name) FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags
       FROM article a JOIN article_body b ON b.article_id = a.id ${inScope} ORDER BY a.id`,
    );
    for (const a of heads.iterate(params) as Iterable<Omit<ExportArticle, 'tags'> & { tags: string }>) articles.push({ ...a, tags: JSON.parse(a.tags) as string[] });
    // One read of the mentions in scope; rejections (when asked for) go to a list of their own, never among the names.
    const read = db
      .prepare(
        `SELECT m.id, m.article_id AS articleId, m.start, m.end, m.quote, m.prefix, m.suffix, m.type, m.entity_id AS entityId, m.date_value AS dateValue, m.status, m.adjectival
         FROM mention m ${scope.articleIds ? 'WHERE m.article_id IN (SELECT value FROM json_each(@ids)) AND' : 'WHERE'} m.status IN (${statuses}${scope.includeRejected ? ", 'rejected'" : ''})
         ORDER BY m.article_id, m.start`,
      )
      .all(params) as (Omit<ExportMention, 'status'> & { status: ExportMention['status'] | 'rejected' })[];
    const mentions = read.filter((m): m is ExportMention => m.status !== 'rejected');
    const rejected = read.filter((m) => m.status === 'rejected').map(({ status: _, ...m }) => m);
    const events = readEvents(db, scope);
    const relations = readRelations(db, scope);
    // Entities: those annotated in scope, and those the events and relations in scope refer to.
    const wanted = new Set<number>(mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])));
    // Suggested only when suggested mentions alone bring an entity in: events and relations are the analyst's work.
    const confirmed = new Set<number>(mentions.flatMap((m) => (m.entityId && m.status === 'accepted' ? [m.entityId] : [])));
    for (const e of events) {
      for (const id of [e.actor1?.entityId, e.actor2?.entityId, e.location?.entityId, ...e.associates1.map((a) => a.entityId), ...e.associates2.map((a) => a.entityId)]) {
        if (id) {
          wanted.add(id);
          confirmed.add(id);
        }
      }
    }
    for (const r of relations) {
      for (const id of [r.source.id, r.target.id]) {
        wanted.add(id);
        confirmed.add(id);
      }
    }
    const entityRows = (
      scope.articleIds
        ? db.prepare('SELECT * FROM entity WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify([...wanted]))
        : db.prepare(`SELECT * FROM entity e WHERE e.origin = 'analyst' OR e.id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify([...wanted]))
    ) as { id: number; type: ExportEntity['type']; origin: 'auto' | 'analyst'; name: string; notes: string | null; lat: number | null; lon: number | null; place_label: string | null; geonames_id: number | null; wikidata: string | null }[];
    const aliases = new Map<number, string[]>();
    for (const a of db.prepare('SELECT entity_id AS id, alias FROM entity_alias ORDER BY alias').all() as { id: number; alias: string }[]) {
      aliases.set(a.id, [...(aliases.get(a.id) ?? []), a.alias]);
    }
    const entities = entityRows.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: (aliases.get(e.id) ?? []).filter((a) => a !== e.name),
      notes: e.notes,
      lat: e.lat,
      lon: e.lon,
      placeLabel: e.place_label,
      geonamesId: e.geonames_id,
      wikidata: e.wikidata,
      status: e.origin === 'analyst' || confirmed.has(e.id) ? ('accepted' as const) : ('suggested' as const),
    }));
    return { articles, entities, mentions, rejected, events, relations, withSuggestions: scope.includeSuggestions === true, body: articleBodies(db), pageOf: articlePages(db) };
  })();
}
