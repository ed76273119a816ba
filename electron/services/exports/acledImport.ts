import Papa from 'papaparse';
import {
  SUB_EVENT_TYPES,
  disorderTypeOf,
  eventTypeOf,
  interactionOf,
  readActorType,
  readSourceScale,
  type ActorType,
  type SubEventType,
} from '../../contract/acled.js';
import type { EntityType, PlaceKind } from '../../contract/entities.js';
import type { EventInput } from '../../contract/events.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import type { ImportedEvent, KeptSource } from '../../../db/events.js';
import { writeTransaction } from '../../../db/open.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { ACLED_COLUMNS, acledMeaning, countryFromRow } from './acled.js';
import { restoreCell } from './safeText.js';

const ACTOR_ENTITY: Partial<Record<ActorType, EntityType>> = { 5: 'group', 6: 'group', 7: 'group' };
const REQUIRED = ['event_date', 'sub_event_type', 'actor1', 'latitude', 'longitude'];
const KIND_RANK: Record<PlaceKind, number> = { city: 0, custom: 1, admin2: 2, admin1: 3, region: 4, country: 5, continent: 6 };
const ACLED_REGIONS = new Set([
  'western africa', 'middle africa', 'eastern africa', 'southern africa', 'northern africa', 'south asia', 'southeast asia', 'middle east',
  'europe', 'caucasus and central asia', 'central america', 'south america', 'caribbean', 'east asia', 'north america', 'oceania', 'antarctica',
]);

/**
 * Events from an ACLED CSV in any of its forms (current text labels or the older numeric codes;
 * dates as "16 May 2025", "2025-05-16" or "16-May-25"), with their actors and places made or found
 * in the registry. Each row keeps what it said (its id, location name, coordinates, admin areas,
 * country, every cell as written) beside the gazetteer place it is linked to. A value that cannot
 * be read is kept as written and named in the report with its row and column, never replaced by a
 * default in silence; a row is skipped only when it lacks what an event cannot be without (a date,
 * a known sub-event type, actor 1). Row numbers count the header as row 1, as a spreadsheet shows.
 */
