// Writes assets/gazetteer/lakes.json: Natural Earth's named lakes and reservoirs (public domain),
// each as its name, its other names, a GeoNames-style feature code, its scale rank and one point
// inside it, for the gazetteer's build (electron/services/gazetteer/build.ts, readLakes). News names
// Lake Chad, Lake Kivu and the Kakhovka Reservoir; cities500 and the admin tables have no lake.
//
// Input: the GeoJSON of Natural Earth 4.1 at 1:10m as github.com/martynafford/natural-earth-geojson
// (CC0) holds it, commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e:
//   10m/physical/ne_10m_lakes.json (in ne_10m_lakes.7z: 7z x)
//
//   node scripts/lakes.mjs /path/to/folder-with-that-file
import fs from 'node:fs';
import path from 'node:path';
import { inputOf, naturalEarthCredit, writeCreditedAsset } from './creditedAsset.mjs';
import { areaOf, pointOf } from './shapePoints.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/lakes.mjs folder-with-the-natural-earth-file');
const FILE = 'ne_10m_lakes.json';

const FEATURE = { lake: 'LK', reservoir: 'RSV', 'alkaline lake': 'LKSL' };
/** Parts of one name this close (in degrees) are one lake drawn in pieces (the Dead Sea's two basins); farther apart, namesakes. */
const SAME_LAKE = 2;
const clean = (name) => String(name).replace(/\s+/g, ' ').trim();
// A one-word name ("Egridir", "Pjrvi") is a town's as often, or Natural Earth lost its letters: names of two words or more only.
const named = (name) => name.includes(' ') && !/Great Lakes/.test(name);

const bytes = fs.readFileSync(path.join(dir, FILE));
const byName = new Map();
for (const f of JSON.parse(bytes.toString('utf8')).features) {
  const p = f.properties;
  const name = clean(p.name ?? '');
  const feature = FEATURE[String(p.featurecla ?? '').toLowerCase()];
  if (!name || !f.geometry || !named(name)) continue;
  if (!feature) throw new Error(`${FILE}: no feature code for the class "${p.featurecla}" (${name})`);
  // "Lago Titicaca", "Ozero Khanka": news writes "Lake Titicaca".
  const english = /^(?:Lago|Lac|Ozero)\s+(?:(?:de|du|di|la)\s+)?(.+)$/.exec(name)?.[1];
  const others = [...String(p.name_alt ?? '').split(/,\s*/), ...(english ? [`Lake ${english}`] : [])].map(clean).filter((n) => n && n !== name && named(n));
  const [lat, lon] = pointOf(f.geometry, false);
  const part = { name, others, feature, scalerank: Number(p.scalerank ?? 9), area: areaOf(f.geometry), lat, lon };
  byName.set(name, [...(byName.get(name) ?? []), part]);
}
const round = (v) => Math.round(v * 1000) / 1000;
const lakes = [];
for (const parts of byName.values()) {
  // The most prominent part first, then the largest: it stands for the parts near it.
  parts.sort((a, b) => a.scalerank - b.scalerank || b.area - a.area);
  const kept = [];
  for (const part of parts) {
    const lake = kept.find((k) => Math.abs(k.lat - part.lat) < SAME_LAKE && Math.abs(k.lon - part.lon) < SAME_LAKE);
    if (lake) lake.others = [...new Set([...lake.others, ...part.others])];
    else kept.push({ ...part });
  }
  for (const k of kept) lakes.push([k.name, k.others, k.feature, k.scalerank, round(k.lat), round(k.lon)]);
}
lakes.sort((a, b) => a[3] - b[3] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[4] - b[4] || a[5] - b[5]));

const json = `${JSON.stringify({ fields: ['name', 'others', 'feature', 'scalerank', 'lat', 'lon'], lakes })}\n`;
const out = writeCreditedAsset('lakes.json', json, { lakes: lakes.length }, naturalEarthCredit(
  "Natural Earth's named lakes and reservoirs of two words or more, one record per name and stretch of the map (parts of one name over 2 degrees apart are namesakes): its name, its other names, a GeoNames feature code (LK lake, RSV reservoir, LKSL salt lake), its scale rank (0 the most prominent) and a point inside its most prominent part",
  '10m/physical/ne_10m_lakes.7z',
  [inputOf(FILE, bytes)],
  'git show the .7z into a folder and 7z x it, then node scripts/lakes.mjs folder',
));
console.log(`${lakes.length} lakes → ${out}`);
