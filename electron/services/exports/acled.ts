import { createRequire } from 'node:module';
import { ACTOR_TYPES, type ActorType } from '../../contract/acled.js';
import type { ExportModel } from '../../../db/exportModel.js';

const require = createRequire(import.meta.url);

/** ACLED's current 31 columns, in its order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

interface Country {
  cca2: string;
  cca3: string;
  ccn3: string;
  subregion: string;
  name: { common: string };
}
let countries: Map<string, Country> | null = null;
export function countryOf(code: string | null): Country | null {
  countries ??= new Map((require('world-countries') as Country[]).map((c) => [c.cca2, c]));
  return code ? (countries.get(code) ?? null) : null;
}
export function countryByName(name: string): Country | null {
  countryOf(null);
  for (const c of countries!.values()) if (c.name.common.toLowerCase() === name.toLowerCase() || c.cca3 === name) return c;
  return null;
}

/** One row per event, as ACLED's export writes it: actor types as inter codes, associates joined by "; ". */
export function acledRows(model: ExportModel): (string | number)[][] {
  const now = Math.floor(Date.now() / 1000);
  const sourceOf = new Map(model.articles.map((a) => [a.id, a.source]));
  return model.events.map((e) => {
    const country = countryOf(e.country);
    const sources = [...new Set(e.evidence.map((ev) => sourceOf.get(ev.articleId)).filter((s): s is string => !!s))];
    return [
      `${country?.cca3 ?? 'XXX'}${e.id}`,
      e.date,
      e.date.slice(0, 4),
      e.timePrecision,
      e.disorderType,
      e.eventType,
      e.subEventType,
      e.actor1?.name ?? '',
      e.associates1.map((a) => a.name).join('; '),
      e.actor1?.type ?? '',
      e.actor2?.name ?? '',
      e.associates2.map((a) => a.name).join('; '),
      e.actor2?.type ?? '',
      e.interaction ?? '',
      e.civilianTargeting ? 'Civilian targeting' : '',
      country ? Number(country.ccn3) : '',
      country?.subregion ?? '',
      country?.name.common ?? '',
      e.admin1 ?? '',
      '',
      '',
      e.location?.name ?? '',
      e.lat ?? '',
      e.lon ?? '',
      e.geoPrecision,
      e.source ?? sources.join('; '),
      e.sourceScale ?? '',
      e.notes ?? '',
      e.fatalities,
      e.tags.join('; '),
      now,
    ];
  });
}

/** Reads an inter code written as a number ("2") or as its name ("Rebel group"). */
export function actorTypeOf(value: string): ActorType | null {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 8) return n as ActorType;
  const hit = Object.entries(ACTOR_TYPES).find(([, name]) => name.toLowerCase() === value.trim().toLowerCase());
  return hit ? (Number(hit[0]) as ActorType) : null;
}
