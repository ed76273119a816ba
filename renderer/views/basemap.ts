import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50 from 'world-atlas/countries-50m.json';

/**
 * Rings that cross ±180° (Russia, Fiji) would draw as streaks across the world: longitudes are
 * made continuous instead (MapLibre draws beyond ±180 fine).
 */
function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i] as [number, number];
    if (i > 0) {
      const prev = (ring[i - 1] as [number, number])[0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

function unwrap(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: (geometry as Polygon).coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: (geometry as MultiPolygon).coordinates.map((p) => p.map(unwrapRing)) };
  return geometry;
}

const topology = countries50 as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Natural Earth 1:50m countries (via world-atlas), as GeoJSON for an inline MapLibre source. */
export const countries: FeatureCollection = {
  type: 'FeatureCollection',
  features: (feature(topology, topology.objects.countries) as FeatureCollection).features.map((f: Feature) => ({ ...f, geometry: unwrap(f.geometry) })),
};

/** Borders between countries only (coasts come from the fill edge). */
export const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
