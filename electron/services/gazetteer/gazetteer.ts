import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import type { BasemapLabels, PlaceKind } from '../../contract/entities.js';
import { buildGazetteer, GAZETTEER_VERSION } from './build.js';
import { demonymsOf } from './demonyms.js';
import { KeyFilter } from './keyFilter.js';
import { nameKey, spellingSkeleton } from './normalise.js';
import { rankCandidates } from './resolve.js';

export interface Place {
  id: number;
  name: string;
  /** 'city' is any point: a town (GeoNames feature PPL…) or an airport or air base (AIRP, AIRB). */
  kind: PlaceKind;
  feature: string | null;
  country: string | null;
  /** GeoNames admin1 code, "US.NE": an admin area's own, or the one a city is in. */
  admin1?: string | null;
  admin1Name: string | null;
  /** GeoNames admin2 code, "AF.24.1401": a county's or district's own, or the one a city is in. */
  admin2?: string | null;
  lat: number;
  lon: number;
  population: number;
  /** For a place with no population (an airport), a population-like figure for ranking; else null. */
  prominence?: number | null;
  /** The GeoNames record this place is (a town's, a continent's, a province's where Natural Earth names it), else null. */
  geonamesId?: number | null;
  /** How the name looked up belongs to the place: 0 its own name, 1 an alternate, 2 an abbreviation, 3 a code. */
  nameKind?: number;
}

/** What the article around a name says about where it is. */
export interface PlaceContext {
  /** Country codes named in the article (and its dateline). */
  countries: Set<string>;
  /** Positions of places already resolved in the article. */
  near: { lat: number; lon: number }[];
  /** "province of X", "X province" → an admin area is meant. */
  wantsAdminArea: boolean;
}

export interface RankedPlace extends Place {
  score: number;
}

const SELECT_PLACE = `SELECT p.id, p.name, p.kind, p.feature, p.country, p.admin1, p.admin1_name AS admin1Name, p.admin2, p.lat, p.lon, p.population, p.prominence, p.geonames_id AS geonamesId FROM place p`;

/** Names looked up in vain before a long reading reads the key filter: some thirty news articles' worth (a GMB document asks about 65 new ones). */
export const MISSES_BEFORE_KEY_FILTER = 2000;

/** The offline gazetteer, opened read-only; built on first use when the file is missing or old. */
export class Gazetteer {
  private readonly db: Database.Database;
  private readonly idsByKey: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byJoinedKey: Database.Statement;
  private readonly bySkeleton: Database.Statement;
  private readonly byCode: Database.Statement;
  private readonly cache = new Map<string, Place[]>();
  /** Keys that are no place's name, answered without a query once enough were asked (see keyFilter.ts). */
  private keyFilter: KeyFilter | null = null;
  /** Read with keyFilter: the same for lookupJoined and lookupSkeleton. */
  private joinedFilter: KeyFilter | null = null;
  private skeletonFilter: KeyFilter | null = null;
  private misses = 0;
  private labels: BasemapLabels | null = null;
  readonly countryByName: Map<string, string>;
  readonly demonyms: Map<string, string>;
  /**
   * The keys of the countries' names of their own (name kinds 0 and 1) that hold the word "of"
   * ("republic of the congo", "islamic republic of iran"): whether words around an "of" are such a
   * country is a set lookup, not a query per way of cutting them.
   */
  readonly countryNamesWithOf: Set<string>;

