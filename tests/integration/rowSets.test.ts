import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { History, HistoryError } from '../../db/history.js';
import { openWorkspace, type Db } from '../../db/open.js';
import { tempDir } from './helpers.js';

/**
 * Six articles over three days, three places and a person, with mentions of every status (one with
 * no entity) spread so that entities share articles: what a deleted search's articles hold.
 */
function workspace(): { db: Db; history: History; articles: ArticlesRepository } {
  const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
  const history = new History(db, true);
  db.transaction(() => {
    for (let i = 1; i <= 6; i++) {
      db.prepare("INSERT INTO article (id, title, published, words, format, fingerprint, imported_at) VALUES (?, ?, ?, 10, 'text', ?, '2026-12-04')").run(
        i,
        `Report ${i}`,
        `2026-11-0${1 + (i % 3)}`,
        `f${i}`,
      );
      db.prepare('INSERT INTO article_body (article_id, body) VALUES (?, ?)').run(i, `Fighting near Kunduz and Baghlan, report ${i}, said Ahmad.`);
      db.prepare("INSERT INTO extraction_state (article_id, version, extracted_at) VALUES (?, 1, '2026-12-04')").run(i);
    }
    const entity = db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (?, ?, ?, 'auto', '2026-12-04')");
    entity.run(1, 'place', 'Kunduz');
    entity.run(2, 'place', 'Baghlan');
    entity.run(3, 'place', 'Kabul');
    entity.run(4, 'person', 'Ahmad');
    const mention = db.prepare(
      `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, confidence, updated_at)
       VALUES (?, ?, ?, ?, '', '', ?, ?, 'auto', ?, 0.5, '2026-12-04')`,
    );
    const statuses = ['suggested', 'accepted', 'rejected'] as const;
    for (let a = 1; a <= 6; a++) {
      mention.run(a, 13, 19, 'Kunduz', 'place', statuses[a % 3], 1);
      mention.run(a, 24, 31, 'Baghlan', 'place', statuses[(a + 1) % 3], a % 2 ? 2 : 3);
      mention.run(a, 48, 53, 'Ahmad', 'person', 'accepted', 4);
      if (a % 2 === 0) mention.run(a, 0, 8, 'Fighting', 'organisation', 'suggested', null);
    }
  })();
  return { db, history, articles: new ArticlesRepository(db) };
}

/** Everything a delete and its undo touch, directly or through triggers. */
function state(db: Db) {
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    articles: all('SELECT * FROM article ORDER BY id'),
    bodies: all('SELECT * FROM article_body ORDER BY article_id'),
    extraction: all('SELECT * FROM extraction_state ORDER BY article_id'),
    mentions: all('SELECT * FROM mention ORDER BY id'),
    counts: all('SELECT id, mention_count, accepted_count FROM entity ORDER BY id'),
    entityArticles: all('SELECT * FROM entity_article ORDER BY entity_id, article_id'),
    seen: all('SELECT * FROM entity_seen WHERE articles > 0 ORDER BY entity_id'),
    days: all('SELECT * FROM article_day WHERE n > 0 ORDER BY day'),
    found: all("SELECT rowid FROM article_fts WHERE article_fts MATCH 'Baghlan' ORDER BY rowid"),
  };
}

const newest = (db: Db) => db.prepare('SELECT max(id) FROM command').pluck().get() as number;
const capturedRows = (db: Db, command: number) => db.prepare('SELECT tbl, op, old, new FROM command_row WHERE command_id = ? ORDER BY id').raw().all(command) as [string, string, string | null, string | null][];
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const edits = (db: Db) => db.prepare('SELECT n FROM place_mention_edits').pluck().get() as number;

