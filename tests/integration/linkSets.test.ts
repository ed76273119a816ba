import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { History, HistoryError } from '../../db/history.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { TagsRepository } from '../../db/tags.js';
import { tempDir } from './helpers.js';

/** A workspace of five articles and two tags, article 2 already tagged with the first. */
function workspace(): { db: Db; history: History; tags: TagsRepository; tagIds: number[] } {
  const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
  const history = new History(db, true);
  const tags = new TagsRepository(db, history);
  db.transaction(() => {
    for (let i = 1; i <= 5; i++) {
      db.prepare("INSERT INTO article (id, title, words, format, fingerprint, imported_at) VALUES (?, 't', 10, 'text', ?, '2026-12-04')").run(i, `f${i}`);
      db.prepare("INSERT INTO article_body (article_id, body) VALUES (?, 'Kunduz')").run(i);
    }
  })();
  const tagIds = [tags.create('offensive', '#cc3333', null).id, tags.create('Kunduz', '#3333cc', null).id];
  db.prepare('INSERT INTO article_tag (article_id, tag_id) VALUES (2, ?)').run(tagIds[0]);
  return { db, history, tags, tagIds };
}

const links = (db: Db) => db.prepare('SELECT article_id, tag_id FROM article_tag ORDER BY 1, 2').raw().all();
const newest = (db: Db) => db.prepare('SELECT max(id) FROM command').pluck().get() as number;
const capturedRows = (db: Db, command: number) => db.prepare('SELECT tbl, op, old, new FROM command_row WHERE command_id = ? ORDER BY id').raw().all(command) as [string, string, string | null, string | null][];

/** The same change made row by row, so that the row triggers capture it: what the set must equal. */
function rowByRow(db: Db, history: History, articleIds: number[], tagIds: number[], on: boolean): number {
  const insert = db.prepare('INSERT OR IGNORE INTO article_tag (article_id, tag_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM article WHERE id = ?)');
  const remove = db.prepare('DELETE FROM article_tag WHERE article_id = ? AND tag_id = ?');
  return history.run({ name: 'rows', label: 'Row by row' }, () => {
    let changed = 0;
    for (const a of articleIds) for (const t of tagIds) changed += (on ? insert.run(a, t, a) : remove.run(a, t)).changes;
    return changed;
  });
}

describe('tagging many articles at once (links changed as sets)', () => {
  // Repeated and missing articles, and a link already there: what a search's articles can hold.
  const articleIds = [1, 2, 3, 1, 99];

  it('captures, undoes and redoes a tagging exactly as the row triggers would', () => {
    const { db, history, tags, tagIds } = workspace();
    const before = links(db);
    expect(history.run({ name: 'tags.assign', label: 'Tag' }, () => tags.assign(articleIds, tagIds, true))).toBe(5);
    const tagged = links(db);
    const setCommand = newest(db);
    const setRows = capturedRows(db, setCommand);
    expect(setRows).toHaveLength(5);

    history.undo();
    expect(links(db)).toEqual(before);
    const undoRows = capturedRows(db, newest(db));
    // Newest first, each link's image as it stood.
    expect(undoRows).toEqual(setRows.map(([tbl, , , image]) => [tbl, 'delete', image, null]).reverse());
    history.redo();
    expect(links(db)).toEqual(tagged);
    expect(capturedRows(db, newest(db))).toEqual(setRows);
    history.undo();

    expect(rowByRow(db, history, articleIds, tagIds, true)).toBe(5);
    expect(links(db)).toEqual(tagged);
    expect(capturedRows(db, newest(db))).toEqual(setRows);
    expect(history.verify().ok).toBe(true);
  });

  it('captures, undoes and redoes an untagging exactly as the row triggers would', () => {
    const { db, history, tags, tagIds } = workspace();
    tags.assign([1, 4], [tagIds[1]!], true);
    const before = links(db);
    expect(history.run({ name: 'tags.unassign', label: 'Untag' }, () => tags.assign(articleIds, tagIds, false))).toBe(2);
    const untagged = links(db);
    expect(untagged).toEqual([[4, tagIds[1]]]);
    const setRows = capturedRows(db, newest(db));

    history.undo();
    expect(links(db)).toEqual(before);
    expect(capturedRows(db, newest(db))).toEqual(setRows.map(([tbl, , image]) => [tbl, 'insert', null, image]).reverse());
    history.redo();
    expect(links(db)).toEqual(untagged);
    history.undo();

    expect(rowByRow(db, history, articleIds, tagIds, false)).toBe(2);
    expect(capturedRows(db, newest(db))).toEqual(setRows);
    expect(history.verify().ok).toBe(true);
  });

  it('refuses to undo over a link changed since outside the history, and changes nothing', () => {
    const { db, history, tags, tagIds } = workspace();
    history.run({ name: 'tags.assign', label: 'Tag' }, () => tags.assign([1, 3], tagIds, true));
    db.prepare('DELETE FROM article_tag WHERE article_id = 3 AND tag_id = ?').run(tagIds[0]);
    const now = links(db);
    expect(() => history.undo()).toThrow(HistoryError);
    expect(() => history.undo()).toThrow(/cannot be undone: a article tag record has changed since/);
    expect(links(db)).toEqual(now);

    db.prepare('INSERT INTO article_tag (article_id, tag_id) VALUES (3, ?)').run(tagIds[0]);
    history.undo();
    history.run({ name: 'tags.unassign', label: 'Untag' }, () => tags.assign([2], [tagIds[0]!], false));
    db.prepare('INSERT INTO article_tag (article_id, tag_id) VALUES (2, ?)').run(tagIds[0]);
    expect(() => history.undo()).toThrow(/cannot be undone: a article tag record has changed since/);
    expect(links(db)).toEqual([[2, tagIds[0]]]);
    expect(history.verify().ok).toBe(true);
  });

  it('puts links back in order with the rows around them (an article deleted with its tags)', () => {
    const { db, history, tags, tagIds } = workspace();
    tags.assign([1, 2, 3], tagIds, true);
    const before = { links: links(db), articles: db.prepare('SELECT id FROM article ORDER BY id').pluck().all() };
    history.run({ name: 'articles.delete', label: 'Delete' }, () => db.prepare('DELETE FROM article WHERE id IN (2, 3)').run());
    expect(links(db)).toEqual([
      [1, tagIds[0]],
      [1, tagIds[1]],
    ]);
    history.undo();
    expect({ links: links(db), articles: db.prepare('SELECT id FROM article ORDER BY id').pluck().all() }).toEqual(before);
    history.redo();
    history.undo();
    expect(links(db)).toEqual(before.links);
    expect(history.verify().ok).toBe(true);
  });
});
