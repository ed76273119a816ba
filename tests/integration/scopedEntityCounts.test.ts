import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS, EntityQuery, type EntityQueryInput } from '../../electron/contract/entities.js';
import { EntitiesRepository } from '../../db/entities.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { mulberry32 } from '../../scripts/benchArticles.js';
import { tempDir } from './helpers.js';

/**
 * The Entities table over ticked articles counts each entity's mentions in JavaScript (db/scopedCounts.ts).
 * Here the same table is read the plain SQL way, every mention grouped by its entity with its
 * article's day, and the two must agree row for row in every order, with and without suggestions
 * and filters: counts, articles, first and last seen (undated, partly dated and oddly dated articles).
 */
const PLAIN = `SELECT e.id, s.accepted, s.suggested, s.articles, s.first_seen, s.last_seen FROM entity e JOIN (
    SELECT m.entity_id, sum(m.status = 'accepted') AS accepted, sum(m.status = 'suggested') AS suggested,
      count(DISTINCT m.article_id) AS articles, min(substr(a.published, 1, 10)) AS first_seen, max(substr(a.published, 1, 10)) AS last_seen
    FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL AND m.article_id IN (SELECT value FROM json_each(?))
    GROUP BY m.entity_id) s ON s.entity_id = e.id`;
const PLAIN_ORDER: Record<string, string> = {
  type: 'e.type',
  name: 'e.name COLLATE NOCASE',
  mentions: 's.accepted',
  suggested: 's.suggested',
  articles: 's.articles',
  firstSeen: 's.first_seen',
  lastSeen: 's.last_seen',
};

function workspace(firstEntityId: number): Db {
  const db = openWorkspace(path.join(tempDir(), 'scoped.awb'), { create: true });
  const rand = mulberry32(5);
  const published = ['2024-03-01', '2024-03-01T09:00:00Z', '2023-12-31', null, null, '3 March 2024', '2025', '2024-11-30T23:59:59Z'];
  const types = ['person', 'organisation', 'place', 'group'];
  db.transaction(() => {
    const article = db.prepare("INSERT INTO article (title, published, words, format, fingerprint, imported_at) VALUES (?, ?, 10, 'text', ?, '2024-01-01')");
    for (let i = 0; i < 300; i++) article.run(`A ${i}`, published[Math.floor(rand() * published.length)] ?? null, `f${i}`);
    const entity = db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (?, ?, ?, ?, '2024-01-01')");
    // Names that tie and differ only in case, so the orders' tie-breaks are tried too; one made by the analyst.
    for (let i = 0; i < 120; i++) entity.run(firstEntityId + i, types[i % 4], i % 7 ? `Name ${i % 40}` : `name ${i % 40}`, i === 3 ? 'analyst' : 'auto');
    const mention = db.prepare(
      "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, ?, ?, 'x', '', '', 'place', ?, 'auto', ?, '2024-01-01')",
    );
    for (let a = 1; a <= 300; a++)
      for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) {
        const status = rand() < 0.15 ? 'rejected' : rand() < 0.4 ? 'accepted' : 'suggested';
        const entityId = rand() < 0.05 ? null : firstEntityId + Math.floor(120 * rand() ** 2);
        mention.run(a, k * 5, k * 5 + 1, status, entityId);
      }
  })();
  return db;
}

function plain(db: Db, input: EntityQueryInput): number[][] {
  const query = EntityQuery.parse(input);
  const where = [query.includeSuggested ? '1' : 's.accepted > 0'];
  if (query.types.length) where.push(`e.type IN (${query.types.map((t) => `'${t}'`).join(', ')})`);
  const sort = query.sort[0];
  const order = sort ? `${PLAIN_ORDER[sort.column]} ${sort.direction}, e.id` : 's.accepted + s.suggested DESC, e.id';
  return db.prepare(`${PLAIN} WHERE ${where.join(' AND ')} ORDER BY ${order}`).raw().all(JSON.stringify(query.articleIds)) as number[][];
}

function paged(db: Db, input: EntityQueryInput): unknown[][] {
  const repo = new EntitiesRepository(db);
  const query = EntityQuery.parse(input);
  const { rows, total } = repo.page(query, 0, 1000);
  expect(rows.length).toBe(total);
  return rows.map((r) => [r.id, r.mentions, r.suggested, r.articles, r.firstSeen, r.lastSeen]);
}

