/**
 * Places an organisation's name says it belongs to: "Kabul" in "Kabul University", "West Bank" in
 * "West Bank Health Ministry", "UK" in "UK Department for International Development", "Afghanistan"
 * in "Government of Afghanistan", "Afghan" in "Afghan National Army". The organisation stays one
 * name; the place is suggested inside it (contract/mentionNesting.ts), so the map and the toponym
 * count see a place the name states while the registry keeps the organisation whole.
 *
 * Only where the name says so: the place opens the name before an organisation's head word
 * ("Ministry", "University", "Police"; or a known organisation: "Kenya Red Cross"), or closes it
 * after "of" ("University of Nairobi"), or a country closes it as a branch's ("Taco Bell Canada").
 * A town must be a province's own name, a city of a million, or a place the article names outside
 * organisations too, so "Lincoln Center" and
 * "Wilson Center" (people) are no towns. Districts and counties are not enough: many share a
 * town's or a person's name ("Humboldt University", "Union of Right Forces"). Titles of the press
 * ("Kabul Times", "Washington Post") and airlines' brands name no place they report from or fly to;
 * nor does a compass word alone ("Central Intelligence Agency").
 */
import type { Place, RankedPlace } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import { countryCode, countryPlace } from './countries.js';
import type { Suggestion } from './extract.js';
import { GROUP_NAMES, KNOWN_ORGANISATION_NAMES, ORG_HEADS } from './lexicon.js';
import { spanIndex } from './spanIndex.js';

interface PlaceLookup {
  lookup(name: string): Place[];
  countryByName: Map<string, string>;
  demonyms: Map<string, string>;
}

/** Heads of names that are titles or brands, whose place is no statement of where they are. */
const BRAND_HEADS = new Set(
  `times post news tribune journal herald telegraph gazette radio television tv channel broadcasting press express
  airlines airways observer standard mail chronicle review daily weekly magazine`.split(/\s+/),
);
/**
 * Head words of public bodies beside the tagger's ORG_HEADS (which are one of its features, so they
 * change only with a retrain): "U.S. Food and Drug Administration", "US Centers for Disease Control",
 * "the Southern District of New York" (a court, courtDistricts.ts).
 */
const MORE_HEADS = new Set(['administration', 'embassy', 'consulate', 'centers', 'centres', 'institutes', 'agencies', 'departments', 'municipality', 'district']);
/** After a place, these say the organisation is the area's, not the town's: "Kunduz Provincial Council". */
const AREA_WORDS = /^(?:provincial|province|governorate|regional|region|state)$/i;
/** Words that open organisations' names as adjectives, never as the place of the same name ("Central Intelligence Agency"). */
const NOT_A_PLACE_ALONE = /^(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|middle|greater|new|great|united|national|federal|royal|grand|general|independent|democratic|popular|free)$/i;
/** Words before a closing country that make a brand of it, not a branch in it ("Air Canada", "Radio France"). */
const BRAND_OPENERS = /^(?:air|aero|radio|tele|télé|miss|team)$/i;
/** A town is named in an organisation's name without more said of it when it is this large. */
const WELL_KNOWN_TOWN = 1_000_000;
/**
 * After a name, these say it is a town's or an area's own government or police ("Leeds City Council",
 * "Kandahar Municipality", "Westminster City Council"): the name is then that place, however small.
 * Not "City" alone, which a club's name takes ("Manchester City Football Club").
 */
const LOCAL_GOVERNMENT =
  /^(?:(?:City|Town|Municipal|Metropolitan|County|District|Borough|Village|Parish|Provincial|Regional)\s+(?:Council|Corporation|Authority|Assembly|Government|Administration|Hall|Police|Court)|Council|Municipality|Police)(?:\s|$)/u;

