import type { Mention, MentionType, PlaceCandidate } from '../electron/contract/entities.js';
import { recordChange } from './changes.js';
import { nowIso, type Db } from './open.js';
import { quoteSpan, spanColumns } from './spans.js';

/** A span to store: from the extractor or the analyst. */
export interface NewMention {
  start: number;
  end: number;
  type: MentionType;
  status: 'suggested' | 'accepted' | 'rejected';
  origin: 'auto' | 'analyst';
  entityId: number | null;
  confidence?: number | null;
  reason?: string | null;
  date?: { value: string | null; until: string | null; precision: string } | null;
  candidates?: PlaceCandidate[];
  /** A nationality adjective naming its country ("Russian forces"). */
  adjectival?: boolean;
}

interface MentionRecord {
  id: number;
  article_id: number;
  start: number;
  end: number;
  quote: string;
  type: MentionType;
  status: Mention['status'];
  origin: Mention['origin'];
  entity_id: number | null;
  entity_name: string | null;
  confidence: number | null;
  reason: string | null;
  date_value: string | null;
  date_until: string | null;
  date_precision: string | null;
  candidates: string | null;
  adjectival: number;
  place_label: string | null;
  lat: number | null;
  lon: number | null;
}

export function toMention(r: MentionRecord): Mention {
  return {
    id: r.id,
    articleId: r.article_id,
    start: r.start,
    end: r.end,
    quote: r.quote,
    type: r.type,
    status: r.status,
    origin: r.origin,
    entityId: r.entity_id,
    entityName: r.entity_name,
    confidence: r.confidence,
    reason: r.reason,
    date: r.date_precision ? { value: r.date_value, until: r.date_until, precision: r.date_precision } : null,
    candidates: r.candidates ? (JSON.parse(r.candidates) as PlaceCandidate[]) : [],
    adjectival: r.adjectival === 1,
    place: r.lat !== null && r.lon !== null ? { label: r.place_label, lat: r.lat, lon: r.lon } : null,
  };
}

/** One line of `awb mentions`: the span, its decision and, where linked and placed, its entity and point. */
export interface MentionListing {
  id: number;
  article: number;
  file: string | null;
  start: number;
  end: number;
  quote: string;
  type: MentionType;
  status: Mention['status'];
  confidence: number | null;
  entity: string | null;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
  /** Only on a nationality adjective ("Russian" → Russia). */
  adjectival?: true;
}

const SELECT = `SELECT m.*, e.name AS entity_name, e.place_label, e.lat, e.lon FROM mention m LEFT JOIN entity e ON e.id = m.entity_id`;

export class MentionsRepository {
  constructor(private readonly db: Db) {}

  forArticle(articleId: number): Mention[] {
    return (this.db.prepare(`${SELECT} WHERE m.article_id = ? ORDER BY m.start`).all(articleId) as MentionRecord[]).map(toMention);
  }

  get(id: number): Mention | null {
    const r = this.db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MentionRecord | undefined;
    return r ? toMention(r) : null;
  }

  /** Spans the analyst decided on (accepted, rejected, or drawn by hand): a re-run keeps clear of them. */
  decided(articleId: number): { start: number; end: number; type: MentionType }[] {
    return this.db
      .prepare("SELECT start, end, type FROM mention WHERE article_id = ? AND (status <> 'suggested' OR origin = 'analyst')")
      .all(articleId) as { start: number; end: number; type: MentionType }[];
  }

  /** Deletes an article's automatic suggestions; returns the entities they named (which may now be orphans). */
  clearSuggestions(articleId: number): (number | null)[] {
    return this.db.prepare("DELETE FROM mention WHERE article_id = ? AND status = 'suggested' AND origin = 'auto' RETURNING entity_id").pluck().all(articleId) as (number | null)[];
  }

