import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentionCounts } from '../../db/mentionCounts.js';
import { MentionsRepository, type NewMention } from '../../db/mentions.js';
import { openWorkspace, writeTransaction, type Db } from '../../db/open.js';
import { tempDir } from './helpers.js';

/** Every kept count against a count of the mentions themselves: empty when nothing drifted. */
function drift(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT 'count' AS what, e.id FROM entity e
         WHERE e.mention_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status <> 'rejected')
            OR e.accepted_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status = 'accepted')
       UNION ALL SELECT 'pair', p.entity_id FROM entity_article p
         LEFT JOIN (SELECT m.entity_id, m.article_id, count(*) AS n, substr(a.published, 1, 10) AS day FROM mention m JOIN article a ON a.id = m.article_id
                    WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL GROUP BY 1, 2) c ON c.entity_id = p.entity_id AND c.article_id = p.article_id
         WHERE c.n IS NOT p.n OR c.day IS NOT p.day
       UNION ALL SELECT 'pair missing', m.entity_id FROM mention m
         WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity_article p WHERE p.entity_id = m.entity_id AND p.article_id = m.article_id)
       UNION ALL SELECT 'seen', e.id FROM entity e LEFT JOIN entity_seen s ON s.entity_id = e.id
         LEFT JOIN (SELECT m.entity_id, count(DISTINCT m.article_id) AS articles, min(substr(a.published, 1, 10)) AS first, max(substr(a.published, 1, 10)) AS last
                    FROM mention m JOIN article a ON a.id = m.article_id WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL GROUP BY 1) c ON c.entity_id = e.id
         WHERE coalesce(s.articles, 0) <> coalesce(c.articles, 0) OR s.first_seen IS NOT c.first OR s.last_seen IS NOT c.last`,
    )
    .all();
}

describe('a batch of stored suggestions writes counts and entity articles once, as the triggers would have', () => {
  it('keeps mention counts, entity articles and first and last seen exact as a batch adds, replaces and drops mentions', () => {
    const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
    const mentions = new MentionsRepository(db);
    const body = 'Taliban fighters took Kunduz. '.repeat(20);
    db.transaction(() => {
      for (const [i, day] of [[1, '2021-06-20'], [2, '2021-07-01'], [3, '2021-08-15']] as const) {
        db.prepare("INSERT INTO article (id, title, words, format, fingerprint, imported_at, published) VALUES (?, 't', 100, 'text', ?, '2026-12-04', ?)").run(i, `f${i}`, `${day}T08:00:00Z`);
        db.prepare('INSERT INTO article_body (article_id, body) VALUES (?, ?)').run(i, body);
      }
      for (const name of ['Taliban', 'Kunduz', 'Herat']) db.prepare("INSERT INTO entity (type, name, origin, created_at) VALUES ('place', ?, 'auto', '2026-12-04')").run(name);
    })();
    const mention = (entityId: number, k: number, status: NewMention['status'] = 'suggested'): NewMention => ({
      start: k * 30,
      end: k * 30 + 7,
      type: 'place',
      status,
      origin: 'auto',
      entityId,
      confidence: 0.9,
    });
    // As storeSuggestions writes: per article, its suggestions cleared, then the new ones inserted.
    const batch = (articles: Record<number, number[]>) =>
      writeTransaction(db, () => {
        const counts = new MentionCounts(db);
        for (const [id, entities] of Object.entries(articles)) {
          const articleId = Number(id);
          for (const entityId of mentions.clearSuggestions(articleId)) counts.deleted(entityId, 'suggested', articleId);
          entities.forEach((entityId, k) => {
            mentions.insert(articleId, body, mention(entityId, k));
            counts.inserted(entityId, 'suggested', articleId);
          });
        }
        counts.apply();
      });
    batch({ 1: [1, 1, 2, 1], 2: [1, 2], 3: [3] });
    expect(drift(db)).toEqual([]);
    expect(db.prepare('SELECT articles, first_seen, last_seen FROM entity_seen WHERE entity_id = 1').get()).toEqual({ articles: 2, first_seen: '2021-06-20', last_seen: '2021-07-01' });
    // The same again (nothing changes), then fewer, then none: pairs lose mentions and go.
    batch({ 1: [1, 1, 2, 1], 2: [1, 2] });
    expect(drift(db)).toEqual([]);
    batch({ 1: [2], 2: [1, 1, 1], 3: [] });
    expect(drift(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM entity_article WHERE entity_id = 3').pluck().get()).toBe(0);
    expect(db.prepare('SELECT articles, first_seen, last_seen FROM entity_seen WHERE entity_id = 1').get()).toEqual({ articles: 1, first_seen: '2021-07-01', last_seen: '2021-07-01' });
    // The analyst's own mentions, written one by one, still go through the triggers.
    writeTransaction(db, () => mentions.insert(3, body, { ...mention(1, 5, 'accepted'), origin: 'analyst' }));
    expect(drift(db)).toEqual([]);
    expect(db.prepare('SELECT articles, first_seen, last_seen FROM entity_seen WHERE entity_id = 1').get()).toEqual({ articles: 2, first_seen: '2021-07-01', last_seen: '2021-08-15' });
    // A batch that fails takes its counts back with it.
    expect(() =>
      writeTransaction(db, () => {
        const counts = new MentionCounts(db);
        mentions.insert(2, body, mention(2, 9));
        counts.inserted(2, 'suggested', 2);
        counts.apply();
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(drift(db)).toEqual([]);
    db.close();
  });
});