  /**
   * `filterMissesAfter`: once that many looked-up names were no place's, filters of every name key
   * (and of the joined and skeleton spellings) are read (half a second, once) and answer such names
   * from then on. For a long reading
   * (the extraction workers); a gazetteer that answers the window leaves it off (undefined), as the
   * filter is read on its thread.
   */
  constructor(
    readonly file: string,
    private readonly filterMissesAfter?: number,
  ) {
    if (!Gazetteer.isCurrent(file)) buildGazetteer(file);
    this.db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: process.env.AWB_SQLITE_BINDING || undefined });
    // The file is only ever read, and replaced by a rename (build.ts): holding its shared lock for good
    // spares the lock, header check and unlock SQLite does around every query (a fifth of a lookup).
    this.db.pragma('locking_mode = EXCLUSIVE');
    // A name's places in two plain steps, the names by key and each place by id: some 13 µs against 22
    // for one query that joins and groups them (which sorted every answer in a temporary b-tree).
    this.idsByKey = this.db.prepare('SELECT place_id, kind FROM place_name WHERE key = ?').raw();
    this.byId = this.db.prepare(`${SELECT_PLACE} WHERE p.id = ?`);
    // A spelling that only runs the words together or apart is a variant of the name, never its own.
    this.byJoinedKey = this.db.prepare(
      `${SELECT_PLACE.replace(' FROM', ', max(min(n.kind), 1) AS nameKind FROM')} JOIN place_name n ON n.place_id = p.id
       WHERE n.rowid IN (SELECT rowid FROM place_name WHERE key = @joined
                         UNION ALL SELECT rowid FROM place_name WHERE replace(key, ' ', '') = @joined AND instr(key, ' ') > 0)
       GROUP BY p.id ORDER BY p.id`,
    );
    // A spelling found by its skeleton is a variant of the name, as an alternate name is.
    this.bySkeleton = this.db.prepare(`${SELECT_PLACE.replace(' FROM', ', 1 AS nameKind FROM')} JOIN place_skeleton s ON s.place_id = p.id WHERE s.key = ? ORDER BY p.id`);
    // Codes are keyed in capitals (every other key is lower case): only the code as written finds them.
    // `foundAs` is a name of the airport's that `lookup` finds it by, for resolving it with the article.
    this.byCode = this.db.prepare(
      `${SELECT_PLACE.replace(' FROM', `, 3 AS nameKind, a.municipality,
         (SELECT o.name FROM place_name o WHERE o.place_id = p.id AND o.kind < 3 ORDER BY o.kind, o.rowid LIMIT 1) AS foundAs FROM`)}
       JOIN place_name n ON n.place_id = p.id JOIN airport a ON a.place_id = p.id WHERE n.key = ? AND n.kind = 3 ORDER BY p.id`,
    );
    // Most populous first: a demonym two countries share ("Dominican", "Congolese") names the larger.
    // One pass over the places: a subquery per country read them all 250 times (5.5 s at every open).
    const countries = this.db
      .prepare(
        `SELECT c.code, c.name, c.demonym, c.demonym_f FROM country c
         LEFT JOIN (SELECT country, max(population) AS population FROM place WHERE kind = 'country' GROUP BY country) p ON p.country = c.code
         ORDER BY p.population DESC NULLS LAST, c.code`,
      )
      .all() as { code: string; name: string; demonym: string | null; demonym_f: string | null }[];
    this.countryByName = new Map(countries.map((c) => [nameKey(c.name), c.code]));
    this.countryNamesWithOf = new Set(
      this.db
        .prepare("SELECT DISTINCT n.key FROM place_name n JOIN place p ON p.id = n.place_id WHERE p.kind = 'country' AND n.kind <= 1 AND ' ' || n.key || ' ' LIKE '% of %'")
        .pluck()
        .all() as string[],
    );
    this.demonyms = demonymsOf(countries);
  }

  static isCurrent(file: string): boolean {
    if (!fs.existsSync(file)) return false;
    try {
      const db = new Database(file, { readonly: true, nativeBinding: process.env.AWB_SQLITE_BINDING || undefined });
      const version = db.pragma('user_version', { simple: true });
      db.close();
      return version === GAZETTEER_VERSION;
    } catch {
      return false;
    }
  }

  /** Every place called `name` (any of its names), unranked. */
  lookup(name: string): Place[] {
    const key = nameKey(name);
    let hit = this.cache.get(key);
    if (!hit) {
      if (this.keyFilter && !this.keyFilter.mightHold(key)) return [];
      hit = this.placesByKey(key);
      if (hit.length === 0 && this.filterMissesAfter !== undefined && !this.keyFilter && ++this.misses > this.filterMissesAfter) this.readKeyFilters();
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * The filters of every name key, of every name of several words with its words run together (what
   * lookupJoined looks for besides the keys) and of every spelling skeleton. Most names asked about
   * are none of those, and each question was an SQLite query.
   */
  private readKeyFilters(): void {
    const filterOf = (sql: string) => {
      const keys = this.db.prepare(sql).pluck();
      return KeyFilter.of(keys.iterate() as Iterable<string>, this.db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number);
    };
    this.keyFilter = filterOf('SELECT DISTINCT key FROM place_name');
    this.joinedFilter = filterOf("SELECT DISTINCT replace(key, ' ', '') FROM place_name WHERE instr(key, ' ') > 0");
    this.skeletonFilter = filterOf('SELECT DISTINCT key FROM place_skeleton');
  }

  /** The places a name key is a name of, by id, each with the best kind of name it has there. */
  private placesByKey(key: string): Place[] {
    const rows = this.idsByKey.all(key) as [number, number][];
    if (rows.length === 0) return [];
    const kinds = new Map<number, number>();
    for (const [id, kind] of rows) kinds.set(id, Math.min(kind, kinds.get(id) ?? kind));
    return [...kinds.keys()]
      .sort((a, b) => a - b)
      .map((id) => {
        const place = this.byId.get(id) as Place;
        place.nameKind = kinds.get(id)!;
        return place;
      });
  }

  /**
   * Every place whose name has the same letters as `name` with its words run together or split
   * apart: news writes "Dawlat Abad" for Dowlatabad and "Lashkargah" for Lashkar Gah. For a name
   * that `lookup` does not find; a name under five letters is too short to say.
   */
  lookupJoined(name: string): Place[] {
    const joined = nameKey(name).replaceAll(' ', '');
    if (joined.length < 5) return [];
    const memo = `\u0000${joined}`;
    let hit = this.cache.get(memo);
    if (!hit) {
      if (this.keyFilter && !this.keyFilter.mightHold(joined) && !this.joinedFilter!.mightHold(joined)) return [];
      hit = this.byJoinedKey.all({ joined }) as Place[];
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(memo, hit);
    }
    return hit;
  }

  /**
   * The towns of 100,000 people and the provinces whose name has the same spelling skeleton
   * (normalise.ts): "Hodeidah" finds Al Ḩudaydah, which GeoNames spells "Hodeida". For a name that
   * neither `lookup` nor `lookupJoined` finds.
   */
  lookupSkeleton(name: string): Place[] {
    const skeleton = spellingSkeleton(nameKey(name));
    if (!skeleton) return [];
    const memo = `\u0002${skeleton}`;
    let hit = this.cache.get(memo);
    if (!hit) {
      if (this.skeletonFilter && !this.skeletonFilter.mightHold(skeleton)) return [];
      hit = this.bySkeleton.all(skeleton) as Place[];
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(memo, hit);
    }
    return hit;
  }

  /**
   * The airport whose IATA ("KBL") or ICAO ("OAKB") code is written exactly so: capitals, three or
   * four letters. A word ("Kbl", "can") or a code that spells one ("CAN") finds nothing.
   */
  lookupCode(code: string): (Place & { municipality: string | null; foundAs: string })[] {
    if (!/^[A-Z]{3,4}$/.test(code)) return [];
    // Cached with the names: "NATO", "ISIS" and the like come in article after article.
    const memo = `\u0001${code}`;
    let hit = this.cache.get(memo) as (Place & { municipality: string | null; foundAs: string })[] | undefined;
    if (!hit) {
      hit = this.byCode.all(code) as (Place & { municipality: string | null; foundAs: string })[];
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(memo, hit);
    }
    return hit;
  }

  has(name: string): boolean {
    return this.lookup(name).length > 0;
  }

  get(id: number): Place | null {
    return (this.byId.get(id) as Place | undefined) ?? null;
  }

  /**
   * Names starting with what the analyst typed (the candidate picker): the name (or airport code) itself first, then
   * places in the workspace's countries (`countries`, most-used first), then the biggest.
   */
  search(text: string, limit = 20, countries: string[] = []): Place[] {
    const key = nameKey(text);
    if (!key) return [];
    const words = key.split(' ').map((t) => t.replaceAll('"', ''));
    // "Dawlat Abad" typed finds Dowlatabad too: the words run together are a name's beginning as well.
    const terms = words.length > 1 ? `(${words.map((t) => `"${t}"*`).join(' ')}) OR "${words.join('')}"*` : `"${words[0]}"*`;
    return this.db
      .prepare(
        `${SELECT_PLACE}
         JOIN (SELECT n.place_id, max(n.key IN (?, ?)) AS exact FROM place_search s JOIN place_name n ON n.rowid = s.rowid
               WHERE place_search MATCH ? GROUP BY n.place_id LIMIT 5000) m ON m.place_id = p.id
         ORDER BY m.exact DESC, coalesce((SELECT key FROM json_each(?) WHERE value = p.country), 1000) ASC, p.population DESC, p.id LIMIT ?`,
      )
      // An airport's code typed ("kbl" or "KBL") is an exact match too: codes are keyed in capitals.
      .all(key, key.toUpperCase(), terms, JSON.stringify(countries), limit) as Place[];
  }

  /**
   * The basemap's names (see BasemapLabels): every country, and towns of 50,000 people or more
   * (not city sections, historical or abandoned places), one per name and country.
   */
  basemapLabels(): BasemapLabels {
    this.labels ??= {
      countries: this.db.prepare("SELECT name, lat, lon, population FROM place WHERE kind = 'country' ORDER BY population DESC").raw().all() as BasemapLabels['countries'],
      cities: this.db
        .prepare(
          `SELECT name, lat, lon, max(population) AS population, max(feature = 'PPLC') AS capital FROM place
           WHERE kind = 'city' AND population >= 50000 AND feature NOT IN ('PPLX', 'PPLH', 'PPLQ', 'PPLW', 'AIRP', 'AIRB')
           GROUP BY name, country ORDER BY population DESC`,
        )
        .raw()
        .all() as BasemapLabels['cities'],
    };
    return this.labels;
  }

  /** Candidates for a name in context, best first. */
  rank(name: string, context: PlaceContext): RankedPlace[] {
    return rankCandidates(this.lookup(name), {
      countries: new Map([...context.countries].map((c) => [c, 1])),
      admin1s: new Map(),
      near: context.near,
      wants: context.wantsAdminArea ? 'admin1' : null,
      containers: [],
    });
  }

  close(): void {
    this.db.close();
  }
}

