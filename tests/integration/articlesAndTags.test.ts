import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { snippetOf } from '../../db/snippet.js';
import { fixtures, testCore } from './helpers.js';

// Counted, so the test can tell the app's snippet builder from FTS5's snippet(): they write the same marks.
vi.mock('../../db/snippet.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../db/snippet.js')>();
  return { ...actual, snippetOf: vi.fn(actual.snippetOf) };
});

const all = { search: '', tagIds: [] as number[], filters: {}, sort: [] };
const t = testCore();
const { call } = t;

beforeAll(async () => {
  await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder'), path.join(fixtures, 'kunduz-offensive.txt')] });
});
afterAll(() => t.core.close());

const titles = async (query: object, start = 0, end = 100) =>
  (await call('articles.page', { query: { ...all, ...query }, startRow: start, endRow: end })).rows.map((r) => r.title);

describe('the articles table', () => {
  it('pages, sorts and counts in SQL', async () => {
    const page = await call('articles.page', { query: { ...all, sort: [{ column: 'title', direction: 'asc' }] }, startRow: 1, endRow: 4 });
    expect(page.total).toBe(10);
    expect(page.rows.map((r) => r.title)).toEqual(['Fighting reported near Badakhshan', 'Fighting reported near Balkh', 'Fighting reported near Bamyan']);
  });

  it('filters by column', async () => {
    expect(await titles({ filters: { dateline: { filterType: 'text', type: 'startsWith', filter: 'KAB' } } })).toEqual([
      'After a brief offensive, the Taliban invade important cities in northern Afghanistan',
    ]);
    const longOnes = await titles({ filters: { words: { filterType: 'number', type: 'greaterThan', filter: 200 } } });
    expect(longOnes).toHaveLength(1);
  });

  it('searches with FTS5: phrases, prefixes, AND/OR/NOT, and forgives broken syntax', async () => {
    expect(await titles({ search: '"provincial council"' })).toHaveLength(1);
    expect(await titles({ search: 'Kandah*' })).toEqual(['Fighting reported near Kandahar']);
    expect(await titles({ search: 'Herat OR Khost', sort: [{ column: 'title', direction: 'asc' }] })).toEqual([
      'Fighting reported near Herat',
      'Fighting reported near Khost',
    ]);
    expect(await titles({ search: 'fighting NOT Taliban' })).toHaveLength(0);
    expect(await titles({ search: 'reinforcements AND Kunduz' })).toHaveLength(1);
    expect(await titles({ search: 'Mazar-i-Sharif "' })).toHaveLength(0);
    vi.mocked(snippetOf).mockClear();
    const [hit] = (await call('articles.page', { query: { ...all, search: 'Maimana' }, startRow: 0, endRow: 10 })).rows;
    expect(hit!.snippet).toContain('\u0002Maimana\u0003');
    expect(snippetOf).not.toHaveBeenCalled();
    // A prefix the index keeps (three letters) has its snippet built outside FTS5 (db/snippet.ts), which marks the words it found.
    const [prefixHit] = (await call('articles.page', { query: { ...all, search: 'Mai*' }, startRow: 0, endRow: 10 })).rows;
    expect(prefixHit!.snippet).toMatch(/\u0002Mai\p{L}*\u0003/iu);
    expect(snippetOf).toHaveBeenCalledTimes(1);
    expect(vi.mocked(snippetOf).mock.results[0]!.value).toBe(prefixHit!.snippet);
    // A longer prefix is searched as its terms (db/ftsPrefixes.ts): FTS5 builds the snippet.
    const [longPrefixHit] = (await call('articles.page', { query: { ...all, search: 'Maima*' }, startRow: 0, endRow: 10 })).rows;
    expect(longPrefixHit!.snippet).toContain('\u0002Maimana\u0003');
    expect(snippetOf).toHaveBeenCalledTimes(1);
  });

  it('highlights search hits in the reader and steps to the next article in table order', async () => {
    const [row] = (await call('articles.page', { query: { ...all, search: 'Kunduz' }, startRow: 0, endRow: 1 })).rows;
    const article = await call('articles.get', { id: row!.id, search: 'Kunduz' });
    expect(article.highlights.length).toBeGreaterThanOrEqual(5);
    for (const [s, e] of article.highlights) expect(article.body.slice(s, e)).toBe('Kunduz');

    const sorted = { ...all, sort: [{ column: 'title' as const, direction: 'asc' as const }] };
    const first = (await call('articles.page', { query: sorted, startRow: 0, endRow: 2 })).rows;
    expect((await call('articles.neighbour', { id: first[0]!.id, query: sorted, direction: 'next' })).id).toBe(first[1]!.id);
    expect((await call('articles.neighbour', { id: first[0]!.id, query: sorted, direction: 'previous' })).id).toBeNull();
  });

  it('lets the analyst edit metadata and grade the source, and records the change', async () => {
    const [row] = (await call('articles.page', { query: { ...all, search: 'Kunduz' }, startRow: 0, endRow: 1 })).rows;
    const updated = await call('articles.update', { id: row!.id, patch: { source: 'Example Wire', published: '2021-06-20', reliability: 'B', credibility: 2 } });
    expect(updated).toMatchObject({ source: 'Example Wire', published: '2021-06-20', reliability: 'B', credibility: 2 });
    const log = t.core.session.current.db.prepare("SELECT before, after FROM change_log WHERE subject = 'article' AND action = 'update'").get() as { before: string; after: string };
    expect(JSON.parse(log.before)).toMatchObject({ source: null, reliability: null });
    expect(JSON.parse(log.after)).toMatchObject({ source: 'Example Wire', reliability: 'B' });
    await expect(call('articles.update', { id: row!.id, patch: { credibility: 9 } })).rejects.toThrow(/6/);
    await expect(call('articles.update', { id: row!.id, patch: { title: '  ' } })).rejects.toThrow(/title cannot be empty/);
  });
});

