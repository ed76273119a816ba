import { COMPASS_WORDS, GROUP_NAMES, STOPWORDS } from '../lexicon.js';
import type { NameMemory } from './memory.js';
import type { Suggestion } from '../extract.js';
import type { PendingPlace } from '../placeLinks.js';

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}`;
// At most 14 names: a run of capitalised names and commas with no "and" is tried from each name,
// so an unbounded list would cost the square of its length (38 ms for 3,000 names, 0.5 ms bounded).
const LISTED_AREAS = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(${NAME}(?:,[ \t]+${NAME}){0,12},?[ \t]+and[ \t]+${NAME})[ \t]+(districts|provinces|counties|governorates|prefectures|regions|states|villages|towns|cities)\b`,
  'gu',
);
const LISTED_NAME = new RegExp(NAME, 'gu');
/** Kinds of area that are admin areas: the gazetteer's districts and provinces, not towns of the name. */
const ADMIN_KINDS = new Set(['districts', 'provinces', 'counties', 'governorates', 'prefectures', 'states']);
const LISTED_CONFIDENCE = 0.75;
const OPENER = /^(?:The|In|At|On|From|But|And|Both|Across)[ \t]+/u;
const COMPASS = new Set(COMPASS_WORDS);

/**
 * Names that the kind of area beside them makes places: listed before a plural kind ("the Ghormach
 * and Qaysar districts"), listed after one ("the villages of Gulbahar, Asqalan and Toghai"), after
 * "the village of", or alone before an admin area's kind in lower case ("Warab state"). The tagger
 * reads a district or village it does not know as a person, or as nothing. Each such name is a
 * place (an area of that kind when the kind is an admin area's) where the tagger read a person or
 * nothing there, and a place it doubted is surer; an organisation or a group it read stays (but see
 * areasNamedBeforeTheirKind), and so does the analyst's rejection of the name as a place.
 */
export function areasNamedByTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  areasListedBeforeTheirKind(text, suggestions, places, memory);
  areasListedAfterTheirKind(text, suggestions, places, memory);
  areasNamedBeforeTheirKind(text, suggestions, places, memory);
}

/** "the Ghormach and Qaysar districts", "Helmand and Kandahar provinces", "the Etoumbi and Mbomo districts". */
function areasListedBeforeTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(LISTED_AREAS)) {
    const kind = m[2]!;
    for (const n of m[1]!.matchAll(LISTED_NAME)) markArea(m.index + n.index, n[0], kind, `a place, in a list of ${kind}`, { suggestions, places, memory });
  }
}

// "the villages of Ceamurlia de Jos, Maliuc and Caraorman", "four villages: Kampungu, Makonono,
// Kaluamba and Mombo", "provinces such as Helmand and Kandahar"; and one area after its kind in
// the singular, "the village of Maliuc", "the district of Dand". A lower-case name part ("de",
// "al") may sit inside a name here: the list is bounded by its commas and its "and".
const LIST_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:de|del|da|do|al|el|la|le)[ \t]+)?\p{Lu}[\p{L}'’-]+){0,3}`;
const AREAS_AFTER_KIND = new RegExp(
  String.raw`\b(districts|provinces|counties|governorates|prefectures|regions|states|villages|towns|cities)(?:[ \t]+of|[ \t]*:|,?[ \t]+including|,?[ \t]+such[ \t]+as)[ \t]+(${LIST_NAME}(?:,[ \t]+${LIST_NAME}){0,12},?[ \t]+(?:and|or)[ \t]+${LIST_NAME})(?![\p{L}\p{N}])`,
  'gu',
);
const AREA_AFTER_KIND = new RegExp(
  String.raw`\b[Tt]he[ \t]+(district|province|county|governorate|prefecture|village|town|city)[ \t]+of[ \t]+(${LIST_NAME})(?![\p{L}\p{N}'’-])`,
  'gu',
);
const ONE_LIST_NAME = new RegExp(LIST_NAME, 'gu');

/** The names listed after a plural kind of area, or the one after "the village of": places, as in a list before the kind. */
function areasListedAfterTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(AREAS_AFTER_KIND)) {
    const from = m.index + m[0].length - m[2]!.length;
    for (const n of m[2]!.matchAll(ONE_LIST_NAME)) markArea(from + n.index, n[0], m[1]!, `a place, in a list of ${m[1]!}`, { suggestions, places, memory });
  }
  for (const m of text.matchAll(AREA_AFTER_KIND)) {
    const kind = m[1] === 'city' ? 'cities' : m[1] === 'county' ? 'counties' : `${m[1]!}s`;
    markArea(m.index + m[0].length - m[2]!.length, m[2]!, kind, `a place: the ${m[1]!} of its name`, { suggestions, places, memory });
  }
}

