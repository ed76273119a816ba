import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

interface Shape {
  code: string;
  box: [number, number, number, number];
  polygons: number[][][][];
}
let shapes: Shape[] | null = null;

/** Natural Earth's country shapes (world-atlas, 1:50m), keyed by ISO alpha-2 through their numeric codes. */
function load(): Shape[] {
  const topo = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const alpha2 = new Map((require('world-countries') as { cca2: string; ccn3: string }[]).filter((c) => c.ccn3).map((c) => [Number(c.ccn3), c.cca2]));
  const features = (feature(topo, topo.objects.countries) as unknown as { features: { id?: string; geometry: { type: string; coordinates: unknown } | null }[] }).features;
  return features.flatMap((f) => {
    const code = alpha2.get(Number(f.id));
    if (!code || !f.geometry) return [];
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []) as number[][][][];
    const points = polygons.flatMap((p) => p[0] ?? []);
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    return [{ code, polygons, box: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as Shape['box'] }];
  });
}

function inRing(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/**
 * The country (ISO alpha-2) whose shape holds a point: for places the gazetteer does not know
 * (custom places), whose events would otherwise carry no country. Null at sea, or where Natural
 * Earth's shapes (disputed areas) give no code.
 */
export function countryAt(lat: number, lon: number): string | null {
  shapes ??= load();
  for (const s of shapes) {
    if (lon < s.box[0] || lat < s.box[1] || lon > s.box[2] || lat > s.box[3]) continue;
    if (s.polygons.some(([outer, ...holes]) => outer && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)))) return s.code;
  }
  return null;
}
