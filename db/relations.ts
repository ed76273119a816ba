import type { ColumnFilter } from '../electron/contract/articles.js';
import type { Graph, RELATION_FILTER_KINDS, RelationInput, RelationNarrowing, RelationRecord } from '../electron/contract/relations.js';
import { columnFilterSql } from './articles.js';
import { recordChange } from './changes.js';
import { nowIso, writeTransaction, type Db } from './open.js';
import { spanColumns } from './spans.js';
import { searchClause } from './tableSearch.js';

export class RelationError extends Error {}

interface Row {
  id: number;
  source_id: number;
  source_name: string;
  source_type: string;
  target_id: number;
  target_name: string;
  target_type: string;
  type: string;
  label: string | null;
  start_date: string | null;
  end_date: string | null;
  notes: string | null;
}

const SELECT = `SELECT r.*, s.name AS source_name, s.type AS source_type, t.name AS target_name, t.type AS target_type
  FROM relation r JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id`;

/** A relation's type as the table shows it: a custom one by its name. */
const TYPE_SHOWN = "CASE WHEN r.type = 'custom' THEN r.label ELSE r.type END";

/** What the Relations table's column filters test, by column ("when" by the start date). */
const FILTER_SQL: Record<keyof typeof RELATION_FILTER_KINDS, string> = {
  source: 's.name',
  type: TYPE_SHOWN,
  target: 't.name',
  when: 'r.start_date',
  notes: 'r.notes',
};

const SORT: Record<RelationNarrowing['sort'][number]['column'], string> = {
  source: 's.name COLLATE NOCASE',
  type: `${TYPE_SHOWN} COLLATE NOCASE`,
  target: 't.name COLLATE NOCASE',
  when: 'r.start_date',
};

/** A relation's own text for the search box: both ends, its type (or custom name) and notes, one per line. */
const OWN_TEXT = "(s.name || char(10) || t.name || char(10) || r.type || char(10) || coalesce(r.label, '') || char(10) || coalesce(r.notes, ''))";

/** Relations between entities, with the spans that say so. */
export class RelationsRepository {
  constructor(private readonly db: Db) {}

