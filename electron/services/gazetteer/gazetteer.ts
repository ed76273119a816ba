import Database from 'better-sqlite3';
import fs from 'node:fs';
import { buildGazetteer, distanceKm, GAZETTEER_VERSION } from './build.js';
import { nameKey } from './normalise.js';

export interface Place {
  id: number;
  name: string;
  kind: 'city' | 'admin1' | 'country' | 'custom';
  feature: string | null;
  country: string | null;
  admin1Name: string | null;
  lat: number;
  lon: number;
  population: number;
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

const SELECT_PLACE = `SELECT p.id, p.name, p.kind, p.feature, p.country, p.admin1_name AS admin1Name, p.lat, p.lon, p.population FROM place p`;

/** The offline gazetteer, opened read-only; built on first use when the file is missing or old. */
export class Gazetteer {
  private readonly db: Database.Database;
  private readonly byKey: Database.Statement;
  private readonly cache = new Map<string, Place[]>();
  readonly countryByName: Map<string, string>;
  readonly demonyms: Map<string, string>;

  constructor(readonly file: string) {
    if (!Gazetteer.isCurrent(file)) buildGazetteer(file);
    this.db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: process.env.AWB_SQLITE_BINDING || undefined });
    this.byKey = this.db.prepare(`${SELECT_PLACE} JOIN place_name n ON n.place_id = p.id WHERE n.key = ?`);
    const countries = this.db.prepare('SELECT code, name, demonym FROM country').all() as { code: string; name: string; demonym: string | null }[];
    this.countryByName = new Map(countries.map((c) => [nameKey(c.name), c.code]));
    this.demonyms = new Map(countries.filter((c) => c.demonym).map((c) => [nameKey(c.demonym!), c.code]));
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
      const rows = this.byKey.all(key) as Place[];
      hit = [...new Map(rows.map((r) => [r.id, r])).values()];
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }

  has(name: string): boolean {
    return this.lookup(name).length > 0;
  }

  get(id: number): Place | null {
    return (this.db.prepare(`${SELECT_PLACE} WHERE p.id = ?`).get(id) as Place | undefined) ?? null;
  }

  /** Names starting with what the analyst typed, biggest places first (the candidate picker). */
  search(text: string, limit = 20): Place[] {
    const key = nameKey(text);
    if (!key) return [];
    const terms = key.split(' ').map((t) => `"${t.replaceAll('"', '')}"*`).join(' ');
    return this.db
      .prepare(
        `${SELECT_PLACE} WHERE p.id IN (SELECT n.place_id FROM place_search s JOIN place_name n ON n.rowid = s.rowid WHERE place_search MATCH ? LIMIT 2000)
         ORDER BY (p.kind = 'country') DESC, (p.kind = 'admin1') DESC, p.population DESC LIMIT ?`,
      )
      .all(terms, limit) as Place[];
  }

  /** Candidates for a name in context, best first. */
  rank(name: string, context: PlaceContext): RankedPlace[] {
    return rankPlaces(name, this.lookup(name), context);
  }

  close(): void {
    this.db.close();
  }
}

const FEATURE_WEIGHT: Record<string, number> = { PPLC: 3, PPLA: 2, PPLA2: 1, PPLA3: 0.5, PPLA4: 0.3 };

/**
 * Ranks candidate places: exact name, kind (a country or province named as such), the article's
 * countries, size, and nearness to the article's other places. Scores are additive and explainable.
 */
export function rankPlaces(name: string, candidates: Place[], context: PlaceContext): RankedPlace[] {
  const key = nameKey(name);
  const centre = context.near.length
    ? { lat: context.near.reduce((s, p) => s + p.lat, 0) / context.near.length, lon: context.near.reduce((s, p) => s + p.lon, 0) / context.near.length }
    : null;
  return candidates
    .map((p) => {
      let score = 0;
      if (nameKey(p.name) === key) score += 1.5;
      if (p.kind === 'country') score += 6;
      if (p.kind === 'admin1') score += context.wantsAdminArea ? 4 : 0.5;
      if (p.kind === 'city' && context.wantsAdminArea) score -= 1;
      score += FEATURE_WEIGHT[p.feature ?? ''] ?? 0;
      score += Math.log10(p.population + 1) * 0.6;
      if (p.country && context.countries.has(p.country)) score += 4;
      if (centre) {
        const d = distanceKm(centre, p);
        score += d < 300 ? 3 : d < 1000 ? 1.5 : 0;
      }
      return { ...p, score };
    })
    .sort((a, b) => b.score - a.score);
}
