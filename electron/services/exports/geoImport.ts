import { XMLParser } from 'fast-xml-parser';
import { SUB_EVENT_TYPES, type SubEventType } from '../../contract/acled.js';
import type { EntityType } from '../../contract/entities.js';
import { EventField, EventInput, type EvidenceInput } from '../../contract/events.js';
import { EVENT_FIELD_WORDS } from '../../contract/fieldWords.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { plainIssue, plainIssues } from '../../contract/plainErrors.js';
import { writeTransaction } from '../../../db/open.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { readCitedQuote } from './citation.js';
import { ownIds, uuidIn } from './ids.js';
import { addMissingEvidence, applyEntityDetails, asArray, geonamesIn, importReport, qidIn, quoteAtSource, type EntityDetails, type Json } from './importCommon.js';

/**
 * GeoJSON and KML as GDAL, QGIS, Google Earth and we write them. Every feature with a name and a
 * geometry becomes a custom place of this workspace (offered beside the gazetteer's): a point where
 * it is, a line or an area at its centroid with the shape kept beside it. Identifiers, aliases and
 * notes in the feature's properties (a Wikidata QID, a GeoNames id) go onto the place's entity.
 * Our own event features come back as events, with the quotes of evidence our KML writes on them
 * when this workspace holds their articles; our own places are recognised and updated.
 */
export interface Feature {
  id?: unknown;
  geometry: Json | null;
  properties: Json;
}

export function importGeoJson(ws: Workspace, json: unknown): ExchangeImportResult {
  const root = json as Json;
  const features = (root.type === 'FeatureCollection' ? asArray(root.features) : [root]) as Json[];
  return importFeatures(ws, 'geojson', features.map((f) => ({ id: f.id, geometry: (f.geometry ?? null) as Json | null, properties: (f.properties ?? {}) as Json })));
}

export function importKml(ws: Workspace, text: string): ExchangeImportResult {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['Placemark', 'Data', 'SimpleData', 'Point', 'LineString', 'Polygon', 'LinearRing', 'innerBoundaryIs'].includes(name) });
  let doc: Json;
  try {
    doc = parser.parse(text) as Json;
  } catch (error) {
    throw new UserError('bad_kml', `This KML file cannot be read: ${(error as Error).message}`);
  }
  const placemarks: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'Placemark') placemarks.push(...(asArray(value) as Json[]));
      else if (typeof value === 'object') walk(value);
    }
  };
  walk(doc);
  return importFeatures(ws, 'kml', placemarks.map(kmlFeature));
}

/** An element's text. Google Earth shows names and data as HTML, so writers (we among them) escape <, > and & once more: undone here. */
const text = (v: unknown): string | null => {
  const s = typeof v === 'object' && v !== null ? (v as Json)['#text'] : v;
  return typeof s === 'string' || typeof s === 'number' ? String(s).trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};

/** A KML placemark as a GeoJSON-like feature: <name>, <description>, <ExtendedData> (Data and GDAL's SchemaData) as properties. */
function kmlFeature(p: Json): Feature {
  const properties: Json = {};
  const extended = (p.ExtendedData ?? {}) as Json;
  for (const d of asArray(extended.Data) as Json[]) if (typeof d['@name'] === 'string') properties[d['@name']] = text(d.value);
  for (const schema of asArray(extended.SchemaData) as Json[]) for (const d of asArray(schema.SimpleData) as Json[]) if (typeof d['@name'] === 'string') properties[d['@name']] = text(d);
  if (text(p.name)) properties.name = text(p.name);
  if (text(p.description) && properties.description === undefined) properties.description = text(p.description);
  const when = text((p.TimeStamp as Json | undefined)?.when);
  if (when) properties.when = when;
  return { id: p['@id'], geometry: kmlGeometry(p), properties };
}

const coordinates = (v: unknown): number[][] =>
  (text(v) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.split(',').map(Number).slice(0, 2));

function kmlGeometry(node: Json): Json | null {
  const parts: Json[] = [];
  for (const pt of asArray(node.Point) as Json[]) parts.push({ type: 'Point', coordinates: coordinates(pt.coordinates)[0] });
  for (const ls of asArray(node.LineString) as Json[]) parts.push({ type: 'LineString', coordinates: coordinates(ls.coordinates) });
  for (const pg of asArray(node.Polygon) as Json[]) {
    const ring = (b: unknown) => coordinates((asArray((b as Json | undefined)?.LinearRing)[0] as Json | undefined)?.coordinates);
    parts.push({ type: 'Polygon', coordinates: [ring(pg.outerBoundaryIs), ...asArray(pg.innerBoundaryIs).map(ring)] });
  }
  for (const m of asArray(node.MultiGeometry) as Json[]) {
    const g = kmlGeometry(m);
    if (g) parts.push(...(g.type === 'GeometryCollection' ? (g.geometries as Json[]) : [g]));
  }
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { type: 'GeometryCollection', geometries: parts };
}

