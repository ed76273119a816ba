import fs from 'node:fs';
import { writeTransaction, type Db } from './open.js';

/** The table each change-log subject lives in, to tell a deleted subject from a live one. */
const SUBJECT_TABLES: Record<string, string> = {
  article: 'article',
  entity: 'entity',
  event: 'event',
  relation: 'relation',
  tag: 'tag',
  mention: 'mention',
  custom_place: 'custom_place',
};

export interface PurgeReport {
  /** Change-log records whose text was removed. */
  redactedChanges: number;
  /** The workspace file's size before and after (bytes). */
  bytesBefore: number;
  bytesAfter: number;
  /** False when another connection kept the write-ahead log from being emptied (old pages may remain there until it closes). */
  walEmptied: boolean;
}

/**
 * Keeps a change-log value's shape (field names, ids, counts, flags) and drops its text. Ids say
 * what happened to which record; the text is what the analyst deleted.
 */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return null;
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

/** Drops the text of any object in `value` that quotes an article no longer in the workspace (evidence, mentions). */
function redactQuotesOfDeleted(value: unknown, articleExists: (id: number) => boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => redactQuotesOfDeleted(v, articleExists));
  if (value && typeof value === 'object') {
    const articleId = (value as { articleId?: unknown }).articleId;
    if (typeof articleId === 'number' && !articleExists(articleId)) return redactValue(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactQuotesOfDeleted(v, articleExists)]));
  }
  return value;
}

/**
 * Redacts the change log: records about deleted subjects keep their ids and field names but lose
 * every text value, and quotes from deleted articles are dropped wherever they were recorded.
 * Done on purge rather than on delete: until then the log still says what was deleted (an
 * analyst can re-import an article deleted by mistake), and merge undo reads it.
 */
export function redactDeletedChanges(db: Db): number {
  const update = db.prepare('UPDATE change_log SET before = ?, after = ? WHERE id = ?');
  const articleExists = (id: number) => db.prepare('SELECT 1 FROM article WHERE id = ?').get(id) !== undefined;
  let redacted = 0;
  const rewrite = (row: { id: number; before: string | null; after: string | null }, redact: (v: unknown) => unknown) => {
    const next = [row.before, row.after].map((text) => (text === null ? null : JSON.stringify(redact(JSON.parse(text)))));
    if (next[0] === row.before && next[1] === row.after) return;
    update.run(next[0], next[1], row.id);
    redacted++;
  };
  for (const [subject, table] of Object.entries(SUBJECT_TABLES)) {
    const rows = db
      .prepare(
        `SELECT c.id, c.before, c.after FROM change_log c
         WHERE c.subject = ? AND c.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = c.subject_id)`,
      )
      .all(subject) as { id: number; before: string | null; after: string | null }[];
    for (const row of rows) rewrite(row, redactValue);
  }
  const quoting = db
    .prepare(`SELECT id, before, after FROM change_log WHERE before LIKE '%"articleId"%' OR after LIKE '%"articleId"%'`)
    .all() as { id: number; before: string | null; after: string | null }[];
  for (const row of quoting) rewrite(row, (v) => redactQuotesOfDeleted(v, articleExists));
  return redacted;
}

const fileBytes = (file: string) => (file && fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * "Purge deleted data": after it, nothing of a deleted article is left in the workspace file or
 * its write-ahead log. The change log is redacted; the search index and the titles' trigram index
 * are each merged into one segment ('optimize'), which drops the entries of deleted articles (an
 * FTS5 delete only records a tombstone beside them); VACUUM rewrites the file without its free
 * pages; the checkpoint copies the result into the file and empties the log.
 */
export function purgeDeleted(db: Db): PurgeReport {
  const file = db.name;
  const bytesBefore = fileBytes(file) + fileBytes(`${file}-wal`);
  const redactedChanges = writeTransaction(db, () => {
    const n = redactDeletedChanges(db);
    db.exec("INSERT INTO article_fts (article_fts) VALUES ('optimize')");
    db.exec("INSERT INTO article_title_trigram (article_title_trigram) VALUES ('optimize')");
    return n;
  });
  db.exec('VACUUM');
  const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return { redactedChanges, bytesBefore, bytesAfter: fileBytes(file) + fileBytes(`${file}-wal`), walEmptied: checkpoint[0]?.busy === 0 };
}
