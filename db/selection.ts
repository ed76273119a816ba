import { SELECTION_CAP, type SelectionLinks, type SelectionRef } from '../electron/contract/selection.js';
import type { Db } from './open.js';

const ids = (db: Db, sql: string, ...params: unknown[]): number[] =>
  db.prepare(`${sql} LIMIT ${SELECTION_CAP}`).pluck().all(...params) as number[];
const text = (db: Db, sql: string, id: number): string => (db.prepare(sql).pluck().get({ id }) as string | undefined) ?? '';
const texts = (db: Db, sql: string, ...params: unknown[]): string[] =>
  (db.prepare(`${sql} LIMIT ${SELECTION_CAP}`).pluck().all(...params) as (string | null)[]).filter((d): d is string => !!d);

/**
 * What a selected record is tied to, so that every view can mark it: an entity's articles,
 * events and relations; an event's actors, place, sources and day; and so on.
 */
export function selectionLinks(db: Db, { kind, id }: SelectionRef): SelectionLinks {
  switch (kind) {
    case 'article':
      return {
        label: text(db, 'SELECT title FROM article WHERE id = @id', id),
        labelDate: null,
        articleIds: [id],
        entityIds: ids(db, `SELECT DISTINCT entity_id FROM mention WHERE article_id = ? AND status <> 'rejected' AND entity_id IS NOT NULL`, id),
        eventIds: ids(db, 'SELECT DISTINCT event_id FROM event_evidence WHERE article_id = ?', id),
        relationIds: ids(db, 'SELECT DISTINCT relation_id FROM relation_evidence WHERE article_id = ?', id),
        dates: texts(db, 'SELECT substr(published, 1, 10) FROM article WHERE id = ?', id),
      };
    case 'entity':
      return {
        label: text(db, 'SELECT name FROM entity WHERE id = @id', id),
        labelDate: null,
        articleIds: ids(db, `SELECT DISTINCT article_id FROM mention WHERE entity_id = ? AND status <> 'rejected'`, id),
        entityIds: [id],
        eventIds: ids(
          db,
          `SELECT id FROM event WHERE actor1_id = @id OR actor2_id = @id OR location_id = @id
           UNION SELECT event_id FROM event_associate WHERE entity_id = @id`,
          { id },
        ),
        relationIds: ids(db, 'SELECT id FROM relation WHERE source_id = @id OR target_id = @id', { id }),
        dates: texts(
          db,
          `SELECT DISTINCT event_date FROM event WHERE actor1_id = @id OR actor2_id = @id OR location_id = @id
           OR id IN (SELECT event_id FROM event_associate WHERE entity_id = @id) ORDER BY event_date`,
          { id },
        ),
      };
    case 'event':
      return {
        label: text(
          db,
          `SELECT lower(e.sub_event_type) || coalesce(' in ' || l.name, '') FROM event e LEFT JOIN entity l ON l.id = e.location_id WHERE e.id = @id`,
          id,
        ),
        labelDate: text(db, 'SELECT event_date FROM event WHERE id = @id', id) || null,
        articleIds: ids(db, 'SELECT DISTINCT article_id FROM event_evidence WHERE event_id = ?', id),
        entityIds: ids(
          db,
          `SELECT x FROM (SELECT actor1_id AS x FROM event WHERE id = @id UNION SELECT actor2_id FROM event WHERE id = @id
           UNION SELECT location_id FROM event WHERE id = @id UNION SELECT entity_id FROM event_associate WHERE event_id = @id) WHERE x IS NOT NULL`,
          { id },
        ),
        eventIds: [id],
        relationIds: [],
        dates: texts(db, 'SELECT event_date FROM event WHERE id = ?', id),
      };
    case 'relation':
      return {
        label: text(
          db,
          `SELECT s.name || ' ' || CASE r.type WHEN 'custom' THEN coalesce(r.label, 'related to') ELSE r.type END || ' ' || t.name
           FROM relation r JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id WHERE r.id = @id`,
          id,
        ),
        labelDate: null,
        articleIds: ids(db, 'SELECT DISTINCT article_id FROM relation_evidence WHERE relation_id = ?', id),
        entityIds: ids(db, 'SELECT source_id FROM relation WHERE id = @id UNION SELECT target_id FROM relation WHERE id = @id', { id }),
        eventIds: [],
        relationIds: [id],
        dates: [],
      };
  }
}
