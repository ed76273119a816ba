import { Model, defaultModel } from '@alephdata/followthemoney';
import Ajv from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportFormat } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { fixtures, tempDir, testCore } from './helpers.js';
import { readBrat, readConll } from './readers.js';

const require = createRequire(import.meta.url);
let w: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-exports-');
const file = (name: string) => path.join(out, name);
const exportTo = (format: ExportFormat, name: string, extra: object = {}) => w.call('exports.run', { format, path: file(name), ...extra });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the files are read as loose JSON, as another tool would
type Loose = Record<string, any>;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Placemark', 'Folder', 'node', 'edge', 'attvalue', 'Data', 'attribute'].includes(name) });

beforeAll(async () => {
  w = await codedWorkspace();
}, 90_000);
afterAll(() => w.core.close());

describe('exports, each checked by an independent reader', () => {
  it('GeoJSON validates against the published GeoJSON schema and holds the places and the dated events', async () => {
    const result = await exportTo('geojson', 'all.geojson');
    const geo = JSON.parse(fs.readFileSync(result.path, 'utf8')) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(require('geojson-schema/FeatureCollection.json') as object);
    expect(validate(geo), JSON.stringify(validate.errors)).toBe(true);
    const events = geo.features.filter((f) => f.properties.kind === 'event');
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.properties.when)).toEqual(['2021-06-20', '2021-06-20', '2021-06-20']);
    const kunduz = events.find((e) => e.properties.location === 'Kunduz')!;
    expect(kunduz.geometry.coordinates[0]).toBeCloseTo(68.86, 1); // longitude first (RFC 7946)
    expect(geo.features.some((f) => f.properties.kind === 'place' && f.properties.name === 'Maymana')).toBe(true);
  });

  it('KML parses as XML with a placemark, a time stamp and coordinates for each event', async () => {
    const result = await exportTo('kml', 'all.kml');
    const doc = xml.parse(fs.readFileSync(result.path, 'utf8')) as { kml: { '@xmlns': string; Document: { Folder: { name: string; Placemark: { TimeStamp?: { when: string }; Point: { coordinates: string } }[] }[] } } };
    expect(doc.kml['@xmlns']).toBe('http://www.opengis.net/kml/2.2');
    const events = doc.kml.Document.Folder.find((f) => f.name === 'Events')!.Placemark;
    expect(events).toHaveLength(3);
    for (const p of events) {
      expect(p.TimeStamp!.when).toBe('2021-06-20');
      const [lon, lat] = p.Point.coordinates.split(',').map(Number);
      expect(lat! > 35 && lat! < 38 && lon! > 63 && lon! < 71).toBe(true);
    }
    expect(doc.kml.Document.Folder.find((f) => f.name === 'Places')!.Placemark.length).toBeGreaterThan(3);
  });

  it('CSV and XLSX of a grid keep its columns, order, sort and filter; a formula-like cell stays text', async () => {
    const table = { table: 'events' as const, eventQuery: { sort: [{ column: 'fatalities' as const, direction: 'desc' as const }] }, columns: ['location', 'date', 'fatalities', 'notes'] };
    const csv = await exportTo('csv', 'events.csv', { table });
    const rows = parseCsv(fs.readFileSync(csv.path, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Location', 'Date', 'Fatalities', 'Notes']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Maymana', expect.any(String), expect.any(String)]);
    expect(rows[1]![2]).toBe('4');
    const xlsx = await exportTo('xlsx', 'events.xlsx', { table });
    const book = XLSX.read(fs.readFileSync(xlsx.path));
    const sheet = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(sheet[0]).toEqual(['Location', 'Date', 'Fatalities', 'Notes']);
    expect(sheet).toHaveLength(4);
    expect(sheet[1]![2]).toBe(4);
    const kunduz = sheet.find((r) => r[0] === 'Kunduz')!;
    expect(kunduz[3]).toBe('Entry into the city; "=cmd" stays text');
    expect(book.Sheets[book.SheetNames[0]!]!.D2?.f).toBeUndefined();

    const filtered = await exportTo('csv', 'articles.csv', { table: { table: 'articles', articleQuery: { search: 'Lisbon' }, columns: ['title'] } });
    expect(parseCsv(fs.readFileSync(filtered.path, 'utf8'), { bom: true })).toEqual([['Title']]);
    expect(filtered.records).toBe(0);
  });

  it('ACLED CSV has the 31 columns in ACLED’s order and derived fields filled', async () => {
    const result = await exportTo('acled', 'acled.csv');
    const rows = parseCsv(fs.readFileSync(result.path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const header = (parseCsv(fs.readFileSync(result.path, 'utf8'), { bom: true, to: 1 }) as string[][])[0]!;
    expect(header).toHaveLength(31);
    expect(header.slice(0, 8)).toEqual(['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1']);
    expect(header.at(-1)).toBe('timestamp');
    const maymana = rows.find((r) => r.location === 'Maymana')!;
    expect(maymana).toMatchObject({ event_type: 'Battles', disorder_type: 'Political violence', interaction: 'State Forces-Rebel Groups', inter1: 'Rebel Groups', inter2: 'State Forces', country: 'Afghanistan', iso: '4', fatalities: '4', admin1: 'Faryab' });
    expect(maymana.event_id_cnty).toMatch(/^AFGAWB\d+$/);
  });

  it('W3C Web Annotation JSON-LD: TextQuote and TextPosition selectors that find the quote, identifying and georeferencing bodies', async () => {
    const result = await exportTo('w3c', 'annotations.jsonld');
    const doc = JSON.parse(fs.readFileSync(result.path, 'utf8')) as { '@context': string; type: string; total: number; first: { items: Loose[] } };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(doc.first.items.length);
    for (const a of doc.first.items.filter((x) => x.motivation !== 'linking')) {
      expect(a.type).toBe('Annotation');
      const quote = a.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
      const pos = a.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
      expect(w.body.slice(pos.start, pos.end)).toBe(quote.exact);
      expect(w.body.slice(pos.start - quote.prefix.length, pos.start)).toBe(quote.prefix);
    }
    const link = doc.first.items.find((a) => a.motivation === 'linking')!;
    expect(link.target.slice(0, 2).map((t: Loose) => t.label)).toEqual(['Rohullah Ahmadzai', 'Ministry of Defence']);
    expect(link.body[0]).toEqual({ type: 'TextualBody', purpose: 'tagging', value: 'spokesman for' });
    expect(link.target[2].selector[0].exact).toBe('Rohullah Ahmadzai, a spokesman for the defense ministry');
    const kunduz = doc.first.items.find((a) => a.motivation === 'identifying' && a.target.selector[0].exact === 'Kunduz')!;
    expect(kunduz.body.map((b: { purpose: string }) => b.purpose)).toEqual(expect.arrayContaining(['tagging', 'identifying', 'georeferencing']));
  });

  it('brat standoff: every T span is the text at its offsets; E and R lines point at T lines; N lines normalise', async () => {
    const result = await exportTo('brat', 'brat');
    expect(fs.existsSync(path.join(result.path, 'annotation.conf'))).toBe(true);
    const text = fs.readFileSync(path.join(result.path, `${w.articleId}.txt`), 'utf8');
    const ann = readBrat(fs.readFileSync(path.join(result.path, `${w.articleId}.ann`), 'utf8'));
    const chars = [...text];
    for (const t of ann.textBound.values()) {
      expect(t.fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' ')).toBe(t.text);
    }
    expect(ann.events).toHaveLength(3);
    for (const e of ann.events) for (const id of [e.trigger, ...Object.values(e.args)]) expect(ann.textBound.has(id)).toBe(true);
    expect(ann.events.map((e) => ann.textBound.get(e.trigger)!.type).sort()).toEqual(['Armed_clash', 'Armed_clash', 'Non-state_actor_overtakes_territory']);
    expect(ann.relations).toEqual([expect.objectContaining({ type: 'spokesman_for' })]);
    const [rel] = ann.relations;
    expect(ann.textBound.get(rel!.arg1)!.text).toBe('Rohullah Ahmadzai');
    expect(ann.normalisations.some((n) => n.resource === 'GeoNames')).toBe(true);
  });

  it('CoNLL-2003: valid IOB2 tags whose spans spell the accepted names', async () => {
    const result = await exportTo('conll', 'sample.conll');
    const docs = readConll(fs.readFileSync(result.path, 'utf8'));
    expect(docs).toHaveLength(1);
    const names = docs[0]!.entities.map((e) => `${e.tag}:${e.tokens.join(' ')}`);
    expect(names).toEqual(expect.arrayContaining(['LOC:Kunduz', 'ORG:Taliban', 'PER:Rohullah Ahmadzai', 'LOC:Maimana']));
    expect(docs[0]!.sentences).toBeGreaterThan(5);
  });

  it('FollowTheMoney: every entity is of a known schema with properties that schema has, and references resolve', async () => {
    const result = await exportTo('ftm', 'entities.ftm.json');
    const model = new Model(defaultModel);
    const lines = fs.readFileSync(result.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const ids = new Set(lines.map((l) => l.id));
    for (const l of lines) {
      const schema = model.getSchema(l.schema);
      expect(schema.abstract, l.schema).toBe(false);
      for (const [name, values] of Object.entries(l.properties)) {
        expect(schema.hasProperty(name), `${l.schema}.${name}`).toBe(true);
        if (schema.getProperty(name).type.name === 'entity') for (const v of values) expect(ids.has(v), `${l.schema}.${name} → ${v}`).toBe(true);
      }
    }
    expect(lines.filter((l) => l.schema === 'Event')).toHaveLength(3);
    expect(lines.find((l) => l.schema === 'Representation')).toBeDefined();
  });

  it('STIX 2.1: a bundle that meets the specification’s rules, with the TLP marking on every object', async () => {
    const result = await exportTo('stix', 'bundle.stix.json', { handling: 'TLP:AMBER' });
    const bundle = JSON.parse(fs.readFileSync(result.path, 'utf8')) as { type: string; id: string; objects: Loose[] };
    const problems = checkStix(bundle);
    expect(problems).toEqual([]);
    const types = new Set(bundle.objects.map((o) => o.type));
    for (const t of ['identity', 'threat-actor', 'location', 'report', 'relationship', 'note', 'marking-definition']) expect(types, t).toContain(t);
    expect(bundle.objects.find((o) => o.type === 'threat-actor')!.name).toBe('Taliban');
    const marking = bundle.objects.find((o) => o.type === 'marking-definition')!;
    expect(marking.id).toBe('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82');
  });

  it('GEXF parses as XML: every edge joins two nodes, with its relation and dates', async () => {
    const result = await exportTo('gexf', 'graph.gexf');
    const doc = xml.parse(fs.readFileSync(result.path, 'utf8')) as { gexf: { '@version': string; graph: { nodes: { node: { '@id': string; '@label': string }[] }; edges: { edge: Record<string, string>[] } } } };
    expect(doc.gexf['@version']).toBe('1.2');
    const nodes = new Set(doc.gexf.graph.nodes.node.map((n) => n['@id']));
    const [edge] = doc.gexf.graph.edges.edge;
    expect(nodes.has(edge!['@source']!) && nodes.has(edge!['@target']!)).toBe(true);
    expect(edge).toMatchObject({ '@label': 'spokesman for', '@start': '2021-06-01' });
  });

  it('a failed export leaves no file behind and an existing file is not overwritten unasked', async () => {
    await exportTo('kml', 'twice.kml');
    await expect(exportTo('kml', 'twice.kml')).rejects.toThrow(/already exists/);
    await expect(exportTo('kml', 'twice.kml', { overwrite: true })).resolves.toMatchObject({ records: 3 });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('round trips: export, import into an empty workspace, same records', () => {
  it('the workspace archive opens elsewhere with every record and checksum intact; a damaged one is refused', async () => {
    const archive = await exportTo('archive', 'whole.awbz');
    const other = testCore();
    try {
      const before = await w.call('events.page', { query: {}, startRow: 0, endRow: 100 });
      const info = await other.call('workspace.restoreArchive', { archive: archive.path, target: path.join(other.dir, 'restored.awb') });
      expect(info.articles).toBe(1);
      const after = await other.call('events.page', { query: {}, startRow: 0, endRow: 100 });
      expect(after.rows).toEqual(before.rows);
      expect(await other.call('relations.page', { startRow: 0, endRow: 10 })).toEqual(await w.call('relations.page', { startRow: 0, endRow: 10 }));
      const bytes = fs.readFileSync(archive.path);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = bytes[middle]! ^ 0xff;
      fs.writeFileSync(file('damaged.awbz'), bytes);
      await expect(other.call('workspace.restoreArchive', { archive: file('damaged.awbz'), target: path.join(other.dir, 'bad.awb') })).rejects.toThrow(/damaged|not a readable archive/);
      expect(fs.existsSync(path.join(other.dir, 'bad.awb'))).toBe(false);
      fs.writeFileSync(file('foreign.zip'), zipSync({ 'hello.txt': new TextEncoder().encode('hello') }));
      await expect(other.call('workspace.restoreArchive', { archive: file('foreign.zip'), target: path.join(other.dir, 'foreign.awb') })).rejects.toThrow(/not an Analyst Workbench archive/);
      await expect(other.call('imports.exchange', { name: 'broken.json', text: '{"type": "FeatureCollection", "features": [' })).rejects.toThrow(/is not a W3C annotation file, an ACLED CSV or GeoJSON/);
    } finally {
      other.core.close();
    }
  });

  it('W3C annotations land on the same article elsewhere as the same accepted annotations', async () => {
    const result = await exportTo('w3c', 'round.jsonld');
    const other = testCore();
    try {
      const report = await other.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
      const id = report.outcomes[0]!.articleId!;
      const imported = await other.call('imports.exchange', { name: 'round.jsonld', text: fs.readFileSync(result.path, 'utf8') });
      expect(imported).toMatchObject({ kind: 'w3c', skipped: 0 });
      const shape = (ms: { start: number; end: number; type: string; entityName: string | null; status: string }[]) =>
        ms.filter((m) => m.status === 'accepted').map((m) => [m.start, m.end, m.type, m.entityName]);
      expect(shape(await other.call('mentions.list', { articleId: id }))).toEqual(shape(await w.call('mentions.list', { articleId: w.articleId })));
      // The relation comes back as a relation, with its dates and the span that says so.
      const relations = async (c: typeof w.call) =>
        (await c('relations.page', { startRow: 0, endRow: 10 })).rows.map((r) => [r.source.name, r.type, r.label, r.target.name, r.startDate, r.evidence.map((e) => [e.start, e.end, e.quote])]);
      expect(await relations(other.call)).toEqual(await relations(w.call));
      const again = await other.call('imports.exchange', { name: 'round.jsonld', text: fs.readFileSync(result.path, 'utf8') });
      expect(again.created).toBe(0);
      expect(again.matched).toBe(imported.created);
    } finally {
      other.core.close();
    }
  });

  it('ACLED CSV comes back as the same events, actors and places', async () => {
    const first = await exportTo('acled', 'round-acled.csv');
    const other = testCore();
    try {
      const imported = await other.call('imports.exchange', { name: 'round-acled.csv', text: fs.readFileSync(first.path, 'utf8') });
      expect(imported).toMatchObject({ kind: 'acled', created: 3, skipped: 0 });
      const second = await other.call('exports.run', { format: 'acled', path: path.join(other.dir, 'again.csv') });
      const rows = (p: string) =>
        (parseCsv(fs.readFileSync(p, 'utf8'), { bom: true, columns: true }) as Record<string, string>[])
          .map(({ event_id_cnty: _id, timestamp: _t, ...rest }) => rest)
          .sort((a, b) => a.location!.localeCompare(b.location!));
      expect(rows(second.path)).toEqual(rows(first.path));
      const broken = 'event_date,sub_event_type,actor1,latitude,longitude,location\n2021-06-20,Picnic,Taliban,36.7,68.8,Kunduz\n';
      const bad = await other.call('imports.exchange', { name: 'bad.csv', text: broken });
      expect(bad).toMatchObject({ created: 0, skipped: 1 });
      expect(bad.messages.join(' ')).toContain('“Picnic” is not one of ACLED’s sub-event types.');
    } finally {
      other.core.close();
    }
  });

  it('GeoJSON places become custom places (a line at its centroid); our own events come back as events', async () => {
    const result = await exportTo('geojson', 'round.geojson');
    const geo = JSON.parse(fs.readFileSync(result.path, 'utf8')) as { features: { properties: { kind: string; name: string } }[] };
    geo.features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { name: 'a road' } } as never);
    const other = testCore();
    try {
      const imported = await other.call('imports.exchange', { name: 'round.geojson', text: JSON.stringify(geo) });
      const places = geo.features.filter((f) => f.properties.kind === 'place') as unknown as { properties: { name: string }; geometry: { coordinates: number[] } }[];
      // Kunduz the town and Kunduz the province are two entities at one point: one custom place.
      const distinct = new Set(places.map((f) => `${f.properties.name}@${f.geometry.coordinates.join(',')}`));
      const events = geo.features.filter((f) => f.properties.kind === 'event').length;
      expect(imported.created).toBe(distinct.size + 1 + events);
      expect(imported.matched).toBe(places.length - distinct.size);
      expect(imported.skipped).toBe(0);
      expect((await other.call('events.page', { query: {}, startRow: 0, endRow: 10 })).total).toBe(events);
      expect((await other.call('places.search', { text: 'Maymana' })).some((p) => p.kind === 'custom' && p.name === 'Maymana')).toBe(true);
    } finally {
      other.core.close();
    }
  });
});

/** The STIX 2.1 rules an exchange partner's validator applies, written from the specification (sections 3, 4, 5, 7). */
function checkStix(bundle: { type: string; id: string; objects: Loose[] }): string[] {
  const problems: string[] = [];
  const uuid = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  if (bundle.type !== 'bundle' || !uuid.test(bundle.id) || !bundle.id.startsWith('bundle--')) problems.push('bundle: type or id');
  const ids = new Set(bundle.objects.map((o) => o.id as string));
  const required: Record<string, string[]> = {
    identity: ['name'],
    'threat-actor': ['name'],
    location: [],
    report: ['name', 'published', 'object_refs'],
    relationship: ['relationship_type', 'source_ref', 'target_ref'],
    note: ['content', 'object_refs'],
    'marking-definition': ['definition_type', 'definition'],
  };
  for (const o of bundle.objects) {
    const where = `${o.type} ${o.id}`;
    if (!(o.type in required)) problems.push(`${where}: unexpected type`);
    if (o.spec_version !== '2.1') problems.push(`${where}: spec_version`);
    if (!uuid.test(o.id) || !o.id.startsWith(`${o.type}--`)) problems.push(`${where}: id`);
    if (!timestamp.test(o.created)) problems.push(`${where}: created`);
    if (o.type !== 'marking-definition' && !timestamp.test(o.modified)) problems.push(`${where}: modified`);
    for (const p of required[o.type] ?? []) if (o[p] === undefined || (Array.isArray(o[p]) && o[p].length === 0)) problems.push(`${where}: ${p} missing`);
    if (o.type === 'location' && !(o.region || o.country || (typeof o.latitude === 'number' && typeof o.longitude === 'number'))) problems.push(`${where}: no region, country or coordinates`);
    if (o.type === 'location' && (Math.abs(o.latitude) > 90 || Math.abs(o.longitude) > 180)) problems.push(`${where}: coordinates out of range`);
    if (o.type === 'relationship' && !/^[a-z0-9-]+$/.test(o.relationship_type)) problems.push(`${where}: relationship_type`);
    if (o.type === 'identity' && o.identity_class && !['individual', 'group', 'system', 'organization', 'class', 'unknown'].includes(o.identity_class)) problems.push(`${where}: identity_class`);
    const refs = [o.source_ref, o.target_ref, ...(o.object_refs ?? []), ...(o.object_marking_refs ?? [])].filter(Boolean);
    for (const r of refs) if (!ids.has(r)) problems.push(`${where}: dangling reference ${r}`);
    if (o.type !== 'marking-definition' && !(o.object_marking_refs ?? []).length) problems.push(`${where}: unmarked`);
  }
  return problems;
}
