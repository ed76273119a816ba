import Database from 'better-sqlite3-multiple-ciphers';
import { XMLParser } from 'fast-xml-parser';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInputOf, type ExportFormat } from '../../electron/contract/index.js';
import { workspaceIdentity } from '../../db/identity.js';
import { migrations } from '../../db/migrations/index.js';
import { openWorkspace } from '../../db/open.js';
import { codedWorkspace } from './coded.js';
import { fixtures, tempDir, testCore } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the files are read as loose JSON, as another tool would
type Loose = Record<string, any>;
const out = tempDir('awb-exchange-');
const exchange = path.join(fixtures, 'exchange');
let w: Awaited<ReturnType<typeof codedWorkspace>>;
let w2: Awaited<ReturnType<typeof codedWorkspace>>;
const exportFrom = async (ws: typeof w, format: ExportFormat, name: string) => fs.readFileSync((await ws.call('exports.run', { format, path: path.join(out, name), handling: 'TLP:AMBER' })).path, 'utf8');
const stixIds = (text: string) => (JSON.parse(text) as { objects: Loose[] }).objects.filter((o) => o.type !== 'marking-definition').map((o) => o.id as string);
const ftmIds = (text: string) => text.trim().split('\n').map((l) => (JSON.parse(l) as Loose).id as string);
const w3cIds = (text: string) => {
  const doc = JSON.parse(text) as Loose;
  const items = doc.first.items as Loose[];
  const entityIds = items.flatMap((a) => [...(a.body as Loose[]).map((b) => b.source?.id), ...(Array.isArray(a.target) ? a.target.map((t: Loose) => t.id) : [])]).filter((x): x is string => typeof x === 'string' && x.startsWith('urn:uuid:'));
  return [doc.id as string, ...items.map((a) => a.id as string), ...entityIds];
};

beforeAll(async () => {
  w = await codedWorkspace();
  w2 = await codedWorkspace();
}, 120_000);
afterAll(() => {
  w.core.close();
  w2.core.close();
});

describe('stable global identifiers', () => {
  it('a workspace made before identities gets its own UUID when it is upgraded', () => {
    const uuids = [1, 2].map((n) => {
      const file = path.join(out, `old-${n}.awb`);
      const old = new Database(file);
      for (const m of migrations.filter((x) => x.version <= 6)) {
        old.exec(m.sql);
        old.pragma(`user_version = ${m.version}`);
      }
      old.close();
      const db = openWorkspace(file);
      try {
        return workspaceIdentity(db).uuid;
      } finally {
        db.close();
      }
    });
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuids[0]).not.toBe(uuids[1]);
  });

  it('the same workspace exported twice gives byte-identical STIX, FtM and W3C files', async () => {
    for (const format of ['stix', 'ftm', 'w3c'] as const) {
      const first = await exportFrom(w, format, `once.${format}`);
      const second = await exportFrom(w, format, `twice.${format}`);
      expect(second, format).toBe(first);
    }
  });

  it('two workspaces with the same local ids share no id in STIX, FtM or W3C', async () => {
    const shared = (a: string[], b: string[]) => a.filter((x) => new Set(b).has(x));
    const [s1, s2] = [await exportFrom(w, 'stix', 'a.stix.json'), await exportFrom(w2, 'stix', 'b.stix.json')];
    expect(stixIds(s1).length).toBeGreaterThan(10);
    expect(shared(stixIds(s1), stixIds(s2))).toEqual([]);
    expect(shared(ftmIds(await exportFrom(w, 'ftm', 'a.ftm')), ftmIds(await exportFrom(w2, 'ftm', 'b.ftm')))).toEqual([]);
    const [a, b] = [w3cIds(await exportFrom(w, 'w3c', 'a.jsonld')), w3cIds(await exportFrom(w2, 'w3c', 'b.jsonld'))];
    expect(a.length).toBeGreaterThan(10);
    expect(shared(a, b)).toEqual([]);
  });

  it('STIX created is the record’s creation and modified its last change; an edit moves modified only', async () => {
    const before = JSON.parse(await exportFrom(w, 'stix', 'before.stix.json')) as { objects: Loose[] };
    const taliban = before.objects.find((o) => o.name === 'Taliban')!;
    expect(taliban.created <= taliban.modified).toBe(true);
    const exportedAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await w.call('entities.update', { id: w.taliban, notes: 'Insurgent movement' });
    const after = JSON.parse(await exportFrom(w, 'stix', 'after.stix.json')) as { objects: Loose[] };
    const again = after.objects.find((o) => o.name === 'Taliban')!;
    expect(again.id).toBe(taliban.id);
    expect(again.created).toBe(taliban.created);
    expect(again.modified > exportedAt).toBe(true);
    expect(again.description).toBe('Insurgent movement');
    // Untouched records keep both times.
    const ministry = (o: { objects: Loose[] }) => o.objects.find((x) => x.name === 'Ministry of Defence')!;
    expect(ministry(after)).toMatchObject({ created: ministry(before).created, modified: ministry(before).modified });
  });

  it('re-importing our own W3C file updates the entities it names instead of adding new ones', async () => {
    const doc = JSON.parse(await exportFrom(w, 'w3c', 'own.jsonld')) as Loose;
    const entities = async () => (await w.call('entities.page', { query: {}, startRow: 0, endRow: 500 })).total;
    const count = await entities();
    for (const a of doc.first.items as Loose[]) {
      const source = (a.body as Loose[]).find((b) => b.purpose === 'identifying' && typeof b.source === 'object')?.source as Loose | undefined;
      if (source?.label === 'Taliban') Object.assign(source, { label: 'Taleban (as another tool spelled it)', altLabel: ['Talibs'], sameAs: ['http://www.wikidata.org/entity/Q42418'] });
    }
    const result = await w.call('imports.exchange', { name: 'own.jsonld', text: JSON.stringify(doc) });
    expect(result.created).toBe(0);
    expect(result.skipped).toBe(0);
    expect(await entities()).toBe(count);
    const taliban = await w.call('entities.get', { id: w.taliban });
    expect(taliban.aliases).toContain('Talibs');
    expect(taliban.wikidata).toBe('Q42418');
  });
});

