// Writes assets/gazetteer/country-points.json: GeoNames' own point and id for each independent
// country (feature code PCLI), by its ISO code. world-countries, which the gazetteer's countries come
// from, puts a country at another dataset's centre (Libya 222 km from GeoNames' point); corpora and
// other tools that link to GeoNames put it at GeoNames' point, and an export's geonamesId should name
// the country's own GeoNames record. No npm package holds GeoNames' country records; this extract is
// the PCLI lines of GeoNames' allCountries dump (CC BY 4.0) as a public repository keeps them.
//
//   git show b40a8d1063c526390be5b7113aa68bfe935bed2c:lib/translation_maps/countries.tsv > countries.tsv
//     (in a clone of github.com/sul-dlss-deprecated/rialto-etl)
//   node scripts/countryPoints.mjs countries.tsv
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_SHA256 = 'c9d2b805e37ade1d12e5932829a2002b090b4baa2e940951ac1057c7d9e4db17';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? 'countries.tsv');
const bytes = fs.readFileSync(file);
const sha256 = createHash('sha256').update(bytes).digest('hex');
if (sha256 !== SOURCE_SHA256) throw new Error(`${file} is not the extract this script was written for (sha256 ${sha256}, expected ${SOURCE_SHA256})`);

// GeoNames' dump columns: 0 geonameid, 1 name, 4 latitude, 5 longitude, 7 feature code, 8 country code.
// The source was found by grepping for "PCLI", which one town's alternate names also hold.
const rows = bytes
  .toString('utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter((c) => c[7] === 'PCLI' && /^[A-Z]{2}$/.test(c[8] ?? ''))
  .map((c) => [c[8], Number(c[0]), Number(c[4]), Number(c[5]), c[1]])
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
if (new Set(rows.map((r) => r[0])).size !== rows.length) throw new Error('two records for one country code');

const out = path.join(root, 'assets/gazetteer');
// One record a line, so a new release of the source shows as a readable diff.
const text = `{
  "columns": ["country", "geonameId", "lat", "lon", "geonamesName"],
  "countries": [
${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}
  ]
}
`;
fs.writeFileSync(path.join(out, 'country-points.json'), text);
const manifest = {
  file: 'country-points.json',
  sha256: createHash('sha256').update(text).digest('hex'),
  countries: rows.length,
  description: "GeoNames' own record of each independent country (feature code PCLI), keyed by its ISO 3166 code: its geonameid, point (latitude, longitude) and GeoNames name",
  source: `GeoNames allCountries dump, its PCLI lines as kept in github.com/sul-dlss-deprecated/rialto-etl, lib/translation_maps/countries.tsv at commit b40a8d1063c526390be5b7113aa68bfe935bed2c (2018-09-27), sha256 ${sha256}`,
  licence: 'GeoNames: CC BY 4.0 (geonames.org, creativecommons.org/licenses/by/4.0); rialto-etl: Apache-2.0 (Stanford University Libraries)',
  rebuild: 'git show b40a8d1063c526390be5b7113aa68bfe935bed2c:lib/translation_maps/countries.tsv > countries.tsv (a clone of rialto-etl) && node scripts/countryPoints.mjs countries.tsv',
};
fs.writeFileSync(path.join(out, 'country-points.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${rows.length} countries written to assets/gazetteer/country-points.json`);
