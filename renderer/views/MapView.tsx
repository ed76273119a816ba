import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import { registerMapSnapshot } from './mapSnapshot.js';
import { EVENT_STYLE, type EventPoint, type MapPlace } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { borders, countries } from './basemap.js';

maplibregl.setWorkerUrl(workerUrl);



const eventsGeoJson = (events: EventPoint[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: events.map((e) => ({
      type: 'Feature',
      id: e.id,
      geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
      properties: { id: e.id, color: EVENT_STYLE[e.eventType]?.colour ?? '#334155', letter: EVENT_STYLE[e.eventType]?.letter ?? '?', precision: e.geoPrecision, fatalities: e.fatalities },
    })),
});

interface Props {
  events: EventPoint[];
  selectedEventId: number | null;
  /** Events tied to the current selection (its actors' or place's events, an article's events): outlined. */
  linkedEventIds: number[];
  onEventClick: (id: number) => void;
  places: MapPlace[];
  /** Places of the selected or open articles: drawn with a ring. */
  highlighted: number[];
  inView: boolean;
  picking: boolean;
  onPlaceClick: (place: MapPlace) => void;
  onShowArticles: (place: MapPlace) => void;
  onBounds: (bbox: [number, number, number, number]) => void;
  onPick: (lat: number, lon: number) => void;
}

const toGeoJson = (places: MapPlace[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: places.map((p) => ({ type: 'Feature', id: p.entityId, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { ...p } })),
});

/**
 * The map: a Natural Earth basemap and the workspace's places from inline GeoJSON, labels drawn
 * with the bundled Noto Sans web font (no glyphs URL): nothing is fetched from anywhere.
 */
