import { wikidataId } from './safeText.js';
import { xml } from './xml.js';
import { eventFields } from '../../contract/events.js';
import type { ExportModel } from '../../../db/exportModel.js';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Places (placed entities) and events as one RFC 7946 FeatureCollection; events carry their date as `when`. */
export function toGeoJson(model: ExportModel): object {
  const placeFeatures = model.entities
    .filter((e) => e.type === 'place' && e.lat !== null && e.lon !== null)
    .map((e) => ({
      type: 'Feature',
      id: `place-${e.id}`,
      geometry: { type: 'Point', coordinates: [round(e.lon!), round(e.lat!)] },
      properties: {
        kind: 'place',
        entityId: e.id,
        name: e.name,
        aliases: e.aliases,
        gazetteer: e.placeLabel,
        geonamesId: e.geonamesId,
        wikidata: wikidataId(e.wikidata),
        ...(model.withSuggestions ? { status: e.status } : {}),
      },
    }));
  const eventFeatures = model.events
    .filter((e) => e.lat !== null && e.lon !== null)
    .map((e) => ({
      type: 'Feature',
      id: `event-${e.id}`,
      geometry: { type: 'Point', coordinates: [round(e.lon!), round(e.lat!)] },
      properties: {
        kind: 'event',
        eventId: e.id,
        when: e.date,
        ...eventFields(e),
        notes: e.notes,
      },
    }));
  return { type: 'FeatureCollection', features: [...placeFeatures, ...eventFeatures] };
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

/** KML 2.2: a folder of places and a folder of events, each event with its TimeStamp for Google Earth's time slider. */
export function toKml(model: ExportModel, title: string): string {
  const places = model.entities
    .filter((e) => e.type === 'place' && e.lat !== null && e.lon !== null)
    .map(
      (e) =>
        `<Placemark id="place-${e.id}"><name>${plain(e.name)}</name>${e.placeLabel ? `<description>${plain(e.placeLabel)}</description>` : ''}` +
        `${data({ entityId: e.id, geonamesId: e.geonamesId, wikidata: wikidataId(e.wikidata) })}<Point><coordinates>${round(e.lon!)},${round(e.lat!)}</coordinates></Point></Placemark>`,
    );
  const events = model.events
    .filter((e) => e.lat !== null && e.lon !== null)
    .map(
      (e) =>
        `<Placemark id="event-${e.id}"><name>${plain(`${e.date} ${e.subEventType}${e.location ? ` — ${e.location.name}` : ''}`)}</name>` +
        `<description>${plain([e.actor1?.name, e.actor2?.name].filter(Boolean).join(' vs. ') + (e.fatalities ? `; ${e.fatalities} fatalities` : ''))}</description>` +
        `<TimeStamp><when>${e.date}</when></TimeStamp>` +
        `${data({ eventId: e.id, eventType: e.eventType, subEventType: e.subEventType, actor1: e.actor1?.name, actor2: e.actor2?.name, geoPrecision: e.geoPrecision, timePrecision: e.timePrecision, fatalities: e.fatalities })}` +
        `<Point><coordinates>${round(e.lon!)},${round(e.lat!)}</coordinates></Point></Placemark>`,
    );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${plain(title)}</name>` +
    `<Folder><name>Places</name>${places.join('\n')}</Folder>\n<Folder><name>Events</name>${events.join('\n')}</Folder></Document></kml>\n`
  );
}