describe('offsets and time in the units each standard uses', () => {
  it('W3C TextPositionSelector counts code points: an emoji before a name moves it by one, and the import lands on the same span', async () => {
    const t = testCore();
    const other = testCore();
    try {
      const file = path.join(t.dir, 'emoji.txt');
      fs.writeFileSync(file, 'Protesters 🔥 gathered in Herat on Friday, and the police 👮🏽 dispersed them near the Blue Mosque in Herat.\n');
      const report = await t.core.imports.importNow({ kind: 'paths', paths: [file] });
      const articleId = report.outcomes[0]!.articleId!;
      const body = (await t.call('articles.get', { id: articleId })).body;
      const start = body.lastIndexOf('Herat');
      await t.call('mentions.annotate', { articleId, start, end: start + 5, type: 'place', scope: 'this' });
      const doc = JSON.parse(fs.readFileSync((await t.call('exports.run', { format: 'w3c', path: path.join(out, 'emoji.jsonld') })).path, 'utf8')) as Loose;
      const annotation = (doc.first.items as Loose[]).find((a) => a.target.selector[1].end - a.target.selector[1].start === 5)!;
      const position = annotation.target.selector[1];
      expect([...body].slice(position.start, position.end).join('')).toBe('Herat');
      expect(position.start).toBe(start - 3); // 🔥 and 👮🏽 (two code points, four UTF-16 units) before it
      await other.core.imports.importNow({ kind: 'paths', paths: [file] });
      const imported = await other.call('imports.exchange', { name: 'emoji.jsonld', text: JSON.stringify(doc) });
      expect(imported).toMatchObject({ created: 1, skipped: 0 });
      const [mention] = (await other.call('mentions.list', { articleId: 1 })).filter((m) => m.status === 'accepted');
      expect([mention!.start, mention!.end]).toEqual([start, start + 5]);
    } finally {
      t.core.close();
      other.core.close();
    }
  });

  it('partial dates are intervals with their precision in STIX, GEXF, KML and GeoJSON; a one-day relation is a valid STIX relationship', async () => {
    const ahmadzai = (await w.call('entities.page', { query: { search: 'Rohullah Ahmadzai' }, startRow: 0, endRow: 1 })).rows[0]!.id;
    await w.call('relations.create', { input: { sourceId: w.taliban, targetId: w.forces, type: 'fights against', startDate: '2021-06-20', endDate: '2021-06-20' } });
    await w.call('relations.create', { input: { sourceId: ahmadzai, targetId: w.forces, type: 'member of', startDate: '2020', endDate: '2021-06' } });
    const monthly = w.events[2]!;
    const saved = await w.call('events.update', { id: monthly.id, input: { ...eventInputOf(monthly)!, timePrecision: 3 }, acceptWarnings: true });
    expect(saved.event?.timePrecision).toBe(3);

    const stix = JSON.parse(await exportFrom(w, 'stix', 'dates.stix.json')) as { objects: Loose[] };
    const rels = stix.objects.filter((o) => o.type === 'relationship');
    const oneDay = rels.find((r) => r.relationship_type === 'fights-against')!;
    expect(oneDay).toMatchObject({ start_time: '2021-06-20T00:00:00.000Z', stop_time: '2021-06-20T23:59:59.999Z' });
    for (const r of rels) if (r.start_time && r.stop_time) expect(r.stop_time > r.start_time, r.id).toBe(true);
    expect(rels.find((r) => r.relationship_type === 'member-of')).toMatchObject({ start_time: '2020-01-01T00:00:00.000Z', stop_time: '2021-06-30T23:59:59.999Z', x_awb_start_precision: 'year', x_awb_stop_precision: 'month' });
    expect(rels.find((r) => r.relationship_type === 'spokesman-for')).toMatchObject({ start_time: '2021-06-01T00:00:00.000Z', x_awb_start_precision: 'month' });

    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['edge', 'Placemark', 'Folder'].includes(n) });
    const gexf = xml.parse(await exportFrom(w, 'gexf', 'dates.gexf')) as Loose;
    const edge = (gexf.gexf.graph.edges.edge as Loose[]).find((e) => e['@label'] === 'member of')!;
    expect([edge['@start'], edge['@end']]).toEqual(['2020-01-01', '2021-06-30']);

    const kml = xml.parse(await exportFrom(w, 'kml', 'dates.kml')) as Loose;
    const placemarks = (kml.kml.Document.Folder as Loose[]).find((f) => f.name === 'Events')!.Placemark as Loose[];
    expect(placemarks.filter((p) => p.TimeSpan)).toEqual([expect.objectContaining({ TimeSpan: { begin: '2021-06-01', end: '2021-06-30' } })]);
    expect(placemarks.filter((p) => p.TimeStamp)).toHaveLength(2);

    const geo = JSON.parse(await exportFrom(w, 'geojson', 'dates.geojson')) as { features: Loose[] };
    const event = geo.features.find((f) => f.properties.kind === 'event' && f.properties.timePrecision === 3)!;
    expect(event.properties).toMatchObject({ when: '2021-06-20', start: '2021-06-01', end: '2021-06-30', datePrecision: 'month' });
  });

  it('GEXF 1.2draft is read by networkx, nodes and dated edges intact', async () => {
    let available = true;
    try {
      execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    } catch {
      available = false;
    }
    if (!available) return console.warn('python3-networkx is not installed: the GEXF reader check is skipped.');
    const file = path.join(out, 'nx.gexf');
    fs.writeFileSync(file, await exportFrom(w, 'gexf', 'nx-src.gexf'));
    const printed = execFileSync('python3', ['-c', `import json, networkx as nx\ng = nx.read_gexf(${JSON.stringify(file)}, version='1.2draft')\nprint(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'labels': sorted(d.get('label', '') for _, d in g.nodes(data=True)), 'start': sorted(str(d.get('start')) for *_, d in g.edges(data=True))}))`], { encoding: 'utf8' });
    const graph = JSON.parse(printed) as { nodes: number; edges: number; labels: string[]; start: string[] };
    expect(graph.edges).toBeGreaterThanOrEqual(3);
    expect(graph.labels).toContain('Ministry of Defence');
    expect(graph.start).toContain('2020-01-01');
  });

  it('FollowTheMoney: a Mention resolves only to a legal entity, and a membership of a non-organisation is an UnknownLink', async () => {
    const maimana = (await w.call('entities.page', { query: { search: 'maimana' }, startRow: 0, endRow: 1 })).rows[0]!.id;
    await w.call('relations.create', { input: { sourceId: w.taliban, targetId: maimana, type: 'member of' } });
    const lines = (await exportFrom(w, 'ftm', 'schema.ftm')).trim().split('\n').map((l) => JSON.parse(l) as Loose);
    const byId = new Map(lines.map((l) => [l.id as string, l]));
    const mentions = lines.filter((l) => l.schema === 'Mention' && l.properties.resolved);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect(['Person', 'Organization'], m.properties.name[0]).toContain(byId.get(m.properties.resolved[0])!.schema);
    const placeMentions = lines.filter((l) => l.schema === 'Mention' && l.properties.detectedSchema?.[0] === 'Address');
    expect(placeMentions.length).toBeGreaterThan(0);
    expect(placeMentions.every((m) => !m.properties.resolved)).toBe(true);
    const addresses = lines.filter((l) => l.schema === 'Address' && l.properties.proof);
    expect(addresses.length).toBeGreaterThan(0);
    for (const l of lines.filter((x) => x.schema === 'Membership')) expect(byId.get(l.properties.organization[0])!.schema).toBe('Organization');
    const links = lines.filter((l) => l.schema === 'UnknownLink' && l.properties.role?.[0] === 'member of');
    expect(links.map((l) => byId.get(l.properties.object[0])!.schema)).toEqual(['Address']);
  });
});

