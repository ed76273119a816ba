import { describe, expect, it } from 'vitest';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS, EVENT_CLUSTER_MIN_POINTS, LAYERS, mapStyle } from '../../renderer/views/mapStyle.js';

/** Issue 13, trap 7: what the map's style must keep so that nothing the analyst needs is hidden. */
describe('the map style draws nothing over what the analyst must see', () => {
  const style = mapStyle();
  const order = style.layers.map((l) => l.id);
  const at = (id: string) => {
    expect(order, `layer ${id}`).toContain(id);
    return order.indexOf(id);
  };

  it('draws cluster counts above events and their letters, so no event symbol covers a count', () => {
    expect(at('cluster-count')).toBeGreaterThan(at(LAYERS.events));
    expect(at('cluster-count')).toBeGreaterThan(at('event-letters'));
    expect(at('cluster-count')).toBeGreaterThan(at(LAYERS.clusters));
    // An event disc's count too, and the disc above the places' clusters.
    expect(at('event-cluster-count')).toBeGreaterThan(at(LAYERS.events));
    expect(at('event-cluster-count')).toBeGreaterThan(at(LAYERS.eventClusters));
    expect(at(LAYERS.eventClusters)).toBeGreaterThan(at(LAYERS.clusters));
  });

  it('draws the selection last, above every cluster, place and event', () => {
    const ids = [LAYERS.ringedPlaces, LAYERS.linkedEvents, LAYERS.selectedEvent, 'selection-labels'];
    const rest = order.filter((id) => !ids.includes(id as never)).map(at);
    expect(Math.min(...ids.map(at))).toBeGreaterThan(Math.max(...rest));
    // The selected event above the events linked to the selection.
    expect(at(LAYERS.selectedEvent)).toBeGreaterThan(at(LAYERS.linkedEvents));
    // The selection has a source of its own, outside clustering: a ring never vanishes into a cluster.
    const rings = style.layers.find((l) => l.id === LAYERS.ringedPlaces) as { source: string };
    expect(rings.source).toBe('selection');
    expect(style.sources[rings.source]).not.toHaveProperty('cluster');
  });

  it('clusters places by distance on screen, up to street level, and events only where many crowd', () => {
    const places = style.sources.places as { cluster?: boolean; clusterRadius?: number; clusterMaxZoom?: number };
    expect(places).toMatchObject({ cluster: true, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: CLUSTER_MAX_ZOOM });
    // A radius in pixels: a province and its capital 50 km apart part at a regional zoom.
    expect(CLUSTER_RADIUS).toBeGreaterThanOrEqual(20);
    expect(CLUSTER_RADIUS).toBeLessThanOrEqual(60);
    expect(CLUSTER_MAX_ZOOM).toBeGreaterThanOrEqual(10);
    // A few events are each drawn alone with their letter; only a crowd becomes a disc.
    expect(style.sources.events).toMatchObject({ cluster: true, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterMinPoints: EVENT_CLUSTER_MIN_POINTS });
    expect(EVENT_CLUSTER_MIN_POINTS).toBeGreaterThanOrEqual(10);
    for (const id of ['event-precision', LAYERS.events, 'event-letters']) expect(JSON.stringify((style.layers.find((l) => l.id === id) as { filter: unknown }).filter), id).toBe('["!",["has","point_count"]]');
  });

  it('sizes a cluster disc by the places it holds, never wider than the clustering distance', () => {
    const clusters = style.layers.find((l) => l.id === LAYERS.clusters) as { paint: Record<string, unknown> };
    const radius = clusters.paint['circle-radius'] as unknown[];
    expect(JSON.stringify(radius)).toContain('"places"');
    expect(JSON.stringify(radius)).not.toContain('"mentions"');
    // interpolate stops: [.., input, output, input, output, ...]; two neighbouring discs of the largest size do not overlap much.
    const outputs = radius.slice(3).filter((_, i) => i % 2 === 1) as number[];
    expect(Math.max(...outputs) * 2).toBeLessThanOrEqual(CLUSTER_RADIUS * 1.1);
  });

  it('fetches nothing: no tile, sprite or glyph address anywhere in the style', () => {
    expect(JSON.stringify({ ...style, sources: Object.fromEntries(Object.entries(style.sources).map(([k, v]) => [k, { ...v, data: undefined }])) })).not.toMatch(/https?:|glyphs|sprite/);
  });
});
