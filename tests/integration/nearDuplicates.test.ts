import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/open.js';
import { StoryIndex } from '../../db/stories.js';
import { scoreNearDuplicates } from '../../scripts/evalNearDuplicates.js';
import { fixtures, tempDir, testCore } from './helpers.js';

const neardup = path.join(fixtures, 'neardup');
const all = { search: '', tagIds: [] as number[], filters: {}, sort: [] };
const t = testCore();
const { call } = t;
const kunduzFiles = ['kunduz-a-original.txt', 'kunduz-b-new-headline-byline-words.txt', 'kunduz-c-reordered-cut-last.txt', 'kunduz-d-update.txt'];

beforeAll(async () => {
  const files = [...kunduzFiles, 'different-kunduz-council.txt', 'different-kunduz-ministry.txt', 'different-kunduz-hospital.txt', 'maimana-a-original.txt'];
  await t.core.imports.importNow({ kind: 'paths', paths: files.map((f) => path.join(neardup, f)) });
  // A later import meets the earlier one: one more copy arrives on its own.
  await t.core.imports.importNow({ kind: 'paths', paths: [path.join(neardup, 'kunduz-e-pasted-new-title.txt'), path.join(neardup, 'maimana-c-reordered-cut-last.txt')] });
});
afterAll(() => t.core.close());

const rows = async (query: object = {}) => (await call('articles.page', { query: { ...all, ...query }, startRow: 0, endRow: 100 })).rows;

describe('near-duplicate stories at import', () => {
  it('counts the copies of each story in the table', async () => {
    const table = await rows({ sort: [{ column: 'copies', direction: 'desc' }] });
    expect(table).toHaveLength(10);
    expect(table.map((r) => r.copies)).toEqual([5, 5, 5, 5, 5, 2, 2, 1, 1, 1]);
    const stories = table.filter((r) => r.copies === 5).map((r) => r.title);
    expect(stories.every((title) => /Taliban invade important cities/i.test(title))).toBe(true);
  });

  it('collapses each story to one row, and the filter on copies finds the repeated ones', async () => {
    const collapsed = await rows({ oneRowPerStory: true });
    expect(collapsed).toHaveLength(5);
    expect(collapsed.filter((r) => r.copies === 5)).toHaveLength(1);
    const page = await call('articles.page', { query: { ...all, oneRowPerStory: true }, startRow: 0, endRow: 2 });
    expect(page.total).toBe(5);
    const repeated = await rows({ filters: { copies: { filterType: 'number', type: 'greaterThan', filter: 1 } }, oneRowPerStory: true });
    expect(repeated.map((r) => r.copies).sort()).toEqual([2, 5]);
  });

  it('keeps the copy a search finds when collapsing, and counts stories', async () => {
    // Only the update says "UPDATE", and it is not the story's first article: the collapsed search still shows it.
    const found = await call('articles.page', { query: { ...all, search: 'UPDATE', oneRowPerStory: true }, startRow: 0, endRow: 10 });
    const story = (await rows()).filter((r) => r.copies === 5).map((r) => r.id);
    expect(found.rows).toHaveLength(1);
    expect(story).toContain(found.rows[0]!.id);
    expect(found.rows[0]!.id).not.toBe(Math.min(...story));
    expect(found.total).toBe(1);
    const kunduz = await call('articles.page', { query: { ...all, search: 'Kunduz', oneRowPerStory: true }, startRow: 0, endRow: 20 });
    expect(kunduz.total).toBe(4);
    expect(kunduz.rows).toHaveLength(4);
    const ids = kunduz.rows.map((r) => r.id);
    expect((await call('articles.neighbour', { id: ids[0]!, query: { ...all, search: 'Kunduz', oneRowPerStory: true }, direction: 'next' })).id).toBe(ids[1]);
  });

  it('lists the other copies of a story in the reader', async () => {
    const [first] = await rows({ sort: [{ column: 'copies', direction: 'desc' }] });
    const article = await call('articles.get', { id: first!.id });
    expect(article.otherCopies).toHaveLength(4);
    expect(article.otherCopies.map((c) => c.id)).not.toContain(first!.id);
    const alone = (await rows()).find((r) => r.copies === 1)!;
    expect((await call('articles.get', { id: alone.id })).otherCopies).toEqual([]);
  });

  it('keeps a story together when its first article is deleted', async () => {
    const story = (await rows({ sort: [{ column: 'copies', direction: 'desc' }] })).filter((r) => r.copies === 5);
    const firstId = Math.min(...story.map((r) => r.id));
    await call('articles.delete', { target: { ids: [firstId] } });
    const after = (await rows()).filter((r) => story.some((s) => s.id === r.id));
    expect(after.map((r) => r.copies)).toEqual([4, 4, 4, 4]);
    expect(await rows({ oneRowPerStory: true })).toHaveLength(5);
  });
});

describe('near-duplicate grouping on the fixture set', () => {
  it('groups wire copies and keeps different stories on the same battles apart (precision ≥ 0.98)', () => {
    const score = scoreNearDuplicates(neardup);
    expect(score.precision, score.errors.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(score.recall, score.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a workspace from before near-duplicates', () => {
  it('upgrades without computing anything and checks its older articles at the next import', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.awb');
    const first = testCore(file);
    await first.core.imports.importNow({ kind: 'paths', paths: [path.join(neardup, 'helmand-a-original.txt'), path.join(neardup, 'sudan-a-original.txt')] });
    first.core.close();
    // As if stored before this schema: no story rows.
    const db = openWorkspace(file);
    db.exec('DELETE FROM story_band; DELETE FROM story_copy;');
    db.close();
    const later = testCore(file);
    const before = (await later.call('articles.page', { query: all, startRow: 0, endRow: 10 })).rows;
    expect(before.map((r) => r.copies)).toEqual([1, 1]);
    await later.core.imports.importNow({ kind: 'paths', paths: [path.join(neardup, 'helmand-b-new-headline-byline-words.txt')] });
    const after = (await later.call('articles.page', { query: { ...all, sort: [{ column: 'copies', direction: 'desc' }] }, startRow: 0, endRow: 10 })).rows;
    expect(after.map((r) => r.copies)).toEqual([2, 2, 1]);
    later.core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds articles put back below those it has already checked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'undone.awb');
    const first = testCore(file);
    await first.core.imports.importNow({ kind: 'paths', paths: ['helmand-a-original.txt', 'sudan-a-original.txt', 'maimana-a-original.txt'].map((f) => path.join(neardup, f)) });
    first.core.close();
    const db = openWorkspace(file);
    const ids = db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
    // As an undo of a deletion leaves them: the articles are back, their story rows are not.
    const unfile = (id: number) => db.prepare('DELETE FROM story_band WHERE article_id = ?').run(id) && db.prepare('DELETE FROM story_copy WHERE article_id = ?').run(id);
    const stories = new StoryIndex(db);
    const filed = () => db.prepare('SELECT article_id FROM story_copy ORDER BY article_id').pluck().all();
    unfile(ids[2]!);
    expect(stories.fileBacklog()).toBe(1);
    unfile(ids[0]!);
    expect(stories.fileBacklog()).toBe(1);
    expect(filed()).toEqual(ids);
    expect(stories.fileBacklog()).toBe(0);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
