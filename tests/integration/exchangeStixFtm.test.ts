import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInputOf, type EventInputRaw, type ExportFormat } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { closedAfterEach, tempDir } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the files are read as loose JSON, as another tool would
type Loose = Record<string, any>;
type Core = { call: Awaited<ReturnType<typeof codedWorkspace>>['call'] };
const out = tempDir('awb-stix-ftm-');
const fresh = closedAfterEach();
let w: Awaited<ReturnType<typeof codedWorkspace>>;
let n = 0;
const exportFrom = async (ws: Core, format: ExportFormat) =>
  fs.readFileSync((await ws.call('exports.run', { format, path: path.join(out, `${n++}.${format}.json`), handling: 'TLP:AMBER' })).path, 'utf8');
const counts = async (ws: Core) => ({
  entities: (await ws.call('entities.page', { query: {}, startRow: 0, endRow: 1 })).total,
  events: (await ws.call('events.page', { query: {}, startRow: 0, endRow: 1 })).total,
  articles: (await ws.call('articles.page', { query: {}, startRow: 0, endRow: 1 })).total,
});

beforeAll(async () => {
  w = await codedWorkspace();
}, 120_000);
afterAll(() => w.core.close());

/** The records STIX carries whole: entities, relationships and coded events (evidence quotes travel without their articles). */
function stixRecords(text: string): Map<string, Loose> {
  const records = (JSON.parse(text) as { objects: Loose[] }).objects.filter((o) => ['identity', 'threat-actor', 'location', 'relationship'].includes(o.type) || o.x_awb_event);
  return new Map(records.map((o) => [o.id as string, o.x_awb_event ? { ...o, content: (o.content as string).split('\n').filter((l) => !l.startsWith('“')).join('\n') } : o]));
}

/** FtM lines by id; article ids (which an import gives anew) replaced by the articles' titles. */
function ftmRecords(text: string): Map<string, Loose> {
  const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Loose);
  const title = new Map(lines.filter((l) => l.schema === 'Article').map((l) => [l.id, l.properties.title[0]]));
  const named = (ids: string[] | undefined) => ids?.map((id) => title.get(id) ?? id);
  return new Map(
    lines
      .filter((l) => !['Article', 'Mention'].includes(l.schema))
      .map((l) => {
        const properties = { ...l.properties, proof: named(l.properties.proof) };
        // An event's proof is the articles of its evidence, whose spans FtM does not carry; a
        // place's, the articles naming it, which a Mention of two places of one name cannot tell
        // apart (the town and the province of Kunduz): both checked on their own below.
        if (l.schema === 'Event' || l.schema === 'Address') delete properties.proof;
        return [l.id, { ...l, properties: JSON.parse(JSON.stringify(properties)) as Loose }];
      }),
  );
}

