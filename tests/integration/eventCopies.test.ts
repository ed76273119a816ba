import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventPoints } from '../../electron/contract/index.js';
import type { EventInputRaw, EventRecord } from '../../electron/contract/index.js';
import { fixtures, testCore } from './helpers.js';

const neardup = path.join(fixtures, 'neardup');
const t = testCore();
const { call } = t;
const clash = 'the Taliban clashed with security forces until Sunday night';
const bullets = 'At the moment I hear the sound of bullets';
const ids: Record<'original' | 'copy' | 'council' | 'nextDay', number> = { original: 0, copy: 0, council: 0, nextDay: 0 };
let articles: { original: number; copy: number; council: number };

/**
 * A wire story and its copy under a new headline (one story), and a council member's account of
 * the same night (another story). The armed clash at Kunduz is coded from the original (20 dead)
 * and again from the copy (22: a later toll), and from the council's story; a clash the next day
 * is coded from the copy too.
 */
beforeAll(async () => {
  const report = await t.core.imports.importNow({
    kind: 'paths',
    paths: ['kunduz-a-original.txt', 'kunduz-b-new-headline-byline-words.txt', 'different-kunduz-council.txt'].map((f) => path.join(neardup, f)),
  });
  const [original, copy, council] = report.outcomes.map((o) => o.articleId!);
  articles = { original: original!, copy: copy!, council: council! };
  const taliban = (await call('entities.create', { type: 'organisation', name: 'Taliban' })).id;
  const forces = (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
  const kunduz = (await call('places.entity', { place: { custom: { name: 'Kunduz', lat: 36.73, lon: 68.86 } } })).id;
  const code = async (articleId: number, sentence: string, date: string, fatalities: number) => {
    const body = (await call('articles.get', { id: articleId })).body;
    const start = body.indexOf(sentence);
    if (start === -1) throw new Error(`not in article ${articleId}: ${sentence}`);
    const draft = await call('events.draft', { articleId, start, end: start + sentence.length });
    const saved = await call('events.create', {
      input: {
        ...(draft.input as object),
        subEventType: 'Armed clash',
        date,
        timePrecision: 1,
        // Actor 1 and 2 swapped in the copy's coding: a clash between A and B is one between B and A.
        actor1: { entityId: articleId === copy ? forces : taliban, type: articleId === copy ? 1 : 2 },
        actor2: { entityId: articleId === copy ? taliban : forces, type: articleId === copy ? 2 : 1 },
        locationId: kunduz,
        geoPrecision: 1,
        fatalities,
      } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    if (!saved.event) throw new Error(saved.problems.map((p) => p.message).join(' '));
    return saved.event.id;
  };
  ids.original = await code(original!, clash, '2021-06-20', 20);
  ids.copy = await code(copy!, clash, '2021-06-20', 22);
  ids.council = await code(council!, bullets, '2021-06-20', 1);
  ids.nextDay = await code(copy!, clash, '2021-06-21', 4);
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
