import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let articleId = 0;
let body = '';

beforeAll(async () => {
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  articleId = report.outcomes[0]!.articleId!;
  await call('mentions.suggest', { articleIds: [articleId] });
  body = (await call('articles.get', { id: articleId })).body;
}, 60_000);
afterAll(() => t.core.close());

const entity = async (search: string) => (await call('entities.page', { query: { search }, startRow: 0, endRow: 1 })).rows[0]!.id;

describe('relations between entities', () => {
  it('records a typed, directed, time-bounded relation with its evidence, and a custom type', async () => {
    const ministry = await call('entities.create', { type: 'organisation', name: 'Ministry of Defence (Afghanistan)' });
    const quote = 'Rohullah Ahmadzai, a spokesman for the defense ministry';
    const start = body.indexOf(quote);
    const r = await call('relations.create', {
      input: { sourceId: await entity('Rohullah Ahmadzai'), targetId: ministry.id, type: 'spokesman for', startDate: '2021-06' },
      evidence: [{ articleId, start, end: start + quote.length }],
    });
    expect(r).toMatchObject({ source: { name: 'Rohullah Ahmadzai' }, target: { name: 'Ministry of Defence (Afghanistan)' }, type: 'spokesman for', startDate: '2021-06' });
    expect(r.evidence[0]!.quote).toBe(quote);

    const custom = await call('relations.create', { input: { sourceId: await entity('Taliban'), targetId: await entity('Pashtun'), type: 'custom', label: 'recruits among' } });
    expect(custom).toMatchObject({ type: 'custom', label: 'recruits among' });
    await expect(call('relations.create', { input: { sourceId: ministry.id, targetId: ministry.id, type: 'part of' } })).rejects.toThrow(/two different entities/);
    await expect(call('relations.create', { input: { sourceId: ministry.id, targetId: await entity('Taliban'), type: 'custom' } })).rejects.toThrow(/Name the custom relation/);
    await expect(
      call('relations.create', { input: { sourceId: ministry.id, targetId: await entity('Taliban'), type: 'fights against', startDate: '2021-06-01', endDate: '2020-01-01' } }),
    ).rejects.toThrow(/cannot end before it starts/);
  });

  it('gives the link chart the whole graph or an entity and its neighbours', async () => {
    await call('relations.create', { input: { sourceId: await entity('Taliban'), targetId: await entity('Afghan Air Force'), type: 'fights against' } });
    const all = await call('relations.graph', {});
    expect(all.edges).toHaveLength(3);
    expect(all.nodes.map((n) => n.name).sort()).toEqual(['Afghan Air Force', 'Ministry of Defence (Afghanistan)', 'Pashtun', 'Rohullah Ahmadzai', 'Taliban']);
    const around = await call('relations.graph', { around: [await entity('Taliban')] });
    expect(around.nodes.map((n) => n.name).sort()).toEqual(['Afghan Air Force', 'Pashtun', 'Taliban']);
    expect(around.nodes.find((n) => n.name === 'Taliban')!.degree).toBe(2);
    const page = await call('relations.page', { entityIds: [await entity('Taliban')], startRow: 0, endRow: 10 });
    expect(page.total).toBe(2);
  });

  it('records changes, and deleting an entity removes its relations', async () => {
    const [r] = (await call('relations.page', { entityIds: [await entity('Afghan Air Force')], startRow: 0, endRow: 1 })).rows;
    await call('relations.update', { id: r!.id, input: { sourceId: r!.source.id, targetId: r!.target.id, type: 'allied with', endDate: '2021-08-15' } });
    const log = t.core.session.current.db.prepare("SELECT before, after FROM change_log WHERE subject = 'relation' AND action = 'update'").get() as { before: string; after: string };
    expect(JSON.parse(log.before)).toMatchObject({ type: 'fights against' });
    expect(JSON.parse(log.after)).toMatchObject({ type: 'allied with', endDate: '2021-08-15' });
    await call('entities.delete', { id: await entity('Afghan Air Force') });
    expect((await call('relations.graph', {})).edges).toHaveLength(2);
  });
});
