import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventPoints, decodeMapLayer, type ArticleQueryInput } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';

/** A second article, written for this test, about places far from the sample's. */
const NAIROBI = `Protest in Nairobi over fuel prices

NAIROBI, Kenya — Several thousand people marched through central Nairobi on Tuesday against a rise in fuel prices, police said.
Smaller marches were reported in Mombasa and Kisumu. Organisers said they would return to the streets of Nairobi next week.`;

let t: Awaited<ReturnType<typeof codedWorkspace>>;
let nairobiId = 0;
const base = { search: '', tagIds: [], entityIds: [], bbox: null, dateRange: null, filters: {}, sort: [] } satisfies ArticleQueryInput;
const placesFor = async (articleQuery: ArticleQueryInput | null) => decodeMapLayer(await t.call('map.places', { articleQuery })).map((p) => p.name).sort();

beforeAll(async () => {
  t = await codedWorkspace();
  const report = await t.core.imports.importNow({ kind: 'text', text: NAIROBI, title: 'Protest in Nairobi over fuel prices' });
  nairobiId = report.outcomes[0]!.articleId!;
  await t.call('articles.update', { id: nairobiId, patch: { published: '2023-03-14' } });
  await t.call('mentions.suggest', { articleIds: [nairobiId] });
}, 120_000);
afterAll(() => t?.core.close());

describe('the map reads the same query as the tables', () => {
  it('shows every place with no filter, and only the places of the matching articles under a search', async () => {
    const all = await placesFor(null);
    expect(all).toEqual(expect.arrayContaining(['Kunduz', 'Maymana', 'Nairobi']));
    const searched = await placesFor({ ...base, search: 'fuel prices' });
    expect(searched).toContain('Nairobi');
    expect(searched).not.toContain('Kunduz');
  });

  it('follows a tag, a date range and a column filter', async () => {
    const tag = await t.call('tags.create', { name: 'Kenya protests', color: '#0369a1' });
    await t.call('tags.assign', { target: { ids: [nairobiId] }, tagIds: [tag.id] });
    expect(await placesFor({ ...base, tagIds: [tag.id] })).not.toContain('Maymana');
    expect(await placesFor({ ...base, tagIds: [tag.id] })).toContain('Nairobi');
    const june2021 = await placesFor({ ...base, dateRange: ['2021-06-01', '2021-06-30'] });
    expect(june2021).toContain('Maymana');
    expect(june2021).not.toContain('Nairobi');
    const titled = await placesFor({ ...base, filters: { title: { filterType: 'text', type: 'contains', filter: 'Nairobi' } } });
    expect(titled).toContain('Nairobi');
    expect(titled).not.toContain('Kunduz');
  });

  it('draws nothing when no article matches, rather than everything', async () => {
    expect(await placesFor({ ...base, search: 'zeppelin' })).toEqual([]);
  });

  it('keeps the events of the matching articles only, on the map and in the events table alike', async () => {
    const query = (articleQuery: ArticleQueryInput | null) => ({ articleQuery });
    const onMap = async (articleQuery: ArticleQueryInput | null) => decodeEventPoints((await t.call('events.points', { query: query(articleQuery) })).packed).length;
    const inTable = async (articleQuery: ArticleQueryInput | null) => (await t.call('events.page', { query: query(articleQuery), startRow: 0, endRow: 100 })).total;
    expect(await onMap(null)).toBe(3);
    expect(await onMap({ ...base, search: 'Kunduz' })).toBe(3);
    expect(await inTable({ ...base, search: 'Kunduz' })).toBe(3);
    expect(await onMap({ ...base, search: 'fuel prices' })).toBe(0);
    expect(await inTable({ ...base, search: 'fuel prices' })).toBe(0);
  });
});

describe('basemap names', () => {
  it('names countries and big cities from the offline gazetteer, capitals marked', async () => {
    const labels = await t.call('map.basemap', {});
    const countries = new Map(labels.countries.map(([name, lat, lon]) => [name, [lat, lon]]));
    expect(countries.get('China')).toEqual([35, 105]);
    expect(countries.has('India')).toBe(true);
    const kabul = labels.cities.filter(([name]) => name === 'Kabul');
    expect(kabul).toHaveLength(1);
    expect(kabul[0]![4]).toBe(1);
    expect(labels.cities.some(([name]) => name === 'Mombasa')).toBe(true);
    expect(labels.cities.every(([, , , population]) => population >= 50_000)).toBe(true);
  });
});
