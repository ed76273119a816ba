import type { Db } from './open.js';

/**
 * The articles whose mentions changed other than by a new mention at the end, since a reader saw
 * place_mention_edits' count at `edits` and the largest mention id at `largest` (migration 026); an
 * article may be named twice. Mentions above `largest` are the reader's to find by their ids.
 */
export function articlesEditedSince(db: Db, edits: number, largest: number): number[] {
  const noted = db.prepare('SELECT article_id FROM mention_edits_by_article WHERE n >= ?').pluck().all(edits) as number[];
  // A new mention under an id freed at the top since then is no higher than `largest`.
  const freed = db.prepare('SELECT min(id) FROM mention_ids_freed WHERE n >= ?').pluck().get(edits) as number | null;
  if (freed === null || freed > largest) return noted;
  return noted.concat(db.prepare('SELECT article_id FROM mention WHERE id BETWEEN ? AND ?').pluck().all(freed, largest) as number[]);
}

/** Whether a place may have been renamed, moved, retyped, deleted or put back since a reader saw place_mention_edits' count at `edits`. */
export function entitiesEditedSince(db: Db, edits: number): boolean {
  return (db.prepare('SELECT n FROM entity_edits WHERE id = 1').pluck().get() as number) >= edits;
}
