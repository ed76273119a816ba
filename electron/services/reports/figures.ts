import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { EVENT_STYLE } from '../../contract/acled.js';
import type { EventRecord } from '../../contract/events.js';
import { xml } from '../exports/xml.js';
import { plural } from '../../contract/plural.js';

const require = createRequire(import.meta.url);


let land: Feature<Polygon | MultiPolygon>[] | null = null;
function countries(): Feature<Polygon | MultiPolygon>[] {
  if (!land) {
    const topo = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
    land = (feature(topo, topo.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features;
  }
  return land;
}

/**
 * The events on Natural Earth's countries, drawn as SVG around their extent: the report's map when
 * no snapshot of the map view was given (the command line has no map view).
 */
export function mapSvg(events: EventRecord[], width = 900, height = 520): string {
  const placed = events.filter((e) => e.lat !== null && e.lon !== null);
  const lats = placed.map((e) => e.lat!);
  const lons = placed.map((e) => e.lon!);
  let [west, east, south, north] = placed.length ? [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)] : [-170, 170, -60, 75];
  const midLat = (south + north) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  // At least 4° across, padded, and stretched to the figure's shape.
  const pad = Math.max(1, (east - west) * 0.15, (north - south) * 0.15);
  [west, east, south, north] = [west - pad, east + pad, south - pad, north + pad];
  let spanX = (east - west) * k;
  let spanY = north - south;
  if (spanX / spanY < width / height) spanX = (spanY * width) / height;
  else spanY = (spanX * height) / width;
  const cx = (west + east) / 2;
  const cy = (south + north) / 2;
  const x = (lon: number) => ((lon - cx) * k + spanX / 2) * (width / spanX);
  const y = (lat: number) => (spanY / 2 - (lat - cy)) * (height / spanY);
  // Rings that cross ±180° (Russia, Fiji) are made continuous, or they would fill the whole figure.
  const ring = (r: Position[]) => {
    let shift = 0;
    return (
      'M' +
      r
        .map(([lon, lat], i) => {
          const prev = i > 0 ? r[i - 1]![0]! : lon!;
          if (lon! - prev > 180) shift -= 360;
          else if (prev - lon! > 180) shift += 360;
          return `${x(lon! + shift).toFixed(1)},${y(lat!).toFixed(1)}`;
        })
        .join('L') +
      'Z'
    );
  };
  const inView = (r: Position[]) => r.some(([lon, lat]) => Math.abs(lon! - cx) * k < spanX && Math.abs(lat! - cy) < spanY);
  const paths = countries()
    .map((f) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const d = polys.filter((p) => inView(p[0]!)).map((p) => p.map(ring).join('')).join('');
      return d ? `<path d="${d}"/>` : '';
    })
    .join('');
  const symbols = placed
    .map((e) => {
      const style = EVENT_STYLE[e.eventType] ?? { colour: '#333', letter: '?' };
      const r = 7 + Math.min(10, Math.sqrt(e.fatalities) * 1.5);
      return (
        `<g><circle cx="${x(e.lon!).toFixed(1)}" cy="${y(e.lat!).toFixed(1)}" r="${r.toFixed(1)}" fill="${style.colour}" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"/>` +
        `<text x="${x(e.lon!).toFixed(1)}" y="${(y(e.lat!) + 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${style.letter}</text></g>`
      );
    })
    .join('');
  const labels = [...new Map(placed.filter((e) => e.location).map((e) => [e.location!.entityId, e])).values()]
    .slice(0, 40)
    .map((e) => `<text x="${(x(e.lon!) + 11).toFixed(1)}" y="${(y(e.lat!) - 8).toFixed(1)}" font-size="12" fill="#1d2b3a" stroke="#fff" stroke-width="3" paint-order="stroke">${xml(e.location!.name)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Map of the events">` +
    `<rect width="${width}" height="${height}" fill="#dce8f2"/><g fill="#f4f3ee" stroke="#9aa5b1" stroke-width="0.8">${paths}</g>${symbols}${labels}</svg>`
  );
}

/** The days a timeline spans: its events' days, padded, and at least two weeks so one day is not a wall. */
function timelineSpan(perDay: { date: string }[]): [number, number] {
  const DAY = 86_400_000;
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const first = ms(perDay[0]!.date);
  const last = ms(perDay.at(-1)!.date) + DAY;
  const pad = Math.max(DAY, (14 * DAY - (last - first)) / 2);
  return [first - pad, last + pad];
}

/** Events per day as bars: the report's timeline figure. */
export function timelineSvg(perDay: { date: string; count: number; fatalities: number }[], width = 900, height = 160): string {
  if (perDay.length === 0) return '';
  const DAY = 86_400_000;
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const [t0, t1] = timelineSpan(perDay);
  const axis = 22;
  const x = (t: number) => ((t - t0) / (t1 - t0)) * width;
  const max = Math.max(...perDay.map((d) => d.count));
  const bar = Math.min(24, Math.max(3, (DAY / (t1 - t0)) * width - 2));
  const bars = perDay
    .map((d) => {
      const h = (d.count / max) * (height - axis - 14);
      return `<rect x="${(x(ms(d.date) + DAY / 2) - bar / 2).toFixed(1)}" y="${(height - axis - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="#b91c1c"><title>${d.date}: ${plural(d.count, 'event')}</title></rect>`;
    })
    .join('');
  const span = t1 - t0;
  const step = [1, 2, 7, 14, 30, 91, 182, 365, 730].map((n) => n * DAY).find((s) => span / s <= 8) ?? 1461 * DAY;
  const ticks: string[] = [];
  for (let t = Math.ceil(t0 / step) * step; t < t1; t += step) {
    ticks.push(`<text x="${x(t).toFixed(1)}" y="${height - 6}" font-size="11" fill="#555">${new Date(t).toISOString().slice(0, 10)}</text>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Events per day">` +
    `<line x1="0" x2="${width}" y1="${height - axis}" y2="${height - axis}" stroke="#888"/>${bars}${ticks.join('')}` +
    `<text x="4" y="12" font-size="11" fill="#555">events per day (most: ${max})</text></svg>`
  );
}


/**
 * The timeline's bars as a PNG, for Word (which takes no SVG without a PNG beside it): drawn
 * pixel by pixel, without text; the caption under it in the document gives the dates and the scale.
 */
export function timelinePng(perDay: { date: string; count: number }[], width = 1200, height = 220): Buffer | null {
  if (perDay.length === 0) return null;
  const png = new PNG({ width, height });
  png.data.fill(255);
  const paint = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++) {
        const i = (y * width + x) * 4;
        png.data[i] = r;
        png.data[i + 1] = g;
        png.data[i + 2] = b;
        png.data[i + 3] = 255;
      }
    }
  };
  const DAY = 86_400_000;
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const [t0, t1] = timelineSpan(perDay);
  const x = (t: number) => ((t - t0) / (t1 - t0)) * width;
  const max = Math.max(...perDay.map((d) => d.count));
  const bar = Math.min(32, Math.max(3, (DAY / (t1 - t0)) * width - 2));
  const base = height - 10;
  for (const d of perDay) paint(x(ms(d.date) + DAY / 2) - bar / 2, base - (d.count / max) * (base - 10), x(ms(d.date) + DAY / 2) + bar / 2, base, [0xb9, 0x1c, 0x1c]);
  paint(0, base, width, base + 2, [0x88, 0x88, 0x88]);
  return PNG.sync.write(png);
}
