import type { Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { clickCluster } from './clusterClick.js';
import { registerMapSnapshot, reportPicture } from './mapSnapshot.js';
import type { EventPoint, MapPlace } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import { MapLegend } from '../components/MapLegend.js';
import { basemapGeoJson, eventsGeoJson, selectionGeoJson, spotsGeoJson, spotsOf } from './mapData.js';
import { CITY_DOT, CLUSTER_MAX_ZOOM, cityDot, LAYERS, mapStyle } from './mapStyle.js';

/** Events linked to the selection drawn on their own, above the clusters (see linkedEvents below). */
const LINKED_EVENTS_DRAWN = 5_000;
/** Events listed for a crowd at one spot, the last coded; "Show all" puts every one in the tables. */
const EVENTS_LISTED = 20;

maplibregl.setWorkerUrl(workerUrl);

interface Props {
  events: EventPoint[];
  selectedEventId: number | null;
  /** Events tied to the current selection (its actors' or place's events, an article's events): drawn above the clusters, outlined. */
  linkedEventIds: number[];
  onEventClick: (id: number) => void;
  /** "Show all in the tables" for a crowd of events at one spot: the box [west, south, east, north] that holds them. */
  onShowSpot: (bbox: [number, number, number, number]) => void;
  places: MapPlace[];
  /** Whether nationality adjectives ("Russian forces") count as mentions of their country, and its switch. */
  adjectives: boolean;
  onAdjectives: (on: boolean) => void;
  /** Places of the selected or open articles: drawn with a ring, above any cluster. */
  highlighted: number[];
  /** The tables' filters narrow what the map shows (said in the legend). */
  filtered: boolean;
  inView: boolean;
  picking: boolean;
  onPlaceClick: (place: MapPlace) => void;
  onShowArticles: (place: MapPlace) => void;
  onBounds: (bbox: [number, number, number, number]) => void;
  onPick: (lat: number, lon: number) => void;
}

/** A popup's choices: a heading and a link button for each. */
function pickList(heading: string, choices: { label: string; pick: () => void }[]): HTMLElement[] {
  const title = document.createElement('strong');
  title.textContent = heading;
  const items = document.createElement('ul');
  items.className = 'plain';
  for (const { label, pick } of choices) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = label;
    button.onclick = pick;
    item.append(button);
    items.append(item);
  }
  return [title, items];
}

/** Only the most-mentioned places come with a name; the others are named when the analyst asks. */
async function named(place: MapPlace): Promise<MapPlace> {
  return place.name ? place : { ...place, name: (await call('entities.get', { id: place.entityId })).name };
}

/**
 * The map: a Natural Earth basemap with GeoNames names, the workspace's places clustered by
 * distance in pixels, coded events, and the selection drawn above everything (see mapStyle.ts).
 */
