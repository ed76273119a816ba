import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { borders, countries } from './basemap.js';

const empty = { type: 'FeatureCollection' as const, features: [] };

/** The basemap's town dot: an image the map asks for by this name (see cityDot). */
export const CITY_DOT = 'city-dot';

/** A grey dot of `size` pixels, drawn here rather than loaded: the map fetches nothing. */
export function cityDot(size = 7): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const at = (y * size + x) * 4;
      const inside = d <= c - 1 ? 1 : d <= c ? c - d : 0;
      const rim = d > c - 1.6 && d <= c;
      data.set(rim ? [255, 255, 255, Math.round(255 * Math.max(inside, 0.6))] : [122, 133, 146, Math.round(255 * inside)], at);
    }
  }
  return { width: size, height: size, data };
}

/** Spots closer than this many pixels form a cluster, at every zoom up to CLUSTER_MAX_ZOOM. */
export const CLUSTER_RADIUS = 40;
/** Beyond this zoom (streets) every spot is drawn alone: spots are distinct points by construction. */
export const CLUSTER_MAX_ZOOM = 14;
/**
 * Events cluster only where this many crowd within CLUSTER_RADIUS: a few events are each drawn
 * alone, with their type's letter, while 100,000 drawn alone (each with its precision ring and
 * letter) took 13-34 s per zoom step in software WebGL, against about 1 s without them.
 */
export const EVENT_CLUSTER_MIN_POINTS = 25;

/** Layers the analyst clicks, and the selection's own layers (read back by tests). */
export const LAYERS = {
  clusters: 'place-clusters',
  places: 'place-points',
  events: 'event-points',
  eventClusters: 'event-clusters',
  ringedPlaces: 'selection-place-rings',
  linkedEvents: 'selection-linked-events',
  selectedEvent: 'selection-event',
} as const;

const placeCount: ExpressionSpecification = ['get', 'places'];
const eventCount: ExpressionSpecification = ['get', 'point_count'];
const alone: ExpressionSpecification = ['!', ['has', 'point_count']];
/** 12,345 → "12k": a count fits its disc. */
const countText = (count: ExpressionSpecification): ExpressionSpecification => ['case', ['>=', count, 10_000], ['concat', ['to-string', ['round', ['/', count, 1000]]], 'k'], ['to-string', count]];
// Grows with the log of the places it holds, its diameter near the cluster radius so that
// neighbouring discs hardly overlap (the overlapping discs at 1,500 articles were sized by mentions).
const clusterRadius: ExpressionSpecification = ['interpolate', ['linear'], ['ln', placeCount], 0.69, 11, 2.3, 13, 4.6, 16, 6.9, 18, 11.5, 21];
const eventClusterRadius: ExpressionSpecification = ['interpolate', ['linear'], ['ln', eventCount], 3.2, 13, 6.9, 17, 11.5, 21];
const placeRadius: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', ['get', 'mentions']], 1, 5, 10, 11, 40, 15];
const eventRadius: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', ['get', 'fatalities']], 0, 7, 10, 18];
const font = ['Noto Sans'];
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 };

/**
 * The map's style, drawn bottom to top: sea, land and borders; basemap names (GeoNames countries
 * and cities); the workspace's places, clustered by distance; events, each drawn alone unless many
 * crowd together; cluster counts above events so none is hidden; place names; and last the selection,
 * outside clustering.
 * Labels use the bundled Noto Sans web font (no glyphs URL): nothing is fetched from anywhere.
 * Symbol layers higher up are placed first, so the workspace's names win over the basemap's.
 */
