import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { migrations } from '../../db/migrations/index.js';
import { openWorkspace } from '../../db/open.js';
import { ArticleQuery, type ArticleQueryInput, type ColumnFilter } from '../../electron/contract/articles.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { fixtures, tempDir } from './helpers.js';

const kunduz = fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8');

/** Scans as an import stores them: the pages OCR doubted, as the reader lists them, and the lowest of their confidences (null: a clean scan or a text). */
const articles: [string, string | null, number | null][] = [
  ['Clean text', null, null],
  ['Faint leaflet', 'p. 2 (45%)', 45],
  ['Photo of a notice', '38%', 38],
  ['Clean scan', null, null],
  ['Fax of a report', 'p. 3 (66%), p. 7 (21%), p. 9 (52%)', 21],
  ['Blurred page', 'p. 1 (69%)', 69],
];

function workspaceWithScans() {
  const db = openWorkspace(path.join(tempDir(), 'ocr.awb'), { create: true });
  const repo = new ArticlesRepository(db);
  repo.insertMany(
    articles.map(([title, low, lowest], i) => ({
      ...articleFromText(kunduz.slice(i * 300, i * 300 + 900), 'text', `${i}.txt`),
      title,
      metadata: { ocrConfidence: 80, ocrLowConfidence: low, ocrLowest: lowest },
    })),
  );
  return { db, repo };
}

const titles = (repo: ArticlesRepository, q: ArticleQueryInput, start = 0) =>
  repo.page(ArticleQuery.parse(q), start, start + 100).rows.map((r) => r.title);

describe('the OCR column of the articles table', () => {
  it('sorts the scans in doubt together at the top, by their worst page, whichever way it is sorted', () => {
    const { db, repo } = workspaceWithScans();
    expect(titles(repo, { sort: [{ column: 'ocr', direction: 'asc' }] })).toEqual([
      'Fax of a report',
      'Photo of a notice',
      'Faint leaflet',
      'Blurred page',
      'Clean text',
      'Clean scan',
    ]);
    expect(titles(repo, { sort: [{ column: 'ocr', direction: 'desc' }] })).toEqual([
      'Blurred page',
      'Faint leaflet',
      'Photo of a notice',
      'Fax of a report',
      'Clean scan',
      'Clean text',
    ]);
    // The row still shows the pages as the reader lists them.
    expect(repo.page(ArticleQuery.parse({ sort: [{ column: 'ocr', direction: 'asc' }] }), 0, 1).rows[0]!.ocrLowConfidence).toBe('p. 3 (66%), p. 7 (21%), p. 9 (52%)');
    db.close();
  });

  it('reads the sort down an index rather than sorting every article', () => {
    const { db, repo } = workspaceWithScans();
    repo.page(ArticleQuery.parse({ sort: [{ column: 'ocr', direction: 'asc' }] }), 0, 100);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT a.id FROM article a ORDER BY a.ocr_lowest ASC NULLS LAST, a.id ASC LIMIT 100')
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join('; ');
    expect(plan).toMatch(/USING (COVERING )?INDEX article_by_ocr_lowest/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('filters on the worst page’s confidence, and on whether a scan is in doubt at all', () => {
    const { db, repo } = workspaceWithScans();
    const filtered = (filter: Omit<Extract<ColumnFilter, { filterType: 'number' }>, 'filterType'>) =>
      titles(repo, { filters: { ocr: { filterType: 'number', ...filter } }, sort: [{ column: 'title', direction: 'asc' }] });
    expect(filtered({ type: 'lessThan', filter: 40 })).toEqual(['Fax of a report', 'Photo of a notice']);
    expect(filtered({ type: 'inRange', filter: 40, filterTo: 70 })).toEqual(['Blurred page', 'Faint leaflet']);
    expect(filtered({ type: 'notBlank' })).toEqual(['Blurred page', 'Faint leaflet', 'Fax of a report', 'Photo of a notice']);
    expect(filtered({ type: 'blank' })).toEqual(['Clean scan', 'Clean text']);
    db.close();
  });

  it('takes the sort key from the number the reader of a scan writes, whatever the wording of its note', () => {
    const db = openWorkspace(path.join(tempDir(), 'wording.awb'), { create: true });
    const repo = new ArticlesRepository(db);
    repo.insertMany([{ ...articleFromText(kunduz.slice(0, 900), 'text', 'scan.txt'), title: 'Scan', metadata: { ocrConfidence: 80, ocrLowConfidence: 'page two, 33 percent', ocrLowest: 33 } }]);
    expect(db.prepare('SELECT ocr_lowest FROM article').pluck().all()).toEqual([33]);
    db.close();
  });

  it('gives scans imported before the column its sort key when the workspace is upgraded', () => {
    const file = path.join(tempDir(), 'old.awb');
    const raw = new Database(file);
    for (const m of migrations.filter((m) => m.version <= 12)) raw.exec(m.sql);
    const insert = raw.prepare("INSERT INTO article (title, words, format, fingerprint, imported_at) VALUES (?, 3, 'image', ?, '2026-11-29T10:00:00Z')");
    const document = raw.prepare('INSERT INTO article_document (article_id, metadata) VALUES (?, ?)');
    for (const [i, [title, low]] of articles.entries()) {
      // Stored before the number was written beside the text: 013 parses the text.
      const id = Number(insert.run(title, `f${i}`).lastInsertRowid);
      document.run(id, JSON.stringify({ ocrConfidence: 80, ocrLowConfidence: low }));
    }
    raw.pragma('user_version = 12');
    raw.close();
    const db = openWorkspace(file);
    expect(titles(new ArticlesRepository(db), { sort: [{ column: 'ocr', direction: 'asc' }] }).slice(0, 4)).toEqual([
      'Fax of a report',
      'Photo of a notice',
      'Faint leaflet',
      'Blurred page',
    ]);
    expect(db.prepare('SELECT ocr_lowest FROM article ORDER BY id').pluck().all()).toEqual([null, 45, 38, null, 21, 69]);
    db.close();
  });
});
