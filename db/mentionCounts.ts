import type { NewMention } from './mentions.js';
import type { Db } from './open.js';

type MentionStatus = NewMention['status'];

/**
 * The entity table's mention counts and each entity's articles (entity_article, and entity_seen after
 * it), kept by a writer that inserts or deletes many mentions in one transaction (stored
 * suggestions): each entity's counts and each entity-article pair change once, in apply(), rather
 * than once per mention as the triggers of migrations 003 and 023 change them. While one of these
 * is open the triggers stand aside (migrations 016 and 024), so every mention the writer inserts or
 * deletes must be told here, and apply() must run before the transaction ends; a transaction that
 * fails takes both back.
 */
export class MentionCounts {
  private readonly changes = new Map<number, { mentions: number; accepted: number }>();
  /** Per entity, per article: the change in its mentions that count (not rejected). */
  private readonly pairs = new Map<number, Map<number, number>>();
  private readonly row: number;

  constructor(private readonly db: Db) {
    if (!db.inTransaction) throw new Error('MentionCounts needs a transaction: its row must not outlive it');
    this.row = Number(db.prepare('INSERT INTO mention_counts_deferred DEFAULT VALUES').run().lastInsertRowid);
  }

  inserted(entityId: number | null, status: MentionStatus, articleId: number): void {
    this.change(entityId, status, articleId, 1);
  }

  deleted(entityId: number | null, status: MentionStatus, articleId: number): void {
    this.change(entityId, status, articleId, -1);
  }

  apply(): void {
    const update = this.db.prepare('UPDATE entity SET mention_count = mention_count + ?, accepted_count = accepted_count + ? WHERE id = ?');
    // In key order, so that neighbouring writes share their pages.
    for (const id of [...this.changes.keys()].sort((a, b) => a - b)) {
      const { mentions, accepted } = this.changes.get(id)!;
      if (mentions !== 0 || accepted !== 0) update.run(mentions, accepted, id);
    }
    this.changes.clear();
    // As migration 023's triggers would have left them, one write per pair that changed.
    const add = this.db.prepare(
      `INSERT INTO entity_article (entity_id, article_id, n, day)
       VALUES (?, ?, ?, (SELECT substr(a.published, 1, 10) FROM article a WHERE a.id = ?))
       ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + excluded.n`,
    );
    const take = this.db.prepare('UPDATE entity_article SET n = n - ? WHERE entity_id = ? AND article_id = ?');
    const drop = this.db.prepare('DELETE FROM entity_article WHERE entity_id = ? AND article_id = ? AND n <= 0');
    for (const entityId of [...this.pairs.keys()].sort((a, b) => a - b)) {
      const articles = this.pairs.get(entityId)!;
      for (const articleId of [...articles.keys()].sort((a, b) => a - b)) {
        const n = articles.get(articleId)!;
        if (n > 0) add.run(entityId, articleId, n, articleId);
        else if (n < 0) {
          take.run(-n, entityId, articleId);
          drop.run(entityId, articleId);
        }
      }
    }
    this.pairs.clear();
    this.db.prepare('DELETE FROM mention_counts_deferred WHERE id = ?').run(this.row);
  }

  private change(entityId: number | null, status: MentionStatus, articleId: number, by: 1 | -1): void {
    if (entityId === null) return;
    const counts = this.changes.get(entityId) ?? { mentions: 0, accepted: 0 };
    if (status !== 'rejected') counts.mentions += by;
    if (status === 'accepted') counts.accepted += by;
    this.changes.set(entityId, counts);
    if (status === 'rejected') return;
    let articles = this.pairs.get(entityId);
    if (!articles) this.pairs.set(entityId, (articles = new Map()));
    articles.set(articleId, (articles.get(articleId) ?? 0) + by);
  }
}
