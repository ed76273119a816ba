import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let datedId = 0;
let undatedId = 0;

// Two wire-style reports written for this test (CC0): one dated, one that says nothing of its date.
const DATED = `---
title: Taliban take Shirin Tagab
date: 2021-06-20
---
KABUL, Afghanistan – The Taliban captured the Shirin Tagab district of Faryab on Sunday after two days of fighting with government forces.
`;
const UNDATED = `Taliban fighters surround Maimana

The Taliban have surrounded Maimana, the capital of Faryab province, residents said, and fighting continued at the city's edge.
`;

beforeAll(async () => {
  const files = [
    ['dated.md', DATED],
    ['undated.txt', UNDATED],
  ].map(([name, text]) => {
    const file = path.join(t.dir, name!);
    fs.writeFileSync(file, text!);
    return file;
  });
  const report = await t.core.imports.importNow({ kind: 'paths', paths: files });
  const ids = report.outcomes.map((o) => o.articleId!);
  expect(ids).toHaveLength(2);
  [datedId, undatedId] = ids as [number, number];
  await call('mentions.suggest', { articleIds: ids });
}, 60_000);
afterAll(() => t.core.close());

describe('an undated article does not date what it mentions', () => {
  it('takes first and last seen from publication dates only, never from the import day', async () => {
    const { rows } = await call('entities.page', { query: { search: 'Taliban' }, startRow: 0, endRow: 10 });
    const taliban = rows.find((r) => r.name === 'Taliban');
    expect(taliban, 'the Taliban are suggested in both articles').toBeDefined();
    expect(taliban!.articles).toBe(2);
    expect([taliban!.firstSeen, taliban!.lastSeen]).toEqual(['2021-06-20', '2021-06-20']);
  });

  it('leaves first and last seen empty for an entity seen only in undated articles', async () => {
    const inDated = new Set((await call('mentions.list', { articleId: datedId })).map((m) => m.entityId));
    const onlyUndated = new Set((await call('mentions.list', { articleId: undatedId })).filter((m) => m.entityId !== null && m.type !== 'date' && !inDated.has(m.entityId)).map((m) => m.entityId));
    expect(onlyUndated.size, 'Maimana is named only in the undated report').toBeGreaterThan(0);
    const { rows } = await call('entities.page', { query: {}, startRow: 0, endRow: 1000 });
    for (const r of rows) expect([r.name, r.firstSeen, r.lastSeen]).toEqual(onlyUndated.has(r.id) ? [r.name, null, null] : [r.name, '2021-06-20', '2021-06-20']);
  });

  it('keeps undated articles off the timeline, which counts only dated ones', async () => {
    const series = await call('timeline.series', {});
    expect(series.articles).toEqual([{ date: '2021-06-20', count: 1 }]);
  });

  it('keeps the timeline true as articles are dated, redated, deleted and put back', async () => {
    const timeline = async () => (await call('timeline.series', {})).articles;
    const recount = () =>
      t.core.session.current.db
        .prepare("SELECT substr(published, 1, 10) AS date, count(*) AS count FROM article WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' GROUP BY 1 ORDER BY 1")
        .all();
    const patchOf = async (id: number, published: string | null) => {
      const a = await call('articles.get', { id });
      return { id, patch: { title: a.title, source: a.source, url: a.url, author: a.author, published, dateline: a.dateline, reliability: a.reliability, credibility: a.credibility } };
    };
    await call('articles.update', await patchOf(undatedId, '2021-06-20'));
    expect(await timeline()).toEqual([{ date: '2021-06-20', count: 2 }]);
    await call('articles.update', await patchOf(datedId, '2021-06-21T08:30:00Z'));
    expect(await timeline()).toEqual([
      { date: '2021-06-20', count: 1 },
      { date: '2021-06-21', count: 1 },
    ]);
    await call('articles.delete', { target: { ids: [undatedId] } });
    expect(await timeline()).toEqual([{ date: '2021-06-21', count: 1 }]);
    await call('history.undo', {});
    expect(await timeline()).toEqual(recount());
    expect(await timeline()).toHaveLength(2);
    await call('history.redo', {});
    expect(await timeline()).toEqual([{ date: '2021-06-21', count: 1 }]);
    await call('history.undo', {});
    for (let i = 0; i < 2; i++) await call('history.undo', {});
    expect(await timeline()).toEqual([{ date: '2021-06-20', count: 1 }]);
    expect(await timeline()).toEqual(recount());
  });
});
