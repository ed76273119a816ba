import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventPoints, eventInputOf } from '../../electron/contract/index.js';
import type { EventRecord } from '../../electron/contract/index.js';
import { EventCopies } from '../../db/eventCopies.js';
import { codeClashFromCopies, type CodedCopies } from './eventCopiesSetup.js';
import { testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let ids: CodedCopies['events'];
let articles: CodedCopies['articles'];

beforeAll(async () => {
  ({ events: ids, articles } = await codeClashFromCopies(t));
}, 120_000);
afterAll(() => t.core.close());

const rows = async () => (await call('events.page', { query: { sort: [{ column: 'date', direction: 'asc' }] }, startRow: 0, endRow: 100 })).rows;
const byId = (list: EventRecord[]) => new Map(list.map((e) => [e.id, e]));

describe('events count a story once unless the analyst says otherwise', () => {
  it('lists every event as coded, and marks the one coded again from a copy of its story', async () => {
    const listed = await rows();
    expect(listed).toHaveLength(4);
    const e = byId(listed);
    // The copy's coding holds the higher toll: it is the one counted.
    expect(e.get(ids.copy)).toMatchObject({ alsoCodedAs: [ids.original], counted: true, fatalities: 22 });
    expect(e.get(ids.original)).toMatchObject({ alsoCodedAs: [ids.copy], counted: false, fatalities: 20 });
    // Another story about the same night, and the copy's next-day clash, are events of their own.
    expect(e.get(ids.council)).toMatchObject({ alsoCodedAs: [], counted: true });
    expect(e.get(ids.nextDay)).toMatchObject({ alsoCodedAs: [], counted: true });
    expect(await call('events.get', { id: ids.original })).toMatchObject({ alsoCodedAs: [ids.copy], counted: false });
  });

  it("says with the table's first page how many of its events are counted with another", async () => {
    expect(await call('events.page', { query: {}, startRow: 0, endRow: 2 })).toMatchObject({ total: 4, repeats: 1 });
    expect((await call('events.page', { query: {}, startRow: 2, endRow: 4 })).repeats).toBeNull();
    // With only one of the two codings in the table, none of its rows is a repeat.
    expect(await call('events.page', { query: { ids: [ids.original, ids.council] }, startRow: 0, endRow: 10 })).toMatchObject({ total: 2, repeats: 0 });
  });

  it('reads the groups of the workspace once until something is written', async () => {
    const db = t.core.session.current.db;
    const held = EventCopies.ofWorkspace(db);
    expect(EventCopies.ofWorkspace(db)).toBe(held);
    await call('events.update', { id: ids.nextDay, input: { ...eventInputOf(await call('events.get', { id: ids.nextDay }))!, notes: 'seen twice' }, acceptWarnings: true });
    const after = EventCopies.ofWorkspace(db);
    expect(after).not.toBe(held);
    expect(after.alsoCodedAs(ids.copy)).toEqual([ids.original]);
  });

  it('counts the event once on the timeline and draws one symbol for it on the map', async () => {
    const { events } = await call('timeline.series', {});
    expect(events).toEqual([
      { date: '2021-06-20', count: 2, fatalities: 23 },
      { date: '2021-06-21', count: 1, fatalities: 4 },
    ]);
    const points = decodeEventPoints((await call('events.points', { query: {} })).packed);
    expect(points.map((p) => p.id).sort((a, b) => a - b)).toEqual([ids.copy, ids.council, ids.nextDay]);
  });

  it('counts it once in a report’s events and fatalities, and every copy when asked', async () => {
    const once = await call('reports.preview', { spec: { title: 'Kunduz' } });
    expect(once.events).toBe(3);
    expect(once.html).toContain('<div><strong>3</strong>events</div><div><strong>27</strong>reported fatalities</div>');
    expect(once.html).toContain('1 event coded again from another copy is listed but not counted again.');
    // The report still lists every event as coded.
    expect(once.html.match(/<td>Armed clash<div/g)).toHaveLength(4);
    expect(once.html.match(/not counted again<\/div>/g)).toHaveLength(1);
    const every = await call('reports.preview', { spec: { title: 'Kunduz', everyCopy: true } });
    expect(every.events).toBe(4);
    expect(every.html).toContain('<div><strong>4</strong>events</div><div><strong>47</strong>reported fatalities</div>');
    expect(every.html).not.toContain('not counted again');
  });

  it('counts an event whose twin is out of the scope', async () => {
    const onlyOriginal = await call('reports.preview', { spec: { title: 'Kunduz', events: { articleIds: [articles.original] } } });
    expect(onlyOriginal.events).toBe(1);
    expect(onlyOriginal.html).toContain('<div><strong>1</strong>event</div><div><strong>20</strong>reported fatalities</div>');
    const points = decodeEventPoints((await call('events.points', { query: { articleIds: [articles.original] } })).packed);
    expect(points.map((p) => p.id)).toEqual([ids.original]);
  });

  it('counts both again when one is changed into another event, and merges or deletes nothing', async () => {
    const before = (await call('events.get', { id: ids.original })) as EventRecord;
    const { eventInputOf } = await import('../../electron/contract/index.js');
    const moved = await call('events.update', { id: ids.original, input: { ...eventInputOf(before)!, date: '2021-06-19' }, acceptWarnings: true });
    expect(moved.event).toMatchObject({ alsoCodedAs: [], counted: true });
    const { events } = await call('timeline.series', {});
    expect(events.find((d) => d.date === '2021-06-19')).toEqual({ date: '2021-06-19', count: 1, fatalities: 20 });
    expect(await rows()).toHaveLength(4);
  });
});
