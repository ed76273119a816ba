import type { FeatureCollection, Point } from 'geojson';
import { EVENT_STYLE, type BasemapLabels, type EventPoint, type MapPlace } from '../../electron/contract/index.js';

/**
 * Places that share one point (a province stored at its capital's coordinates, a town and its
 * district): one "spot" on the map, so that clustering by distance never leaves a "2" that no zoom
 * can split. The spot carries the most-mentioned place's id and name, and every id it holds.
 */
export interface Spot {
  lat: number;
  lon: number;
  places: MapPlace[];
}

export function spotsOf(places: MapPlace[]): Spot[] {
  const byPoint = new Map<string, Spot>();
  for (const p of places) {
    const key = `${p.lat},${p.lon}`;
    const spot = byPoint.get(key);
    if (spot) spot.places.push(p);
    else byPoint.set(key, { lat: p.lat, lon: p.lon, places: [p] });
  }
  const spots = [...byPoint.values()];
  for (const s of spots) if (s.places.length > 1) s.places.sort((a, b) => b.mentions - a.mentions || a.entityId - b.entityId);
  return spots;
}

/** How a spot is labelled: its best-known place, and how many more share the point. */
export function spotLabel(spot: Spot): string {
  const named = spot.places.find((p) => p.name)?.name ?? '';
  if (spot.places.length === 1 || !named) return named;
  return `${named} +${spot.places.length - 1}`;
}

export function spotsGeoJson(spots: Spot[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: spots.map((s) => ({
      type: 'Feature',
      id: s.places[0]!.entityId,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { entityId: s.places[0]!.entityId, name: spotLabel(s), mentions: s.places.reduce((n, p) => n + p.mentions, 0), count: s.places.length },
    })),
  };
}

export function eventsGeoJson(events: EventPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: events.map((e) => ({
      type: 'Feature',
      id: e.id,
      geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
      properties: { id: e.id, color: EVENT_STYLE[e.eventType]?.colour ?? '#334155', letter: EVENT_STYLE[e.eventType]?.letter ?? '?', precision: e.geoPrecision, fatalities: e.fatalities },
    })),
  };
}

/**
 * What the analyst has selected, drawn apart from the clustered layers and above them: the ringed
 * places (each once, at its spot), the events linked to the selection and the selected event.
 * A selection is never hidden in a cluster.
 */
export function selectionGeoJson(ringed: number[], placesById: Map<number, MapPlace>, selectedEvent: EventPoint | null, linkedEvents: EventPoint[] = []): FeatureCollection<Point> {
  const features: FeatureCollection<Point>['features'] = [];
  const seen = new Set<string>();
  for (const id of ringed) {
    const p = placesById.get(id);
    if (!p) continue;
    const key = `${p.lat},${p.lon}`;
    const first = !seen.has(key);
    seen.add(key);
    features.push({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { kind: 'place', entityId: id, name: first ? p.name : '' } });
  }
  const event = (e: EventPoint, kind: 'event' | 'linked'): FeatureCollection<Point>['features'][number] => {
    const style = EVENT_STYLE[e.eventType];
    return {
      type: 'Feature',
      id: -e.id,
      geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
      properties: { kind, id: e.id, color: style?.colour ?? '#334155', letter: style?.letter ?? '?', fatalities: e.fatalities },
    };
  };
  for (const e of linkedEvents) if (e.id !== selectedEvent?.id) features.push(event(e, 'linked'));
  if (selectedEvent) features.push(event(selectedEvent, 'event'));
  return { type: 'FeatureCollection', features };
}

/**
 * A city's tier decides from which zoom it is named: capitals and cities of a million first, then
 * 250,000, 100,000 and 50,000 people, as on a printed atlas.
 */
export function cityTier(population: number, capital: boolean): number {
  if (capital || population >= 1_000_000) return 0;
  if (population >= 250_000) return 1;
  if (population >= 100_000) return 2;
  return 3;
}

export function basemapGeoJson(labels: BasemapLabels): { countries: FeatureCollection<Point>; cities: FeatureCollection<Point> } {
  return {
    countries: {
      type: 'FeatureCollection',
      features: labels.countries.map(([name, lat, lon], rank) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { name, rank } })),
    },
    cities: {
      type: 'FeatureCollection',
      features: labels.cities.map(([name, lat, lon, population, capital], rank) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { name, rank, tier: cityTier(population, capital === 1) },
      })),
    },
  };
}
