import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { migrations } from '../../db/migrations/index.js';
import { openWorkspace } from '../../db/open.js';
import { purgeDeleted } from '../../db/purge.js';
import { ArticleQuery } from '../../electron/contract/articles.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { tempDir } from './helpers.js';

const titles = [
  'Taliban take KUNDUZ city',
  'Kunduz airport reopens',
  'Fighting near Mazār-i-Sharīf',
  'Mazar-i-Sharif market hit',
  '50% of Faryab under Taliban control',
  'Roads_closed in Balkh',
  'Roads closed in Balkh',
  'Governor said "no" to talks',
  'ÜBER die Lage in Herat',
  'über die Lage in Herat',
  'Sar-e Pul falls',
  // Both hold "ali" and "lia"; only the second holds "alia".
  'Tali bans lia',
  'Italia falls',
];
// Enough other titles that the table's first rows of a sort never hold a rare word's matches.
const filler = Array.from({ length: 300 }, (_, k) => `Daily security report ${k}`);

function workspace() {
  const db = openWorkspace(path.join(tempDir(), 'trigrams.awb'), { create: true });
  // A short walk down the sort's order: the rare filters below are read as "few matches".
  const repo = new ArticlesRepository(db, 20);
  repo.insertMany([...filler, ...titles].map((title, k) => articleFromText(`${title}\n\nItem ${k}. Officials in the district said the road was closed.`, 'text', `t${k}.txt`)));
  return { db, repo };
}

// Newest first: a sort by the title itself would be read down the title's own index, not by the filter.
const containing = (text: string) => ArticleQuery.parse({ filters: { title: { filterType: 'text', type: 'contains', filter: text } } });
const titlesOf = (repo: ArticlesRepository, text: string) => repo.page(containing(text), 0, 100).rows.map((r) => r.title);
/** What SQLite's LIKE finds, as the filter found it before the index. */
const byLike = (db: Database.Database, text: string) =>
  db
    .prepare(`SELECT title FROM article WHERE title LIKE ? ESCAPE '\\' ORDER BY id DESC`)
    .pluck()
    .all(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as string[];

describe("the titles' trigram index", () => {
  it('finds exactly what LIKE finds: ASCII case folded, accents and other letters kept apart, % _ and quotes taken literally', () => {
    const { db, repo } = workspace();
    const long = 'Taliban take KUNDUZ city'.repeat(3);
    for (const text of ['kunduz', 'KUNDUZ', 'Mazār', 'mazar', '50%', 's_c', 'Roads_', '"no"', 'über', 'ÜBER', 'lage in', 'Sar', 'ab', 'zzz', 'duz ci', 'alia', long, 'Taliban take KUNDUZ city']) {
      expect(titlesOf(repo, text), text).toEqual(byLike(db, text));
    }
    expect(titlesOf(repo, 'kunduz')).toEqual(['Kunduz airport reopens', 'Taliban take KUNDUZ city']);
    expect(titlesOf(repo, 'über')).toEqual(['über die Lage in Herat']);
    expect(titlesOf(repo, 'alia')).toEqual(['Italia falls']);
    expect(titlesOf(repo, 'Roads_')).toEqual(['Roads_closed in Balkh']);
    db.close();
  });

  it('is what a rare filter is read through: a title missing from it is not found', () => {
    const { db, repo } = workspace();
    const id = db.prepare("SELECT id FROM article WHERE title = 'Sar-e Pul falls'").pluck().get() as number;
    // Take the title out of the index alone (the article keeps it): a scan of titles would still find it.
    db.prepare("INSERT INTO article_title_trigram (article_title_trigram, rowid, title) VALUES ('delete', ?, 'Sar-e Pul falls')").run(id);
    expect(byLike(db, 'Pul falls')).toEqual(['Sar-e Pul falls']);
    expect(new ArticlesRepository(db, 20).page(containing('Pul falls'), 0, 100).rows).toEqual([]);
    // Two characters are too few for the index: those are read by LIKE, as before.
    expect(repo.page(containing('Pu'), 0, 100).rows.map((r) => r.title)).toContain('Sar-e Pul falls');
    db.close();
  });

  it('follows edited and deleted titles, and keeps nothing of a deleted title after a purge', () => {
    const { db, repo } = workspace();
    const id = db.prepare("SELECT id FROM article WHERE title = 'Sar-e Pul falls'").pluck().get() as number;
    repo.update(id, { title: 'Sheberghan encircled' });
    expect(titlesOf(new ArticlesRepository(db, 20), 'Sheberghan')).toEqual(['Sheberghan encircled']);
    expect(titlesOf(new ArticlesRepository(db, 20), 'Pul falls')).toEqual([]);
    repo.delete([id]);
    expect(titlesOf(new ArticlesRepository(db, 20), 'Sheberghan')).toEqual([]);
    // A delete only writes a tombstone beside the title's entries, in a segment of its own; the
    // purge merges the index into one segment, which drops both.
    const segments = db.prepare('SELECT count(DISTINCT segid) FROM article_title_trigram_idx').pluck();
    expect(segments.get()).toBeGreaterThan(1);
    purgeDeleted(db);
    expect(segments.get()).toBe(1);
    expect(titlesOf(new ArticlesRepository(db, 20), 'Kunduz')).toEqual(['Kunduz airport reopens', 'Taliban take KUNDUZ city']);
    db.close();
  });

  it('reads a rare word\'s few titles at once instead of walking the sort\'s order for them, and walks it for a common word', () => {
    const db = openWorkspace(path.join(tempDir(), 'walk.awb'), { create: true });
    const common = Array.from({ length: 2100 }, (_, k) => `Convoy report ${k}`);
    new ArticlesRepository(db).insertMany([...common, ...titles].map((title, k) => articleFromText(`${title}\n\nItem ${k}.`, 'text', `w${k}.txt`)));
    const walks: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      if (sql.includes(') AS ok FROM article a ORDER BY')) walks.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    const bySource = (text: string) => ArticleQuery.parse({ sort: [{ column: 'source', direction: 'asc' }], filters: { title: { filterType: 'text', type: 'contains', filter: text } } });
    const repo = new ArticlesRepository(db);
    const rare = repo.page(bySource('Kunduz'), 0, 100);
    expect(rare.rows.map((r) => r.title).sort()).toEqual(['Kunduz airport reopens', 'Taliban take KUNDUZ city']);
    expect(walks).toEqual([]);
    const often = repo.page(bySource('Convoy'), 0, 100);
    expect(often.rows).toHaveLength(100);
    expect(walks).toHaveLength(1);
    db.close();
  });

  it('is built for the titles a workspace already holds when it is upgraded', () => {
    const file = path.join(tempDir(), 'older.awb');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    for (const m of migrations.filter((m) => m.version <= 14)) raw.exec(m.sql);
    raw.prepare("INSERT INTO article (title, words, format, fingerprint, imported_at) VALUES ('Taliban take Kunduz', 3, 'text', 'f1', '2026-11-29T10:00:00Z')").run();
    raw.pragma('user_version = 14');
    raw.close();
    const db = openWorkspace(file);
    expect(db.prepare('SELECT rowid FROM article_title_trigram WHERE article_title_trigram MATCH ?').pluck().all('"kun" AND "duz"')).toEqual([1]);
    db.close();
  });
});