export function importAcled(ws: Workspace, text: string): ExchangeImportResult {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length) throw new UserError('bad_acled', `This CSV lacks ACLED columns: ${missing.join(', ')}.`);
  const result: ExchangeImportResult = { kind: 'acled', created: 0, matched: 0, skipped: 0, messages: [] };
  const unknown = fields.filter((f) => !(ACLED_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) result.messages.push(`Columns not read: ${unknown.join(', ')} (ACLED's export has no such columns; their cells are kept with each event but not written back).`);
  const absent = (['time_precision', 'geo_precision'] as const).filter((c) => !fields.includes(c));
  if (absent.length) result.messages.push(`No ${absent.join(' or ')} column: every event counted as precision 1 until you correct it.`);
  const report = new Report();
  const reg = ws.entities;
  const repo = ws.events.events;
  // ACLED files name the same actors and places on many rows: each is looked up once per file.
  const actors = new Map<string, number>();
  const actor = (name: string, type: ActorType | null) => {
    const entityType = (type && ACTOR_ENTITY[type]) ?? 'organisation';
    const key = `${entityType}\u0000${name}`;
    let id = actors.get(key);
    if (id === undefined) actors.set(key, (id = reg.entities.resolve(entityType, name, null, 'analyst')));
    return id;
  };
  const unplaced = ws.db.prepare('SELECT lat IS NULL FROM entity WHERE id = ?').pluck();
  const places = new Map<string, number>();
  // The gazetteer link is kept beside the row's own place: rows at the same record share one
  // entity (and the article mentions of it), whatever name each row gives it.
  const locationOf = (name: string, lat: number | null, lon: number | null) => {
    const key = `${name}\u0000${lat}\u0000${lon}`;
    let id = places.get(key);
    if (id === undefined) {
      const link = lat !== null && lon !== null ? placeNear(ws, name, lat, lon) : null;
      places.set(key, (id = reg.entities.resolve('place', name, link, 'analyst')));
      // A place of that name already in the registry but not yet on the map is placed here.
      if (link && unplaced.get(id)) reg.entities.setPlace(id, link);
    }
    return id;
  };

  writeTransaction(ws.db, () => {
    parsed.data.forEach((raw, i) => {
      const row = i + 2;
      const cells: Record<string, string> = {};
      for (const f of fields) cells[f] = undefend(raw[f]);
      const note = (column: string, why: string) => report.add(row, column, cells[column] ?? '', why);
      const skip = (column: string, why: string) => {
        result.skipped++;
        note(column, `${why} The row was not imported.`);
      };

      const acledId = cells.event_id_cnty || null;
      if (acledId && repo.byAcledId(acledId) !== null) {
        result.matched++;
        return;
      }
      const sub = SUB_EVENT_TYPES.find((s) => s.toLowerCase() === (cells.sub_event_type ?? '').toLowerCase()) as SubEventType | undefined;
      if (!sub) return skip('sub_event_type', 'is not one of ACLED’s sub-event types.');
      const date = readAcledDate(cells.event_date ?? '');
      if (!date) return skip('event_date', 'is not a date (ACLED writes 16 May 2025, 2025-05-16 or 16-May-25).');
      const name1 = cells.actor1 ?? '';
      if (!name1) return skip('actor1', 'is empty: an event needs actor 1.');

      if (cells.event_type && cells.event_type.toLowerCase() !== eventTypeOf(sub).toLowerCase()) note('event_type', `does not match the sub-event type “${sub}” (an event of type ${eventTypeOf(sub)}); kept as written.`);
      if (cells.disorder_type && cells.disorder_type.toLowerCase() !== disorderTypeOf(sub).toLowerCase()) note('disorder_type', `is not the disorder type ACLED gives “${sub}” (${disorderTypeOf(sub)}); kept as written.`);
      if (cells.year && cells.year !== date.slice(0, 4)) note('year', `is not the year of ${date}; kept as written.`);

      const typeOf = (column: 'inter1' | 'inter2') => {
        const type = readActorType(cells[column] ?? '');
        if (type === null) note(column, `is not an ACLED actor type (a name such as Rebel Groups, or a code 1–8); kept as written, with the type left for you to choose.`);
        return type;
      };
      const type1 = typeOf('inter1');
      const name2 = cells.actor2 ?? '';
      const type2 = name2 ? typeOf('inter2') : null;
      if (cells.interaction && type1 !== null && (!name2 || type2 !== null)) {
        const read = readInteraction(cells.interaction);
        const expected = interactionOf(type1, type2);
        if (read === null) note('interaction', 'is not an ACLED interaction; kept as written.');
        else if (read !== expected) note('interaction', `does not match the actor types (${expected}); kept as written.`);
      }

      const precision = (column: 'time_precision' | 'geo_precision') => {
        const value = cells[column] ?? '';
        if (/^[123]$/.test(value)) return Number(value) as 1 | 2 | 3;
        if (absent.includes(column)) return 1;
        note(column, `is not a precision code (1, 2 or 3): counted as 1 until you correct it; written back as it was.`);
        return 1;
      };
      const timePrecision = precision('time_precision');
      const geoPrecision = precision('geo_precision');

      let civilianTargeting = false;
      if (/^civilian targeting$/i.test(cells.civilian_targeting ?? '')) civilianTargeting = true;
      else if (cells.civilian_targeting) note('civilian_targeting', 'is neither empty nor “Civilian targeting”: not counted as civilian targeting; written back as it was.');

      let fatalities = 0;
      if (/^\d+$/.test(cells.fatalities ?? '')) fatalities = Number(cells.fatalities);
      else if (cells.fatalities !== undefined) note('fatalities', 'is not a count: counted as 0 until you correct it; written back as it was.');

      let sourceScale: string | null = null;
      if (cells.source_scale) {
        sourceScale = readSourceScale(cells.source_scale);
        if (sourceScale === null) note('source_scale', 'is not one of ACLED’s source scales (or a compound of them such as Subnational-National); kept as written.');
      }

      const country = countryFromRow(cells.iso ?? '', cells.country ?? '');
      if (!country && (cells.iso || cells.country)) note(cells.country ? 'country' : 'iso', 'is no country known here; kept as written.');
      if (cells.region && !ACLED_REGIONS.has(cells.region.toLowerCase())) note('region', 'is not one of ACLED’s regions; kept as written.');

      const lat = readCoordinate(cells.latitude ?? '', 90);
      const lon = readCoordinate(cells.longitude ?? '', 180);
      if (lat === null) note('latitude', 'is not a latitude: the event is not on the map until you place it.');
      if (lon === null) note('longitude', 'is not a longitude: the event is not on the map until you place it.');
      const placed = lat !== null && lon !== null;
      const placeName = cells.location || cells.admin3 || cells.admin2 || cells.admin1 || cells.country || '';
      const locationId = placeName ? locationOf(placeName, placed ? lat : null, placed ? lon : null) : null;

      const split = (v: string | undefined) => (v ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      const event: ImportedEvent = {
        date,
        timePrecision,
        subEventType: sub,
        actor1: { entityId: actor(name1, type1), type: type1 },
        actor2: name2 ? { entityId: actor(name2, type2), type: type2 } : null,
        associates1: split(cells.assoc_actor_1).map((n) => actor(n, type1)),
        associates2: split(cells.assoc_actor_2).map((n) => actor(n, type2)),
        civilianTargeting,
        locationId,
        geoPrecision,
        fatalities,
        source: cells.source || null,
        sourceScale,
        notes: cells.notes || null,
        tags: split(cells.tags),
      };
      const kept: KeptSource = {
        acledId,
        placeName: cells.location || null,
        lat: placed ? lat : null,
        lon: placed ? lon : null,
        admin1: cells.admin1 || null,
        admin2: cells.admin2 || null,
        admin3: cells.admin3 || null,
        country: country?.cca2 ?? null,
        row: cells,
      };
      repo.createImported(event, kept, (record) => acledMeaning(record, acledId ?? ''));
      result.created++;
      // ACLED's coding stands as written; where it breaks a rule this workspace checks, say so.
      if (type1 !== null && (!event.actor2 || type2 !== null)) {
        for (const p of ws.events.rulesBroken(event as EventInput).filter((x) => x.field !== 'location')) {
          result.messages.push(`Row ${row}: imported as ACLED coded it, though: ${p.message}`);
        }
      }
    });
  });
  result.messages.push(...report.lines());
  return result;
}

/** Values not read, grouped by column, value and what was done, each with every row it occurs in. */
class Report {
  private readonly groups = new Map<string, { column: string; value: string; why: string; rows: number[] }>();

  add(row: number, column: string, value: string, why: string): void {
    const key = JSON.stringify([column, value, why]);
    const group = this.groups.get(key) ?? { column, value, why, rows: [] };
    group.rows.push(row);
    this.groups.set(key, group);
  }

  lines(): string[] {
    return [...this.groups.values()].map((g) => `${g.rows.length === 1 ? 'Row' : 'Rows'} ${ranges(g.rows)}, column ${g.column}: “${g.value.slice(0, 80)}” ${g.why}`);
  }
}

/** 2, 3, 4, 7 → "2–4, 7". */
function ranges(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return out.join(', ');
}

/** Our CSV export defuses cells that a spreadsheet would run as formulas with an apostrophe: taken off again here. */
const undefend = (v: string | undefined) => restoreCell(v ?? '').trim();

function readCoordinate(value: string, limit: number): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  const x = Number(value);
  return Math.abs(x) <= limit ? x : null;
}