describe('files written by other tools', () => {
  let t: ReturnType<typeof testCore>;
  let articleId: number;
  beforeAll(async () => {
    t = testCore();
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    articleId = report.outcomes[0]!.articleId!;
    await t.call('articles.update', { id: articleId, patch: { url: 'https://example.org/kunduz' } });
  });
  afterAll(() => t.core.close());
  const read = (name: string) => fs.readFileSync(path.join(exchange, name), 'utf8');
  const accepted = async () => (await t.call('mentions.list', { articleId })).filter((m) => m.status === 'accepted');

  it('RecogitoJS: tags in any case, a page without a source, and a linking annotation between two name annotations', async () => {
    const result = await t.call('imports.exchange', { name: 'recogitojs.w3c.json', text: read('recogitojs.w3c.json') });
    expect(result).toMatchObject({ kind: 'w3c', created: 4, skipped: 1 });
    expect(result.messages.join(' ')).toContain('does not say what kind of name');
    const names = (await accepted()).map((m) => [m.quote, m.type]);
    expect(names).toEqual(expect.arrayContaining([['Rohullah Ahmadzai', 'person'], ['Al Jazeera', 'organisation'], ['Maimana', 'place']]));
    const relations = (await t.call('relations.page', { startRow: 0, endRow: 10 })).rows;
    expect(relations.map((r) => [r.source.name, r.type, r.label, r.target.name])).toEqual([['Rohullah Ahmadzai', 'custom', 'told', 'Al Jazeera']]);
    const again = await t.call('imports.exchange', { name: 'recogitojs.w3c.json', text: read('recogitojs.w3c.json') });
    expect(again).toMatchObject({ created: 0, matched: 4 });
  });

  it('Recogito 2: a GeoNames URI in an identifying body and a georeferencing Feature; a wrong position falls back to the quote', async () => {
    const result = await t.call('imports.exchange', { name: 'recogito2.w3c.jsonld', text: read('recogito2.w3c.jsonld') });
    expect(result).toMatchObject({ created: 1, matched: 1, skipped: 0 });
    const kunduz = (await accepted()).find((m) => m.quote === 'Kunduz')!;
    expect(kunduz.type).toBe('place');
    const entity = await t.call('entities.get', { id: kunduz.entityId! });
    expect(entity.lat).toBeCloseTo(36.7, 0);
  });

  it('hypothes.is search results: rows with tags', async () => {
    const result = await t.call('imports.exchange', { name: 'hypothesis-search.json', text: read('hypothesis-search.json') });
    expect(result).toMatchObject({ kind: 'w3c', created: 1, skipped: 1 });
    expect((await accepted()).find((m) => m.quote === 'Faryab')?.type).toBe('place');
  });

  it('brat: the .txt is kept byte for byte as the article, code-point offsets land on their words, N, # and R lines are read, E lines reported', async () => {
    const txt = read('convoy.txt');
    await expect(t.call('imports.exchange', { name: 'convoy.ann', text: read('convoy.ann') })).rejects.toThrow(/choose convoy\.txt together with it/);
    const result = await t.call('imports.exchange', { name: 'convoy.ann', text: read('convoy.ann'), companions: [{ name: 'convoy.txt', text: txt }] });
    expect(result).toMatchObject({ kind: 'brat', created: 7, skipped: 0 });
    expect(result.messages.join(' ')).toContain('1 event (E lines) not imported');
    const page = await t.call('articles.page', { query: { search: 'Programme' }, startRow: 0, endRow: 5 });
    const article = await t.call('articles.get', { id: page.rows[0]!.id });
    expect(article.body).toBe(txt);
    const mentions = (await t.call('mentions.list', { articleId: article.id })).filter((m) => m.status === 'accepted');
    expect(mentions.map((m) => [m.quote, m.type])).toEqual([
      ['Herat', 'place'],
      ['World Food Programme', 'organisation'],
      ['Herat', 'place'],
      ['Islam Qala', 'place'],
      ['Maria Lopez', 'person'],
      ['Afghan Red Crescent Society', 'organisation'],
    ]);
    for (const m of mentions) expect(txt.slice(m.start, m.end)).toBe(m.quote);
    const wfp = await t.call('entities.get', { id: mentions[1]!.entityId! });
    expect(wfp.wikidata).toBe('Q1047685');
    expect((await t.call('entities.get', { id: mentions[4]!.entityId! })).notes).toBe('Head of the western office');
    const relations = (await t.call('relations.page', { startRow: 0, endRow: 10 })).rows.filter((r) => r.source.name === 'Maria Lopez');
    expect(relations.map((r) => [r.type, r.target.name])).toEqual([['leader of', 'Afghan Red Crescent Society']]);
    const again = await t.call('imports.exchange', { name: 'convoy.ann', text: read('convoy.ann'), companions: [{ name: 'convoy.txt', text: txt }] });
    expect(again).toMatchObject({ created: 0, matched: 7 });
  });

  it('CoNLL-2003: documents become articles of their tokens, names spans from their tags, MISC reported', async () => {
    const other = testCore();
    try {
      const result = await other.call('imports.exchange', { name: 'convoy.conll', text: read('convoy.conll') });
      expect(result).toMatchObject({ kind: 'conll', created: 5, skipped: 1 });
      expect(result.messages.join(' ')).toContain('1 name tagged MISC not imported');
      const articles = (await other.call('articles.page', { query: {}, startRow: 0, endRow: 5 })).rows;
      expect(articles).toHaveLength(2);
      const first = articles.find((a) => a.title === 'convoy (1)')!;
      const body = (await other.call('articles.get', { id: first.id })).body;
      expect(body).toBe('The World Food Programme said its convoy reached Herat from Islam Qala .\nMaria Lopez thanked Afghan volunteers .');
      const mentions = (await other.call('mentions.list', { articleId: first.id })).filter((m) => m.status === 'accepted');
      expect(mentions.map((m) => [m.quote, m.type])).toEqual([
        ['World Food Programme', 'organisation'],
        ['Herat', 'place'],
        ['Islam Qala', 'place'],
        ['Maria Lopez', 'person'],
      ]);
    } finally {
      other.core.close();
    }
  });

  it('our own CoNLL export comes back onto the same article: every name, no new article', async () => {
    const conll = await exportFrom(w, 'conll', 'round.conll');
    const articles = (await t.call('articles.page', { query: {}, startRow: 0, endRow: 50 })).total;
    const result = await t.call('imports.exchange', { name: 'round.conll', text: conll });
    const tagged = conll.split('\n').filter((l) => / B-(PER|ORG|LOC)$/.test(l)).length;
    expect(result.skipped).toBe(conll.split('\n').filter((l) => / B-MISC$/.test(l)).length);
    expect(result.created + result.matched).toBe(tagged);
    expect((await t.call('articles.page', { query: {}, startRow: 0, endRow: 50 })).total).toBe(articles);
    const quotes = (await accepted()).map((m) => m.quote);
    expect(quotes).toEqual(expect.arrayContaining(['Rohullah Ahmadzai', 'Maimana', 'Taliban']));
  });

  it('GeoJSON as GDAL writes it: NAME/Name/TITLE, points, lines and polygons at their centroids with the shape kept, QIDs and aliases kept', async () => {
    const other = testCore();
    try {
      const result = await other.call('imports.exchange', { name: 'gdal-places.geojson', text: read('gdal-places.geojson') });
      expect(result).toMatchObject({ kind: 'geojson', created: 4, skipped: 2 });
      expect(result.messages).toEqual(['Feature 5 has no name (no name, title or label property).', 'Feature 6 has no geometry.']);
      const find = async (text: string) => (await other.call('places.search', { text })).find((p) => p.kind === 'custom')!;
      const camp = await find('Camp perimeter');
      expect([camp.lat, camp.lon]).toEqual([expect.closeTo(34.35, 6), expect.closeTo(62.2, 6)]);
      const twins = await find('Twin villages');
      expect(twins.lon).toBeCloseTo(61.15, 6);
      const road = await find('Ring road');
      expect(road.lon).toBeCloseTo(62.2, 1);
      const crossing = (await other.call('entities.page', { query: { search: 'Islam Qala crossing' }, startRow: 0, endRow: 1 })).rows[0]!;
      const detail = await other.call('entities.get', { id: crossing.id });
      expect(detail).toMatchObject({ wikidata: 'Q3151557', notes: 'Border post on the Iran road' });
      expect(detail.aliases).toEqual(expect.arrayContaining(['Islam Qala', 'Eslam Qaleh']));
      // The polygon goes out again as drawn, beside the point it is offered at.
      const again = JSON.parse(fs.readFileSync((await other.call('exports.run', { format: 'geojson', path: path.join(out, 'gdal-again.geojson') })).path, 'utf8')) as { features: Loose[] };
      const perimeter = again.features.find((f) => f.properties.name === 'Camp perimeter')!;
      expect(perimeter.geometry.type).toBe('Point');
      expect(perimeter.properties).toMatchObject({ geonamesId: 1139715, shape: { type: 'Polygon' } });
    } finally {
      other.core.close();
    }
  });

  it('KML as Google Earth writes it: points, polygons and lines become places', async () => {
    const other = testCore();
    try {
      const result = await other.call('imports.exchange', { name: 'google-earth.kml', text: read('google-earth.kml') });
      expect(result).toMatchObject({ kind: 'kml', created: 3, skipped: 0 });
      const bazaar = (await other.call('places.search', { text: 'Old bazaar' })).find((p) => p.kind === 'custom')!;
      expect([bazaar.lat, bazaar.lon]).toEqual([expect.closeTo(36.73, 6), expect.closeTo(68.86, 6)]);
    } finally {
      other.core.close();
    }
  });

  it('our own GeoJSON and KML round-trip: places with their QIDs and notes, events as events, nothing twice', async () => {
    await w.call('entities.update', { id: (await w.call('entities.page', { query: { search: 'maimana' }, startRow: 0, endRow: 1 })).rows[0]!.id, notes: 'Provincial capital', wikidata: 'Q6735' });
    const geo = await exportFrom(w, 'geojson', 'round.geojson');
    const other = testCore();
    try {
      const first = await other.call('imports.exchange', { name: 'round.geojson', text: geo });
      expect(first.skipped).toBe(0);
      const events = await other.call('events.page', { query: {}, startRow: 0, endRow: 10 });
      expect(events.rows.map((e) => [e.date, e.subEventType, e.actor1?.name, e.location?.name, e.timePrecision]).sort()).toEqual(
        (await w.call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.map((e) => [e.date, e.subEventType, e.actor1?.name, e.location?.name, e.timePrecision]).sort(),
      );
      const maymana = (await other.call('entities.page', { query: { search: 'maymana' }, startRow: 0, endRow: 5 })).rows.find((r) => r.type === 'place')!;
      expect(await other.call('entities.get', { id: maymana.id })).toMatchObject({ notes: 'Provincial capital', wikidata: 'Q6735' });
      const again = await other.call('imports.exchange', { name: 'round.geojson', text: geo });
      expect(again.created).toBe(0);
      // Into the workspace it came from: every feature is one of its own records.
      const home = await w.call('imports.exchange', { name: 'round.geojson', text: geo });
      expect(home).toMatchObject({ created: 0, skipped: 0 });
      const kml = await exportFrom(w, 'kml', 'round.kml');
      const fromKml = await other.call('imports.exchange', { name: 'round.kml', text: kml });
      expect(fromKml.skipped).toBe(0);
      expect((await other.call('events.page', { query: {}, startRow: 0, endRow: 10 })).total).toBe(3);
    } finally {
      other.core.close();
    }
  });
});