export function MapView({ events, selectedEventId, linkedEventIds, onEventClick, places, highlighted, inView, picking, onPlaceClick, onShowArticles, onBounds, onPick }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const handlers = useRef({ onPlaceClick, onShowArticles, onBounds, onPick, onEventClick, picking, places });
  useEffect(() => {
    handlers.current = { onPlaceClick, onShowArticles, onBounds, onPick, onEventClick, picking, places };
  });

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      attributionControl: false,
      center: [66, 34],
      zoom: 4,
      style: {
        version: 8,
        sources: {
          countries: { type: 'geojson', data: countries },
          borders: { type: 'geojson', data: borders },
          events: { type: 'geojson', data: eventsGeoJson([]) },
          places: { type: 'geojson', data: toGeoJson([]), cluster: true, clusterRadius: 40, clusterMaxZoom: 9, clusterProperties: { mentions: ['+', ['get', 'mentions']] } },
        },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': '#dce8f2' } },
          { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f3ee', 'fill-outline-color': '#9aa5b1' } },
          { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#9aa5b1', 'line-width': 0.8 } },
          {
            id: 'clusters',
            type: 'circle',
            source: 'places',
            filter: ['has', 'point_count'],
            paint: { 'circle-color': '#2f6fde', 'circle-opacity': 0.75, 'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'mentions']], 1, 12, 30, 34] },
          },
          { id: 'cluster-count', type: 'symbol', source: 'places', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans'], 'text-size': 12 }, paint: { 'text-color': '#fff' } },
          {
            id: 'place-points',
            type: 'circle',
            source: 'places',
            filter: ['!', ['has', 'point_count']],
            paint: {
              'circle-color': '#d9480f',
              'circle-opacity': 0.8,
              'circle-stroke-color': '#fff',
              'circle-stroke-width': 1,
              'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'mentions']], 1, 5, 10, 18],
            },
          },
          {
            id: 'place-highlight',
            type: 'circle',
            source: 'places',
            filter: ['in', ['get', 'entityId'], ['literal', []]],
            paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#1d2b3a', 'circle-stroke-width': 3, 'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'mentions']], 1, 9, 10, 22] },
          },
          {
            // The ring shows geo precision: tight for the place itself, wide for a region.
            id: 'event-precision',
            type: 'circle',
            source: 'events',
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
            id: 'event-points',
            type: 'circle',
            source: 'events',
            paint: {
              'circle-color': ['get', 'color'],
              'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#facc15', ['boolean', ['feature-state', 'linked'], false], '#f97316', '#ffffff'],
              'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, ['boolean', ['feature-state', 'linked'], false], 3, 1.5],
              'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'fatalities']], 0, 7, 10, 20],
            },
          },
          {
            id: 'event-letters',
            type: 'symbol',
            source: 'events',
            layout: { 'text-field': ['get', 'letter'], 'text-font': ['Noto Sans'], 'text-size': 11, 'text-allow-overlap': true },
            paint: { 'text-color': '#ffffff' },
          },
          {
            id: 'place-labels',
            type: 'symbol',
            source: 'places',
            filter: ['!', ['has', 'point_count']],
            layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans'], 'text-size': 12, 'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-optional': true },
            paint: { 'text-color': '#1f2933', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
          },
        ],
      },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      if (container.current) container.current.dataset.view = `${map.getCenter().lng},${map.getCenter().lat},${map.getZoom()}`;
      setReady(true);
    });
    // For the benchmark and tests: how many places the map had drawn when it last went idle.
    map.on('idle', () => {
      if (container.current) container.current.dataset.idlePlaces = String(handlers.current.places.length);
    });
    map.on('moveend', () => {
      const b = map.getBounds();
      // The view, readable by tests that click a point on the map.
      if (container.current) container.current.dataset.view = `${map.getCenter().lng},${map.getCenter().lat},${map.getZoom()}`;
      handlers.current.onBounds([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    });
    map.on('click', 'clusters', (e) => {
      const f = e.features?.[0];
      if (!f) return;
      void (map.getSource('places') as maplibregl.GeoJSONSource).getClusterExpansionZoom(f.properties.cluster_id as number).then((zoom) =>
        map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom }),
      );
    });
    map.on('click', 'place-points', async (e) => {
      const id = e.features?.[0]?.properties.entityId as number | undefined;
      const found = handlers.current.places.find((p) => p.entityId === id);
      if (!found) return;
      // Only the most-mentioned places come with a name; the others are named on click.
      const place = found.name ? found : { ...found, name: (await call('entities.get', { id: found.entityId })).name };
      handlers.current.onPlaceClick(place);
      const box = document.createElement('div');
      box.className = 'map-popup';
      const title = document.createElement('strong');
      title.textContent = place.name;
      const counts = document.createElement('div');
      counts.textContent = `${place.mentions} ${place.mentions === 1 ? 'mention' : 'mentions'}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Show these articles';
      button.onclick = () => handlers.current.onShowArticles(place);
      box.append(title, counts, button);
      new maplibregl.Popup({ closeButton: true }).setLngLat([place.lon, place.lat]).setDOMContent(box).addTo(map);
    });
    map.on('click', 'event-points', (e) => {
      const id = e.features?.[0]?.properties.id as number | undefined;
      if (id !== undefined) handlers.current.onEventClick(id);
    });
    map.on('click', (e) => {
      if (handlers.current.picking) handlers.current.onPick(e.lngLat.lat, e.lngLat.lng);
    });
    for (const layer of ['clusters', 'place-points', 'event-points']) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    (mapRef.current!.getSource('places') as maplibregl.GeoJSONSource).setData(toGeoJson(places));
  }, [places, ready]);

  useEffect(() => {
    if (!ready) return;
    (mapRef.current!.getSource('events') as maplibregl.GeoJSONSource).setData(eventsGeoJson(events));
    if (container.current) container.current.dataset.events = String(events.length);
  }, [events, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.removeFeatureState({ source: 'events' });
    for (const id of linkedEventIds) map.setFeatureState({ source: 'events', id }, { linked: true });
    if (selectedEventId !== null) map.setFeatureState({ source: 'events', id: selectedEventId }, { selected: true });
    if (container.current) {
      container.current.dataset.selectedEvent = selectedEventId === null ? '' : String(selectedEventId);
      container.current.dataset.linkedEvents = linkedEventIds.join(',');
    }
  }, [selectedEventId, linkedEventIds, events, ready]);

  useEffect(() => {
    if (!ready) return;
    mapRef.current!.setFilter('place-highlight', ['all', ['!', ['has', 'point_count']], ['in', ['get', 'entityId'], ['literal', highlighted]]]);
    if (container.current) container.current.dataset.ringed = highlighted.join(',');
  }, [highlighted, ready]);

  useEffect(() => {
    if (mapRef.current) mapRef.current.getCanvas().style.cursor = picking ? 'crosshair' : '';
  }, [picking]);

  // The report's map: the canvas is read in the frame it was drawn, before WebGL clears it.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    return registerMapSnapshot(
      () =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), 3000);
          map.once('render', () => {
            clearTimeout(timer);
            resolve(map.getCanvas().toDataURL('image/png'));
          });
          map.triggerRepaint();
        }),
    );
  }, [ready]);

  return (
    <div className="map-view" data-testid="map" data-ready={ready} data-in-view={inView}>
      <div ref={container} className="map-canvas" />
      {picking && <div className="map-hint">Click the map to place it</div>}
    </div>
  );
}