export function mapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries },
      borders: { type: 'geojson', data: borders },
      'basemap-countries': { type: 'geojson', data: empty },
      'basemap-cities': { type: 'geojson', data: empty },
      events: {
        type: 'geojson',
        data: empty,
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterMinPoints: EVENT_CLUSTER_MIN_POINTS,
      },
      places: {
        type: 'geojson',
        data: empty,
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterProperties: { mentions: ['+', ['get', 'mentions']], places: ['+', ['get', 'count']] },
      },
      selection: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dce8f2' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f3ee', 'fill-outline-color': '#9aa5b1' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#9aa5b1', 'line-width': 0.8 } },
      {
        // Capitals and big cities first, smaller towns as the analyst zooms in (a zoom-dependent
        // filter); the dot is the label's icon, so a town is dotted only where it is also named.
        id: 'basemap-cities',
        type: 'symbol',
        source: 'basemap-cities',
        minzoom: 2,
        filter: ['<=', ['get', 'tier'], ['step', ['zoom'], 0, 5, 1, 6.5, 2, 8, 3]],
        layout: {
          'icon-image': CITY_DOT,
          'text-field': ['get', 'name'],
          'text-font': font,
          'text-size': ['match', ['get', 'tier'], 0, 12, 11],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.45,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': '#5b6573', ...halo },
      },
      {
        id: 'basemap-country-labels',
        type: 'symbol',
        source: 'basemap-countries',
        maxzoom: 7,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': font,
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 6, 15],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.08,
          'text-max-width': 7,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': '#7b8794', ...halo },
      },
      {
        // The ring shows geo precision: tight for the place itself, wide for a region.
        id: 'event-precision',
        type: 'circle',
        source: 'events',
        filter: alone,
        paint: {
          'circle-color': ['get', 'color'],
          'circle-opacity': 0.12,
          'circle-stroke-color': ['get', 'color'],
          'circle-stroke-opacity': 0.5,
          'circle-stroke-width': 1,
          'circle-radius': ['match', ['get', 'precision'], 1, 12, 2, 22, 34],
        },
      },
      {
        id: LAYERS.clusters,
        type: 'circle',
        source: 'places',
        filter: ['has', 'point_count'],
        paint: { 'circle-color': '#2f6fde', 'circle-opacity': 0.8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5, 'circle-radius': clusterRadius },
      },
      {
        id: LAYERS.places,
        type: 'circle',
        source: 'places',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': '#d9480f',
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          // A spot holding several places has a thicker rim (and "+N" in its name).
          'circle-stroke-width': ['case', ['>', ['get', 'count'], 1], 2.5, 1],
          'circle-radius': placeRadius,
        },
      },
      {
        id: LAYERS.eventClusters,
        type: 'circle',
        source: 'events',
        filter: ['has', 'point_count'],
        paint: { 'circle-color': '#475569', 'circle-opacity': 0.85, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5, 'circle-radius': eventClusterRadius },
      },
      {
        id: LAYERS.events,
        type: 'circle',
        source: 'events',
        filter: alone,
        paint: {
          'circle-color': ['get', 'color'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
          'circle-radius': eventRadius,
        },
      },
      {
        id: 'event-letters',
        type: 'symbol',
        source: 'events',
        filter: alone,
        layout: { 'text-field': ['get', 'letter'], 'text-font': font, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff' },
      },
      {
        // Above the events: a count is never covered by an event symbol.
        id: 'cluster-count',
        type: 'symbol',
        source: 'places',
        filter: ['has', 'point_count'],
        layout: {
          'text-field': countText(placeCount),
          'text-font': font,
          'text-size': 12,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#ffffff', 'text-halo-color': '#1e4fa8', 'text-halo-width': 1 },
      },
      {
        id: 'event-cluster-count',
        type: 'symbol',
        source: 'events',
        filter: ['has', 'point_count'],
        layout: { 'text-field': countText(eventCount), 'text-font': font, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff', 'text-halo-color': '#1f2933', 'text-halo-width': 1 },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['!', ['has', 'point_count']],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': font,
          'text-size': 12,
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
          'symbol-sort-key': ['-', 0, ['get', 'mentions']],
        },
        paint: { 'text-color': '#1f2933', ...halo },
      },
      {
        id: LAYERS.ringedPlaces,
        type: 'circle',
        source: 'selection',
        filter: ['==', ['get', 'kind'], 'place'],
        paint: { 'circle-radius': 9, 'circle-color': '#d9480f', 'circle-stroke-color': '#1d2b3a', 'circle-stroke-width': 3.5 },
      },
      {
        id: LAYERS.linkedEvents,
        type: 'circle',
        source: 'selection',
        filter: ['==', ['get', 'kind'], 'linked'],
        paint: { 'circle-radius': eventRadius, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#f97316', 'circle-stroke-width': 3 },
      },
      {
        id: LAYERS.selectedEvent,
        type: 'circle',
        source: 'selection',
        filter: ['==', ['get', 'kind'], 'event'],
        paint: { 'circle-radius': eventRadius, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#facc15', 'circle-stroke-width': 4 },
      },
      {
        id: 'selection-labels',
        type: 'symbol',
        source: 'selection',
        layout: {
          'text-field': ['case', ['!=', ['get', 'kind'], 'place'], ['get', 'letter'], ['get', 'name']],
          'text-font': font,
          'text-size': 12,
          'text-offset': ['case', ['!=', ['get', 'kind'], 'place'], ['literal', [0, 0]], ['literal', [0, 1.2]]],
          'text-anchor': ['case', ['!=', ['get', 'kind'], 'place'], 'center', 'top'],
          'text-allow-overlap': true,
        },
        paint: {
          'text-color': ['case', ['!=', ['get', 'kind'], 'place'], '#ffffff', '#1d2b3a'],
          'text-halo-color': ['case', ['!=', ['get', 'kind'], 'place'], 'rgba(0,0,0,0)', '#ffffff'],
          'text-halo-width': 1.5,
        },
      },
    ],
  };
}
