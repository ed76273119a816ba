// Writes assets/gazetteer/disputed-areas.json: the disputed, breakaway and leased areas that Natural
// Earth draws apart (public domain) and that news names as places of their own, each as its name, a
// GeoNames-style feature code, its scale rank, one point inside it, and the other names news gives
// it, for the gazetteer's build (electron/services/gazetteer/build.ts, readDisputedAreas). "The Golan
// Heights", "Nagorno-Karabakh", "Somaliland" and "the Shebaa Farms" are in no table of towns or
// provinces; an area that is one already (Crimea, Abkhazia, the West Bank) is not listed here.
//
// Input: the GeoJSON of Natural Earth 4.1 at 1:10m as github.com/martynafford/natural-earth-geojson
// (CC0) holds it, commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e:
//   10m/cultural/ne_10m_admin_0_disputed_areas.json
//
//   node scripts/disputedAreas.mjs /path/to/folder-with-that-file
import fs from 'node:fs';
import path from 'node:path';
import { inputOf, naturalEarthCredit, writeCreditedAsset } from './creditedAsset.mjs';
import { pointOf } from './shapePoints.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/disputedAreas.mjs folder-with-the-natural-earth-file');
const FILE = 'ne_10m_admin_0_disputed_areas.json';

/**
 * The areas taken, by Natural Earth's BRK_NAME: the name news writes, a GeoNames feature code, the
 * other names (and short forms in capitals) news uses. Several BRK_NAMEs under one name are one
 * area (the Korean DMZ's two halves).
 */
const AREAS = [
  { from: ['Golan Heights'], name: 'Golan Heights', feature: 'PLAT', more: ['Golan'] },
  { from: ['Shebaa Farms'], name: 'Shebaa Farms', feature: 'RGN', more: ['Sheba Farms', "Shab'a Farms"] },
  { from: ['Abyei'], name: 'Abyei', feature: 'RGN', more: ['Abyei Area'] },
  { from: ['Ilemi Triangle'], name: 'Ilemi Triangle', feature: 'RGN', more: [] },
  { from: ['Aksai Chin'], name: 'Aksai Chin', feature: 'RGN', more: [] },
  { from: ['Demchok'], name: 'Demchok', feature: 'RGN', more: [] },
  { from: ['Siachen Glacier'], name: 'Siachen Glacier', feature: 'GLCR', more: ['Siachen'] },
  { from: ['Korean Demilitarized Zone (south)', 'Korean Demilitarized Zone (north)'], name: 'Korean Demilitarized Zone', feature: 'ZN', more: ['Korean DMZ'] },
  { from: ['Somaliland'], name: 'Somaliland', feature: 'RGN', more: [] },
  { from: ['N. Cyprus'], name: 'Northern Cyprus', feature: 'RGN', more: ['North Cyprus', 'Turkish Republic of Northern Cyprus'], short: ['TRNC'] },
  { from: ['Cyprus U.N. Buffer Zone'], name: 'Cyprus Buffer Zone', feature: 'ZN', more: ['United Nations Buffer Zone in Cyprus'] },
  { from: ['South Ossetia'], name: 'South Ossetia', feature: 'RGN', more: ['Tskhinvali Region'] },
  { from: ['Nagorno-Karabakh'], name: 'Nagorno-Karabakh', feature: 'RGN', more: ['Nagorno Karabakh', 'Nagorny Karabakh', 'Karabakh', 'Artsakh'] },
  { from: ['Dokdo'], name: 'Dokdo', feature: 'ISLS', more: ['Liancourt Rocks', 'Takeshima', 'Dokdo Islands'] },
  { from: ['Pinnacle Is.'], name: 'Senkaku Islands', feature: 'ISLS', more: ['Diaoyu Islands', 'Diaoyutai Islands', 'Pinnacle Islands', 'Senkakus'] },
  { from: ['Scarborough Reef'], name: 'Scarborough Shoal', feature: 'SHOL', more: ['Scarborough Reef', 'Huangyan Island', 'Panatag Shoal'] },
  { from: ['Tiran and Sanafir Is.'], name: 'Tiran and Sanafir Islands', feature: 'ISLS', more: ['Tiran and Sanafir', 'Tiran Island'] },
  { from: ['Abu Musa I.'], name: 'Abu Musa', feature: 'ISL', more: ['Abu Musa Island'] },
  { from: ['Hans Island'], name: 'Hans Island', feature: 'ISL', more: [] },
  { from: ['Isla del Perejil'], name: 'Perejil Island', feature: 'ISL', more: ['Isla de Perejil', 'Isla del Perejil', 'Parsley Island'] },
  { from: ['West of Essequibo River'], name: 'Guayana Esequiba', feature: 'RGN', more: ['Essequibo region'] },
  { from: ['Baykonur'], name: 'Baikonur Cosmodrome', feature: 'RGN', more: ['Baykonur Cosmodrome'] },
  { from: ['Guantanamo Bay USNB'], name: 'Guantanamo Bay Naval Base', feature: 'INSM', more: ['Guantanamo Bay', 'Guantánamo Bay', 'Naval Station Guantanamo Bay', 'Guantánamo Bay Naval Base'] },
];

const round = (v) => Math.round(v * 1000) / 1000;
const bytes = fs.readFileSync(path.join(dir, FILE));
const features = JSON.parse(bytes.toString('utf8')).features;
const areas = AREAS.map((a) => {
  const parts = a.from.map((brk) => {
    const f = features.find((g) => g.properties.BRK_NAME === brk);
    if (!f) throw new Error(`${FILE}: no area named "${brk}" (BRK_NAME)`);
    return f;
  });
  const polygons = parts.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const [lat, lon] = pointOf({ type: 'MultiPolygon', coordinates: polygons }, false);
  const scalerank = Math.min(...parts.map((f) => Number(f.properties.scalerank ?? 9)));
  return [a.name, a.feature, scalerank, round(lat), round(lon), a.more, a.short ?? []];
});

const json = JSON.stringify({ fields: ['name', 'feature', 'scalerank', 'lat', 'lon', 'more', 'short'], areas });
writeCreditedAsset('disputed-areas.json', json, { areas: areas.length }, naturalEarthCredit(
  "Disputed, breakaway and leased areas that Natural Earth draws apart from the countries and that no town or province table holds (the Golan Heights, Nagorno-Karabakh, Somaliland, the Senkaku Islands…), each with a GeoNames feature code, Natural Earth's scale rank, a point inside it (its parts' centroid, or the inside point nearest it) and the other names news gives it (chosen by hand, in scripts/disputedAreas.mjs)",
  '10m/cultural/',
  [inputOf(FILE, bytes)],
  'git show 10m/cultural/ne_10m_admin_0_disputed_areas.json into a folder, then node scripts/disputedAreas.mjs folder',
));
console.log(`${areas.length} disputed areas written (${json.length} bytes)`);