type Position = number[];
const valid = (c: unknown): c is Position => Array.isArray(c) && c.length >= 2 && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[1] as number) <= 90 && Math.abs(c[0] as number) <= 180;

/**
 * The point a geometry is offered at, with a weight: a point itself; a line at the middle of its
 * length; an area at its area-weighted centroid (planar in degrees, which is close enough for a
 * district or a town's outline). Multi-geometries combine their parts by weight.
 */
export function centroidOf(g: Json | null): { lon: number; lat: number; weight: number } | null {
  if (!g) return null;
  const c = g.coordinates as unknown;
  const combine = (parts: ({ lon: number; lat: number; weight: number } | null)[]) => {
    const ok = parts.filter((p): p is { lon: number; lat: number; weight: number } => p !== null);
    const total = ok.reduce((s, p) => s + p.weight, 0);
    if (ok.length === 0) return null;
    if (total === 0) return { lon: ok[0]!.lon, lat: ok[0]!.lat, weight: 0 };
    return { lon: ok.reduce((s, p) => s + p.lon * p.weight, 0) / total, lat: ok.reduce((s, p) => s + p.lat * p.weight, 0) / total, weight: total };
  };
  switch (g.type) {
    case 'Point':
      return valid(c) ? { lon: c[0]!, lat: c[1]!, weight: 0 } : null;
    case 'MultiPoint':
      return combine(asArray(c).filter(valid).map((p) => ({ lon: p[0]!, lat: p[1]!, weight: 1 })));
    case 'LineString': {
      const pts = asArray(c).filter(valid);
      if (pts.length === 1) return { lon: pts[0]![0]!, lat: pts[0]![1]!, weight: 0 };
      return combine(pts.slice(1).map((b, i) => {
        const a = pts[i]!;
        return { lon: (a[0]! + b[0]!) / 2, lat: (a[1]! + b[1]!) / 2, weight: Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) };
      }));
    }
    case 'MultiLineString':
      return combine(asArray(c).map((line) => centroidOf({ type: 'LineString', coordinates: line })));
    case 'Polygon': {
      const rings = asArray(c).map((r) => asArray(r).filter(valid));
      const ringCentroid = (ring: Position[]) => {
        let area = 0;
        let x = 0;
        let y = 0;
        for (let i = 0; i < ring.length - 1; i++) {
          const [x0, y0] = ring[i]!;
          const [x1, y1] = ring[i + 1]!;
          const cross = x0! * y1! - x1! * y0!;
          area += cross;
          x += (x0! + x1!) * cross;
          y += (y0! + y1!) * cross;
        }
        return area === 0 ? null : { lon: x / (3 * area), lat: y / (3 * area), weight: area / 2 };
      };
      const outer = rings[0] ? ringCentroid(rings[0]) : null;
      if (!outer) return rings[0]?.length ? centroidOf({ type: 'LineString', coordinates: rings[0] }) : null;
      // Holes subtract their area (signed areas keep the sum right whatever the winding).
      const holes = rings.slice(1).map(ringCentroid).filter((h): h is NonNullable<typeof h> => h !== null);
      const sign = Math.sign(outer.weight);
      const parts = [outer, ...holes.map((h) => ({ ...h, weight: -Math.abs(h.weight) * sign }))];
      const total = parts.reduce((s, p) => s + p.weight, 0);
      return { lon: parts.reduce((s, p) => s + p.lon * p.weight, 0) / total, lat: parts.reduce((s, p) => s + p.lat * p.weight, 0) / total, weight: Math.abs(total) };
    }
    case 'MultiPolygon':
      return combine(asArray(c).map((poly) => centroidOf({ type: 'Polygon', coordinates: poly })));
    case 'GeometryCollection': {
      const parts = asArray(g.geometries).map((x) => centroidOf(x as Json));
      // Areas outweigh lines, lines outweigh points: the centroid of the biggest kind present.
      return combine(parts) ?? null;
    }
    default:
      return null;
  }
}

/** Property names in any case: GDAL and QGIS write NAME or Name, Google Earth name, others title or label. */
function pick(props: Json, ...names: string[]): unknown {
  const lower = new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase().replace(/[\s_-]+/g, ''), v]));
  for (const n of names) {
    const v = lower.get(n);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}
const pickText = (props: Json, ...names: string[]) => {
  const v = pick(props, ...names);
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
};
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s*[;|]\s*/) : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());

const ACTOR_ENTITY: Record<number, EntityType> = { 5: 'group', 6: 'group', 7: 'group' };

