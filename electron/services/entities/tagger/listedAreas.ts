import { COMPASS_WORDS } from '../lexicon.js';
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
 * The names of a list that a plural kind of area closes ("the Ghormach and Qaysar districts") or
 * opens ("the villages of Gulbahar, Asqalan and Toghai") are each such an area. The tagger reads a
 * district or village it does not know as a person, or as nothing. Each name of the list is a place
 * (an area of that kind when the kind is an admin area's) where the tagger read a person or nothing
 * there, and a place it doubted is surer; an organisation or a group it read stays, and so does the
 * analyst's rejection of the name as a place.
 */
export function areasListedWithTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  areasListedBeforeTheirKind(text, suggestions, places, memory);
  areasListedAfterTheirKind(text, suggestions, places, memory);
}

/** "the Ghormach and Qaysar districts", "Helmand and Kandahar provinces", "the Etoumbi and Mbomo districts". */
function areasListedBeforeTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(LISTED_AREAS)) {
    const kind = m[2]!;
    for (const n of m[1]!.matchAll(LISTED_NAME)) markArea(m.index + n.index, n[0], kind, suggestions, places, memory);
  }
}

// "the villages of Ceamurlia de Jos, Maliuc and Caraorman", "four villages: Kampungu, Makonono,
// Kaluamba and Mombo", "provinces such as Helmand and Kandahar". A lower-case name part ("de",
// "al") may sit inside a name here: the list is bounded by its commas and its "and". (One name
// after its kind in the singular, "the village of Maliuc", is read in placesByApposition.ts.)
const LIST_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:de|del|da|do|al|el|la|le)[ \t]+)?\p{Lu}[\p{L}'’-]+){0,3}`;
const AREAS_AFTER_KIND = new RegExp(
  String.raw`\b(districts|provinces|counties|governorates|prefectures|regions|states|villages|towns|cities)(?:[ \t]+of|[ \t]*:|,?[ \t]+including|,?[ \t]+such[ \t]+as)[ \t]+(${LIST_NAME}(?:,[ \t]+${LIST_NAME}){0,12},?[ \t]+(?:and|or)[ \t]+${LIST_NAME})(?![\p{L}\p{N}])`,
  'gu',
);
const ONE_LIST_NAME = new RegExp(LIST_NAME, 'gu');

/** The names listed after a plural kind of area: places, as in a list before the kind. */
function areasListedAfterTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(AREAS_AFTER_KIND)) {
    const from = m.index + m[0].length - m[2]!.length;
    for (const n of m[2]!.matchAll(ONE_LIST_NAME)) markArea(from + n.index, n[0], m[1]!, suggestions, places, memory);
  }
}

/** Marks the listed name at `start` as an area of `kind` (plural). */
function markArea(start: number, written: string, kind: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  const reason = `a place, in a list of ${kind}`;
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
  if (s.type !== 'person') return;
  s.type = 'place';
  s.confidence = Math.max(LISTED_CONFIDENCE, s.confidence);
  s.reason = reason;
  delete s.places;
  places.push({ s, wantsAdminArea });
}