  /** `at`: the time stamped on it (one for a whole batch saves asking the clock for each mention). */
  insert(articleId: number, body: string, m: NewMention, at = nowIso()): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, confidence, reason,
             date_value, date_until, date_precision, candidates, adjectival, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          articleId,
          m.start,
          m.end,
          ...spanColumns(body, m.start, m.end),
          m.type,
          m.status,
          m.origin,
          m.entityId,
          m.confidence ?? null,
          m.reason ?? null,
          m.date?.value ?? null,
          m.date?.until ?? null,
          m.date?.precision ?? null,
          m.candidates?.length ? JSON.stringify(m.candidates) : null,
          m.adjectival && m.type === 'place' ? 1 : 0,
          at,
        ).lastInsertRowid,
    );
  }

  update(
    id: number,
    patch: Partial<{ status: Mention['status']; type: MentionType; entityId: number | null; start: number; end: number; body: string; adjectival: boolean; date: NewMention['date'] }>,
  ): void {
    const before = this.db.prepare('SELECT status, type, entity_id AS entityId, start, end, adjectival = 1 AS adjectival FROM mention WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    // The log says what a date was only where it changes (the batch accept logs the same shape).
    if (before && patch.date !== undefined) before.date = this.get(id)?.date ?? null;
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.status) set('status', patch.status);
    if (patch.type) set('type', patch.type);
    if (patch.entityId !== undefined) set('entity_id', patch.entityId);
    if (patch.adjectival !== undefined) set('adjectival', patch.adjectival ? 1 : 0);
    if (patch.date !== undefined) {
      set('date_value', patch.date?.value ?? null);
      set('date_until', patch.date?.until ?? null);
      set('date_precision', patch.date?.precision ?? null);
    }
    if (patch.start !== undefined && patch.end !== undefined && patch.body !== undefined) {
      set('start', patch.start);
      set('end', patch.end);
      const span = quoteSpan(patch.body, patch.start, patch.end);
      set('quote', span.quote);
      set('prefix', span.prefix);
      set('suffix', span.suffix);
    }
    if (sets.length === 0) return;
    set('updated_at', nowIso());
    this.db.prepare(`UPDATE mention SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    const { body: _body, ...after } = patch;
    recordChange(this.db, 'update', 'mention', id, before, after);
  }

  /** Other places where the same words stand, in one article or in all (found with FTS first). */
  occurrences(quote: string, articleId: number | null): { articleId: number; body: string; start: number; end: number }[] {
    const phrase = `"${quote.replaceAll('"', ' ')}"`;
    const articles = (
      articleId !== null
        ? this.db.prepare('SELECT article_id AS id, body FROM article_body WHERE article_id = ?').all(articleId)
        : this.db
            .prepare('SELECT b.article_id AS id, b.body FROM article_fts f JOIN article_body b ON b.article_id = f.rowid WHERE article_fts MATCH ?')
            .all(phrase)
    ) as { id: number; body: string }[];
    const escaped = quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
    const out: { articleId: number; body: string; start: number; end: number }[] = [];
    for (const a of articles) for (const m of a.body.matchAll(re)) out.push({ articleId: a.id, body: a.body, start: m.index, end: m.index + m[0].length });
    return out;
  }

  /**
   * The annotations a span of this type would clash with: those sharing its text, less a place named
   * inside an organisation's name and that organisation (electron/contract/mentionNesting.ts).
   */
  overlapping(articleId: number, start: number, end: number, type: MentionType, exceptId?: number): { id: number; status: string; origin: string }[] {
    const length = end - start;
    return this.db
      .prepare(
        `SELECT id, status, origin FROM mention WHERE article_id = ? AND start < ? AND end > ? AND id IS NOT ?
           AND NOT (? = 'place' AND type = 'organisation' AND start <= ? AND end >= ? AND end - start > ?)
           AND NOT (type = 'place' AND ? = 'organisation' AND start >= ? AND end <= ? AND end - start < ?)`,
      )
      .all(articleId, end, start, exceptId ?? null, type, start, end, length, type, start, end, length) as { id: number; status: string; origin: string }[];
  }

  /**
   * Mentions with their article's file and their entity's place, in article and text order, one
   * block after the last one read (keyset paging), so `awb mentions` streams any number of them.
   */
  listing(filter: { articleIds: number[] | null; statuses: Mention['status'][]; type: MentionType | null }, after: { articleId: number; start: number; id: number } | null, limit: number): MentionListing[] {
    const rows = this.db
      .prepare(
        `SELECT m.id, m.article_id AS article, a.file_name AS file, m.start, m.end, m.quote, m.type, m.status, m.confidence,
           e.name AS entity, e.lat, e.lon, e.geonames_id AS geonamesId, m.adjectival
         FROM mention m JOIN article a ON a.id = m.article_id LEFT JOIN entity e ON e.id = m.entity_id
         WHERE (@articles IS NULL OR m.article_id IN (SELECT value FROM json_each(@articles)))
           AND m.status IN (SELECT value FROM json_each(@statuses))
           AND (@type IS NULL OR m.type = @type)
           AND (m.article_id, m.start, m.id) > (@afterArticle, @afterStart, @afterId)
         ORDER BY m.article_id, m.start, m.id LIMIT @limit`,
      )
      .all({
        articles: filter.articleIds ? JSON.stringify(filter.articleIds) : null,
        statuses: JSON.stringify(filter.statuses),
        type: filter.type,
        afterArticle: after?.articleId ?? -1,
        afterStart: after?.start ?? -1,
        afterId: after?.id ?? -1,
        limit,
      }) as (Omit<MentionListing, 'adjectival'> & { adjectival: number })[];
    return rows.map(({ adjectival, ...m }) => (adjectival ? { ...m, adjectival: true as const } : m));
  }

  /** Suggested mentions the extractor was at least this sure of (of one type, or all), in article and text order. */
  suggestedAtLeast(minConfidence: number, type: MentionType | null, articleId: number | null = null): number[] {
    return this.db
      .prepare(
        "SELECT id FROM mention WHERE status = 'suggested' AND confidence >= ? AND (? IS NULL OR type = ?) AND (? IS NULL OR article_id = ?) ORDER BY article_id, start, id",
      )
      .pluck()
      .all(minConfidence, type, type, articleId, articleId) as number[];
  }

  markExtracted(articleId: number, version: number): void {
    this.db.prepare('INSERT OR REPLACE INTO extraction_state (article_id, version, extracted_at) VALUES (?, ?, ?)').run(articleId, version, nowIso());
  }

  countNotExtracted(version: number): number {
    return this.db
      .prepare('SELECT count(*) FROM article a LEFT JOIN extraction_state s ON s.article_id = a.id WHERE s.version IS NULL OR s.version < ?')
      .pluck()
      .get(version) as number;
  }

  /** Articles not yet read by this extractor version, in id order after `afterId`. */
  notExtracted(version: number, limit: number, afterId = 0): number[] {
    return this.db
      .prepare('SELECT a.id FROM article a LEFT JOIN extraction_state s ON s.article_id = a.id WHERE (s.version IS NULL OR s.version < ?) AND a.id > ? ORDER BY a.id LIMIT ?')
      .pluck()
      .all(version, afterId, limit) as number[];
  }
}