function importFeatures(ws: Workspace, kind: 'geojson' | 'kml', features: Feature[]): ExchangeImportResult {
  const { result, note, skip } = importReport(kind);
  const ownEntities = ownIds(ws.db, 'entity');
  const ownEvents = ownIds(ws.db, 'event');
  const setShape = ws.db.prepare('UPDATE custom_place SET shape = ? WHERE id = ?');
  writeTransaction(ws.db, () => {
    features.forEach((f, i) => {
      const props = f.properties;
      const label = `Feature ${i + 1}`;
      const ownId = ownEntities.get(uuidIn(f.id) ?? '');
      if (ownId) {
        applyEntityDetails(ws, ownId, detailsOf(props));
        result.matched++;
        return;
      }
      const point = centroidOf(f.geometry);
      if (!f.geometry) return skip(`${label} has no geometry.`);
      if (!point) return skip(`${label}: its ${String(f.geometry.type)} has no valid coordinates.`);
      if (String(pick(props, 'kind') ?? '') === 'event') {
        const own = ownEvents.get(uuidIn(f.id) ?? '');
        if (own !== undefined) {
          mergeQuotes(own, quotesOf(props, label), label);
          result.matched++;
          return;
        }
        return importEvent(f, point, label);
      }
      const name = pickText(props, 'name', 'title', 'label', 'toponym', 'placename', 'nom', 'nombre', 'namen', 'nameen');
      if (!name) return skip(`${label} has no name (no name, title or label property).`);
      const shape = f.geometry.type === 'Point' ? null : JSON.stringify(f.geometry);
      const existing = ws.entities.entities.findCustomPlace(name.slice(0, 200), point.lat, point.lon);
      const place = existing ?? ws.entities.entities.createCustomPlace(name.slice(0, 200), point.lat, point.lon);
      if (existing) result.matched++;
      else result.created++;
      if (shape) setShape.run(shape, -place.id);
      const details = detailsOf(props);
      if (details.aliases?.length || details.notes || details.wikidata || details.geonamesId) {
        const entityId = ws.entities.entities.resolve('place', name.slice(0, 200), ws.entities.placeLink({ gazetteerId: place.id }), 'analyst');
        applyEntityDetails(ws, entityId, details);
      }
    });
  });
  return result;

  function importEvent(f: Feature, point: { lon: number; lat: number }, label: string): void {
    const props = f.properties;
    const sub = pickText(props, 'subeventtype', 'subevent') as SubEventType | null;
    if (!sub || !SUB_EVENT_TYPES.includes(sub)) return skip(`${label}: “${sub ?? ''}” is not one of ACLED’s sub-event types.`);
    const date = pickText(props, 'when', 'date', 'eventdate');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return skip(`${label}: its date “${date ?? ''}” is not a day (YYYY-MM-DD).`);
    const name1 = pickText(props, 'actor1');
    if (!name1) return skip(`${label}: it has no actor 1.`);
    const type1 = Number(pick(props, 'actor1type')) || null;
    const type2 = Number(pick(props, 'actor2type')) || null;
    if (!type1) return skip(`${label}: the type of actor 1 (actor1Type, 1–8) is missing.`);
    const name2 = pickText(props, 'actor2');
    if (name2 && !type2) return skip(`${label}: the type of actor 2 (actor2Type, 1–8) is missing.`);
    const actor = (n: string, t: number) => ws.entities.entities.resolve(ACTOR_ENTITY[t] ?? 'organisation', n, null, 'analyst');
    const placeName = pickText(props, 'location') ?? pickText(props, 'admin1', 'country');
    if (!placeName) return skip(`${label}: its location has no name.`);
    const geonames = geonamesIn(pick(props, 'locationgeonamesid'));
    let link = null;
    if (geonames) {
      try {
        link = ws.entities.placeLink({ gazetteerId: geonames });
      } catch {
        // Not in this gazetteer: the feature's own point, as a custom place.
      }
    }
    link ??= ws.entities.placeLink({ gazetteerId: (ws.entities.entities.findCustomPlace(placeName, point.lat, point.lon) ?? ws.entities.entities.createCustomPlace(placeName, point.lat, point.lon)).id });
    const locationId = ws.entities.entities.resolve('place', placeName, link, 'analyst');
    const input = EventInput.safeParse({
      date,
      timePrecision: Number(pick(props, 'timeprecision')) || 1,
      subEventType: sub,
      actor1: { entityId: actor(name1, type1), type: type1 },
      actor2: name2 ? { entityId: actor(name2, type2!), type: type2 } : null,
      associates1: list(pick(props, 'associates1')).map((n) => actor(n, type1)),
      associates2: list(pick(props, 'associates2')).map((n) => actor(n, type2 ?? 1)),
      civilianTargeting: pick(props, 'civiliantargeting') === true || /^(true|civilian targeting)$/i.test(String(pick(props, 'civiliantargeting') ?? '')),
      locationId,
      geoPrecision: Number(pick(props, 'geoprecision')) || 1,
      fatalities: Number(pick(props, 'fatalities')) || 0,
      source: pickText(props, 'source'),
      sourceScale: pickText(props, 'sourcescale'),
      notes: pickText(props, 'notes'),
      tags: list(pick(props, 'tags')),
    }, { error: plainIssue });
    if (!input.success) return skip(`${label}: ${plainIssues(input.error.issues).replace(/\n/g, '; ')}`);
    const evidence = quotesOf(props, label);
    const first = ws.events.create(input.data, evidence, false);
    if (first.event) {
      result.created++;
      return;
    }
    const duplicate = first.problems.find((p) => p.duplicateOf !== undefined);
    if (duplicate) {
      mergeQuotes(duplicate.duplicateOf!, evidence, label);
      result.matched++;
      return;
    }
    if (first.problems.some((p) => p.severity === 'error')) return skip(`${label}: ${first.problems.map((p) => p.message).join(' ')}`);
    // Warnings only (a date after the source's, a long list of fatalities): the file's coder accepted them.
    const saved = ws.events.create(input.data, evidence, true);
    if (saved.event) result.created++;
    else skip(`${label}: ${saved.problems.map((p) => p.message).join(' ')}`);
  }

  /**
   * The quotes of evidence our KML export writes on an event (evidence1, evidence2, …: “…” — title,
   * p. 2 (for the date and location)), each with its source beside it (evidence1Source: the
   * article's fingerprint and the span), which puts it back on the same words of the same text.
   * Without a source that holds the quote here (another tool's file, an edited article), the
   * article of this workspace with that title whose text holds the quote, at its first occurrence;
   * a quote with no such article is reported and left out.
   */
  function quotesOf(props: Json, label: string): EvidenceInput[] {
    const lines = Object.entries(props)
      .filter(([k, v]) => /^evidence\d+$/i.test(k) && typeof v === 'string')
      .sort(([a], [b]) => Number(a.slice(8)) - Number(b.slice(8)));
    const byTitle = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.title = ? ORDER BY a.id');
    return lines.flatMap(([key, value]) => {
      const line = value as string;
      const backs = / \(for the ([a-z0-9 ,]+)\)$/.exec(line);
      const cited = readCitedQuote(backs ? line.slice(0, backs.index) : line);
      if (!cited) return noArticle(line);
      const where = quoteAtSource(ws, pickText(props, `${key.toLowerCase()}source`), cited.quote) ?? searched(cited);
      if (!where) return noArticle(line);
      const fields = (backs?.[1] ?? '').split(/, | and /).map((w) => FIELD_OF_WORDS.get(w)).filter((f): f is EventField => f !== undefined);
      return (fields.length ? fields : (['eventType'] as EventField[])).map((field) => ({ field, articleId: where.articleId, start: where.start, end: where.start + cited.quote.length }));
    });

    function searched(cited: { quote: string; title: string; page: number | null }): { articleId: number; start: number } | null {
      const articles = [...byTitle.all(cited.title), ...(cited.page === null ? [] : byTitle.all(cited.title.replace(/, p\. \d+$/, '')))] as { id: number; body: string }[];
      const article = articles.find((a) => a.body.includes(cited.quote));
      return article ? { articleId: article.id, start: article.body.indexOf(cited.quote) } : null;
    }
    function noArticle(line: string): [] {
      note(`${label}: the quote “${line.slice(0, 80)}” has no article of this workspace to stand in; the event is kept without it.`);
      return [];
    }
  }

  function mergeQuotes(eventId: number, evidence: EvidenceInput[], label: string): void {
    for (const why of addMissingEvidence(ws, eventId, evidence).refused) note(`${label}: a quote was not added to the event here: ${why}`);
  }
}

/** The fields a quote backs, by the words our exports write for them ("date", "actor 1"). */
const FIELD_OF_WORDS = new Map(Object.entries(EVENT_FIELD_WORDS).map(([field, words]) => [words.toLowerCase(), field as EventField]));

/** Aliases, notes, a Wikidata QID and a GeoNames id from a feature's properties, in any of the usual spellings. */
function detailsOf(props: Json): EntityDetails {
  return {
    aliases: list(pick(props, 'aliases', 'alias', 'altlabel', 'alternatenames', 'altnames')),
    notes: pickText(props, 'notes', 'note', 'description', 'comment'),
    wikidata: qidIn(pickText(props, 'wikidata', 'wikidataid', 'qid', 'wikidataqid')),
    geonamesId: geonamesIn(pick(props, 'geonamesid', 'geonameid', 'geonames')),
  };
}
