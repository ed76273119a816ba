import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let articleId = 0;

beforeAll(async () => {
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  articleId = report.outcomes[0]!.articleId!;
  await call('mentions.suggest', { articleIds: [articleId] });
}, 60_000);
afterAll(() => t.core.close());

const db = () => t.core.session.current.db;
/** Entities no mention (other than a rejected one) points at: what the Entities table shows as "0 mentions". */
const orphans = () =>
  db()
    .prepare("SELECT name, type FROM entity e WHERE NOT EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id AND m.status <> 'rejected') ORDER BY id")
    .all() as { name: string; type: string }[];
const mention = async (quote: string) => (await call('mentions.list', { articleId })).find((m) => m.quote === quote)!;

describe('no orphan entities', () => {
  it('span stretches, retypes, rejects and relinks leave no entity without mentions; undo brings the dropped one back', async () => {
    expect(orphans()).toEqual([]);
    // Stretch a name twice: the entity the first stretch made is let go by the second.
    const wali = await mention('Amruddin Wali');
    await call('mentions.respan', { id: wali.id, start: wali.start, end: wali.end + ', a'.length });
    await call('mentions.respan', { id: wali.id, start: wali.start, end: wali.end + ', a member'.length });
    expect((await call('mentions.list', { articleId })).find((m) => m.id === wali.id)!.quote).toBe('Amruddin Wali, a member');
    expect(orphans()).toEqual([]);
    // Retype a place twice, then reject it.
    const place = (await call('mentions.list', { articleId })).find((m) => m.type === 'place' && m.quote === 'Afghanistan')!;
    await call('mentions.retype', { id: place.id, type: 'organisation' });
    await call('mentions.retype', { id: place.id, type: 'group' });
    expect(orphans()).toEqual([]);
    await call('mentions.review', { id: place.id, action: 'reject', scope: 'this' });
    expect(orphans()).toEqual([]);
    // A span drawn by hand, then linked to an entity the analyst made.
    const body = (await call('articles.get', { id: articleId })).body;
    const at = body.indexOf('defense ministry');
    const ministry = (await call('entities.create', { type: 'organisation', name: 'Ministry of Defence' })).id;
    const { id: drawn } = await call('mentions.annotate', { articleId, start: at, end: at + 'defense ministry'.length, type: 'organisation', scope: 'this' });
    await call('mentions.link', { id: drawn, entityId: ministry });
    expect(orphans()).toEqual([]);

    // Undo of a span change brings back the entity it dropped, with its alias.
    const names = () => (db().prepare('SELECT name FROM entity ORDER BY id').pluck().all() as string[]).join('|');
    const before = names();
    await call('mentions.respan', { id: wali.id, start: wali.start, end: wali.end });
    expect(names()).not.toContain('Amruddin Wali, a member');
    await call('history.undo', {});
    expect(names()).toBe(before);
    expect(db().prepare("SELECT count(*) FROM entity_alias WHERE alias = 'Amruddin Wali, a member'").pluck().get()).toBe(1);
  });

  it('keeps an entity the analyst made, and one a relation names, when its last mention goes', async () => {
    const kept = (await call('entities.create', { type: 'person', name: 'Sebghatullah Selab (kept)' })).id;
    const selab = await mention('Sebghatullah Selab');
    const ahmadzai = await mention('Rohullah Ahmadzai');
    expect(selab.entityId).not.toBeNull();
    const relation = await call('relations.create', { input: { sourceId: ahmadzai.entityId!, targetId: kept, type: 'allied with' }, evidence: [] });
    await call('mentions.review', { id: ahmadzai.id, action: 'reject', scope: 'article' });
    await call('mentions.review', { id: selab.id, action: 'reject', scope: 'article' });
    const left = orphans().map((o) => o.name);
    // Selab's auto entity is gone; the relation still holds both ends.
    expect(left).not.toContain('Sebghatullah Selab');
    expect(left).toEqual(expect.arrayContaining(['Rohullah Ahmadzai', 'Sebghatullah Selab (kept)']));
    expect((await call('relations.get', { id: relation.id })).source.id).toBe(ahmadzai.entityId);
  });
});

describe('the Entities table column filters', () => {
  const page = (filters: Record<string, unknown>) => call('entities.page', { query: { filters }, startRow: 0, endRow: 100 });

  it('filters by name and by type in SQL, each with its own condition', async () => {
    const all = await page({});
    const byName = await page({ name: { filterType: 'text', type: 'contains', filter: 'ashraf' } });
    expect(byName.rows.map((r) => r.name)).toEqual(['Ashraf Ghani']);
    expect(byName.total).toBe(1);
    const groups = await page({ type: { filterType: 'text', type: 'equals', filter: 'group' } });
    expect(groups.total).toBeGreaterThan(0);
    expect(groups.rows.every((r) => r.type === 'group')).toBe(true);
    expect(groups.total).toBe(all.rows.filter((r) => r.type === 'group').length);
    const notPlaces = await page({ type: { filterType: 'text', type: 'notEqual', filter: 'place' }, name: { filterType: 'text', type: 'startsWith', filter: 'K' } });
    expect(notPlaces.rows.map((r) => r.name).every((n) => n.startsWith('K'))).toBe(true);
    expect(notPlaces.rows.some((r) => r.type === 'place')).toBe(false);
    // LIKE's wildcards in the text are literal.
    expect((await page({ name: { filterType: 'text', type: 'contains', filter: '%' } })).total).toBe(0);
  });

  it('refuses a filter on a column it cannot filter, in words', async () => {
    await expect(page({ articles: { filterType: 'number', type: 'equals', filter: 1 } })).rejects.toThrow(/articles|key|Unrecognized/i);
  });
});
