import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let articleId = 0;
let otherArticle = 0;
let body = '';
const span = (text: string) => {
  const start = body.indexOf(text);
  if (start === -1) throw new Error(`not in the sample: ${text}`);
  return { articleId, start, end: start + text.length };
};
const entity = async (search: string) => (await call('entities.page', { query: { search }, startRow: 0, endRow: 1 })).rows[0]!.id;

beforeAll(async () => {
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  articleId = report.outcomes[0]!.articleId!;
  await call('articles.update', { id: articleId, patch: { published: '2021-06-21' } });
  const other = await t.core.imports.importNow({ kind: 'text', text: 'Unrelated\n\nHeavy rain fell on Lisbon on Tuesday.' });
  otherArticle = other.outcomes[0]!.articleId!;
  await call('mentions.suggest', { articleIds: [articleId, otherArticle] });
  body = (await call('articles.get', { id: articleId })).body;
}, 60_000);
afterAll(() => t.core.close());

describe('one selection, marked in every view', () => {
  it('ties an entity, an event, a relation and an article to each other both ways', async () => {
    const taliban = await entity('taliban');
    const maymana = await entity('maimana');
    const forces = (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
    const { event } = await call('events.create', {
      input: { date: '2021-06-20', timePrecision: 1, subEventType: 'Armed clash', actor1: { entityId: taliban, type: 2 }, actor2: { entityId: forces, type: 1 }, locationId: maymana, geoPrecision: 1, fatalities: 0 },
      evidence: [{ field: 'actor1', ...span('the Taliban clashed with security forces until Sunday night') }],
    });
    const spokesman = await entity('Rohullah Ahmadzai');
    const relation = await call('relations.create', {
      input: { sourceId: spokesman, targetId: forces, type: 'spokesman for' },
      evidence: [span('Rohullah Ahmadzai, a spokesman for the defense ministry')],
    });

    const ofEntity = await call('selection.links', { kind: 'entity', id: taliban });
    expect(ofEntity).toMatchObject({ label: 'Taliban', labelDate: null, articleIds: [articleId], entityIds: [taliban], eventIds: [event!.id], relationIds: [], dates: ['2021-06-20'] });
    const ofForces = await call('selection.links', { kind: 'entity', id: forces });
    expect(ofForces).toMatchObject({ eventIds: [event!.id], relationIds: [relation.id] });

    const ofEvent = await call('selection.links', { kind: 'event', id: event!.id });
    expect(ofEvent.articleIds).toEqual([articleId]);
    expect(ofEvent.entityIds.sort()).toEqual([taliban, forces, maymana].sort());
    expect(ofEvent.dates).toEqual(['2021-06-20']);
    // The day is kept apart from the words, so the window writes it in the analyst's date format.
    expect(ofEvent).toMatchObject({ label: 'armed clash in Maymana', labelDate: '2021-06-20' });

    const ofRelation = await call('selection.links', { kind: 'relation', id: relation.id });
    expect(ofRelation).toMatchObject({ label: 'Rohullah Ahmadzai spokesman for Military Forces of Afghanistan', articleIds: [articleId], relationIds: [relation.id] });
    expect(ofRelation.entityIds.sort()).toEqual([spokesman, forces].sort());

    const ofArticle = await call('selection.links', { kind: 'article', id: articleId });
    expect(ofArticle.entityIds).toEqual(expect.arrayContaining([taliban, maymana, spokesman]));
    expect(ofArticle).toMatchObject({ eventIds: [event!.id], relationIds: [relation.id], dates: ['2021-06-21'] });

    const ofOther = await call('selection.links', { kind: 'article', id: otherArticle });
    expect(ofOther.entityIds).not.toContain(taliban);
    expect(ofOther.eventIds).toEqual([]);
  });

  it('refuses a selection of an unknown kind at the boundary', async () => {
    await expect(call('selection.links', { kind: 'tag' as 'article', id: 1 })).rejects.toThrow();
  });
});
