import { citedQuote, citedTitle, quoteSources } from './citation.js';
import { EVENT_FIELD_WORDS } from '../../contract/fieldWords.js';
import { wikidataId } from './safeText.js';
import { xml } from './xml.js';
import { eventFields } from '../../contract/events.js';
import type { ExportEntity, ExportModel } from '../../../db/exportModel.js';
import type { EventRecord } from '../../contract/events.js';
import type { Tally } from './tally.js';
import type { Db } from '../../../db/open.js';
import { urnOf, type ExportIdentity } from './ids.js';
import { eventPeriod } from './period.js';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The shapes (GeoJSON geometries) of the custom places these entities are placed at, by entity id. */
export function placeShapes(db: Db, entityIds: number[]): Map<number, object> {
  const rows = db
    .prepare('SELECT e.id, c.shape FROM entity e JOIN custom_place c ON c.id = -e.place_id WHERE e.place_id < 0 AND c.shape IS NOT NULL AND e.id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(entityIds)) as { id: number; shape: string }[];
  return new Map(rows.map((r) => [r.id, JSON.parse(r.shape) as object]));
}

/**
 * Places (placed entities) and events as one RFC 7946 FeatureCollection. Each feature's id is the
 * record's own (the same on every export). Events carry their coded date as `when` and the period
 * it stands for as `start` and `end` (a date coded "within a month" is the whole month), which
 * QGIS's temporal controller and most GIS tools read as a time range.
 */
export function* geoJsonChunks(model: ExportModel, ids: ExportIdentity, shapes: Map<number, object>, tally: Tally): Generator<string> {
  const entities = new Map(model.entities.map((e) => [e.id, e]));
  const placeFeature = (e: ExportEntity) => ({
    type: 'Feature',
    id: urnOf(ids.uuid('entity', e.id)),
    geometry: { type: 'Point', coordinates: [round(e.lon!), round(e.lat!)] },
    properties: {
      kind: 'place',
      entityId: e.id,
      name: e.name,
      aliases: e.aliases,
      notes: e.notes,
      gazetteer: e.placeLabel,
      geonamesId: e.geonamesId,
      wikidata: wikidataId(e.wikidata),
      // A place brought in as a line or an area is offered at its centroid; its shape rides along.
      ...(shapes.has(e.id) ? { shape: shapes.get(e.id) } : {}),
      ...(model.withSuggestions ? { status: e.status } : {}),
    },
  });
  // Where the event's evidence is quoted from a paged document (a PDF report, a scan), the pages it
  // cites ("Quarterly update, p. 2"), as the report does; events from unpaged articles carry no such property.
  const evidencePages = (e: EventRecord) => {
    const cited = new Set<string>();
    for (const x of e.evidence) {
      const page = model.pageOf(x.articleId, x.start);
      if (page !== null) cited.add(citedTitle(x.articleTitle, page));
    }
    return cited.size ? { evidencePages: [...cited] } : {};
  };
  const eventFeature = (e: EventRecord) => {
    const period = eventPeriod(e.date, e.timePrecision);
    const location = e.location ? entities.get(e.location.entityId) : undefined;
    return {
      type: 'Feature',
      id: urnOf(ids.uuid('event', e.id)),
      geometry: { type: 'Point', coordinates: [round(e.lon!), round(e.lat!)] },
      properties: {
        kind: 'event',
        eventId: e.id,
        when: e.date,
        start: period.start,
        end: period.end,
        datePrecision: period.precision,
        ...eventFields(e),
        // What the event's own re-import needs to code it again as it was.
        actor1Type: e.actor1?.type ?? null,
        actor2Type: e.actor2?.type ?? null,
        associates1: e.associates1.map((a) => a.name),
        associates2: e.associates2.map((a) => a.name),
        civilianTargeting: e.civilianTargeting,
        locationGeonamesId: location?.geonamesId ?? null,
        source: e.source,
        sourceScale: e.sourceScale,
        tags: e.tags,
        notes: e.notes,
        ...evidencePages(e),
      },
    };
  };
  // The same bytes JSON.stringify would give for the whole collection, one feature at a time.
  yield '{"type":"FeatureCollection","features":[';
  for (const e of model.entities) {
    if (e.type === 'place' && e.lat !== null && e.lon !== null) yield (tally.records++ ? ',' : '') + JSON.stringify(placeFeature(e));
  }
  for (const e of model.events) {
    if (e.lat !== null && e.lon !== null) yield (tally.records++ ? ',' : '') + JSON.stringify(eventFeature(e));
  }
  yield ']}';
}

/**
 * Google Earth shows a placemark's name, description and data table as HTML in its balloon, after
 * the XML is decoded: XML-escaping alone would let "<img onerror=…>" in a name run there. So they
 * carry plain text: "&", "<" and ">" escaped for HTML, then the whole escaped for XML; no tag can form.
 */
const plain = (s: string | number | null | undefined) => xml(String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));

const data = (fields: Record<string, string | number | null | undefined>) =>
  `<ExtendedData>${Object.entries(fields)
    .map(([k, v]) => `<Data name="${xml(k)}"><value>${plain(v)}</value></Data>`)
    .join('')}</ExtendedData>`;

/** A day as a TimeStamp; a date coded within a week or a month as the TimeSpan of that week or month, so the time slider shows it over the whole period. */
function kmlTime(date: string, timePrecision: number): string {
  const p = eventPeriod(date, timePrecision);
  return p.precision === 'day' ? `<TimeStamp><when>${p.start}</when></TimeStamp>` : `<TimeSpan><begin>${p.start}</begin><end>${p.end}</end></TimeSpan>`;
}

/**
 * An event's quotes of evidence, one per span of text, each cited with its article's title (and
 * page, in a PDF or scan) and the fields it backs, as the analyst reads them and an import reads
 * them back: “…” — Quarterly update, p. 2 (for the date and location).
 */
