import type { NewMention } from './mentions.js';
import type { Db } from './open.js';

type MentionStatus = NewMention['status'];

/**
 * The entity table's mention counts, kept by a writer that inserts or deletes many mentions in one
 * transaction (stored suggestions): each entity's counts change once, in apply(), rather than once
 * per mention as the triggers of migration 003 change them. While one of these is open the
 * triggers stand aside (migration 016), so every mention the writer inserts or deletes must be told
 * here, and apply() must run before the transaction ends; a transaction that fails takes both back.
 */
export class MentionCounts {
  private readonly changes = new Map<number, { mentions: number; accepted: number }>();
  private readonly row: number;

  constructor(private readonly db: Db) {
    if (!db.inTransaction) throw new Error('MentionCounts needs a transaction: its row must not outlive it');
    this.row = Number(db.prepare('INSERT INTO mention_counts_deferred DEFAULT VALUES').run().lastInsertRowid);
  }

  inserted(entityId: number | null, status: MentionStatus): void {
    this.change(entityId, status, 1);
  }

  deleted(entityId: number | null, status: MentionStatus): void {
    this.change(entityId, status, -1);
  }

  apply(): void {
    const update = this.db.prepare('UPDATE entity SET mention_count = mention_count + ?, accepted_count = accepted_count + ? WHERE id = ?');
    for (const [id, { mentions, accepted }] of this.changes) if (mentions !== 0 || accepted !== 0) update.run(mentions, accepted, id);
    this.changes.clear();
    this.db.prepare('DELETE FROM mention_counts_deferred WHERE id = ?').run(this.row);
  }

  private change(entityId: number | null, status: MentionStatus, by: 1 | -1): void {
    if (entityId === null) return;
    const counts = this.changes.get(entityId) ?? { mentions: 0, accepted: 0 };
    if (status !== 'rejected') counts.mentions += by;
    if (status === 'accepted') counts.accepted += by;
    this.changes.set(entityId, counts);
  }
}
