import type { EntityQuery } from '../electron/contract/entities.js';
import type { EventQuery } from '../electron/contract/events.js';
import type { ArticlesRepository } from './articles.js';

/**
 * The Entities and Events tables follow the articles table's tags and column filters: a query that
 * carries an article query is read as "of the articles it matches". The tables, the map, exports
 * and reports all read it here, so they agree. When no article matches, nothing does: the ids are
 * then [-1], which no article has ("none", not "no filter"). The workspace's own repository is
 * passed where a table pages, so the matching articles come from its cache, not a new query per page.
 */

/** An event query with its article query read as "evidenced by the articles it matches", within the ticked articles when there are any. */
export function eventsEvidencedBy(articles: ArticlesRepository, query: EventQuery): EventQuery {
  if (!query.articleQuery) return query;
  let only = articles.ids({ query: query.articleQuery });
  if (query.articleIds.length) {
    const allowed = new Set(query.articleIds);
    only = only.filter((id) => allowed.has(id));
  }
  return { ...query, articleQuery: null, articleIds: only.length ? only : [-1] };
}

/**
 * An entity query with its article query read as "mentioned in the articles it matches": all of
 * them. The first 10,000 only, as before, gave an entity counts from part of the filter without a word.
 */
export function entitiesMentionedIn(articles: ArticlesRepository, query: EntityQuery): EntityQuery {
  if (!query.articleQuery) return query;
  const ids = articles.ids({ query: query.articleQuery });
  return { ...query, articleIds: ids.length ? ids : [-1] };
}