export function kmlEvidence(e: EventRecord, pageOf: ExportModel['pageOf']): { cited: string; x: EventRecord['evidence'][number] }[] {
  const spans = new Map<string, { x: EventRecord['evidence'][number]; fields: string[] }>();
  for (const x of e.evidence) {
    const key = `${x.articleId}:${x.start}:${x.end}`;
    (spans.get(key) ?? spans.set(key, { x, fields: [] }).get(key)!).fields.push(EVENT_FIELD_WORDS[x.field].toLowerCase());
  }
  return [...spans.values()].map(({ x, fields }) => ({ cited: `${citedQuote(x.quote, x.articleTitle, pageOf(x.articleId, x.start))} (for the ${wordList(fields)})`, x }));
}
const wordList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/**
 * Why a place is on the map: each article that names it, with the words around its first mention
 * there (“…fighting broke out near Taloqan, the capital…” — Title, p. 2), up to ten articles.
 */
function namedIn(model: ExportModel): Map<number, string[]> {
  const titles = new Map(model.articles.map((a) => [a.id, a.title]));
  const seen = new Set<string>();
  const lines = new Map<number, string[]>();
  for (const m of model.mentions) {
    if (!m.entityId || m.status !== 'accepted' || seen.has(`${m.entityId}:${m.articleId}`) || !titles.has(m.articleId)) continue;
    seen.add(`${m.entityId}:${m.articleId}`);
    const said = (lines.get(m.entityId) ?? lines.set(m.entityId, []).get(m.entityId)!);
    if (said.length === 10) continue;
    // The context is cut at a fixed length: from the first whole word to the last.
    const words = `…${m.prefix.replace(/^\S*\s+/, '')}${m.quote}${m.suffix.replace(/\s+\S*$/, '')}…`.replace(/\s+/g, ' ');
    said.push(citedQuote(words, titles.get(m.articleId)!, model.pageOf(m.articleId, m.start)));
  }
  return lines;
}

/**
 * KML 2.2: a folder of places and a folder of events, each event with its TimeStamp for Google
 * Earth's time slider. An event's balloon quotes its evidence under the actors, and each quote is
 * also a field of its own (evidence1, evidence2, …: GDAL and QGIS read them as columns); a place
 * says which articles name it (namedIn).
 */
export function* kmlChunks(model: ExportModel, title: string, ids: ExportIdentity): Generator<string> {
  const entities = new Map(model.entities.map((e) => [e.id, e]));
  const named = namedIn(model);
  // Each quote's article and span beside it (evidence1Source, …), so an import finds the same words
  // even where two articles share a title or the quote occurs twice; the cited line stays the fallback.
  const sourceOf = quoteSources(model);
  const place = (e: ExportEntity) =>
    `<Placemark id="${ids.uuid('entity', e.id)}"><name>${plain(e.name)}</name>${e.placeLabel ? `<description>${plain(e.placeLabel)}</description>` : ''}` +
    `${data({ kind: 'place', entityId: e.id, geonamesId: e.geonamesId, wikidata: wikidataId(e.wikidata), aliases: e.aliases.join('; '), notes: e.notes, ...(named.has(e.id) ? { namedIn: named.get(e.id)!.join('\n') } : {}) })}<Point><coordinates>${round(e.lon!)},${round(e.lat!)}</coordinates></Point></Placemark>`;
  const event = (e: EventRecord) => {
    const evidence = kmlEvidence(e, model.pageOf);
    const quotes = evidence.map((q) => q.cited);
    const sources = evidence.map((q) => sourceOf(q.x));
    const sides = [e.actor1?.name, e.actor2?.name].filter(Boolean).join(' vs. ') + (e.fatalities ? `; ${e.fatalities} fatalities` : '');
    return (
      `<Placemark id="${ids.uuid('event', e.id)}"><name>${plain(`${e.date} ${e.subEventType}${e.location ? ` — ${e.location.name}` : ''}`)}</name>` +
      // Plain lines: Google Earth shows a description without markup with its line breaks.
      `<description>${plain([sides, ...(quotes.length ? ['', ...quotes] : [])].join('\n'))}</description>` +
      kmlTime(e.date, e.timePrecision) +
      `${data({ kind: 'event', eventId: e.id, when: e.date, eventType: e.eventType, subEventType: e.subEventType, actor1: e.actor1?.name, actor1Type: e.actor1?.type, actor2: e.actor2?.name, actor2Type: e.actor2?.type, location: e.location?.name, locationGeonamesId: e.location ? entities.get(e.location.entityId)?.geonamesId : null, geoPrecision: e.geoPrecision, timePrecision: e.timePrecision, fatalities: e.fatalities, civilianTargeting: e.civilianTargeting ? 'true' : 'false', notes: e.notes, ...Object.fromEntries(quotes.flatMap((q, n) => [[`evidence${n + 1}`, q], ...(sources[n] ? [[`evidence${n + 1}Source`, sources[n]]] : [])])) })}` +
      `<Point><coordinates>${round(e.lon!)},${round(e.lat!)}</coordinates></Point></Placemark>`
    );
  };
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${plain(title)}</name><Folder><name>Places</name>`;
  let first = true;
  for (const e of model.entities) {
    if (e.type !== 'place' || e.lat === null || e.lon === null) continue;
    yield (first ? '' : '\n') + place(e);
    first = false;
  }
  yield '</Folder>\n<Folder><name>Events</name>';
  first = true;
  for (const e of model.events) {
    if (e.lat === null || e.lon === null) continue;
    yield (first ? '' : '\n') + event(e);
    first = false;
  }
  yield '</Folder></Document></kml>\n';
}