describe.each([
  ['small ids, counted in JavaScript', 1],
  ['ids too large to pack, counted in SQL', 2 ** 26],
])('the Entities table over ticked articles (%s)', (_label, firstEntityId) => {
  const db = workspace(firstEntityId);
  const rand = mulberry32(9);
  const ticked = Array.from({ length: 300 }, (_, i) => i + 1).filter(() => rand() < 0.4);
  const queries: EntityQueryInput[] = [
    {},
    { includeSuggested: false },
    { types: ['place', 'group'] },
    ...ENTITY_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ sort: [{ column, direction }] }))),
    { sort: [{ column: 'lastSeen', direction: 'asc' }], includeSuggested: false, types: ['person'] },
  ];

  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('agrees with the plain SQL count for %s', (_name, q) => {
    const expected = plain(db, { ...q, articleIds: ticked });
    expect(expected.length).toBeGreaterThan(10);
    expect(paged(db, { ...q, articleIds: ticked })).toEqual(expected);
  });

  it('lists nothing for ticked articles that name no entity', () => {
    expect(paged(db, { articleIds: [-1] })).toEqual([]);
  });
});

describe('the Entities table over ticked articles, kept between changes', () => {
  const db = workspace(1);
  const repo = new EntitiesRepository(db);
  const ticked = Array.from({ length: 150 }, (_, i) => 2 * i + 1);
  const orders: EntityQueryInput[] = [{}, { sort: [{ column: 'firstSeen', direction: 'asc' }] }, { sort: [{ column: 'articles', direction: 'desc' }] }];
  // One repository throughout, as the window's: what it keeps must follow every change that moves a count.
  const agrees = () => {
    for (const q of orders) {
      const query = EntityQuery.parse({ ...q, articleIds: ticked });
      const { rows } = repo.page(query, 0, 1000);
      expect(rows.map((r) => [r.id, r.mentions, r.suggested, r.articles, r.firstSeen, r.lastSeen])).toEqual(plain(db, { ...q, articleIds: ticked }));
    }
  };
  const mention = (status: string) => db.prepare(`SELECT id, article_id, entity_id FROM mention WHERE status = ? AND entity_id IS NOT NULL AND article_id % 2 = 1 ORDER BY id LIMIT 1`).get(status) as { id: number; article_id: number; entity_id: number };

  it('follows a change to an article, a decision, a new mention, a deletion and a mention put back under its old id', () => {
    agrees();
    db.prepare("UPDATE article SET published = '2019-01-01' WHERE id = 1").run();
    agrees();
    db.prepare("UPDATE article SET reliability = 'B' WHERE id = 3").run();
    agrees();
    db.prepare("UPDATE mention SET status = 'accepted' WHERE id = ?").run(mention('suggested').id);
    agrees();
    db.prepare("UPDATE mention SET status = 'rejected' WHERE id = ?").run(mention('accepted').id);
    agrees();
    db.prepare(
      "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (5, 900, 901, 'x', '', '', 'place', 'accepted', 'auto', 7, '2024-01-01')",
    ).run();
    agrees();
    const gone = mention('accepted');
    const row = db.prepare('SELECT * FROM mention WHERE id = ?').get(gone.id) as Record<string, unknown>;
    db.prepare('DELETE FROM mention WHERE id = ?').run(gone.id);
    agrees();
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO mention (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    agrees();
    db.prepare('UPDATE mention SET entity_id = 9 WHERE id = ?').run(mention('suggested').id);
    agrees();
  });

  it('follows a new mention under the id of the last one deleted, a move to another article, an entity deleted and many decisions at once', () => {
    agrees();
    const insert = db.prepare(
      "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 950, 951, 'y', '', '', 'place', 'accepted', 'analyst', ?, '2024-01-01')",
    );
    const top = Number(insert.run(7, 3).lastInsertRowid);
    agrees();
    db.prepare('DELETE FROM mention WHERE id = ?').run(top);
    // SQLite hands the freed id to the next row: the new mention is no higher than the largest id counted before.
    expect(Number(insert.run(9, 4).lastInsertRowid)).toBe(top);
    agrees();
    db.prepare('UPDATE mention SET article_id = 11 WHERE id = ?').run(mention('suggested').id);
    agrees();
    db.prepare('UPDATE mention SET status = ? WHERE article_id = 2').run('accepted'); // not ticked
    agrees();
    db.prepare('DELETE FROM entity WHERE id = (SELECT entity_id FROM mention WHERE article_id = 13 AND entity_id IS NOT NULL LIMIT 1)').run();
    agrees();
    db.prepare("UPDATE mention SET status = 'accepted' WHERE status = 'suggested' AND article_id % 2 = 1").run();
    agrees();
    db.prepare("UPDATE mention SET status = 'rejected' WHERE id IN (SELECT id FROM mention WHERE article_id IN (15, 17, 19) AND entity_id IS NOT NULL)").run();
    agrees();
  });
});
