import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract as api, ArticleQuery, EntityQuery, EventQuery, ExportRequest } from '../../electron/contract/index.js';
import { entitiesMentionedIn } from '../../db/articleScope.js';
import { ArticlesRepository } from '../../db/articles.js';
import { EntitiesRepository } from '../../db/entities.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { tempDir } from './helpers.js';

/**
 * A filter or a tick may cover more than 10,000 articles. The Entities table then counts the
 * mentions in every one of them, and the window's queries with that many ids are taken, not refused.
 */
const ARTICLES = 12_000;

function workspace(): Db {
  const db = openWorkspace(path.join(tempDir(), 'large-scope.awb'), { create: true });
  db.transaction(() => {
    const article = db.prepare("INSERT INTO article (title, published, words, format, fingerprint, imported_at) VALUES (?, '2024-03-01', 10, 'text', ?, '2024-01-01')");
    for (let i = 1; i <= ARTICLES; i++) article.run(`A ${i}`, `f${i}`);
    db.prepare("INSERT INTO tag (id, name, color) VALUES (1, 'north', '#336699')").run();
    db.prepare('INSERT INTO article_tag (article_id, tag_id) SELECT id, 1 FROM article').run();
    const entity = db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (?, 'place', ?, 'auto', '2024-01-01')");
    entity.run(1, 'Early');
    entity.run(2, 'Late');
    const mention = db.prepare(
      "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 0, 1, 'x', '', '', 'place', 'accepted', 'auto', ?, '2024-01-01')",
    );
    for (let a = 1; a <= 5; a++) mention.run(a, 1);
    // Only past the first 10,000 articles.
    for (let a = ARTICLES - 9; a <= ARTICLES; a++) mention.run(a, 2);
  })();
  return db;
}

describe('a scope of more than 10,000 articles', () => {
  const db = workspace();

  it('counts the mentions in every article a filter matches', () => {
    const query = EntityQuery.parse({ articleQuery: ArticleQuery.parse({ tagIds: [1] }) });
    const scoped = entitiesMentionedIn(new ArticlesRepository(db), query);
    expect(scoped.articleIds).toHaveLength(ARTICLES);
    const { rows, total } = new EntitiesRepository(db).page(scoped, 0, 100);
    expect(total).toBe(2);
    expect(rows.map((r) => [r.name, r.mentions, r.articles])).toEqual([
      ['Late', 10, 10],
      ['Early', 5, 5],
    ]);
  });

  it('counts the mentions in every ticked article', () => {
    const ticked = Array.from({ length: ARTICLES }, (_, i) => i + 1);
    const { rows } = new EntitiesRepository(db).page(EntityQuery.parse({ articleIds: ticked }), 0, 100);
    expect(rows.map((r) => r.name)).toEqual(['Late', 'Early']);
  });

  it('takes the ticked articles in every query the window sends with them', () => {
    const ticked = Array.from({ length: 50_000 }, (_, i) => i + 1);
    expect(api['entities.page'].input.safeParse({ query: { articleIds: ticked }, startRow: 0, endRow: 100 }).success).toBe(true);
    expect(api['events.page'].input.safeParse({ query: { articleIds: ticked }, startRow: 0, endRow: 100 }).success).toBe(true);
    expect(api['map.places'].input.safeParse({ articleIds: ticked }).success).toBe(true);
    expect(ExportRequest.safeParse({ format: 'csv', path: '/tmp/x.csv', articleIds: ticked }).success).toBe(true);
    expect(EventQuery.safeParse({ articleIds: ticked }).success).toBe(true);
  });
});