export function MapView({ events, selectedEventId, linkedEventIds, onEventClick, onShowSpot, places, adjectives, onAdjectives, highlighted, filtered, inView, picking, onPlaceClick, onShowArticles, onBounds, onPick }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [labelsError, setLabelsError] = useState<string | null>(null);
  const spots = useMemo(() => spotsOf(places), [places]);
  const placesById = useMemo(() => new Map(places.map((p) => [p.entityId, p])), [places]);
  const spotById = useMemo(() => new Map(spots.map((s) => [s.places[0]!.entityId, s])), [spots]);
  const ringed = useMemo(() => highlighted.filter((id) => placesById.has(id)), [highlighted, placesById]);
  // How often each clustered source was given new data: a cluster's id is good for one version (see clusterClick.ts).
  const dataVersions = useRef({ places: 0, events: 0 });
  const handlers = useRef({ onPlaceClick, onShowArticles, onBounds, onPick, onEventClick, onShowSpot, picking, places, spotById, ringed, selectedEventId });
  useEffect(() => {
    handlers.current = { onPlaceClick, onShowArticles, onBounds, onPick, onEventClick, onShowSpot, picking, places, spotById, ringed, selectedEventId };
  });

  useEffect(() => {
    const map = new maplibregl.Map({ container: container.current!, attributionControl: false, center: [66, 34], zoom: 4, style: mapStyle() });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // MapLibre 6 waits for the resolver before it draws the tiles that asked; an image added from the
    // "styleimagemissing" event came too late for them, so the first tiles had no town dots.
    map.setMissingStyleImageResolver((id) => {
      if (id === CITY_DOT && !map.hasImage(CITY_DOT)) map.addImage(CITY_DOT, cityDot());
      return Promise.resolve();
    });
    map.on('load', () => {
      if (container.current) container.current.dataset.view = `${map.getCenter().lng},${map.getCenter().lat},${map.getZoom()}`;
      setReady(true);
      void call('map.basemap', {}).then(
        (labels) => {
          const { countries, cities } = basemapGeoJson(labels);
          (map.getSource('basemap-countries') as maplibregl.GeoJSONSource | undefined)?.setData(countries);
          (map.getSource('basemap-cities') as maplibregl.GeoJSONSource | undefined)?.setData(cities);
        },
        // Refused after the map was taken down (the workspace was locked meanwhile): nothing to say.
        (error: Error) => mapRef.current === map && setLabelsError(error.message),
      );
    });
    // For the benchmark: how many places the map held when it last went idle, and how often it has.
    let idles = 0;
    map.on('idle', () => {
      if (!container.current) return;
      container.current.dataset.idlePlaces = String(handlers.current.places.length);
      container.current.dataset.idles = String(++idles);
    });
    // For tests: what is on screen, selection included, once the drawing settles.
    let settle: ReturnType<typeof setTimeout> | undefined;
    const describeDrawn = () => {
      const el = container.current;
      if (!el) return;
      const { ringed: ids, selectedEventId: eventId } = handlers.current;
      const ringedIds = map.queryRenderedFeatures({ layers: [LAYERS.ringedPlaces] }).map((f) => f.properties.entityId as number);
      // Which ringed places are drawn alone (outside any cluster): only those are looked up.
      const loose = ids.length ? map.queryRenderedFeatures({ layers: [LAYERS.places], filter: ['in', ['get', 'entityId'], ['literal', ids]] }).map((f) => f.properties.entityId as number) : [];
      const sorted = (list: number[]) => [...new Set(list)].sort((a, b) => a - b);
      el.dataset.drawn = JSON.stringify({
        clusters: map.queryRenderedFeatures({ layers: [LAYERS.clusters] }).length,
        eventClusters: map.queryRenderedFeatures({ layers: [LAYERS.eventClusters] }).length,
        events: map.queryRenderedFeatures({ layers: [LAYERS.events] }).length,
        linkedEvents: map.queryRenderedFeatures({ layers: [LAYERS.linkedEvents] }).length,
        ringed: sorted(ringedIds),
        loose: sorted(loose),
        selectedEvent: eventId !== null && map.queryRenderedFeatures({ layers: [LAYERS.selectedEvent] }).some((f) => f.properties.id === eventId) ? eventId : null,
      });
    };
    map.on('render', () => {
      clearTimeout(settle);
      settle = setTimeout(describeDrawn, 200);
    });
    map.on('idle', describeDrawn);
    // Whether the view is still changing: a test reads the view to click a point, and under load a
    // wheel's zoom can still be easing when the last view was written.
    map.on('movestart', () => {
      if (container.current) container.current.dataset.moving = 'true';
    });
    map.on('moveend', () => {
      const b = map.getBounds();
      // The view, readable by tests that click a point on the map.
      if (container.current) {
        container.current.dataset.view = `${map.getCenter().lng},${map.getCenter().lat},${map.getZoom()}`;
        container.current.dataset.moving = 'false';
      }
      handlers.current.onBounds([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    });
    // Events are drawn above places and clusters, and a click on one is for the event alone.
    const onEvent = (point: maplibregl.PointLike) => map.queryRenderedFeatures(point, { layers: [LAYERS.events, LAYERS.eventClusters] }).length > 0;
    // A click on a cluster zooms to where it parts.
    const partsAt = (source: maplibregl.GeoJSONSource, f: maplibregl.MapGeoJSONFeature) => source.getClusterExpansionZoom(f.properties.cluster_id as number);
    const zoomInto = (f: maplibregl.MapGeoJSONFeature, zoom: number) => map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom });
    const version = (source: 'places' | 'events') => () => dataVersions.current[source];
    map.on('click', LAYERS.clusters, (e) => {
      if (onEvent(e.point)) return;
      clickCluster(map, 'places', LAYERS.clusters, version('places'), e.point, async (f, current) => {
        const zoom = await partsAt(map.getSource('places') as maplibregl.GeoJSONSource, f);
        if (!current()) return false;
        zoomInto(f, zoom);
        return true;
      });
    });
    // Events that never part (coded at one spot, which is common: a town's every clash) are listed
    // instead: zooming to street level would only stack them.
    const showEvents = async (source: maplibregl.GeoJSONSource, f: maplibregl.MapGeoJSONFeature, current: () => boolean): Promise<boolean> => {
      const at = (f.geometry as Point).coordinates as [number, number];
      const count = f.properties.point_count as number;
      const leaves = await source.getClusterLeaves(f.properties.cluster_id as number, count, 0);
      if (!current()) return false;
      // The last coded first: leaves come in no useful order.
      const ids = leaves.map((l) => l.properties!.id as number).sort((a, b) => b - a);
      const points = leaves.map((l) => (l.geometry as Point).coordinates as [number, number]);
      const shown = (await Promise.all(ids.slice(0, EVENTS_LISTED).map((id) => call('events.get', { id }).catch(() => null)))).filter((x) => x !== null);
      shown.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
      const box = document.createElement('div');
      box.className = 'map-popup';
      const popup = new maplibregl.Popup({ closeButton: true }).setLngLat(at);
      box.append(
        ...pickList(
          `${plural(count, 'event')} at this spot`,
          shown.map((event) => ({
            label: `${event.date} · ${event.subEventType}${event.fatalities ? ` · ${plural(event.fatalities, 'fatality', 'fatalities')}` : ''}`,
            pick: () => {
              popup.remove();
              handlers.current.onEventClick(event.id);
            },
          })),
        ),
      );
      if (count > shown.length) {
        const more = document.createElement('div');
        more.className = 'muted';
        more.textContent = `and ${(count - shown.length).toLocaleString('en')} more`;
        box.append(more);
      }
      // The tables filtered to the box that holds them (a hair wider: the points went through floats).
      const all = document.createElement('button');
      all.type = 'button';
      all.textContent = `Show all ${count.toLocaleString('en')} in the tables`;
      // Folded, not spread: a crowd can be tens of thousands of events, past what a call takes as arguments.
      const eps = 1e-5;
      const spot = points.reduce<[number, number, number, number]>(
        ([w, s, e, n], [lon, lat]) => [Math.min(w, lon - eps), Math.min(s, lat - eps), Math.max(e, lon + eps), Math.max(n, lat + eps)],
        [Infinity, Infinity, -Infinity, -Infinity],
      );
      all.onclick = () => {
        popup.remove();
        handlers.current.onShowSpot(spot);
      };
      box.append(all);
      popup.setDOMContent(box).addTo(map);
      return true;
    };
    map.on('click', LAYERS.eventClusters, (e) => {
      if (map.queryRenderedFeatures(e.point, { layers: [LAYERS.events] }).length > 0) return;
      clickCluster(map, 'events', LAYERS.eventClusters, version('events'), e.point, async (f, current) => {
        const source = map.getSource('events') as maplibregl.GeoJSONSource;
        const zoom = await partsAt(source, f);
        if (!current()) return false;
        if (zoom > CLUSTER_MAX_ZOOM) return showEvents(source, f, current);
        zoomInto(f, zoom);
        return true;
      });
    });
    const showPlaces = async (list: MapPlace[], at: [number, number]) => {
      const shown = await Promise.all(list.slice(0, 20).map(named));
      const box = document.createElement('div');
      box.className = 'map-popup';
      const popup = new maplibregl.Popup({ closeButton: true }).setLngLat(at);
      if (shown.length === 1) {
        const place = shown[0]!;
        handlers.current.onPlaceClick(place);
        const title = document.createElement('strong');
        title.textContent = place.name;
        const counts = document.createElement('div');
        counts.textContent = plural(place.mentions, 'mention');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Show these articles';
        button.onclick = () => handlers.current.onShowArticles(place);
        box.append(title, counts, button);
      } else {
        // Several places at one point (a province at its capital's coordinates): the analyst picks one.
        box.append(
          ...pickList(
            `${plural(list.length, 'place')} at this point`,
            shown.map((place) => ({
              label: `${place.name} (${plural(place.mentions, 'mention')})`,
              pick: () => {
                popup.remove();
                void showPlaces([place], at);
              },
            })),
          ),
        );
      }
      popup.setDOMContent(box).addTo(map);
    };
    map.on('click', LAYERS.places, (e) => {
      if (onEvent(e.point)) return;
      const id = e.features?.[0]?.properties.entityId as number | undefined;
      const spot = id === undefined ? undefined : handlers.current.spotById.get(id);
      if (spot) void showPlaces(spot.places, [spot.lon, spot.lat]);
    });
    map.on('click', LAYERS.events, (e) => {
      const id = e.features?.[0]?.properties.id as number | undefined;
      if (id !== undefined) handlers.current.onEventClick(id);
    });
    map.on('click', (e) => {
      if (handlers.current.picking) handlers.current.onPick(e.lngLat.lat, e.lngLat.lng);
    });
    for (const layer of [LAYERS.clusters, LAYERS.places, LAYERS.events, LAYERS.eventClusters]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    mapRef.current = map;
    return () => {
      clearTimeout(settle);
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    dataVersions.current.places += 1;
    (mapRef.current!.getSource('places') as maplibregl.GeoJSONSource).setData(spotsGeoJson(spots));
  }, [spots, ready]);

  useEffect(() => {
    if (!ready) return;
    dataVersions.current.events += 1;
    (mapRef.current!.getSource('events') as maplibregl.GeoJSONSource).setData(eventsGeoJson(events));
    if (container.current) container.current.dataset.events = String(events.length);
  }, [events, ready]);

  useEffect(() => {
    if (!container.current) return;
    container.current.dataset.selectedEvent = selectedEventId === null ? '' : String(selectedEventId);
    container.current.dataset.linkedEvents = linkedEventIds.join(',');
  }, [selectedEventId, linkedEventIds]);

  const selectedEvent = useMemo(() => (selectedEventId === null ? null : (events.find((e) => e.id === selectedEventId) ?? null)), [events, selectedEventId]);
  // Drawn outside the event clusters so that none hides in a disc; beyond the cap (an actor of
  // thousands of events) the rest stay in their discs, as drawing all 100,000 alone is what stalled the map.
  const linkedEvents = useMemo(() => {
    if (!linkedEventIds.length) return [];
    const linked = new Set(linkedEventIds);
    return events.filter((e) => linked.has(e.id)).slice(0, LINKED_EVENTS_DRAWN);
  }, [events, linkedEventIds]);
  useEffect(() => {
    if (!ready) return;
    (mapRef.current!.getSource('selection') as maplibregl.GeoJSONSource).setData(selectionGeoJson(ringed, placesById, selectedEvent, linkedEvents));
    if (container.current) container.current.dataset.ringed = highlighted.join(',');
  }, [ringed, placesById, selectedEvent, linkedEvents, highlighted, ready]);

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
            resolve(reportPicture(map.getCanvas()));
          });
          map.triggerRepaint();
        }),
    );
  }, [ready]);

  return (
    <div className="map-view" data-testid="map" data-ready={ready} data-in-view={inView}>
      <div ref={container} className="map-canvas" />
      {picking && <div className="map-hint">Click the map to place it</div>}
      {labelsError && (
        <div className="map-hint" role="alert">
          The basemap's place names could not be loaded: {labelsError}
        </div>
      )}
      <MapLegend places={places.length} events={events.length} filtered={filtered} adjectives={adjectives} onAdjectives={onAdjectives} />
    </div>
  );
}
