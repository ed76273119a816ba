import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntitiesRepository } from '../../db/entities.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { tempDir } from './helpers.js';

/** The order the entity detail promises, read the plain way: every mention sorted. */
const everyMentionSorted = (db: Db, id: number, limit: number) =>
  db
    .prepare(
      `SELECT m.id AS mentionId, m.article_id AS articleId, a.title AS articleTitle, a.published, m.start, m.end, m.quote,
          m.prefix AS before, m.suffix AS after, m.status
       FROM mention m JOIN article a ON a.id = m.article_id WHERE m.entity_id = ? AND m.status <> 'rejected'
       ORDER BY coalesce(a.published, a.imported_at), m.article_id, m.start LIMIT ?`,
    )
    .all(id, limit);

/**
 * Articles dated to the day, to the second (several on one day, out of id order), in another
 * format, and undated (imported before, between and after the dated ones); an entity mentioned
 * once to three times in each, some of them rejected, and another entity beside it in the dated ones.
 */
function workspace(): Db {
  const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
  const dates: [string | null, string][] = [
    ['2026-11-03T10:00:00Z', '2026-12-01'],
    ['2026-11-01', '2026-12-01'],
    ['2026-11-03T08:00:00Z', '2026-12-01'],
    [null, '2026-10-15'],
    ['2026-11-03', '2026-12-01'],
    ['3 November 2026', '2026-12-01'],
    [null, '2026-11-02T12:00:00Z'],
    ['2026-11-02T23:59:59Z', '2026-12-01'],
    ['2026-11-03T08:00:00Z', '2026-12-01'],
    [null, '2026-12-02'],
    ['2025', '2026-12-01'],
    ['2026-11-04', '2026-12-01'],
  ];
  db.transaction(() => {
    db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (1, 'place', 'Kunduz', 'auto', '2026-12-04'), (2, 'place', 'Baghlan', 'auto', '2026-12-04')").run();
    const article = db.prepare("INSERT INTO article (id, title, published, words, format, fingerprint, imported_at) VALUES (?, ?, ?, 10, 'text', ?, ?)");
    const mention = db.prepare(
      `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at)
       VALUES (?, ?, ?, 'Kunduz', 'near ', ' city', 'place', ?, 'auto', ?, '2026-12-04')`,
    );
    dates.forEach(([published, imported], i) => {
      const id = i + 1;
      article.run(id, `Report ${id}`, published, `f${id}`, imported);
      // Inserted out of their order in the text, as a hand-marked mention comes after the suggestions.
      for (let k = 0; k < 1 + (id % 3); k++) mention.run(id, 100 - 10 * k, 106 - 10 * k, k === 1 && id % 4 === 0 ? 'rejected' : k ? 'accepted' : 'suggested', 1);
      // The other entity only in dated articles: its first mentions are the dated ones' alone.
      if (published) mention.run(id, 50, 56, 'suggested', 2);
    });
  })();
  return db;
}

describe("an entity's occurrences (the entity detail)", () => {
  it('lists the first mentions by date, article and place, as sorting every mention would, at every length', () => {
    const db = workspace();
    const entities = new EntitiesRepository(db);
    const all = everyMentionSorted(db, 1, 1000);
    expect(all.length).toBeGreaterThan(15);
    const same = () => {
      for (const entity of [1, 2]) {
        for (let limit = 1; limit <= all.length + 1; limit++) expect(entities.occurrences(entity, limit)).toEqual(everyMentionSorted(db, entity, limit));
      }
    };
    same();
    expect(entities.get(1).occurrences).toEqual(all);
    // Redated, undated and a mention rejected: still the same.
    db.prepare("UPDATE article SET published = '2020-01-01' WHERE id = 12").run();
    db.prepare('UPDATE article SET published = NULL WHERE id = 2').run();
    db.prepare("UPDATE mention SET status = 'rejected' WHERE article_id = 9 AND entity_id = 1").run();
    same();
    db.close();
  });
});
