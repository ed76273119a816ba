import type { Tag } from '../electron/contract/index.js';
import { recordChange } from './changes.js';
import type { History } from './history.js';
import { writeTransaction, type Db } from './open.js';

export class TagError extends Error {}

const SELECT_TAGS = `SELECT t.id, t.name, t.color, t.parent_id AS parentId,
  (SELECT count(*) FROM article_tag at WHERE at.tag_id = t.id) AS count FROM tag t`;

export class TagsRepository {
  constructor(
    private readonly db: Db,
    /** Tags a search's articles as one set (History.linkSet): row by row, 100,000 articles held the core for seconds. */
    private readonly history: History,
  ) {}

  list(): Tag[] {
    return this.db.prepare(`${SELECT_TAGS} ORDER BY t.name COLLATE NOCASE`).all() as Tag[];
  }

  get(id: number): Tag {
    const tag = this.db.prepare(`${SELECT_TAGS} WHERE t.id = ?`).get(id) as Tag | undefined;
    if (!tag) throw new TagError(`Tag ${id} does not exist (it may have been merged or deleted).`);
    return tag;
  }

  create(name: string, color: string, parentId: number | null): Tag {
    return writeTransaction(this.db, () => {
      if (parentId !== null) this.get(parentId);
      this.assertFreeName(name, parentId, null);
      const id = Number(this.db.prepare('INSERT INTO tag (name, color, parent_id) VALUES (?, ?, ?)').run(name, color, parentId).lastInsertRowid);
      recordChange(this.db, 'create', 'tag', id, null, { name, color, parentId });
      return this.get(id);
    });
  }

  update(id: number, patch: { name?: string; color?: string; parentId?: number | null }): Tag {
    return writeTransaction(this.db, () => {
      const before = this.get(id);
      const next = { name: patch.name ?? before.name, color: patch.color ?? before.color, parentId: patch.parentId === undefined ? before.parentId : patch.parentId };
      if (next.parentId !== null) {
        this.get(next.parentId);
        if (this.descendants(id).includes(next.parentId)) {
          throw new TagError(`"${before.name}" cannot be nested under itself or one of its own sub-tags.`);
        }
      }
      this.assertFreeName(next.name, next.parentId, id);
      this.db.prepare('UPDATE tag SET name = ?, color = ?, parent_id = ? WHERE id = ?').run(next.name, next.color, next.parentId, id);
      recordChange(this.db, 'update', 'tag', id, { name: before.name, color: before.color, parentId: before.parentId }, next);
      return this.get(id);
    });
  }

  /** Every article tagged `source` gets `target`; sub-tags move under `target`; `source` goes. */
  merge(sourceId: number, targetId: number): Tag {
    if (sourceId === targetId) throw new TagError('A tag cannot be merged into itself.');
    return writeTransaction(this.db, () => {
      const source = this.get(sourceId);
      const target = this.get(targetId);
      if (this.descendants(sourceId).includes(targetId)) {
        throw new TagError(`"${source.name}" cannot be merged into its own sub-tag "${target.name}".`);
      }
      const articleIds = this.db.prepare('SELECT article_id FROM article_tag WHERE tag_id = ?').pluck().all(sourceId);
      this.db.prepare('INSERT OR IGNORE INTO article_tag (article_id, tag_id) SELECT article_id, ? FROM article_tag WHERE tag_id = ?').run(targetId, sourceId);
      this.db.prepare('UPDATE tag SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
      this.db.prepare('DELETE FROM tag WHERE id = ?').run(sourceId);
      recordChange(this.db, 'merge', 'tag', targetId, { source, articleIds }, { target: targetId });
      return this.get(targetId);
    });
  }

  /** Sub-tags of a deleted tag move up to its parent rather than vanish. */
  delete(id: number): void {
    writeTransaction(this.db, () => {
      const tag = this.get(id);
      const articleIds = this.db.prepare('SELECT article_id FROM article_tag WHERE tag_id = ?').pluck().all(id);
      this.db.prepare('UPDATE tag SET parent_id = ? WHERE parent_id = ?').run(tag.parentId, id);
      this.db.prepare('DELETE FROM tag WHERE id = ?').run(id);
      recordChange(this.db, 'delete', 'tag', id, { ...tag, articleIds }, null);
    });
  }

  assign(articleIds: number[], tagIds: number[], on: boolean): number {
    return writeTransaction(this.db, () => {
      for (const tagId of tagIds) this.get(tagId);
      const pairs = 'SELECT a.value AS article_id, t.value AS tag_id FROM json_each(?) a CROSS JOIN json_each(?) t';
      const ids = [JSON.stringify(articleIds), JSON.stringify(tagIds)];
      const changed = on
        ? this.history.linkSet('article_tag', `${pairs} WHERE EXISTS (SELECT 1 FROM article WHERE id = a.value)`, ...ids)
        : this.history.unlinkSet('article_tag', pairs, ...ids);
      recordChange(this.db, on ? 'tag' : 'untag', 'article', null, null, { articleIds: articleIds.slice(0, 10_000), tagIds, changed });
      return changed;
    });
  }

  private descendants(id: number): number[] {
    return this.db
      .prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tag t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub')
      .pluck()
      .all(id) as number[];
  }

  private assertFreeName(name: string, parentId: number | null, exceptId: number | null): void {
    const clash = this.db
      .prepare('SELECT id FROM tag WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(parentId ?? 0, name, exceptId);
    if (clash) throw new TagError(`A tag named "${name}" already exists here.`);
  }
}
