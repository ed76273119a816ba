import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventPoints, type EventQueryInput, type EventRecord } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';

let t: Awaited<ReturnType<typeof codedWorkspace>>;
let events: EventRecord[] = [];

beforeAll(async () => {
  t = await codedWorkspace();
  events = t.events;
}, 60_000);
afterAll(() => t.core.close());

const eventIds = async (query: EventQueryInput) => (await t.call('events.page', { query, startRow: 0, endRow: 100 })).rows.map((e) => e.id);
const entityNames = async (search: string) => (await t.call('entities.page', { query: { search }, startRow: 0, endRow: 100 })).rows.map((e) => e.name);
const relationsOf = (narrowing: Record<string, unknown>) => t.call('relations.page', { startRow: 0, endRow: 100, ...narrowing });

describe('the Events table’s column filters', () => {
  it('filters by number, text and date in SQL, and keeps the sort', async () => {
    const [kunduz, maimana, taliqan] = events.map((e) => e.id);
    expect(await eventIds({ filters: { fatalities: { filterType: 'number', type: 'greaterThan', filter: 0 } } })).toEqual([maimana]);
    expect(await eventIds({ filters: { location: { filterType: 'text', type: 'contains', filter: events[1]!.location!.name.slice(0, 4).toLowerCase() } } })).toEqual([maimana]);
    expect(await eventIds({ filters: { notes: { filterType: 'text', type: 'blank' } }, sort: [{ column: 'fatalities', direction: 'desc' }] })).toEqual([maimana, taliqan]);
    expect(await eventIds({ filters: { actor1: { filterType: 'text', type: 'equals', filter: 'TALIBAN' } } })).toHaveLength(3);
    expect(await eventIds({ filters: { date: { filterType: 'date', type: 'equals', dateFrom: '2021-06-20 00:00:00' } } })).toHaveLength(3);
    expect(await eventIds({ filters: { date: { filterType: 'date', type: 'lessThan', dateFrom: '2021-06-20 00:00:00' } } })).toEqual([]);
    // Two filters hold together.
    expect(await eventIds({ filters: { fatalities: { filterType: 'number', type: 'equals', filter: 0 }, notes: { filterType: 'text', type: 'contains', filter: 'entry' } } })).toEqual([kunduz]);
  });

  it('refuses a filter of the wrong kind or on an unknown column at the boundary', async () => {
    await expect(eventIds({ filters: { fatalities: { filterType: 'text', type: 'contains', filter: '4' } } })).rejects.toThrow(/takes a number filter/);
    await expect(eventIds({ filters: { acled_row: { filterType: 'text', type: 'contains', filter: 'x' } } } as unknown as EventQueryInput)).rejects.toThrow();
  });
});

describe('the search box on the registry tables’ own text', () => {
  it('narrows events by actors, location, notes and type, as words, phrases and NOT', async () => {
    const [kunduz, maimana, taliqan] = events.map((e) => e.id);
    expect(await eventIds({ search: 'city entry' })).toEqual([kunduz]);
    expect(await eventIds({ search: events[1]!.location!.name.toUpperCase() })).toEqual([maimana]);
    expect((await eventIds({ search: 'taliban' })).sort()).toEqual([kunduz, maimana, taliqan].sort());
    expect((await eventIds({ search: 'taliban NOT entry' })).sort()).toEqual([maimana, taliqan].sort());
    expect((await eventIds({ search: `"into the city" OR ${events[1]!.location!.name}` })).sort()).toEqual([kunduz, maimana].sort());
    expect(await eventIds({ search: '"the city into"' })).toEqual([]);
    // LIKE wildcards typed by the analyst are taken literally.
    expect(await eventIds({ search: '%' })).toEqual([]);
    expect(await eventIds({ search: 'taliban', filters: { fatalities: { filterType: 'number', type: 'greaterThan', filter: 0 } } })).toEqual([maimana]);
  });

  it('gives the map the events the table shows', async () => {
    const all = decodeEventPoints((await t.call('events.points', { query: {} })).packed);
    const searched = decodeEventPoints((await t.call('events.points', { query: { search: 'entry' } })).packed);
    expect(all.length).toBeGreaterThan(searched.length);
    expect(searched.every((p) => p.id === events[0]!.id)).toBe(true);
  });

  it('narrows entities by any of their names, word by word, case- and accent-blind', async () => {
    expect(await entityNames('taliban')).toContain('Taliban');
    expect(await entityNames('defence ministry')).toContain('Ministry of Defence');
    expect(await entityNames('ahmadzai rohullah')).toEqual(['Rohullah Ahmadzai']);
    expect(await entityNames('defence NOT ministry')).toEqual([]);
    expect(await entityNames('_')).toEqual([]);
    await t.call('entities.update', { id: t.taliban, aliases: ['Islamic Emirate of Afghanistan'] });
    expect(await entityNames('émirate')).toEqual(['Taliban']);
  });

  it('narrows relations by their ends, type and notes; filters and sorts them by column', async () => {
    const other = await t.call('relations.create', { input: { sourceId: t.taliban, targetId: t.forces, type: 'fights against', notes: 'Kunduz offensive, June 2021' } });
    expect((await relationsOf({ search: 'spokesman' })).rows.map((r) => r.id)).toEqual([t.relation.id]);
    expect((await relationsOf({ search: 'AHMADZAI defence' })).rows.map((r) => r.id)).toEqual([t.relation.id]);
    expect((await relationsOf({ search: 'offensive' })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await relationsOf({ search: 'offensive', entityIds: [t.forces] })).total).toBe(1);
    expect((await relationsOf({ search: 'offensive', entityIds: [t.relation.source.id] })).total).toBe(0);
    expect((await relationsOf({ filters: { type: { filterType: 'text', type: 'startsWith', filter: 'fights' } } })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await relationsOf({ filters: { when: { filterType: 'date', type: 'greaterThan', dateFrom: '2021-05-01 00:00:00' } } })).rows.map((r) => r.id)).toEqual([t.relation.id]);
    expect((await relationsOf({ filters: { notes: { filterType: 'text', type: 'notBlank' } } })).total).toBe(1);
    const byTarget = await relationsOf({ sort: [{ column: 'target', direction: 'desc' }] });
    expect(byTarget.rows.map((r) => r.target.name)).toEqual([...byTarget.rows.map((r) => r.target.name)].sort((a, b) => b.localeCompare(a)));
    expect(byTarget.total).toBe(2);
    await expect(relationsOf({ filters: { when: { filterType: 'text', type: 'contains', filter: '2021' } } })).rejects.toThrow(/takes a date filter/);
  });
});