// "Warab state", "Kasai Occidental province", "the Nad Ali district": one name before an admin
// area's kind, in lower case (a capital is the name's own head, read where the tagger's places are
// made). Not "state" as in state media or a state visit, nor a kind that heads another name ("the
// Queensland state election").
const AREA_BEFORE_KIND = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(${NAME})[ \t]+(province|district|governorate|prefecture|county|state)\b(?![ \t-]+(?:media|visit|visits|television|tv|radio|news|newspaper|agency|broadcaster|department|secretary|funeral|banquet|dinner|run|owned|controlled|company|companies|firm|firms|enterprise|enterprises|security|budget|sponsor|sponsored|actor|actors|of|election|elections|by-election|by-elections|assembly|parliament|legislature|league|championship|championships|team|teams|cup|school|schools|university|college|senator|senators|lawmaker|lawmakers|legislator|legislators|representative|representatives|party|parties|chairman|chairwoman|convention|primary|primaries|delegation|delegations)\b)`,
  'gu',
);
const SENTENCE_START = /(?:^|[.!?]["”’)]?[ \t]+|\n[ \t]*)$/u;
const DEMONYM_ENDING = /(?:ian|ish|ese|ic|ist)$/u;
const KIND_PLURAL: Record<string, string> = { province: 'provinces', district: 'districts', governorate: 'governorates', prefecture: 'prefectures', county: 'counties', state: 'states' };

/**
 * One name before the lower-case kind of an admin area is that area. The tagger reads a province it
 * does not know as an organisation ("Kasai Occidental province") or as nothing ("Warab state"); an
 * organisation is retyped here only before a province's, district's, governorate's, prefecture's or
 * county's kind, which no organisation is named with.
 */
function areasNamedBeforeTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(AREA_BEFORE_KIND)) {
    // "Sudan's Warab state": the possessor is not part of the name.
    const own = /^(?:.*['’]s[ \t]+)/u.exec(m[1]!)?.[0].length ?? 0;
    // "the Jewish state", "a Palestinian state", "the Tasmanian state election": a people's adjective, not a name; "The state": no name.
    const last = m[1]!.slice(own).split(/[ \t]+/).at(-1)!;
    if (DEMONYM_ENDING.test(last) || GROUP_NAMES.has(last.toLowerCase()) || STOPWORDS.has(last.toLowerCase())) continue;
    // "Federal state officials said": one word opening a sentence is capitalised for that alone.
    if (own === 0 && !/[ \t]/.test(m[1]!) && SENTENCE_START.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    markArea(m.index + own, m[1]!.slice(own), KIND_PLURAL[m[2]!]!, `a place, named before its kind (${m[2]!})`, { suggestions, places, memory, organisations: m[2] !== 'state' });
  }
}

/**
 * Marks the name at `start` as an area of `kind` (plural): a place where the tagger read a person or
 * nothing (or, with `organisations`, an organisation), and surer where it doubted a place.
 */
function markArea(
  start: number,
  written: string,
  kind: string,
  reason: string,
  { suggestions, places, memory, organisations = false }: { suggestions: Suggestion[]; places: PendingPlace[]; memory?: NameMemory; organisations?: boolean },
): void {
  const wantsAdminArea = ADMIN_KINDS.has(kind);
  // "The Dand and …" opening a sentence: the article is no part of the name.
  const opener = OPENER.exec(written)?.[0].length ?? 0;
  const name = written.slice(opener);
  start += opener;
  const end = start + name.length;
  // "the Northern and Southern regions": sides, not names.
  if (!name || name.split(/[ \t]+/).every((w) => COMPASS.has(w)) || memory?.rejected.get(name)?.includes('LOC')) return;
  const over = suggestions.filter((s) => s.start < end && s.end > start);
  if (over.length === 0) {
    const s: Suggestion = { start, end, text: name, type: 'place', confidence: LISTED_CONFIDENCE, reason };
    suggestions.push(s);
    places.push({ s, wantsAdminArea });
    return;
  }
  const s = over[0]!;
  if (over.length > 1 || s.start !== start || s.end !== end || s.reason.includes('analyst')) return;
  // A place the tagger doubted ("Dand" at 34%) is surer for the list.
  if (s.type === 'place' && s.confidence < LISTED_CONFIDENCE) {
    s.confidence = LISTED_CONFIDENCE;
    s.reason = reason;
  }
  if (s.type !== 'person' && !(organisations && s.type === 'organisation')) return;
  s.type = 'place';
  s.confidence = Math.max(LISTED_CONFIDENCE, s.confidence);
  s.reason = reason;
  delete s.places;
  places.push({ s, wantsAdminArea });
}