describe('undoing and redoing a delete of many articles (rows put back and taken away as sets)', () => {
  it('puts back every row and every count, captured as the row triggers capture them', () => {
    const { db, history, articles } = workspace();
    const before = state(db);
    expect(history.run({ name: 'articles.delete', label: 'Delete' }, () => articles.delete([2, 3, 5, 6]))).toBe(4);
    const deleted = state(db);
    expect(deleted.mentions).toHaveLength(7);
    const deleteRows = capturedRows(db, newest(db));
    expect(deleteRows.filter(([tbl]) => tbl === 'mention')).toHaveLength(14);

    const editsBefore = edits(db);
    history.undo();
    expect(state(db)).toEqual(before);
    // Row by row, each captured row is put back by its own image, newest first: these rows exactly.
    expect(capturedRows(db, newest(db))).toEqual(deleteRows.map(([tbl, , old]) => [tbl, 'insert', null, old]).reverse());
    // The map's snapshot of place mentions is told that rows came back under old ids.
    expect(edits(db)).toBeGreaterThan(editsBefore);

    history.redo();
    expect(state(db)).toEqual(deleted);
    // Taken away in key order rather than newest first: the same rows.
    expect(sorted(capturedRows(db, newest(db)))).toEqual(sorted(deleteRows));
    history.undo();
    expect(state(db)).toEqual(before);
    expect(history.verify().ok).toBe(true);
  });

  it('refuses an undo or a redo that would overwrite a later change, naming it, and changes nothing', () => {
    const { db, history, articles } = workspace();
    history.run({ name: 'articles.delete', label: 'Delete' }, () => articles.delete([2, 3]));
    const deleted = state(db);
    const taken = db.prepare("SELECT max(json_extract(old, '$.id')) FROM command_row WHERE tbl = 'mention'").pluck().get() as number;
    // Something outside any command (an import, another program) uses a deleted mention's id again.
    db.prepare(
      `INSERT INTO mention (id, article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at)
       VALUES (?, 1, 0, 8, 'Fighting', '', '', 'organisation', 'suggested', 'auto', NULL, '2026-12-04')`,
    ).run(taken);
    const occupied = state(db);
    expect(() => history.undo()).toThrow(HistoryError);
    expect(() => history.undo()).toThrow(`mention ${taken} has changed since`);
    expect(state(db)).toEqual(occupied);
    db.prepare('DELETE FROM mention WHERE id = ?').run(taken);
    expect(state(db)).toEqual(deleted);

    history.undo();
    const restored = state(db);
    // A mention put back is decided since: the redo must not delete it.
    const decided = db.prepare('SELECT min(id) FROM mention WHERE article_id = 3').pluck().get() as number;
    db.prepare("UPDATE mention SET status = 'rejected' WHERE id = ?").run(decided);
    const changed = state(db);
    expect(changed).not.toEqual(restored);
    expect(() => history.redo()).toThrow(`mention ${decided} has changed since`);
    expect(state(db)).toEqual(changed);
  });

  it('puts back rows captured before a column was added, leaving it to its default', () => {
    const { db, history, articles } = workspace();
    db.prepare('UPDATE mention SET adjectival = 1 WHERE quote = ?').run('Kunduz');
    const before = state(db);
    history.run({ name: 'articles.delete', label: 'Delete' }, () => articles.delete([1, 4]));
    // As a command of a schema without the column would have captured them.
    db.prepare("UPDATE command_row SET old = json_remove(old, '$.adjectival') WHERE tbl = 'mention' AND command_id = ?").run(newest(db));
    history.undo();
    const after = state(db);
    expect(after.mentions).toHaveLength(before.mentions.length);
    const adjectival = db.prepare("SELECT article_id, adjectival FROM mention WHERE quote = 'Kunduz' ORDER BY article_id").raw().all();
    expect(adjectival).toEqual([1, 2, 3, 4, 5, 6].map((a) => [a, a === 1 || a === 4 ? 0 : 1]));
    expect({ ...after, mentions: [] }).toEqual({ ...before, mentions: [] });
  });
});

describe('undoing and redoing many changed rows (put back as one set)', () => {
  /** Every suggestion accepted and linked, as a confidence's accept does: one update per mention. */
  function acceptAll(db: Db, history: History): number {
    return history.run({ name: 'mentions.acceptSuggested', label: 'Accept' }, () => {
      db.prepare("UPDATE mention SET status = 'accepted', entity_id = coalesce(entity_id, 4), updated_at = '2026-12-05' WHERE status = 'suggested'").run();
      return newest(db);
    });
  }
  const images = (rows: [string, string, string | null, string | null][]) => sorted(rows.map(([tbl, op, old, neu]) => [tbl, op, old && JSON.parse(old), neu && JSON.parse(neu)]));

  it('puts back every row and count, capturing the reverse of each change, and redoes it', () => {
    const { db, history } = workspace();
    const before = state(db);
    const command = acceptAll(db, history);
    const accepted = state(db);
    const rows = capturedRows(db, command);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every(([tbl, op]) => tbl === 'mention' && op === 'update')).toBe(true);
    history.undo();
    expect(state(db)).toEqual(before);
    // Each row's change, reversed: the same images as row by row, in the order SQLite updated them.
    const undone = capturedRows(db, newest(db));
    expect(images(undone)).toEqual(images(rows.map(([tbl, op, old, neu]) => [tbl, op, neu, old])));
    // Put back as one set, in key order; row by row they would come newest first.
    const ids = undone.map(([, , old]) => (JSON.parse(old!) as { id: number }).id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    history.redo();
    expect(state(db)).toEqual(accepted);
    history.undo();
    expect(state(db)).toEqual(before);
    expect(history.verify().ok).toBe(true);
  });

  it('refuses an undo when one row changed since, naming it, and changes nothing', () => {
    const { db, history } = workspace();
    acceptAll(db, history);
    const decided = db.prepare("SELECT max(id) FROM mention WHERE status = 'accepted'").pluck().get() as number;
    db.prepare("UPDATE mention SET status = 'rejected' WHERE id = ?").run(decided);
    const changed = state(db);
    expect(() => history.undo()).toThrow(`mention ${decided} has changed since`);
    expect(state(db)).toEqual(changed);
  });

  it('puts back a row changed twice in one command to what it was before the first change', () => {
    const { db, history } = workspace();
    const before = state(db);
    history.run({ name: 'twice', label: 'Twice' }, () => {
      db.prepare("UPDATE mention SET status = 'accepted' WHERE status = 'suggested'").run();
      // Kunduz's suggestions were just accepted: changed twice, they cannot go back as one set.
      db.prepare("UPDATE mention SET type = 'group' WHERE quote = 'Kunduz'").run();
    });
    expect(state(db)).not.toEqual(before);
    history.undo();
    expect(state(db)).toEqual(before);
    expect(history.verify().ok).toBe(true);
  });
});
