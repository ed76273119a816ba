/**
 * Place names news writes in ways a plain gazetteer lookup misses: an air facility ("Bagram
 * Airfield", "Hamid Karzai International Airport") and an airport's code ("KBL"). The acronym an
 * article defines for a place ("… International Airport (HKIA)") is documentNames.ts' linkAcronyms.
 */
import { distanceKm } from '../gazetteer/build.js';
import type { Place } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import type { Suggestion } from './extract.js';
import { COUNTRY_ABBREVIATIONS, KNOWN_ORGANISATION_NAMES } from './lexicon.js';

/** A place suggestion waiting to be resolved with the article's other places. */
export interface PendingPlace {
  s: Suggestion;
  wantsAdminArea: boolean;
  lookupName?: string;
  /** Placed only in a country of the article's other places, if it has any (a valley at the province of its name). */
  amongArticleCountries?: true;
}

/** Takes a suggestion out, and its place with it, when a reader joins it into a longer name. */
export function dropSuggestion(suggestions: Suggestion[], places: PendingPlace[], s: Suggestion): void {
  suggestions.splice(suggestions.indexOf(s), 1);
  const pending = places.findIndex((p) => p.s === s);
  if (pending !== -1) places.splice(pending, 1);
}

interface PlaceLookup {
  lookup(name: string): Place[];
  lookupJoined?(name: string): Place[];
  lookupCode?(code: string): (Place & { municipality: string | null; foundAs: string })[];
}

/** "Bagram Airfield", "Kandahar International Airport", "Shindand Air Base": the name before the head word. */
const AIR_FACILITY = /^(.+?)\s+(?:(?:International|Regional|Military|Domestic)\s+)?(Airport|Airfield|Air\s?[Ff]ield|Air\s+Base|Airbase|Air\s+Station|Airstrip)$/u;

/** The name an air facility carries before its head word ("Bagram" for "Bagram Airfield"), or null. */
export function airFacility(name: string): { namedAfter: string; head: string } | null {
  const m = AIR_FACILITY.exec(name.trim());
  return m ? { namedAfter: m[1]!, head: m[2]! } : null;
}

/** A type the analyst gave: the registry's confirmed name, or a reading the name model remembers from them. Never overridden here. */
/** A suggestion that repeats the analyst's own decision, which no rule of the extractor overrides. */
export const analysts = (s: Suggestion) => s.reason === 'confirmed before in this workspace' || s.reason.includes('as the analyst marked it before');

const found = (gazetteer: PlaceLookup, name: string) => gazetteer.lookup(name).length > 0 || (gazetteer.lookupJoined?.(name).length ?? 0) > 0;

/** Within this distance of a town an airport is that town's: Kabul's is 5 km from its centre, Bagram's 8 km from Bagram. */
const AIRPORT_OF_TOWN_KM = 40;

/**
 * The airport of a town ("Kunduz Airfield" for the gazetteer's Kunduz Airport): the gazetteer
 * names every airport "<town> Airport" after the town OurAirports says it serves. Taken only when
 * such an airport lies near a place of that name, so a namesake town's airport in another country
 * is never the answer; with no such place known, the name alone decides.
 */
function airportOfTown(gazetteer: PlaceLookup, town: string): string | null {
  const name = `${town} Airport`;
  const airports = gazetteer.lookup(name).filter((p) => p.feature === 'AIRP' || p.feature === 'AIRB');
  if (!airports.length) return null;
  const towns = gazetteer.lookup(town).filter((p) => p.kind === 'city' || p.kind === 'admin2');
  if (!towns.length) return name;
  return airports.some((a) => towns.some((t) => t.country === a.country && distanceKm(a, t) <= AIRPORT_OF_TOWN_KM)) ? name : null;
}

/**
 * What to look up for an air facility the gazetteer does not know by the name written: the airport
 * of the town it is named after ("Kunduz Airfield" → Kunduz Airport), else that town or district
 * itself ("Kunar Air Base" → Kunar), as ACLED places an event at an airfield. Null when
 * neither is known. Used for the extractor's suggestions and for a facility the analyst marks.
 */
