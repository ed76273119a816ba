import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { ArticleQuery, type ArticleQueryInput } from '../../electron/contract/articles.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { tempDir } from './helpers.js';

const words = 'fighters district road convoy officials governor police checkpoint market school bridge river village council talks ceasefire airport province border refugees'.split(' ');
let serial = 0;
/** A story's text: a hundred words drawn from its number, long enough for copies to be recognised. */
const storyText = (story: number) => Array.from({ length: 100 }, (_, i) => words[(story * 7919 + i * i * 31 + i) % words.length]).join(' ');
/** A batch of articles as an import stores them; every third is a copy of the story two before it, under its own title. */
function batch(n: number) {
  return Array.from({ length: n }, () => {
    const k = serial++;
    const story = k % 3 === 2 ? k - 2 : k;
    return articleFromText(`${k % 2 ? 'Update' : 'Report'} ${k}\n\nStory ${story}. ${storyText(story)}.\n\nFiled as ${k}.`, 'text', `a${k}.txt`);
  });
}

const queries: [string, ArticleQueryInput][] = [
  ['newest first', {}],
  ['oldest first', { sort: [{ column: 'imported', direction: 'asc' }] }],
  ['newest first, filtered by title', { filters: { title: { filterType: 'text', type: 'contains', filter: 'Update' } } }],
  ['by title', { sort: [{ column: 'title', direction: 'asc' }] }],
  ['by copies', { filters: { copies: { filterType: 'number', type: 'greaterThan', filter: 1 } } }],
  ['one row per story', { oneRowPerStory: true }],
];

describe('the table’s order while an import stores articles', () => {
  it('lists new articles in every cached order exactly as a fresh read of the workspace does', () => {
    const db = openWorkspace(path.join(tempDir(), 'orders.awb'), { create: true });
    const cached = new ArticlesRepository(db);
    cached.insertMany(batch(40));
    const parsed = queries.map(([name, q]) => [name, ArticleQuery.parse(q)] as const);
    const ids = (repo: ArticlesRepository, q: ArticleQuery) => repo.page(q, 0, 500).rows.map((r) => r.id);
    // Every order is cached before the next slices of the import come in.
    for (const [, q] of parsed) ids(cached, q);
    // The copies are recognised, so the copies filter and one row per story have something to change.
    expect(ids(cached, parsed[4]![1]).length).toBeGreaterThan(10);
    for (let slice = 0; slice < 4; slice++) {
      cached.insertMany(batch(7));
      const fresh = new ArticlesRepository(db);
      for (const [name, q] of parsed) {
        const page = cached.page(q, 0, 500);
        expect({ name, ids: page.rows.map((r) => r.id), total: page.total }).toEqual({ name, ids: ids(fresh, q), total: fresh.page(q, 0, 500).total });
      }
      expect(ids(cached, parsed[0]![1]).slice(0, 7)).toEqual(Array.from({ length: 7 }, (_, i) => 40 + 7 * slice + 7 - i));
    }
    db.close();
  });
});

describe('an entity filter kept through an import', () => {
  it('still follows the suggestions stored after it', () => {
    const db = openWorkspace(path.join(tempDir(), 'entity.awb'), { create: true });
    const repo = new ArticlesRepository(db);
    repo.insertMany(batch(5));
    const entity = Number(db.prepare("INSERT INTO entity (type, name, origin, created_at) VALUES ('place', 'Kunduz', 'auto', '2024-01-01')").run().lastInsertRowid);
    const query = ArticleQuery.parse({ entityIds: [entity] });
    expect(repo.page(query, 0, 100).total).toBe(0);
    repo.insertMany(batch(3));
    // Suggestions stored in the background name the entity in an article of the new batch.
    db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (7, 0, 6, 'Kunduz', '', '', 'place', 'suggested', 'auto', ?, '2024-01-01')").run(entity);
    repo.touched('mentions');
    expect(repo.page(query, 0, 100).rows.map((r) => r.id)).toEqual([7]);
    db.close();
  });
});

describe('the first blocks of a new sort or filter', () => {
  it.each([
    ['the sort’s order walked through the whole table', undefined],
    ['a walk that stops before the table ends', 150],
  ])('are the rows the whole order gives, block by block, down to where the whole order is kept (%s)', (_, walkRows) => {
    const db = openWorkspace(path.join(tempDir(), 'blocks.awb'), { create: true });
    const repo = new ArticlesRepository(db);
    repo.insertMany(batch(1_300));
    db.prepare("UPDATE article SET source = CASE id % 3 WHEN 0 THEN 'Reuters' WHEN 1 THEN 'BBC' ELSE NULL END, words = id % 50, published = date('2021-01-01', '+' || (id * 37 % 400) || ' days')").run();
    repo.touched();
    for (const [name, q] of [
      ...queries,
      ['by source, then words', { sort: [{ column: 'source', direction: 'desc' }], filters: { words: { filterType: 'number', type: 'lessThan', filter: 25 } } }],
      // Too rare to fill a block within a short walk: its matches are sorted at once.
      ['by title, a rare word count', { sort: [{ column: 'title', direction: 'asc' }], filters: { words: { filterType: 'number', type: 'equals', filter: 7 } } }],
      ['by date, a source', { sort: [{ column: 'published', direction: 'desc' }], filters: { source: { filterType: 'text', type: 'equals', filter: 'reuters' } } }],
      ['by words, filtered by words too', { sort: [{ column: 'words', direction: 'desc' }], filters: { words: { filterType: 'number', type: 'greaterThan', filter: 30 } } }],
    ] as [string, ArticleQueryInput][]) {
      const query = ArticleQuery.parse(q);
      // What the table shows, block after block, as the analyst scrolls down from a fresh sort.
      const fresh = new ArticlesRepository(db, walkRows);
      const scrolled: number[] = [];
      let total = -1;
      for (let start = 0; start < 1_300; start += 100) {
        const page = fresh.page(query, start, start + 100);
        scrolled.push(...page.rows.map((r) => r.id));
        total = page.total;
      }
      const matching = new ArticlesRepository(db).ids({ query }).length;
      expect({ name, total, n: scrolled.length }).toEqual({ name, total: matching, n: matching });
      // One order throughout: the blocks read from the index join the blocks read from the kept order without a seam.
      const reference = new ArticlesRepository(db);
      reference.page(query, 1_200, 1_300); // a deep block first: the whole order is kept from the start
      expect({ name, ids: scrolled }).toEqual({ name, ids: Array.from({ length: Math.ceil(total / 100) }, (_, b) => reference.page(query, b * 100, b * 100 + 100).rows.map((r) => r.id)).flat() });
    }
    db.close();
  });
});
