import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticlesRepository, FIRST_ROWS } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { ArticleQuery } from '../../electron/contract/articles.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { tempDir } from './helpers.js';

const sources = ['Reuters', 'BBC', 'Pajhwok'];
const body = 'Officials in the district said the convoy reached the bridge on the main road before the council talks began in the village near the river, police said.';

describe('the count of a large filtered table', () => {
  it('stops at the limit ("10,000+") only for a text filter that reads every row, and is exact once the whole order is read', () => {
    const db = openWorkspace(path.join(tempDir(), 'counts.awb'), { create: true });
    const n = FIRST_ROWS + 300;
    const articles = Array.from({ length: n }, (_, k) =>
      articleFromText(`${k % 2 ? 'Convoy' : 'Council'} report number ${k}\n\nSource: ${sources[k % 3]}\n\nItem ${k}. ${body}`, 'text', `a${k}.txt`),
    );
    const limit = 50;
    const repo = new ArticlesRepository(db, undefined, limit);
    repo.insertMany(articles);
    const containing = ArticleQuery.parse({ sort: [{ column: 'title', direction: 'asc' }], filters: { title: { filterType: 'text', type: 'contains', filter: 'report' } } });
    const first = repo.page(containing, 0, 100);
    expect(first.rows).toHaveLength(100);
    expect({ total: first.total, exact: first.exact }).toEqual({ total: limit, exact: false });
    // Past the first blocks the whole order is read: its length is the count.
    const deep = repo.page(containing, FIRST_ROWS, FIRST_ROWS + 100);
    expect({ total: deep.total, exact: deep.exact }).toEqual({ total: n, exact: true });
    // An index serves an equality filter: counted exactly, however many.
    const oneSource = ArticleQuery.parse({ filters: { source: { filterType: 'text', type: 'equals', filter: 'BBC' } } });
    expect(new ArticlesRepository(db, undefined, limit).page(oneSource, 0, 100)).toMatchObject({ total: Math.ceil((n - 1) / 3), exact: true });
    db.close();
  });
});
