import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityQuery } from '../../electron/contract/entities.js';
import { EntitiesRepository } from '../../db/entities.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { tempDir } from './helpers.js';

/** Two articles, a place and a person, mentions of each status, one an adjective. */
function workspace(): Db {
  const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
  db.transaction(() => {
    for (const id of [1, 2]) {
      db.prepare("INSERT INTO article (id, title, published, words, format, fingerprint, imported_at) VALUES (?, 't', '2026-11-01', 10, 'text', ?, '2026-12-04')").run(id, `f${id}`);
    }
    db.prepare("INSERT INTO entity (id, type, name, origin, lat, lon, created_at) VALUES (1, 'place', 'Kunduz', 'auto', 36.7, 68.8, '2026-12-04')").run();
    db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (2, 'person', 'Ahmad', 'auto', '2026-12-04')").run();
    const mention = db.prepare(
      `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, adjectival, updated_at)
       VALUES (?, ?, ?, 'x', '', '', ?, ?, 'auto', ?, ?, '2026-12-04')`,
    );
    mention.run(1, 0, 5, 'place', 'accepted', 1, 0);
    mention.run(1, 10, 15, 'place', 'suggested', 1, 1);
    mention.run(2, 0, 5, 'place', 'rejected', 1, 0);
    mention.run(2, 10, 15, 'person', 'suggested', 2, 0);
  })();
  return db;
}

/** Runs `read` and returns the query plans of the statements it prepared that read mentions. */
function plansOf(db: Db, read: () => void): string[] {
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as Db['prepare'];
  try {
    read();
  } finally {
    db.prepare = prepare;
  }
  return prepared
    .filter((sql) => /FROM mention m/.test(sql))
    .map((sql) => {
      const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
      return (statement.all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
    });
}

describe('reads scoped to ticked articles', () => {
  it('counts the entities page and the map from the index of mentions by article alone', () => {
    const db = workspace();
    const entities = new EntitiesRepository(db);
    const query = EntityQuery.parse({ articleIds: [1, 2] });
    let page: ReturnType<EntitiesRepository['page']> | undefined;
    let map: ReturnType<EntitiesRepository['mapPlaces']> | undefined;
    const pagePlans = plansOf(db, () => (page = entities.page(query, 0, 100)));
    const mapPlans = plansOf(db, () => (map = entities.mapPlaces(null, [1, 2], true, false)));
    // The counts read through the index are the mentions' own.
    expect(page!.rows.map((r) => [r.name, r.mentions, r.suggested, r.articles])).toEqual([
      ['Kunduz', 1, 1, 1],
      ['Ahmad', 0, 1, 1],
    ]);
    expect(map!.packed).toBe('1,36.7,68.8,1');
    // The entities page's order with its counts: each mention read from the index, not looked up in the table.
    expect(pagePlans).toHaveLength(1);
    expect(pagePlans[0]).toMatch(/SEARCH m USING COVERING INDEX mention_by_article/);
    // The table's next block takes its counts from that read, until the workspace changes.
    let next: ReturnType<EntitiesRepository['page']> | undefined;
    expect(plansOf(db, () => (next = entities.page(query, 1, 2)))).toEqual([]);
    expect(next!.rows.map((r) => [r.name, r.mentions, r.suggested, r.articles])).toEqual([['Ahmad', 0, 1, 1]]);
    db.prepare("UPDATE mention SET status = 'accepted' WHERE entity_id = 2").run();
    expect(plansOf(db, () => (next = entities.page(query, 1, 2)))).toHaveLength(1);
    expect(next!.rows.map((r) => [r.name, r.mentions, r.suggested, r.articles])).toEqual([['Ahmad', 1, 0, 1]]);
    // The map's plan depends on the tables' statistics: by article or by entity, from an index alone.
    expect(mapPlans).toHaveLength(1);
    expect(mapPlans[0]).toMatch(/SEARCH m USING COVERING INDEX mention_by_(article|entity)/);
    db.close();
  });
});
