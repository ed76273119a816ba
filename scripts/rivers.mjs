// Writes assets/gazetteer/rivers.json: Natural Earth's named rivers (public domain), each as its name,
// its other names, its scale rank and one point on it, for the gazetteer's build
// (electron/services/gazetteer/build.ts, readRivers). News names the Dnipro, the Euphrates and the
// Helmand River; cities500 and the admin tables have no river, and a river's name found a namesake
// town ("the Rio Grande" a Brazilian port).
//
// Input: the GeoJSON of Natural Earth 4.1 at 1:10m as github.com/martynafford/natural-earth-geojson
// (CC0) holds it, commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e:
//   10m/physical/ne_10m_rivers_lake_centerlines.json (in ne_10m_rivers_lake_centerlines.7z: 7z x)
//
//   node scripts/rivers.mjs /path/to/folder-with-that-file
import fs from 'node:fs';
import path from 'node:path';
import { inputOf, naturalEarthCredit, writeCreditedAsset } from './creditedAsset.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/rivers.mjs folder-with-the-natural-earth-file');
const FILE = 'ne_10m_rivers_lake_centerlines.json';

/** Lines of one name this close (in degrees, about 100 km) are one river; farther apart, namesakes. */
const SAME_RIVER = 1;

const linesOf = (geometry) => (geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates);

/**
 * One point on a river: of all its lines' points, the one nearest their centre (weighted by length).
 * Natural Earth draws a river in sections (the Dnieper's reservoirs apart from its course): the
 * middle of the longest section alone was in Belarus.
 */
function pointOn(lines) {
  let x = 0;
  let y = 0;
  let total = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const step = Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
      x += ((line[i][0] + line[i - 1][0]) / 2) * step;
      y += ((line[i][1] + line[i - 1][1]) / 2) * step;
      total += step;
    }
  }
  const points = lines.flat();
  if (!total) return [points[0][1], points[0][0]];
  const [cx, cy] = [x / total, y / total];
  const best = points.reduce((a, b) => (Math.hypot(b[0] - cx, b[1] - cy) < Math.hypot(a[0] - cx, a[1] - cy) ? b : a));
  return [best[1], best[0]];
}

const near = (a, b) => a.box[0] - SAME_RIVER <= b.box[2] && b.box[0] - SAME_RIVER <= a.box[2] && a.box[1] - SAME_RIVER <= b.box[3] && b.box[1] - SAME_RIVER <= a.box[3];
const clean = (name) => String(name).replace(/\s+/g, ' ').trim();

const bytes = fs.readFileSync(path.join(dir, FILE));
const byName = new Map();
for (const f of JSON.parse(bytes.toString('utf8')).features) {
  const p = f.properties;
  const name = clean(p.name_en || p.name || '');
  if (!name || !f.geometry) continue;
  const others = [p.name, p.name_alt].filter(Boolean).map(clean).filter((n) => n !== name);
  const lines = linesOf(f.geometry);
  const xs = lines.flat().map((q) => q[0]);
  const ys = lines.flat().map((q) => q[1]);
  const piece = { lines, others, scalerank: p.scalerank, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  byName.set(name, [...(byName.get(name) ?? []), piece]);
}

const rivers = [];
for (const [name, pieces] of byName) {
  // Pieces joined by nearness, transitively: a river drawn in sections is one, namesakes far apart are two.
  const groups = [];
  for (const piece of pieces) {
    const joined = groups.filter((g) => g.some((q) => near(q, piece)));
    const merged = [piece, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  for (const group of groups) {
    const [lat, lon] = pointOn(group.flatMap((g) => g.lines));
    const others = [...new Set(group.flatMap((g) => g.others))].sort();
    rivers.push([name, others, Math.min(...group.map((g) => g.scalerank)), Math.round(lat * 1000) / 1000, Math.round(lon * 1000) / 1000]);
  }
}
rivers.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[3] - b[3] || a[4] - b[4]));

const json = `${JSON.stringify({ rivers })}\n`;
const out = writeCreditedAsset('rivers.json', json, { rivers: rivers.length }, naturalEarthCredit(
  "Natural Earth's named rivers and lake centrelines, one record per name and stretch of the map (lines of one name over 100 km apart are namesakes): its English name, its other names, its scale rank (0 the most prominent) and the point of its lines nearest their length-weighted centre",
  '10m/physical/ne_10m_rivers_lake_centerlines.7z',
  [inputOf(FILE, bytes)],
  'git show the .7z into a folder and 7z x it, then node scripts/rivers.mjs folder',
));
console.log(`${rivers.length} rivers → ${out}`);