/** An interaction written as a number ("12", "10") or as text ("State Forces-Rebel Groups", "Sole Protesters", "Protesters only"): its numeric code. */
export function readInteraction(value: string): number | null {
  const text = value.trim();
  if (/^[1-8][0-8]$/.test(text)) {
    const [a, b] = [Number(text[0]), Number(text[1])];
    return b === 0 || a <= b ? Number(text) : null;
  }
  const sole = /^sole\s+(.+)$/i.exec(text) ?? /^(.+?)\s+only$/i.exec(text);
  if (sole) {
    const type = /^others?$/i.test(sole[1]!) ? 8 : readActorType(sole[1]!);
    return type === null ? null : type * 10;
  }
  const parts = text.split('-');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => readActorType(p));
  return a && b ? interactionOf(a, b) : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** ACLED's dates: "2025-05-16" (its API), "16 May 2025" (its data export), "16-May-25" or "16-May-2025" (older files and spreadsheets). */
export function readAcledDate(value: string): string | null {
  const v = value.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const written = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4}|\d{2})$/.exec(v);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (written) {
    const name = written[2]!.toLowerCase();
    month = MONTHS.findIndex((m) => m === name || (name.length <= 4 && m.startsWith(name))) + 1;
    // Two-digit years: ACLED's data begins in 1997.
    year = written[3]!.length === 2 ? Number(written[3]) + (Number(written[3]) >= 90 ? 1900 : 2000) : Number(written[3]);
    day = Number(written[1]);
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A gazetteer place of that name within 10 km (so admin areas and country follow), else a custom place there. */
export function placeNear(ws: Workspace, name: string, lat: number, lon: number) {
  const km = (p: { lat: number; lon: number }) => Math.hypot(p.lat - lat, (p.lon - lon) * Math.cos((lat * Math.PI) / 180)) * 111.2;
  const near = ws.entities
    .searchPlaces(name)
    .filter((p) => km(p) <= 10)
    // A province sits at its seat: at the same point, the town is the likelier meaning.
    .sort((a, b) => Math.round(km(a)) - Math.round(km(b)) || KIND_RANK[a.kind] - KIND_RANK[b.kind])[0];
  if (near) return ws.entities.placeLink({ gazetteerId: near.id });
  const existing = ws.entities.entities.findCustomPlace(name, lat, lon);
  return existing ? ws.entities.placeLink({ gazetteerId: existing.id }) : ws.entities.placeLink({ custom: { name, lat, lon } });
}