  create(input: RelationInput, evidence: { articleId: number; start: number; end: number }[]): number {
    return writeTransaction(this.db, () => {
      for (const id of [input.sourceId, input.targetId]) {
        if (!this.db.prepare('SELECT 1 FROM entity WHERE id = ?').get(id)) throw new RelationError(`Entity ${id} does not exist (it may have been merged or deleted).`);
      }
      const at = nowIso();
      const id = Number(
        this.db
          .prepare('INSERT INTO relation (source_id, target_id, type, label, start_date, end_date, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.sourceId, input.targetId, input.type, input.label, input.startDate, input.endDate, input.notes, at, at).lastInsertRowid,
      );
      for (const e of evidence) this.addEvidence(id, e);
      recordChange(this.db, 'create', 'relation', id, null, { ...input, evidence });
      return id;
    });
  }

  update(id: number, input: RelationInput): void {
    writeTransaction(this.db, () => {
      const before = this.get(id);
      this.db
        .prepare('UPDATE relation SET source_id = ?, target_id = ?, type = ?, label = ?, start_date = ?, end_date = ?, notes = ?, updated_at = ? WHERE id = ?')
        .run(input.sourceId, input.targetId, input.type, input.label, input.startDate, input.endDate, input.notes, nowIso(), id);
      const { evidence: _e, ...plain } = before;
      recordChange(this.db, 'update', 'relation', id, plain, input);
    });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const before = this.get(id);
      this.db.prepare('DELETE FROM relation WHERE id = ?').run(id);
      recordChange(this.db, 'delete', 'relation', id, before, null);
    });
  }

  addEvidence(relationId: number, e: { articleId: number; start: number; end: number }): void {
    const body = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(e.articleId) as string | undefined;
    if (body === undefined) throw new RelationError(`Article ${e.articleId} does not exist.`);
    if (e.end > body.length || e.start >= e.end) throw new RelationError('The evidence must be a span of the article text.');
    this.db
      .prepare('INSERT INTO relation_evidence (relation_id, article_id, start, end, quote, prefix, suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(relationId, e.articleId, e.start, e.end, ...spanColumns(body, e.start, e.end), nowIso());
    recordChange(this.db, 'evidence', 'relation', relationId, null, e);
  }

  get(id: number): RelationRecord {
    const row = this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
    if (!row) throw new RelationError(`Relation ${id} does not exist (it may have been deleted).`);
    return this.toRecord(row);
  }

  /** A page of relations touching these entities (all when none), narrowed by the table's search and column filters. */
  page(entityIds: number[], startRow: number, endRow: number, narrowing: Partial<RelationNarrowing> = {}): { rows: RelationRecord[]; total: number } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (entityIds.length) {
      clauses.push('(r.source_id IN (SELECT value FROM json_each(?)) OR r.target_id IN (SELECT value FROM json_each(?)))');
      params.push(JSON.stringify(entityIds), JSON.stringify(entityIds));
    }
    const searched = searchClause(narrowing.search ?? '', params, (pattern, p) => (p.push(pattern), `${OWN_TEXT} LIKE ? ESCAPE '\\'`));
    if (searched) clauses.push(searched);
    for (const [column, filter] of Object.entries(narrowing.filters ?? {}) as [keyof typeof FILTER_SQL, ColumnFilter][]) {
      const clause = columnFilterSql(FILTER_SQL[column], filter, params);
      if (clause) clauses.push(clause);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const sort = narrowing.sort?.[0];
    const order = sort ? `${SORT[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, r.id` : "s.name COLLATE NOCASE, r.type, t.name COLLATE NOCASE, r.id";
    const rows = this.db.prepare(`${SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, endRow - startRow, startRow) as Row[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM relation r JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id ${where}`).get(...params) as { n: number }).n;
    return { rows: rows.map((r) => this.toRecord(r)), total };
  }

  /**
   * The link chart's graph: every relation (capped), or the neighbourhood of some entities
   * (the entities, their neighbours and the relations among them).
   */
  graph(around: number[], limit: number): Graph {
    const edges = (
      around.length
        ? this.db
            .prepare(
              `SELECT id, source_id AS source, target_id AS target, type, label FROM relation
               WHERE source_id IN (SELECT value FROM json_each(?)) OR target_id IN (SELECT value FROM json_each(?)) LIMIT ?`,
            )
            .all(JSON.stringify(around), JSON.stringify(around), limit + 1)
        : this.db.prepare('SELECT id, source_id AS source, target_id AS target, type, label FROM relation LIMIT ?').all(limit + 1)
    ) as Graph['edges'];
    const truncated = edges.length > limit;
    const kept = edges.slice(0, limit);
    const ids = [...new Set([...around, ...kept.flatMap((e) => [e.source, e.target])])];
    const nodes = this.db
      .prepare(
        `SELECT e.id, e.name, e.type, (SELECT count(*) FROM relation r WHERE r.source_id = e.id OR r.target_id = e.id) AS degree
         FROM entity e WHERE e.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as Graph['nodes'];
    return { nodes, edges: kept, truncated };
  }

  private toRecord(r: Row): RelationRecord {
    const evidence = this.db
      .prepare('SELECT e.id, e.article_id AS articleId, a.title AS articleTitle, e.quote, e.start, e.end FROM relation_evidence e JOIN article a ON a.id = e.article_id WHERE e.relation_id = ? ORDER BY e.id')
      .all(r.id) as RelationRecord['evidence'];
    return {
      id: r.id,
      source: { id: r.source_id, name: r.source_name, type: r.source_type },
      target: { id: r.target_id, name: r.target_name, type: r.target_type },
      type: r.type,
      label: r.label,
      startDate: r.start_date,
      endDate: r.end_date,
      notes: r.notes,
      evidence,
    };
  }
}