export function facilityLookupName(name: string, gazetteer: PlaceLookup): { lookupName: string; how: string } | null {
  const facility = airFacility(name);
  if (!facility) return null;
  const airport = airportOfTown(gazetteer, facility.namedAfter);
  if (airport) return { lookupName: airport, how: `the airport of ${facility.namedAfter}` };
  if (found(gazetteer, facility.namedAfter)) return { lookupName: facility.namedAfter, how: `placed at ${facility.namedAfter}, which it is named after` };
  return null;
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:[ \t]\p{Lu}[\p{L}'’-]*)?`;
/** A facility, then the place the text puts it in: " in Kabul", " (HKIA) near Kabul", ", outside the city of Kunduz". */
const PUT_IN_AFTER = new RegExp(String.raw`^(?:[ \t]*\([^()\n]{1,20}\))?,?[ \t]+(in|near|outside|at)[ \t]+(?:the[ \t]+)?(?:(?:city|town|province|capital)[ \t]+of[ \t]+)?(${NAME})`, 'u');
/** A place, then a facility it owns: "Kabul's Hamid Karzai International Airport". */
const PUT_IN_BEFORE = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME})['’]s[ \t]+$`, 'u');

/**
 * The place the words around a facility put it in, as a name to look up: a place suggestion
 * there (its own lookup name: "U.S." is the United States), or a name the gazetteer knows. `own`
 * says the text makes it that place's ("in Kabul", "Kabul's"), not a neighbour's ("near Kabul").
 */
function placeAround(text: string, s: Suggestion, pending: PendingPlace[], gazetteer: PlaceLookup): { name: string; lookupName: string; own: boolean } | null {
  const after = PUT_IN_AFTER.exec(text.slice(s.end, s.end + 80));
  const before = PUT_IN_BEFORE.exec(text.slice(Math.max(0, s.start - 60), s.start));
  const spots = [
    after && { start: s.end + after[0].length - after[2]!.length, name: after[2]!, own: after[1] === 'in' || after[1] === 'at' },
    before && { start: s.start - before[0].length, name: before[1]!, own: true },
  ];
  for (const spot of spots) {
    if (!spot) continue;
    const tagged = pending.find((p) => p.s !== s && p.s.start === spot.start && spot.name.startsWith(p.s.text));
    if (tagged) return { name: tagged.s.text, lookupName: tagged.lookupName ?? tagged.s.text, own: spot.own };
    // Two capitalised words may be a place and the next name ("Kabul Sunday"): the longer first.
    for (const name of [spot.name, spot.name.split(/[ \t]/)[0]!]) if (found(gazetteer, name)) return { name, lookupName: name, own: spot.own };
  }
  return null;
}

/**
 * An airport's code written alone ("flights from KBL") names it when the gazetteer knows the code
 * (never one that spells a word: see gazetteer/airports.ts), the tagger read a name there, the
 * code is not an organisation's or a country's we know ("PKK" is also Pakokku's airport), and the
 * article names the town the airport serves or its province: a code is short, and one article
 * rarely means an airport on another continent.
 */
function airportOfCode(text: string, s: Suggestion, gazetteer: PlaceLookup): { lookupName: string; name: string } | null {
  if (!/^[A-Z]{3,4}$/.test(s.text) || !gazetteer.lookupCode) return null;
  const key = nameKey(s.text);
  if (KNOWN_ORGANISATION_NAMES.has(key) || COUNTRY_ABBREVIATIONS.has(key)) return null;
  const [airport, ...more] = gazetteer.lookupCode(s.text);
  if (!airport || more.length) return null;
  return namedIn(text, airport.municipality) || namedIn(text, airport.admin1Name) ? { lookupName: airport.foundAs, name: airport.name } : null;
}

const LETTER_BEFORE = /\p{L}$/u;
const LETTER_AFTER = /^\p{L}/u;

/**
 * Whether the text writes `name` in any case, not inside a longer word. The name is searched for
 * first and its edges checked after: a pattern that opens with a look-behind over Unicode letters
 * tests it at every position of the text, and every capitalised three-letter word of an article
 * (a code it may be) asked this of the whole text.
 */
function namedIn(text: string, name: string | null): boolean {
  if (!name) return false;
  const literal = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  for (let m = literal.exec(text); m; m = literal.exec(text)) {
    const end = m.index + m[0].length;
    // Two characters, so that a letter outside the Basic Multilingual Plane (a surrogate pair) is read whole.
    if (!LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)) && !LETTER_AFTER.test(text.slice(end, end + 2))) return true;
    literal.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * An air facility is a place on the map, whatever the tagger read it as (it reads many airports as
 * organisations). It is placed at its own gazetteer record when the gazetteer knows it by the name
 * written ("Bagram Airfield", "Hamid Karzai International Airport") or by its code ("KBL"); else
 * at the airport of the town it is named after ("Kunduz Airfield"); else at that town or district
 * ("Kunar Air Base" in Kunar), as ACLED places an event at an airfield; else at the airport
 * of the town the text puts it in ("… Airport in Kabul", "Kabul's … Airport"), or at that town.
 * Without any of these it stays a place for the analyst to put on the map. Adds what it places to
 * `pending`, to be resolved with the article's other places.
 */
export function placeAirFacilities(text: string, suggestions: Suggestion[], pending: PendingPlace[], gazetteer: PlaceLookup): void {
  for (const s of suggestions) {
    if (s.type === 'date' || analysts(s)) continue;
    let lookupName: string | undefined;
    let why: string;
    const code = airportOfCode(text, s, gazetteer);
    const facility = airFacility(s.text);
    if (code) {
      lookupName = code.lookupName;
      why = `the code of ${code.name}`;
    } else if (!facility) continue;
    else if (found(gazetteer, s.text)) why = `an air facility ("${facility.head}"), in the gazetteer`;
    else {
      const named = facilityLookupName(s.text, gazetteer);
      const around = named ? null : placeAround(text, s, pending, gazetteer);
      const airport = around?.own && facility.head === 'Airport' ? airportOfTown(gazetteer, around.lookupName) : null;
      if (named) {
        lookupName = named.lookupName;
        why = `an air facility ("${facility.head}"), ${named.how}`;
      } else if (airport) {
        lookupName = airport;
        why = `an air facility ("${facility.head}"), the airport of ${around!.name}, where the text puts it`;
      } else if (around) {
        lookupName = around.lookupName;
        why = `an air facility ("${facility.head}"), placed at ${around.name}, where the text puts it`;
      } else {
        if (s.type !== 'place') Object.assign(s, { type: 'place', reason: `an air facility ("${facility.head}"), not in the gazetteer`, places: [] });
        continue;
      }
    }
    s.type = 'place';
    s.reason = why;
    delete s.places;
    const entry = pending.find((p) => p.s === s);
    if (entry) {
      entry.lookupName = lookupName;
      entry.wantsAdminArea = false;
    } else pending.push({ s, wantsAdminArea: false, ...(lookupName ? { lookupName } : {}) });
  }
}
