import { nameKey } from '../gazetteer/normalise.js';
import { countryCode, type CountryLookup } from './countries.js';
import type { Suggestion } from './extract.js';
import { GROUP_NAMES, PERSON_ROLES, STOPWORDS, TITLES, WEEKDAYS_AND_MONTHS } from './lexicon.js';
import { analysts } from './placeLinks.js';
import { spanIndex } from './spanIndex.js';

/** One to three capitalised words closing right before ", ". */
const NAME_BEFORE_COMMA = /(?:\p{Lu}[\p{L}\p{M}'’.-]*\s){0,2}\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** What NAME_BEFORE_COMMA's last word may be made of. */
const NAME_PART = /[\p{L}\p{M}'’.-]/u;
const CAPITAL = /\p{Lu}/u;
// Made once: a literal with \p{…} in a loop is rebuilt at every turn in the bundles.
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const WORD_BEFORE = /(\S+)\s+$/u;
const CAPITALISED_RUN = /^\p{Lu}.*[\p{L}\p{M}]$/u;
const POSSESSIVE = /^['’]s\b/u;
/**
 * ", a suburb located east of Harare", ", a town in Fife", ", the village where": the noun is a
 * kind of place and what follows says where, not whom ("a town councillor", "a village elder").
 */
const PLACE_APPOSITIVE =
  /^,\s+(?:a|an|the)\s+(?:(?:small|remote|tiny|large|coastal|border|mountain|mountainous|rural|poor|densely|populated|northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|farming|fishing|mining|market|strategic|sprawling|impoverished|last|main|key|besieged|embattled|rebel|army|militant|insurgent|opposition|rebel-held|army-held|government-held)\s+){0,2}(?:town|village|city|suburb|township|district|province|county|region|island|port|neighbou?rhood|slum|settlement|municipality|hamlet|locality|commune|oasis|capital|stronghold)(?=\s+(?:in|of|on|near|located|situated|just|some|about|around|outside|close|north|south|east|west|where|that|which|\d+)\b|\s*[,.;:)—–])/iu;

/**
 * "the village of Cellardyke", "the town of Talavera", "the province of Helmand", "the capital of
 * Jawzjan": a lower-case kind of place, "of" and a name (a capitalised "City of London" or "University of Nairobi" is a name of
 * its own, read elsewhere).
 */
const KIND_OF = /\b(village|town|city|suburb|township|hamlet|settlement|community|district|province|region|county|island|port|oasis|slum|neighbou?rhood|municipality|commune|locality|governorate|state|capital)\s+of\s+((?:\p{Lu}[\p{L}\p{M}'’-]*\s){0,2}\p{Lu}[\p{L}\p{M}'’-]*)/gu;
/**
 * "Nairobi slum Kibera", "the Karachi suburb Orangi": a place, a lower-case kind of part of it, and
 * the part's name (one or two capitalised words, no more following).
 */
const PLACE_KIND_NAME = /\b(slum|suburb|township|neighbou?rhood|district)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]+)?)(?![\p{L}\p{M}\p{N}'’-]|[ \t]+\p{Lu})/gu;
/**
 * "Sheberghan is the capital of Jawzjan", "Maimana, which became the provincial capital": a name said
 * to be a capital. These are the words after the name (see CAPITALISED_NAME_AT_END and namesBefore).
 */
const IS_CAPITAL = /\s+(?:is|was|remains|became)\s+(?:the|a|its)\s+(?:(?:provincial|regional|national|district|state|administrative|economic|former)\s+)?capital\b/gu;
/** One to three capitalised words closing their input; "(?<!'s)": a possessive ends a name before AREA_AFTER. */
const CAPITALISED_NAME_AT_END = /(?:\p{Lu}[\p{L}\p{M}'’-]*\s){0,2}\p{Lu}[\p{L}\p{M}'’-]*$/u;
const CAPITALISED_NAME_AT_END_NO_POSSESSIVE = /(?:\p{Lu}[\p{L}\p{M}'’-]*(?<!['’]s)\s){0,2}\p{Lu}[\p{L}\p{M}'’-]*$/u;
const AREA_KINDS = new Set(['district', 'province', 'region', 'county', 'governorate', 'state']);
/**
 * "Yemen's Hodeidah province", "the Kherson oblast", "Warab state": a name and a lower-case kind of
 * area after it. The tagger reads most such names; after a possessive it may read none ("Hodeidah"
 * was left out), and a province it does not know it may read as an organisation ("Kasai Occidental
 * province"). Like "the province of X", the words make a place whether or not the gazetteer knows
 * it. Not "state" as in a state's own media or visit, nor a kind heading another name ("the
 * Queensland state election", CrossNER dev).
 */
const AREA_AFTER =
  /\s+(province|governorate|district|oblast|prefecture|state(?![\s-]+(?:media|visit|visits|television|tv|radio|news|newspaper|agency|broadcaster|department|secretary|funeral|banquet|dinner|run|owned|controlled|company|companies|firm|firms|enterprise|enterprises|security|budget|sponsor|sponsored|actor|actors|of|election|elections|by-election|assembly|parliament|legislature|league|championship|team|cup|school|university|college|senator|senators|lawmaker|lawmakers|legislator|legislators|party|chairman|convention|primary|delegation)\b))\b/gu;
const ADJECTIVE_ENDING = /(?:ian|ish|ese|ic|ist)$/u;
/** No organisation is named with a province's kind after it, so one the tagger read there is the province ("Kasai Occidental province"). */
const ORGANISATION_AREA_KINDS = new Set(['province', 'governorate', 'oblast', 'prefecture']);
// Made once: a literal with \p{…} in a loop is rebuilt at every turn in the bundles.
const CAPITALISED_WORD_BEFORE = /\p{Lu}[\p{L}\p{M}.]*\s+$/u;
const SENTENCE_OPENS_BEFORE = /(?:^|[.!?:"“]\s*|\n\s*)$/u;

/**
 * "Pailin, Cambodia; Attapeu, Laos; Binh Phuoc, Vietnam; Shwe Kyin, Myanmar; and Pingilikani,
 * Kenya": in a list of "Town, Country" pairs parted by semicolons, where at least two towns are
 * places already (the tagger's, or confirmed by the gazetteer), the pairs the gazetteer cannot
 * confirm are places too (a village it lacks). A list of people and their countries has no such
 * towns to lend them the reading.
 */
function sitesOfAList(text: string, places: readonly Suggestion[], unconfirmed: readonly { place: ApposedPlace; end: number }[]): ApposedPlace[] {
  const countryAt = new Set(places.filter((p) => p.type === 'place').map((p) => p.start));
  const towns = places.filter((p) => p.type === 'place' && /^,\s$/u.test(text.slice(p.end, p.end + 2)) && countryAt.has(p.end + 2));
  return unconfirmed
    .filter(({ place, end }) => {
      // The pair is an item of a list parted by semicolons: one is right before it or right after it.
      if (!/;\s*(?:and\s+)?$/u.test(text.slice(Math.max(0, place.s.start - 8), place.s.start)) && !/^\s*;/u.test(text.slice(end, end + 3))) return false;
      const from = Math.max(text.lastIndexOf('.', place.s.start), text.lastIndexOf('\n', place.s.start));
      const to = [text.indexOf('.', end), text.indexOf('\n', end)].filter((i) => i !== -1).reduce((x, y) => Math.min(x, y), text.length);
      return towns.filter((t) => t.start > from && t.end < to).length >= 2;
    })
    .map(({ place }) => place);
}

/** A place suggested by how the text writes it. */
export interface ApposedPlace {
  s: Suggestion;
  /** The text names an area ("the province of Helmand"): its admin area is wanted, not a town of its name. */
  wantsAdminArea: boolean;
  /** The tagger's suggestion over the same span (a person, most often) that this one replaces. */
  replaces: Suggestion | null;
}

/** How far before its tail a name is looked for: three words of news fit in it. */
const NAME_WINDOW = 120;
const FIRST_OF_TWO_WORDS = /^\p{Lu}[\p{L}\p{M}'’-]*\s+(?=\p{Lu})/u;

/**
 * The matches of a name and then `tail`, as one pattern of both would find them, but found from the
 * tail: the tail's words are rare, and the name's pattern tried at every position of the article
 * cost more than the rest of this reader. `name` matches a name closing its input. The tails end in
 * a word in lower case, so no name runs back into the tail before it.
 */
function* namesBefore(text: string, tail: RegExp, name: RegExp): Generator<{ index: number; name: string; tail: RegExpExecArray }> {
  for (const t of text.matchAll(tail)) {
    const from = Math.max(0, t.index - NAME_WINDOW);
    const n = name.exec(text.slice(from, t.index));
    if (n) yield { index: from + n.index, name: n[0], tail: t };
  }
}

/**
 * Whether the word closing at `at` holds a capital, as a name before the comma must: most commas
 * follow a word in lower case, and NAME_BEFORE_COMMA is tried at every position of its window.
 */
function capitalInLastWord(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && NAME_PART.test(text[i]!); i--) if (CAPITAL.test(text[i]!)) return true;
  return false;
}

/**
 * Places news writes with what they are beside them, which the tagger reads as people or skips:
 * - "Attapeu, Laos; Binh Phuoc, Vietnam": a name, a comma and a country, where the gazetteer holds a
 *   place of that name in that country. Without that check a list of athletes and their countries
 *   ("Bekele, Ethiopia") would become towns.
 * - "Mabvuku, a suburb located east of Harare", "Esperance, a town on the south coast", "El Fasher,
 *   the last army stronghold in Darfur": a name and an appositive that calls it a kind of place.
 * - "the village of Cellardyke", "the port of Hodeidah" (see KIND_OF), and "Nairobi slum Kibera"
 *   (see PLACE_KIND_NAME).
 * The last two make a place whether or not the gazetteer knows it (it is then left unplaced for the
 * analyst). Of the first two, a name read as a place is left as it is, and so is one read as an
 * organisation unless the appositive calls it a kind of place, and a person's name the article gives
 * in full elsewhere ("Kenenisa Bekele … Bekele, Ethiopia").
 */
export function placesByApposition(text: string, suggestions: readonly Suggestion[], gazetteer: CountryLookup & { demonyms: Map<string, string> }): ApposedPlace[] {
  const out: ApposedPlace[] = [];
  const spans = spanIndex(suggestions);
  const people = suggestions.filter((s) => s.type === 'person').map((s) => s.text);
  // "Town, Country" pairs the gazetteer cannot confirm, each with where its pair ends: taken below if a list of sites confirms them.
  const unconfirmed: { place: ApposedPlace; end: number }[] = [];
  for (const comma of text.matchAll(/,\s/g)) {
    if (!capitalInLastWord(text, comma.index)) continue;
    const m = NAME_BEFORE_COMMA.exec(text.slice(Math.max(0, comma.index - 80), comma.index));
    if (!m) continue;
    const start = comma.index - m[0].length;
    const end = comma.index;
    if (WORD_CHARACTER.test(text[start - 1] ?? '')) continue;
    // The end of a longer capitalised run ("Sheikh Abdul Rahman Al Thani, Qatar", cut at three words) is no name of its own.
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
    if (CAPITALISED_RUN.test(before)) continue;
    const name = text.slice(start, end).replace(/[.’']+$/u, '');
    const key = nameKey(name);
    const first = key.split(' ')[0]!;
    if (!key || STOPWORDS.has(first) || TITLES.has(first) || WEEKDAYS_AND_MONTHS.has(first) || countryCode(gazetteer, key)) continue;
    // A sentence's first word is capitalised whatever it is ("Meanwhile, a town…"): there the gazetteer must know it.
    const opensSentence = before === '' || /[.!?:"“”]$/u.test(before);
    if (opensSentence && !name.includes(' ') && !gazetteer.lookup(name).length) continue;
    const over = spans.overlapping(start, start + name.length);
    if (over.length > 1) continue;
    const held = over[0] ?? null;
    const after = text.slice(comma.index);
    const appositive = PLACE_APPOSITIVE.exec(after);
    // "El Fasher, the last army stronghold in Darfur": the tagger reads an organisation where an army is named beside it.
    const retypes = held?.type === 'person' || (!!appositive && held?.type === 'organisation' && !analysts(held));
    if (held && (!retypes || held.start !== start || held.end !== start + name.length)) continue;
    if (held && people.some((p) => p !== name && p.endsWith(` ${name}`))) continue;
    let reason = appositive ? `a place by what the text calls it ("${appositive[0].slice(1).trim()}")` : '';
    if (!appositive) {
      const country = spans.overlapping(comma.index + comma[0].length, comma.index + comma[0].length + 1).find((s) => s.type === 'place' && s.start === comma.index + comma[0].length);
      const code = country && countryCode(gazetteer, nameKey(country.text));
      if (!code || POSSESSIVE.test(text.slice(country.end, country.end + 3))) continue;
      reason = `a place in ${country.text}, written "${name}, ${country.text}"`;
      if (!gazetteer.lookup(name).some((p) => p.country === code && p.kind !== 'country' && p.kind !== 'continent')) {
        unconfirmed.push({ place: { s: { start, end: start + name.length, text: name, type: 'place', confidence: 0.7, reason }, wantsAdminArea: false, replaces: held }, end: country.end });
        continue;
      }
    }
    out.push({ s: { start, end: start + name.length, text: name, type: 'place', confidence: 0.75, reason }, wantsAdminArea: false, replaces: held });
  }
  out.push(...sitesOfAList(text, [...suggestions, ...out.map((o) => o.s)], unconfirmed));
  for (const m of namesBefore(text, IS_CAPITAL, CAPITALISED_NAME_AT_END)) {
    const name = m.name;
    const start = m.index;
    const end = start + name.length;
    const first = nameKey(name).split(' ')[0]!;
    if (!first || STOPWORDS.has(first) || TITLES.has(first) || WEEKDAYS_AND_MONTHS.has(first) || /[\p{L}\p{M}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    if (out.some((x) => x.s.start < end && x.s.end > start)) continue;
    const over = spans.overlapping(start, end);
    if (over.length > 1) continue;
    const held = over[0] ?? null;
    if (held && (held.type === 'place' || held.type === 'date' || held.start !== start || held.end !== end)) continue;
    out.push({ s: { start, end, text: name, type: 'place', confidence: 0.8, reason: 'a place by what the text calls it (a capital)' }, wantsAdminArea: false, replaces: held });
  }
  for (const m of namesBefore(text, AREA_AFTER, CAPITALISED_NAME_AT_END_NO_POSSESSIVE)) {
    // "the south Sudanese Warab state": the people's adjective before the name is not part of it.
    const adjective = FIRST_OF_TWO_WORDS.exec(m.name)?.[0] ?? '';
    const word = nameKey(adjective);
    const skip = word && (gazetteer.demonyms.has(word) || ADJECTIVE_ENDING.test(word)) ? adjective.length : 0;
    const name = m.name.slice(skip);
    const start = m.index + skip;
    const end = start + name.length;
    const key = nameKey(name);
    const first = key.split(' ')[0]!;
    // "the British province" names no province "British".
    if (!key || STOPWORDS.has(first) || TITLES.has(first) || WEEKDAYS_AND_MONTHS.has(first) || gazetteer.demonyms.has(key) || /[\p{L}\p{M}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    // "the Jewish state", "a Tasmanian state", "the Communist state": a people's or a creed's adjective, not a name.
    if (!key.includes(' ') && (ADJECTIVE_ENDING.test(key) || GROUP_NAMES.has(key))) continue;
    // The end of a longer capitalised name ("the Helmand Provincial Council district") is no name of its own; a possessive before it ends that name.
    if (!skip && CAPITALISED_WORD_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (out.some((x) => x.s.start < end && x.s.end > start)) continue;
    // What the tagger read there stays, but a person of just that name ("Nad Ali district"), or an organisation before a province's kind.
    const over = spans.overlapping(start, end);
    const held = over[0] ?? null;
    const retypes = held?.type === 'person' || (held?.type === 'organisation' && ORGANISATION_AREA_KINDS.has(m.tail[1]!) && !held.reason.includes('analyst'));
    if (over.length > 1 || (held && (!retypes || held.start !== start || held.end !== end))) continue;
    // A province need not be the gazetteer's by this spelling ("Hodeidah" is found by its skeleton when
    // resolved); "a district" follows more words that are no place's ("the 5th Congressional district").
    // A sentence's first word is capitalised whatever it is ("Police district officers"): there only an area will do.
    const opensSentence = SENTENCE_OPENS_BEFORE.test(text.slice(Math.max(0, start - 3), start));
    // "Federal state officials said": a capitalised word opening a sentence before "state" is too often no name.
    const kind = m.tail[1]!;
    if (opensSentence && kind === 'state') continue;
    const known = opensSentence || kind === 'district' ? gazetteer.lookup(name) : [];
    if (opensSentence ? !known.some((p) => p.kind === 'admin1' || p.kind === 'admin2') : kind === 'district' && !known.length) continue;
    out.push({ s: { start, end, text: name, type: 'place', confidence: 0.8, reason: `a place by what the text calls it ("${kind}")` }, wantsAdminArea: true, replaces: held });
  }
  for (const m of text.matchAll(KIND_OF)) {
    const name = m[2]!.replace(/['’]s$/u, '');
    const start = m.index + m[0].length - m[2]!.length;
    const end = start + name.length;
    const key = nameKey(name);
    const first = key.split(' ')[0]!;
    if (!key || STOPWORDS.has(first) || WEEKDAYS_AND_MONTHS.has(first)) continue;
    // A name that goes on past three words is not this one ("the town of Mazar-i-Sharif Balkh Province Council").
    if (/^\s\p{Lu}/u.test(text.slice(start + m[2]!.length, start + m[2]!.length + 2))) continue;
    if (out.some((x) => x.s.start < end && x.s.end > start)) continue;
    const over = spans.overlapping(start, end);
    if (over.length > 1) continue;
    const held = over[0] ?? null;
    if (held && (held.type === 'place' || held.type === 'date' || held.start !== start || held.end !== end)) continue;
    const reason = `a place by what the text calls it ("${m[1]} of")`;
    out.push({ s: { start, end, text: name, type: 'place', confidence: 0.8, reason }, wantsAdminArea: AREA_KINDS.has(m[1]!), replaces: held });
  }
  for (const m of text.matchAll(PLACE_KIND_NAME)) {
    const name = m[2]!;
    const start = m.index + m[0].length - name.length;
    const end = start + name.length;
    // The place the kind belongs to, right before it: "Nairobi" of "Nairobi slum Kibera".
    const kindAt = m.index;
    if (!suggestions.some((x) => x.type === 'place' && x.end <= kindAt && /^[ \t]+$/u.test(text.slice(x.end, kindAt)))) continue;
    if (name.split(/\s+/u).some((w) => STOPWORDS.has(nameKey(w)) || TITLES.has(nameKey(w)) || WEEKDAYS_AND_MONTHS.has(nameKey(w)) || PERSON_ROLES.has(nameKey(w)))) continue;
    if (out.some((x) => x.s.start < end && x.s.end > start)) continue;
    const over = spans.overlapping(start, end);
    if (over.length > 1) continue;
    const held = over[0] ?? null;
    if (held && (held.type !== 'person' || held.start !== start || held.end !== end)) continue;
    out.push({ s: { start, end, text: name, type: 'place', confidence: 0.75, reason: `a place by what the text calls it ("${m[1]}")` }, wantsAdminArea: m[1] === 'district', replaces: held });
  }
  return out;
}
