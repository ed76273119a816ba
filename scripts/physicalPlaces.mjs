// Writes assets/gazetteer/physical-places.json: Natural Earth's named seas, gulfs, straits, islands,
// ranges, deserts, plains, deltas, peninsulas and regions (public domain), each as a name, its
// GeoNames-style feature code, its scale rank and one point inside it, for the gazetteer's build
// (electron/services/gazetteer/build.ts, readPhysicalPlaces). News names the Black Sea, the Niger
// Delta and Siberia; cities500 and the admin tables have none of them.
//
// Input: the GeoJSON of Natural Earth 4.1 at 1:10m as github.com/martynafford/natural-earth-geojson
// (CC0) holds it, commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e:
//   10m/physical/ne_10m_geography_marine_polys.json
//   10m/physical/ne_10m_geography_regions_points.json
//   10m/physical/ne_10m_geography_regions_polys.json (in ne_10m_geography_regions_polys.7z: 7z x)
//
//   node scripts/physicalPlaces.mjs /path/to/folder-with-those-three-files
import fs from 'node:fs';
import path from 'node:path';
import { inputOf, naturalEarthCredit, writeCreditedAsset } from './creditedAsset.mjs';
import { areaOf, pointOf } from './shapePoints.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/physicalPlaces.mjs folder-with-the-natural-earth-files');
const FILES = ['ne_10m_geography_marine_polys.json', 'ne_10m_geography_regions_polys.json', 'ne_10m_geography_regions_points.json'];

// Natural Earth's feature classes as GeoNames' feature codes (www.geonames.org/export/codes.html).
const FEATURE = {
  ocean: 'OCN', sea: 'SEA', gulf: 'GULF', bay: 'BAY', strait: 'STRT', sound: 'SD', channel: 'CHN', lagoon: 'LGN', fjord: 'FJD',
  inlet: 'INLT', reef: 'RF', generic: 'SEA', river: 'STM',
  island: 'ISL', 'island group': 'ISLS', 'range/mtn': 'MTS', plateau: 'PLAT', desert: 'DSRT', 'pen/cape': 'PEN', peninsula: 'PEN',
  cape: 'CAPE', geoarea: 'RGN', coast: 'CST', plain: 'PLN', delta: 'DLTA', basin: 'BSN', valley: 'VAL', lowland: 'LWLD',
  tundra: 'TUND', isthmus: 'ISTH', wetlands: 'WTLD', gorge: 'GRGE', foothills: 'HLLS', lake: 'LKS', depression: 'DPR',
  waterfall: 'FLLS',
};
// Continents are GeoNames' own records already (build.ts); the poles and the map's joke are no places news names.
const SKIP = new Set(['continent', 'pole', 'dragons-be-here']);

const ABBREVIATIONS = [
  [/\bMts\.(?=\s|$)/gi, 'Mountains'], [/\bMt\.(?=\s|$)/gi, 'Mount'], [/\bRa\.(?=\s|$)/gi, 'Range'], [/\bIs\.(?=\s|$)/gi, 'Islands'],
  [/\bI\.(?=\s|$)/gi, 'Island'], [/\bPen\.(?=\s|$)/gi, 'Peninsula'], [/\bPlat\.(?=\s|$)/gi, 'Plateau'], [/\bCord\.(?=\s|$)/gi, 'Cordillera'],
  [/\bArch\.(?=\s|$)/gi, 'Archipelago'], [/\bStr\.(?=\s|$)/gi, 'Strait'], [/\bSd\.(?=\s|$)/gi, 'Sound'], [/\bPt\.(?=\s|$)/gi, 'Point'],
];
const SMALL = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'las', 'los', 'do', 'da', 'des', 'du', 'le', 'les', 'el', 'al']);

/** "CAUCASUS MTS." is written "Caucasus Mountains", "Ross  Sea" "Ross Sea". */
function nameOf(raw) {
  let name = String(raw).replace(/[\r\n]+/g, '').replace(/\s+/g, ' ').trim();
  if (name === name.toUpperCase()) {
    name = name
      .toLowerCase()
      .split(' ')
      .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.replace(/(^|[-'(])(\p{L})/gu, (_, a, b) => a + b.toUpperCase())))
      .join(' ');
  }
  for (const [pattern, word] of ABBREVIATIONS) name = name.replace(pattern, word);
  return name;
}

// Natural Earth draws some ranges, deltas and regions as a sliver at one end of them (the Caucasus
// as a triangle off Baku, the Urals as two specks at its ends): no point inside those stands for the
// feature, so they are left out. An island may be that small.
const SMALL_BY_NATURE = new Set(['ISL', 'ISLS']);
const SLIVER = 0.05;
// Waters are drawn as their own shape, however narrow (the Bosporus, the Bab el Mandeb, the Strait of
// Gibraltar): those under the sliver's size are kept apart (narrowWaters), so the gazetteer gives them
// ids after every other region's and none moves. One drawn as a speck (the Drake Passage, the Great
// Barrier Reef, hundreds of kilometres from where the point inside it would fall) is left out.
const DEGENERATE = 0.001;

const round = (v) => Math.round(v * 1000) / 1000;
const inputs = [];
const places = [];
const waters = [];
for (const file of FILES) {
  const bytes = fs.readFileSync(path.join(dir, file));
  inputs.push(inputOf(file, bytes));
  for (const f of JSON.parse(bytes.toString('utf8')).features) {
    const p = f.properties;
    const cla = String(p.featurecla ?? p.FEATURECLA ?? '').toLowerCase();
    if (SKIP.has(cla) || !p.name || !f.geometry) continue;
    const feature = FEATURE[cla];
    if (!feature) throw new Error(`${file}: no feature code for the class "${cla}" (${p.name})`);
    const area = f.geometry.type === 'Point' ? Infinity : areaOf(f.geometry);
    const narrowWater = file.includes('marine') && area >= DEGENERATE && area < SLIVER;
    if (!SMALL_BY_NATURE.has(feature) && area < SLIVER && !narrowWater) continue;
    const [lat, lon] = pointOf(f.geometry, file.includes('regions_polys') && !SMALL_BY_NATURE.has(feature));
    (narrowWater ? waters : places).push([nameOf(p.name), feature, Number(p.scalerank ?? 9), round(lat), round(lon)]);
  }
}
// One record a name and kind: Natural Earth splits some features (the Great Rift Valley, the
// Mediterranean) into parts; the most prominent part stands for it.
const seen = new Set();
const kept = places
  .sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0]))
  .filter(([name, feature]) => {
    const key = `${name.toLowerCase()}|${feature}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

const narrowWaters = waters.sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0]));
const json = JSON.stringify({ fields: ['name', 'feature', 'scalerank', 'lat', 'lon'], places: kept, narrowWaters });
writeCreditedAsset('physical-places.json', json, { places: kept.length, narrowWaters: narrowWaters.length }, naturalEarthCredit(
  "Natural Earth's named physical features (seas, gulfs, straits, islands, ranges, deserts, plains, deltas, peninsulas, regions), each with its class as a GeoNames feature code, its scale rank (0 the most prominent) and a point inside it (its largest part's centroid, or the inside point nearest it); features other than islands drawn as a sliver (under 0.05 square degrees) are left out, but for waters (narrowWaters: straits and bays drawn narrow, over 0.001 square degrees), listed apart so that the gazetteer numbers them after every other region",
  '10m/physical/',
  inputs,
  'git show the three files (regions_polys from its .7z: 7z x) into a folder, then node scripts/physicalPlaces.mjs folder',
));
console.log(`${kept.length} physical places and ${narrowWaters.length} narrow waters written (${json.length} bytes)`);
