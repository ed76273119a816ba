import type { EntityQuery } from '../electron/contract/entities.js';
import type { EventQuery } from '../electron/contract/events.js';
import { ArticlesRepository } from './articles.js';
import type { Db } from './open.js';

/**
 * The Entities and Events tables follow the articles table's tags and column filters: a query that
 * carries an article query is read as "of the articles it matches". The tables, the map, exports
 * and reports all read it here, so they agree. When no article matches, nothing does: the ids are
 * then [-1], which no article has ("none", not "no filter").
 */

/** An event query with its article query read as "evidenced by the articles it matches", within the ticked articles when there are any. */
export function eventsEvidencedBy(db: Db, query: EventQuery): EventQuery {
  if (!query.articleQuery) return query;
  let only = new ArticlesRepository(db).ids({ query: query.articleQuery });
  if (query.articleIds.length) {
    const allowed = new Set(query.articleIds);
    only = only.filter((id) => allowed.has(id));
  }
  return { ...query, articleQuery: null, articleIds: only.length ? only : [-1] };
}

/** An entity query with its article query read as "mentioned in the articles it matches" (the first 10,000). */
export function entitiesMentionedIn(db: Db, query: EntityQuery): EntityQuery {
  if (!query.articleQuery) return query;
  const ids = new ArticlesRepository(db).ids({ query: query.articleQuery });
  return { ...query, articleIds: ids.length ? ids.slice(0, 10_000) : [-1] };
}