describe('STIX 2.1 import', () => {
  it('a round trip (export, import into a fresh workspace, export again) gives the same entities, relations and events under the same ids', async () => {
    const first = await exportFrom(w, 'stix');
    const t = fresh();
    const result = await t.call('imports.exchange', { name: 'kunduz.stix.json', text: first });
    expect(result.kind).toBe('stix');
    const before = stixRecords(first);
    expect([...before.values()].filter((o) => o.x_awb_event)).toHaveLength(3);
    expect([...before.values()].filter((o) => o.type === 'relationship')).toHaveLength(1);
    expect(result.created).toBe(before.size);
    expect(result.messages.join('\n')).toMatch(/Not imported: 1 report \(STIX carries/);
    const after = stixRecords(await exportFrom(t, 'stix'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, o] of before) expect(after.get(id), id).toEqual(o);

    // The same file again finds every record instead of adding one.
    const again = await t.call('imports.exchange', { name: 'kunduz.stix.json', text: first });
    expect(again).toMatchObject({ created: 0, matched: before.size });
    // And into the workspace it came from: its own ids.
    const home = await counts(w);
    expect(await w.call('imports.exchange', { name: 'kunduz.stix.json', text: first })).toMatchObject({ created: 0, matched: before.size });
    expect(await counts(w)).toEqual(home);
  });

  it('an event changed after the import keeps its id and creation time and gets a new modified time', async () => {
    const first = await exportFrom(w, 'stix');
    const t = fresh();
    await t.call('imports.exchange', { name: 'kunduz.stix.json', text: first });
    const event = (await t.call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.find((e) => e.fatalities === 4)!;
    const changedAt = new Date().toISOString();
    await t.call('events.update', { id: event.id, input: { ...(eventInputOf(event) as EventInputRaw), fatalities: 9 }, acceptWarnings: true });
    const before = [...stixRecords(first).values()].find((o) => o.x_awb_event?.date === event.date && o.x_awb_event?.fatalities === event.fatalities)!;
    const after = stixRecords(await exportFrom(t, 'stix')).get(before.id as string)!;
    expect(after.created).toBe(before.created);
    expect(after.modified >= changedAt).toBe(true);
    expect(after.x_awb_event.fatalities).toBe(9);
  });

  it('reads a bundle another tool wrote: identities, a threat actor, a located place and their relationships; says what it leaves out', async () => {
    const t = fresh();
    const result = await t.call('imports.exchange', { name: 'partner.json', text: JSON.stringify(partnerBundle) });
    expect(result).toMatchObject({ kind: 'stix', created: 5, skipped: 1 });
    expect(result.messages.join('\n')).toMatch(/Object 5 \(relationship\): one of its ends/);
    expect(result.messages.join('\n')).toMatch(/Not imported: 1 indicator object \(nothing here holds them\)/);
    expect(result.messages.join('\n')).toMatch(/threat actor that does not say whether it is a person/);
    const entities = (await t.call('entities.page', { query: {}, startRow: 0, endRow: 50 })).rows;
    const byName = (name: string) => entities.find((e) => e.name === name)!;
    expect(byName('Abdul Rahman').type).toBe('person');
    expect(byName('Northern Brigade').type).toBe('organisation');
    expect(byName('Kafir Qala Crossing')).toMatchObject({ type: 'place' });
    const place = await t.call('entities.get', { id: byName('Kafir Qala Crossing').id });
    expect([place.lat, place.lon]).toEqual([34.67, 61.07]);
    const person = await t.call('entities.get', { id: byName('Abdul Rahman').id });
    expect(person.wikidata).toBe('Q4666');
    expect(person.notes).toBe('Commander named in the partner’s report.');
    const relations = (await t.call('relations.page', { entityIds: [], startRow: 0, endRow: 10 })).rows;
    expect(relations.map((r) => [r.source.name, r.type, r.label, r.target.name, r.startDate, r.endDate]).sort()).toEqual([
      ['Abdul Rahman', 'leader of', null, 'Northern Brigade', '2020-03-01', '2021-06-30'],
      ['Northern Brigade', 'custom', 'located at', 'Kafir Qala Crossing', null, null],
    ]);
  });

  it('a damaged or hostile bundle is refused with a clear message and nothing is saved', async () => {
    const t = fresh();
    const empty = await counts(t);
    const good = await exportFrom(w, 'stix');
    const truncated = good.slice(0, Math.floor(good.length / 2));
    await expect(t.call('imports.exchange', { name: 'cut.stix.json', text: truncated })).rejects.toMatchObject({ code: 'bad_json', message: expect.stringMatching(/cut\.stix\.json is not valid JSON/) });
    const bundle = JSON.parse(good) as { objects: Loose[] };
    bundle.objects.push({ type: 'identity', name: 'no id' });
    await expect(t.call('imports.exchange', { name: 'noid.stix.json', text: JSON.stringify(bundle) })).rejects.toMatchObject({ code: 'bad_stix', message: expect.stringMatching(/object \d+ has no type or id\. Nothing was imported/) });
    const twice = JSON.parse(good) as { objects: Loose[] };
    twice.objects.push({ ...twice.objects.find((o) => o.type === 'identity')!, name: 'Someone else' });
    await expect(t.call('imports.exchange', { name: 'twice.stix.json', text: JSON.stringify(twice) })).rejects.toMatchObject({ code: 'bad_stix', message: expect.stringMatching(/have the same id/) });
    const notList = { type: 'bundle', id: 'bundle--0d7e8c3a-44f6-4d3a-9e57-2c6a0f1a9b10', objects: { evil: true } };
    await expect(t.call('imports.exchange', { name: 'odd.json', text: JSON.stringify(notList) })).rejects.toMatchObject({ code: 'bad_stix' });
    expect(await counts(t)).toEqual(empty);
  });
});

describe('FollowTheMoney import', () => {
  it('a round trip gives the same entities, relations and events under the same ids, and the articles with their mentions', async () => {
    const first = await exportFrom(w, 'ftm');
    const t = fresh();
    const result = await t.call('imports.exchange', { name: 'kunduz.ftm.json', text: first });
    expect(result.kind).toBe('ftm');
    expect(result.messages.filter((m) => !/may be any of 2 places|an address without coordinates/.test(m))).toEqual([]);
    expect(result.skipped).toBe(0);
    const before = ftmRecords(first);
    const after = ftmRecords(await exportFrom(t, 'ftm'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, o] of before) expect(after.get(id), id).toEqual(o);
    // A place whose name no other place of the file shares keeps the articles that name it.
    const proofs = (text: string): Record<string, string[]> => {
      const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Loose);
      const title = new Map(lines.filter((l) => l.schema === 'Article').map((l) => [l.id, l.properties.title[0]]));
      const places = lines.filter((l) => l.schema === 'Address');
      const unique = places.filter((p) => places.filter((q) => q.properties.name[0] === p.properties.name[0]).length === 1);
      return Object.fromEntries(unique.map((p) => [p.properties.name[0], (p.properties.proof ?? []).map((id: string) => title.get(id))]));
    };
    const kept = proofs(first);
    expect(Object.values(kept).filter((p) => p.length > 0).length).toBeGreaterThan(3);
    expect(proofs(await exportFrom(t, 'ftm'))).toEqual(kept);
    const mentions = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Loose)
        .filter((l) => l.schema === 'Mention')
        .map((l) => [l.properties.name[0], l.properties.resolved?.[0] ?? null, l.properties.detectedSchema[0]].join('|'))
        .sort();
    expect(mentions(await exportFrom(t, 'ftm'))).toEqual(mentions(first));
    const source = await counts(w);
    expect(await counts(t)).toMatchObject({ events: source.events, articles: source.articles });

    expect(await t.call('imports.exchange', { name: 'kunduz.ftm.json', text: first })).toMatchObject({ created: 0, skipped: 0 });
    expect(await counts(t)).toMatchObject({ events: source.events, articles: source.articles });
  });

  it('reads entities and links as OpenSanctions and Aleph write them (hashed ids, Company, Directorship with a role, Ownership)', async () => {
    const t = fresh();
    const lines = [
      { id: 'ofac-7d1c0e2b9a', schema: 'Person', properties: { name: ['Haji Abdul Basir'], alias: ['Haji Basir Noorzai'], notes: ['Designated 2012.'], wikidataId: ['Q5638946'] } },
      { id: 'ofac-3b88f0c41d', schema: 'Company', properties: { name: ['Haji Basir and Zarjmil Company Hawala'] } },
      { id: 'dir-1', schema: 'Directorship', properties: { director: ['ofac-7d1c0e2b9a'], organization: ['ofac-3b88f0c41d'], role: ['Owner and director'], startDate: ['2008'] } },
      { id: 'own-1', schema: 'Ownership', properties: { owner: ['ofac-7d1c0e2b9a'], asset: ['ofac-3b88f0c41d'] } },
      { id: 'san-1', schema: 'Sanction', properties: { entity: ['ofac-7d1c0e2b9a'], authority: ['OFAC'] } },
    ];
    const result = await t.call('imports.exchange', { name: 'sanctions.ftm.json', text: lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(result).toMatchObject({ kind: 'ftm', created: 4, skipped: 0, messages: ['Not imported: 1 Sanction record (nothing here holds them).'] });
    const person = (await t.call('entities.page', { query: { search: 'Haji Abdul Basir' }, startRow: 0, endRow: 1 })).rows[0]!;
    expect(await t.call('entities.get', { id: person.id })).toMatchObject({ type: 'person', wikidata: 'Q5638946', notes: 'Designated 2012.', aliases: expect.arrayContaining(['Haji Basir Noorzai']) });
    const relations = (await t.call('relations.page', { entityIds: [], startRow: 0, endRow: 10 })).rows;
    expect(relations.map((r) => [r.type, r.label, r.target.name, r.startDate, r.notes]).sort()).toEqual([
      ['custom', 'ownership', 'Haji Basir and Zarjmil Company Hawala', null, null],
      ['leader of', null, 'Haji Basir and Zarjmil Company Hawala', '2008', 'Role: Owner and director'],
    ]);
  });

  it('an event whose description does not give its ACLED coding is reported, not coded with guesses', async () => {
    const t = fresh();
    const lines = [
      { id: 'p1', schema: 'Organization', properties: { name: ['Northern Brigade'] } },
      { id: 'e1', schema: 'Event', properties: { name: ['Armed clash in Herat'], date: ['2021-06-20'], organizer: ['p1'], involved: ['p1'] } },
    ];
    const result = await t.call('imports.exchange', { name: 'aleph.ftm.json', text: lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(result).toMatchObject({ kind: 'ftm', created: 1, skipped: 1 });
    expect(result.messages[0]).toMatch(/Line 2 \(Event “Armed clash in Herat”\): its description does not give time precision, geo precision, fatalities, actor 1’s type/);
    expect((await counts(t)).events).toBe(0);
  });

  it('a line that is not JSON refuses the whole file, even after good lines, and nothing is saved', async () => {
    const t = fresh();
    const empty = await counts(t);
    const good = (await exportFrom(w, 'ftm')).trim().split('\n');
    const text = [...good, '{"id": "x", "schema": "Person", "properties": {"name": ["cut'].join('\n');
    await expect(t.call('imports.exchange', { name: 'cut.ftm.json', text })).rejects.toMatchObject({ code: 'bad_ftm', message: expect.stringMatching(new RegExp(`Line ${good.length + 1} of this FollowTheMoney file is not JSON`)) });
    const noSchema = [...good, JSON.stringify({ id: 'y', properties: {} })].join('\n');
    await expect(t.call('imports.exchange', { name: 'odd.ftm.json', text: noSchema })).rejects.toMatchObject({ code: 'bad_ftm' });
    expect(await counts(t)).toEqual(empty);
  });
});

/** Written by hand in the shape of the OASIS STIX 2.1 examples, as a partner's platform would send it. */
const partnerBundle = {
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects: [
    {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--311b2d2d-f010-4473-83ec-1edf84858f4c',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      name: 'Abdul Rahman',
      identity_class: 'individual',
      description: 'Commander named in the partner’s report.',
      external_references: [{ source_name: 'wikidata', external_id: 'Q4666', url: 'https://www.wikidata.org/wiki/Q4666' }],
    },
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-23T10:00:00.000Z',
      name: 'Northern Brigade',
      threat_actor_types: ['nation-state'],
    },
    {
      type: 'location',
      spec_version: '2.1',
      id: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      name: 'Kafir Qala Crossing',
      latitude: 34.67,
      longitude: 61.07,
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      relationship_type: 'leader-of',
      source_ref: 'identity--311b2d2d-f010-4473-83ec-1edf84858f4c',
      target_ref: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      start_time: '2020-03-01T00:00:00Z',
      stop_time: '2021-07-01T00:00:00Z',
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--b2b8e3f5-b7a6-4cf4-a6a4-9f7a2c3b9e11',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      relationship_type: 'indicates',
      source_ref: 'indicator--d81f86b9-975b-4c0b-875e-810c5ad45a4f',
      target_ref: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--0e4e3b1c-7c43-4c4e-9a4e-2f1b0c9d8e7a',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      relationship_type: 'located-at',
      source_ref: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      target_ref: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64',
    },
    {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--d81f86b9-975b-4c0b-875e-810c5ad45a4f',
      created: '2021-06-22T08:17:27.000Z',
      modified: '2021-06-22T08:17:27.000Z',
      pattern: "[ipv4-addr:value = '198.51.100.3']",
      pattern_type: 'stix',
      valid_from: '2021-06-22T08:17:27Z',
    },
  ],
};
