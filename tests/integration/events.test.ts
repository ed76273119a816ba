import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventPoints, type EventInputRaw } from '../../electron/contract/index.js';
import { fixtures, testCore } from './helpers.js';

const t = testCore();
const { call } = t;
let articleId = 0;
let body = '';
const span = (text: string) => {
  const start = body.indexOf(text);
  if (start === -1) throw new Error(`not in the sample: ${text}`);
  return { start, end: start + text.length };
};

beforeAll(async () => {
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  articleId = report.outcomes[0]!.articleId!;
  await call('articles.update', { id: articleId, patch: { published: '2021-06-21' } });
  await call('mentions.suggest', { articleIds: [articleId] });
  body = (await call('articles.get', { id: articleId })).body;
}, 60_000);
afterAll(() => t.core.close());

async function forces() {
  return (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
}

describe('coding events from the sample article', () => {
  it('drafts the Taliban entry into Kunduz from the sentence, citing it', async () => {
    const sentence = span('In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city before dispersing in their neighborhoods.');
    const draft = await call('events.draft', { articleId, ...sentence });
    expect(draft.input).toMatchObject({ subEventType: 'Non-state actor overtakes territory', geoPrecision: 1 });
    const location = await call('entities.get', { id: draft.input.locationId as number });
    expect(location.name).toBe('Kunduz');
    const actor1 = await call('entities.get', { id: (draft.input.actor1 as { entityId: number }).entityId });
    expect(actor1.name).toBe('Taliban');
    expect(draft.evidence.map((e) => e.field)).toEqual(expect.arrayContaining(['eventType', 'actor1', 'location']));

    const input = { ...draft.input, date: '2021-06-20', timePrecision: 1, actor2: { entityId: await forces(), type: 1 } } as EventInputRaw;
    const saved = await call('events.create', { input, evidence: draft.evidence });
    expect(saved.problems).toEqual([]);
    expect(saved.event).toMatchObject({
      disorderType: 'Political violence',
      eventType: 'Battles',
      interaction: 12,
      admin1: 'Kunduz',
      country: 'AF',
      geoPrecision: 1,
    });
    expect(saved.event!.evidence.find((e) => e.field === 'actor1')!.quote).toContain('the Taliban captured the entrance');
    expect(saved.event!.unsupported).toContain('fatalities');
  });

  it('codes the fighting at Maimana and near Taliqan on the Sunday, with evidence', async () => {
    const maimana = span('the Taliban clashed with security forces until Sunday night');
    const draft = await call('events.draft', { articleId, ...maimana });
    expect(draft.input.subEventType).toBe('Armed clash');
    const maymana = (await call('entities.page', { query: { search: 'maimana' }, startRow: 0, endRow: 1 })).rows[0]!;
    const taliban = (await call('entities.page', { query: { search: 'taliban' }, startRow: 0, endRow: 1 })).rows[0]!;
    const first = await call('events.create', {
      input: { date: '2021-06-20', timePrecision: 1, subEventType: 'Armed clash', actor1: { entityId: taliban.id, type: 2 }, actor2: { entityId: await forces(), type: 1 }, locationId: maymana.id, geoPrecision: 1, fatalities: 0 },
      evidence: [...draft.evidence, { field: 'location', articleId, ...span('To the west of Kunduz in Maimana, the capital of Faryab province') }],
    });
    expect(first.problems).toEqual([]);

    const taliqan = span('On Sunday, fighting also broke out near the entrance to Taliqan, the capital of Takhar');
    const d2 = await call('events.draft', { articleId, ...taliqan });
    expect(d2.input).toMatchObject({ date: '2021-06-20', timePrecision: 1, geoPrecision: 2, subEventType: 'Armed clash' });
    const second = await call('events.create', {
      input: { ...(d2.input as object), actor1: { entityId: taliban.id, type: 2 }, actor2: { entityId: await forces(), type: 1 }, fatalities: 0 } as EventInputRaw,
      evidence: d2.evidence,
    });
    expect(second.event).toMatchObject({ location: { name: 'Taloqan' }, admin1: 'Takhar', date: '2021-06-20' });
    const page = await call('events.page', { query: { sort: [{ column: 'date', direction: 'asc' }] }, startRow: 0, endRow: 10 });
    expect(page.total).toBe(3);
    const points = decodeEventPoints((await call('events.points', { query: { dateFrom: '2021-06-20', dateTo: '2021-06-20' } })).packed);
    expect(points).toHaveLength(3);
    expect(points.find((p) => p.lat > 36.7 && p.lon > 69.5)).toMatchObject({ eventType: 'Battles', geoPrecision: 2 });
  });

  it('proposes the lowest credible fatality figure', async () => {
    const draft = await call('events.draft', { articleId, ...span('In one such battle, the Taliban recently killed more than 20 of the government’s most elite forces.') });
    expect(draft.fatalities.proposal).toBe(20);
    expect(draft.input.fatalities).toBe(20);
  });
});

describe('validation, in plain words', () => {
  const base = async (): Promise<EventInputRaw> => ({
    date: '2021-06-20',
    timePrecision: 1,
    subEventType: 'Armed clash',
    actor1: { entityId: (await call('entities.page', { query: { search: 'taliban' }, startRow: 0, endRow: 1 })).rows[0]!.id, type: 2 },
    actor2: null,
    locationId: (await call('entities.page', { query: { search: 'maimana' }, startRow: 0, endRow: 1 })).rows[0]!.id,
    geoPrecision: 1,
    fatalities: 0,
  });

  it('rejects a battle with one side, civilians in a battle, a date after publication, a country coded as precise', async () => {
    const messages = async (input: EventInputRaw) => (await call('events.create', { input, evidence: [{ field: 'eventType', articleId, start: 0, end: 10 }] })).problems.map((p) => p.message);
    expect(await messages(await base())).toContain('A battle has two sides: add actor 2.');
    const civilians = (await call('entities.create', { type: 'group', name: 'Civilians (Afghanistan)' })).id;
    expect(await messages({ ...(await base()), actor2: { entityId: civilians, type: 7 } })).toContain('Civilians are never a side in a battle: code the event as Violence against civilians.');
    expect(await messages({ ...(await base()), actor2: { entityId: await forces(), type: 1 }, date: '2021-07-01' })).toContain(
      'The event date 2021-07-01 is after the publication of "After a brief offensive, the Taliban invade important cities in northern Afghanistan" (2021-06-21).',
    );
    expect(await messages({ ...(await base()), actor2: { entityId: await forces(), type: 1 }, associates2: [civilians] })).toContain(
      'Civilians are never an associated actor in a battle ("Civilians (Afghanistan)").',
    );
    const afghanistan = (await call('entities.page', { query: { search: 'afghanistan', types: ['place'] }, startRow: 0, endRow: 1 })).rows[0]!.id;
    expect(await messages({ ...(await base()), actor2: { entityId: await forces(), type: 1 }, locationId: afghanistan })).toContain(
      '"Afghanistan" is a country: geo precision must be 3 (a larger region).',
    );
    const asia = (await call('entities.create', { type: 'place', name: 'Asia' })).id;
    const linked = await call('entities.setPlace', { id: asia, place: { gazetteerId: 6255147 } });
    expect(linked).toMatchObject({ lat: 29.84064, lon: 89.29688, placeLabel: 'Asia', geonamesId: 6255147 });
    expect(await messages({ ...(await base()), actor2: { entityId: await forces(), type: 1 }, locationId: asia, geoPrecision: 2 })).toContain(
      '"Asia" is a continent: geo precision must be 3 (a larger region).',
    );
    expect((await call('events.page', { query: {}, startRow: 0, endRow: 10 })).total).toBe(3);
  });

  it('warns of a duplicate (same day, place and actors), saves only when told to, and merges it', async () => {
    const input = { ...(await base()), actor2: { entityId: await forces(), type: 1 } as const };
    const warned = await call('events.create', { input, evidence: [] });
    expect(warned.event).toBeNull();
    expect(warned.problems).toEqual([expect.objectContaining({ severity: 'warning', duplicateOf: expect.any(Number) })]);
    const saved = await call('events.create', { input, evidence: [{ field: 'fatalities', articleId, ...span('killed more than 20') }], acceptWarnings: true });
    const merged = await call('events.merge', { sourceId: saved.event!.id, targetId: warned.problems[0]!.duplicateOf! });
    expect(merged.evidence.some((e) => e.field === 'fatalities')).toBe(true);
    await expect(call('events.get', { id: saved.event!.id })).rejects.toThrow(/does not exist/);
  });

  it('records every change with before and after values', async () => {
    const [event] = (await call('events.page', { query: { sort: [{ column: 'date', direction: 'asc' }] }, startRow: 0, endRow: 1 })).rows;
    const input: EventInputRaw = {
      date: event!.date,
      timePrecision: 1,
      subEventType: 'Armed clash',
      actor1: { entityId: event!.actor1!.entityId, type: 2 },
      actor2: { entityId: event!.actor2!.entityId, type: 1 },
      locationId: event!.location!.entityId,
      geoPrecision: 1,
      fatalities: 4,
    };
    const updated = await call('events.update', { id: event!.id, input });
    expect(updated.event).toMatchObject({ subEventType: 'Armed clash', fatalities: 4 });
    const log = t.core.session.current.db.prepare("SELECT before, after FROM change_log WHERE subject = 'event' AND action = 'update' AND subject_id = ?").get(event!.id) as { before: string; after: string };
    expect(JSON.parse(log.before)).toMatchObject({ subEventType: 'Non-state actor overtakes territory', fatalities: 0 });
    expect(JSON.parse(log.after)).toMatchObject({ subEventType: 'Armed clash', fatalities: 4 });
  });
});
