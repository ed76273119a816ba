import { createRequire } from 'node:module';
import { ACLED_COUNTRY_NAMES, ACLED_INTER_LABELS, acledRegionOf, interactionLabel, interactionOf, type ActorType } from '../../contract/acled.js';
import type { EventRecord } from '../../contract/events.js';
import { EventsRepository } from '../../../db/events.js';
import type { ExportModel } from '../../../db/exportModel.js';
import type { Db } from '../../../db/open.js';

const require = createRequire(import.meta.url);

/** ACLED's 31 columns, in the order of its current data export (and of its API and R package). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledCells = Record<AcledColumn, string>;

/**
 * How actor types and dates are written: `text` as ACLED's current data does ("Rebel Groups",
 * "State Forces-Rebel Groups", "16 May 2025"); `numeric` as its older files and its API on request
 * (inter codes 1–8, interaction "12", dates "2025-05-16").
 */
export type AcledCodes = 'text' | 'numeric';

interface Country {
  cca2: string;
  cca3: string;
  ccn3: string;
  name: { common: string; official: string };
  altSpellings: string[];
}
let countries: Country[] | null = null;
const allCountries = () => (countries ??= require('world-countries') as Country[]);
const countryKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

export const countryOf = (iso2: string | null): Country | null => (iso2 ? (allCountries().find((c) => c.cca2 === iso2) ?? null) : null);

/** A country from what an ACLED row gives: its numeric ISO code, else its name (ACLED's spelling or a common one). */
export function countryFromRow(iso: string, name: string): Country | null {
  const code = Number(iso);
  if (iso.trim() && Number.isInteger(code) && code > 0) {
    const hit = allCountries().find((c) => c.ccn3 !== '' && Number(c.ccn3) === code);
    if (hit) return hit;
  }
  const key = countryKey(name);
  if (!key) return null;
  const acled = Object.entries(ACLED_COUNTRY_NAMES).find(([, n]) => countryKey(n) === key)?.[0];
  return allCountries().find((c) => c.cca3 === acled || [c.name.common, c.name.official, ...c.altSpellings].some((n) => countryKey(n) === key)) ?? null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const textDate = (iso: string) => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const coordinate = (x: number | null) => (x === null ? '' : x.toFixed(4));

/** One event as this workspace writes it in ACLED's columns; `id` is its event_id_cnty. */
export function acledCells(e: EventRecord, codes: AcledCodes, id: string, articleSources: string[]): AcledCells {
  const country = countryOf(e.country);
  const type1 = e.actor1 && e.actor1.type >= 1 ? (e.actor1.type as ActorType) : null;
  const type2 = e.actor2 && e.actor2.type >= 1 ? (e.actor2.type as ActorType) : null;
  const inter = (t: ActorType | null) => (t === null ? '' : codes === 'numeric' ? String(t) : ACLED_INTER_LABELS[t]);
  const interaction = codes === 'numeric' ? String(interactionOf(type1, type2) ?? '') : interactionLabel(type1, type2);
  return {
    event_id_cnty: id,
    event_date: codes === 'numeric' ? e.date : textDate(e.date),
    year: e.date.slice(0, 4),
    time_precision: String(e.timePrecision),
    disorder_type: e.disorderType,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: e.actor1?.name ?? '',
    assoc_actor_1: e.associates1.map((a) => a.name).join('; '),
    inter1: e.actor1 ? inter(type1) : '',
    actor2: e.actor2?.name ?? '',
    assoc_actor_2: e.associates2.map((a) => a.name).join('; '),
    inter2: e.actor2 ? inter(type2) : '',
    interaction: e.actor1 && (type1 === null || (e.actor2 && type2 === null)) ? '' : interaction,
    civilian_targeting: e.civilianTargeting ? 'Civilian targeting' : '',
    iso: country?.ccn3 ? String(Number(country.ccn3)) : '',
    region: acledRegionOf(country?.cca3 ?? null) ?? '',
    country: country ? (ACLED_COUNTRY_NAMES[country.cca3] ?? country.name.common) : '',
    admin1: e.admin1 ?? '',
    admin2: e.admin2 ?? '',
    admin3: e.admin3 ?? '',
    location: e.placeName ?? e.location?.name ?? '',
    latitude: coordinate(e.lat),
    longitude: coordinate(e.lon),
    geo_precision: String(e.geoPrecision),
    source: e.source ?? articleSources.join('; '),
    source_scale: e.sourceScale ?? '',
    notes: e.notes ?? '',
    fatalities: String(e.fatalities),
    tags: e.tags.join('; '),
    timestamp: String(Math.floor(Date.parse(e.updatedAt) / 1000)),
  };
}

/**
 * What a cell means, whatever form it was written in: the basis an import records, and what an
 * export compares with it to tell a cell the analyst changed from one to write back as it came.
 */
export const acledMeaning = (e: EventRecord, id: string): AcledCells => acledCells(e, 'numeric', id, []);

const INTER_COLUMNS: readonly AcledColumn[] = ['inter1', 'inter2', 'interaction'];

/**
 * One row per event, in ACLED's columns. An imported event writes back each cell as its file had
 * it unless what it means has changed since (the analyst edited that field); actor types follow
 * `codes` in every row, so a file never mixes the two forms. Events coded here get an id of their
 * country's code, "AWB" and their number, which no ACLED id has (ACLED's are letters and digits
 * only after the code), suffixed if an imported row already holds it.
 */
export function* acledRows(db: Db, model: ExportModel, codes: AcledCodes = 'text'): Generator<string[]> {
  const repo = new EventsRepository(db);
  const kept = repo.acledSources(model.events.map((e) => e.id));
  const taken = repo.acledIds();
  const sourceOf = new Map(model.articles.map((a) => [a.id, a.source]));
  for (const e of model.events) {
    const articleSources = [...new Set(e.evidence.map((ev) => sourceOf.get(ev.articleId)).filter((s): s is string => !!s))];
    const id = e.acledId ?? ownId(e, taken);
    const cells = acledCells(e, codes, id, articleSources);
    const source = kept.get(e.id);
    if (!source) {
      yield ACLED_COLUMNS.map((c) => cells[c]);
      continue;
    }
    const meaning = acledMeaning(e, id);
    // The record's last change is the analyst's edit whenever any other cell changed, even within the
    // second of the import (compared alone, the two timestamps would then be equal).
    const edited = ACLED_COLUMNS.some((c) => c !== 'timestamp' && source.row[c] !== undefined && source.basis[c] !== meaning[c]);
    yield ACLED_COLUMNS.map((c) => {
      const written = source.row[c];
      if (c === 'timestamp' && edited) return cells[c];
      // A column the file did not have (older exports lack disorder_type, tags…) is written as here.
      if (written === undefined) return cells[c];
      const unchanged = source.basis[c] === meaning[c];
      // A type the import could not read is written as the file had it, in either form.
      if (INTER_COLUMNS.includes(c)) return unchanged && (cells[c] === '' || (codes === 'text' && !/^\d+$/.test(written.trim()))) ? written : cells[c];
      return unchanged ? written : cells[c];
    });
  }
}

function ownId(e: EventRecord, taken: Set<string>): string {
  const base = `${countryOf(e.country)?.cca3 ?? 'XXX'}AWB${e.id}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
