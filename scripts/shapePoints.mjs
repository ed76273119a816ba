// One point inside a Natural Earth shape, for the gazetteer's assets (physicalPlaces.mjs,
// disputedAreas.mjs): planar geometry in degrees, good enough to find a point inside and to tell a
// shape from a sliver.

/** Signed area and centroid of a ring (planar, in degrees: good enough to find a point inside). */
export function ringStats(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return { area: a / 2, x: a ? x / (3 * a) : ring[0][0], y: a ? y / (3 * a) : ring[0][1] };
}

function inRing(ring, px, py) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
export const inPolygon = (rings, px, py) => inRing(rings[0], px, py) && !rings.slice(1).some((hole) => inRing(hole, px, py));

/**
 * One point for a feature. A single shape: its centroid, or where that falls outside it (a crescent
 * bay), the point of a fine grid over it that lies inside and nearest the centroid. A shape in parts:
 * the centroid of all of them (weighted by area); a range, desert or region that Natural Earth draws
 * as pieces along it (the Andes in 34, the Urals in two specks at its ends) takes that point even
 * between its pieces (weighted less by size), while islands and waters take the inside point nearest it.
 */
export function pointOf(geometry, between) {
  if (geometry.type === 'Point') return [geometry.coordinates[1], geometry.coordinates[0]];
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // A shape cut at the antimeridian (the North Pacific, the Bering Sea, Fiji) has parts at both ends
  // of the map: their mean lies across the world from them (the Pacific's fell off Peru). Measured
  // with the western parts moved east of 180°, its point is where the shape is.
  // A shape round the whole globe (the Arctic and Southern Oceans) has no such ends and is left as it is.
  const lons = parts.flatMap((rings) => rings[0].map((q) => q[0]));
  const eastward = lons.map((lon) => (lon < 0 ? lon + 360 : lon));
  if (Math.min(...lons) <= -179.5 && Math.max(...lons) >= 179.5 && Math.max(...eastward) - Math.min(...eastward) < 300) {
    const east = parts.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat])));
    const [lat, lon] = pointOf({ type: 'MultiPolygon', coordinates: east }, between);
    return [lat, lon > 180 ? lon - 360 : lon];
  }
  const polygons = parts.map((rings) => ({ rings, ...ringStats(rings[0]) }));
  // A piece of a range's label says little of the range's extent: there a piece weighs by its
  // size's square root, so the Hindu Kush keeps to its one large piece and the Urals' two specks meet halfway.
  const weightOf = (p) => (between ? Math.sqrt(Math.abs(p.area)) : Math.abs(p.area));
  const weight = polygons.reduce((sum, p) => sum + weightOf(p), 0);
  const x = weight ? polygons.reduce((sum, p) => sum + p.x * weightOf(p), 0) / weight : polygons[0].x;
  const y = weight ? polygons.reduce((sum, p) => sum + p.y * weightOf(p), 0) / weight : polygons[0].y;
  if (polygons.some((p) => inPolygon(p.rings, x, y)) || (between && polygons.length > 1)) return [y, x];
  let best = null;
  for (const { rings } of polygons) {
    const xs = rings[0].map((p) => p[0]), ys = rings[0].map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const steps = 80;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const px = x0 + ((x1 - x0) * i) / steps, py = y0 + ((y1 - y0) * j) / steps;
        if (!inPolygon(rings, px, py)) continue;
        const d = (px - x) ** 2 + (py - y) ** 2;
        if (!best || d < best.d) best = { d, px, py };
      }
    }
  }
  return best ? [best.py, best.px] : [y, x];
}

/** Its parts' area in square degrees (planar: only to tell a shape from a sliver). */
export const areaOf = (geometry) =>
  geometry.type === 'Point' ? 0 : (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).reduce((sum, rings) => sum + Math.abs(ringStats(rings[0]).area), 0);