describe('tags', () => {
  it('creates, nests, assigns in bulk, filters with sub-tags, renames, recolours, merges and deletes', async () => {
    const region = await call('tags.create', { name: 'North', color: '#3366cc' });
    const kunduz = await call('tags.create', { name: 'Kunduz', color: '#cc3333', parentId: region.id });
    await expect(call('tags.create', { name: 'kunduz', color: '#000000', parentId: region.id })).rejects.toThrow(/already exists/);
    await expect(call('tags.update', { id: region.id, parentId: kunduz.id })).rejects.toThrow(/nested under itself/);

    const kunduzQuery = { ...all, search: 'Kunduz' };
    expect((await call('tags.assign', { target: { query: kunduzQuery }, tagIds: [kunduz.id] })).changed).toBe(1);
    const herat = (await call('articles.page', { query: { ...all, search: 'Herat' }, startRow: 0, endRow: 5 })).rows.map((r) => r.id);
    const followUp = await call('tags.create', { name: 'Follow up', color: '#22aa22' });
    await call('tags.assign', { target: { ids: herat }, tagIds: [followUp.id] });

    expect(await titles({ tagIds: [region.id] })).toEqual(['After a brief offensive, the Taliban invade important cities in northern Afghanistan']);
    const renamed = await call('tags.update', { id: kunduz.id, name: 'Kunduz city', color: '#aa0000' });
    expect(renamed).toMatchObject({ name: 'Kunduz city', color: '#aa0000', parentId: region.id, count: 1 });

    const merged = await call('tags.merge', { sourceId: followUp.id, targetId: kunduz.id });
    expect(merged.count).toBe(2);
    expect((await call('tags.list', {})).map((t) => t.name)).toEqual(['Kunduz city', 'North']);

    await call('tags.unassign', { target: { ids: herat }, tagIds: [kunduz.id] });
    await call('tags.delete', { id: region.id });
    const left = await call('tags.list', {});
    expect(left).toEqual([expect.objectContaining({ name: 'Kunduz city', parentId: null, count: 1 })]);
    const [row] = (await call('articles.page', { query: { ...all, tagIds: [kunduz.id] }, startRow: 0, endRow: 5 })).rows;
    expect(row!.tags).toEqual([{ id: kunduz.id, name: 'Kunduz city', color: '#aa0000' }]);
  });

  it('deletes articles in bulk', async () => {
    const before = (await call('articles.stats', {})).articles;
    const { deleted } = await call('articles.delete', { target: { query: { ...all, search: 'Khost OR Paktia' } } });
    expect(deleted).toBe(2);
    expect((await call('articles.stats', {})).articles).toBe(before - 2);
    expect(await titles({ search: 'Khost' })).toEqual([]);
  });
});

describe('the boundary', () => {
  it('refuses malformed input with a readable message and unknown calls by name', async () => {
    const bad = await t.core.dispatch('articles.page', { query: all, startRow: -1, endRow: 10 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.core.dispatch('system.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await t.core.dispatch('articles.get', { id: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