const WORD = /\S+/gu;
/** A word ending in a possessive: "Wichita's", "China’s". */
const POSSESSIVE_END = /\p{L}['’]s$/u;

/** Heads of what a town owns beside the organisations' ("Lahore's Mayo Hospital", "Boston's Latin School"). */
const OWNED_HEADS = new Set(['hospital', 'clinic', 'school', 'academy', 'infirmary', 'seminary']);

/** "'s Ministry of Health": a possessive clitic opening a span belongs to the word before it. */
export function withoutOpeningClitic(s: Suggestion): void {
  const clitic = /^['’]s\s+/u.exec(s.text);
  if (!clitic) return;
  s.start += clitic[0].length;
  s.text = s.text.slice(clitic[0].length);
}

/**
 * "Lahore's Mayo Hospital", "Kabul's Indira Gandhi Children's Hospital": an organisation named
 * with its town's possessive, which the tagger may read whole as a place or a person. Read as an
 * organisation, the town inside it is found as a possessive opening a name is (see opening()).
 */
export function isOwnedOrganisation(name: string): boolean {
  const words = name.split(/\s+/);
  const owner = words.findIndex((w) => POSSESSIVE_END.test(w));
  if (owner < 0 || owner > 2 || owner === words.length - 1) return false;
  const rest = words.slice(owner + 1);
  const head = nameKey(rest.at(-1)!);
  return rest.every((w) => /^\p{Lu}/u.test(w)) && (ORG_HEADS.has(head) || MORE_HEADS.has(head) || OWNED_HEADS.has(head));
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** A place found inside an organisation's name; `pending` asks the caller to resolve it with the article's other places. */
export interface PlaceInName {
  s: Suggestion;
  pending: boolean;
  wantsAdminArea: boolean;
}

/**
 * Places named inside the organisation suggestions: a country (or its demonym) written as a
 * modifier is adjectival and placed at once, as "US-led" is; a country named after "of", a province
 * or a town is an ordinary place mention that waits for the article's resolution.
 */
export function placesInOrganisationNames(text: string, suggestions: readonly Suggestion[], gazetteer: PlaceLookup): PlaceInName[] {
  const organisations = suggestions.filter((s) => s.type === 'organisation');
  if (!organisations.length) return [];
  // Places the article names in their own right: a town it names there is one it speaks of.
  const insideAnOrganisation = spanIndex(organisations).contains;
  const namedElsewhere = new Set(suggestions.filter((s) => s.type === 'place' && !insideAnOrganisation(s.start, s.end)).map((s) => nameKey(s.text)));
  /** A province, a country or a large town by its own name, or one the article names elsewhere; no compass word alone. */
  const townOrArea = (name: string): boolean => {
    const key = nameKey(name);
    if (NOT_A_PLACE_ALONE.test(key)) return false;
    const own = gazetteer.lookup(name).filter((p) => nameKey(p.name) === key && p.kind !== 'continent' && p.kind !== 'custom');
    return own.some((p) => p.kind === 'admin1' || p.kind === 'country' || p.population >= WELL_KNOWN_TOWN) || (own.length > 0 && namedElsewhere.has(key));
  };
  /** Any place of this name the gazetteer holds, of any size: for a name its local government's name vouches for. */
  const anyTown = (name: string): boolean => {
    const key = nameKey(name);
    return !NOT_A_PLACE_ALONE.test(key) && gazetteer.lookup(name).some((p) => nameKey(p.name) === key && p.kind !== 'continent' && p.kind !== 'custom' && p.kind !== 'region');
  };

  const out: PlaceInName[] = [];
  for (const o of organisations) {
    const words: Word[] = [...o.text.matchAll(WORD)].map((m) => ({ text: m[0], start: o.start + m.index, end: o.start + m.index + m[0].length }));
    if (words.length < 2 || words.some((w) => BRAND_HEADS.has(nameKey(w.text)))) continue;
    const headIn = (ws: Word[]) => ws.some((w) => /^\p{Lu}/u.test(w.text) && (ORG_HEADS.has(nameKey(w.text)) || MORE_HEADS.has(nameKey(w.text)))) || KNOWN_ORGANISATION_NAMES.has(nameKey(ws.map((w) => w.text).join(' ')));
    const found = opening(words, headIn) ?? closing(words, headIn) ?? branch(words);
    if (found) out.push(found);
  }
  return out;

  /**
   * "Kabul University", "UK Department for International Development", "Afghan National Army"; and
   * "Wichita's Wesley Medical Center", where the possessive says whose it is, with or without a head word.
   */
  function opening(words: Word[], headIn: (ws: Word[]) => boolean): PlaceInName | null {
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const rest = words.slice(n);
      const possessive = POSSESSIVE_END.test(words[n - 1]!.text);
      if (!possessive && !headIn(rest)) continue;
      const start = words[0]!.start;
      const end = words[n - 1]!.end - (possessive ? 2 : 0);
      const name = text.slice(start, end);
      const key = nameKey(name);
      if (!/^\p{Lu}/u.test(name) || GROUP_NAMES.has(key)) continue;
      const whole = text.slice(start, words.at(-1)!.end);
      const code = countryCode(gazetteer, key) ?? gazetteer.demonyms.get(key);
      if (code) {
        const country = countryPlace(gazetteer, code);
        if (!country) continue;
        const places: RankedPlace[] = [{ ...country, score: 1 }];
        return { s: { start, end, text: name, type: 'place', confidence: 0.8, reason: `adjectival: "${name}" in "${whole}" names ${country.name}`, places, adjectival: true, inName: true }, pending: false, wantsAdminArea: false };
      }
      if (townOrArea(name) || (LOCAL_GOVERNMENT.test(text.slice(rest[0]!.start, rest.at(-1)!.end)) && anyTown(name))) {
        return { s: { start, end, text: name, type: 'place', confidence: 0.75, reason: `a place named in "${whole}"`, inName: true }, pending: true, wantsAdminArea: AREA_WORDS.test(rest[0]!.text) };
      }
    }
    return null;
  }

  /** "University of Nairobi", "Government of Afghanistan", "Bank of the Philippines". */
  function closing(words: Word[], headIn: (ws: Word[]) => boolean): PlaceInName | null {
    const of = words.findLastIndex((w) => w.text === 'of');
    if (of < 1 || of === words.length - 1 || !headIn(words.slice(0, of))) return null;
    const from = words[of + 1]!.text === 'the' && of + 2 < words.length ? of + 2 : of + 1;
    const start = words[from]!.start;
    const end = words.at(-1)!.end;
    const name = text.slice(start, end);
    const key = nameKey(name);
    if (!/^\p{Lu}/u.test(name)) return null;
    const whole = text.slice(words[0]!.start, end);
    const reason = `a place named in "${whole}"`;
    // A country after "of" is the country itself, not a modifier: an ordinary mention, placed at once.
    const code = countryCode(gazetteer, key);
    const country = code ? countryPlace(gazetteer, code) : undefined;
    if (country) return { s: { start, end, text: name, type: 'place', confidence: 0.8, reason, places: [{ ...country, score: 1 }], inName: true }, pending: false, wantsAdminArea: false };
    if (!townOrArea(name)) return null;
    return { s: { start, end, text: name, type: 'place', confidence: 0.75, reason, inName: true }, pending: true, wantsAdminArea: false };
  }

  /**
   * "Taco Bell Canada", "Save the Children UK", "Amnesty International USA": an organisation's
   * branch in a country, the country's name closing it. Only a country: a town closing a name is
   * as often a team's or a brand's ("Inter Milan", "Real Madrid").
   */
  function branch(words: Word[]): PlaceInName | null {
    if (words.some((w) => w.text === 'of' || BRAND_OPENERS.test(w.text))) return null;
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const start = words[words.length - n]!.start;
      const end = words.at(-1)!.end;
      const name = text.slice(start, end);
      const code = /^\p{Lu}/u.test(name) ? countryCode(gazetteer, nameKey(name)) : undefined;
      const country = code ? countryPlace(gazetteer, code) : undefined;
      if (!country) continue;
      const reason = `a place named in "${text.slice(words[0]!.start, end)}"`;
      return { s: { start, end, text: name, type: 'place', confidence: 0.75, reason, places: [{ ...country, score: 1 }], inName: true }, pending: false, wantsAdminArea: false };
    }
    return null;
  }
}
