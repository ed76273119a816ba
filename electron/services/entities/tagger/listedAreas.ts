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
 * "the Ghormach and Qaysar districts", "Helmand and Kandahar provinces", "the Etoumbi and Mbomo
 * districts": the names of a list that ends in a plural kind of area are each such an area. The
 * tagger reads a district it does not know as a person, or as nothing. Each name of the list is
 * a place (an area of that kind when the kind is an admin area's) where the tagger read a person
 * or nothing there, and a place it doubted is surer; an organisation or a group it read stays, and
 * so does the analyst's rejection of the name as a place.
 */
export function areasListedBeforeTheirKind(text: string, suggestions: Suggestion[], places: PendingPlace[], memory?: NameMemory): void {
  for (const m of text.matchAll(LISTED_AREAS)) {
    const kind = m[2]!;
    const wantsAdminArea = ADMIN_KINDS.has(kind);
    for (const n of m[1]!.matchAll(LISTED_NAME)) {
      // "The Dand and …" opening a sentence: the article is no part of the name.
      const opener = OPENER.exec(n[0])?.[0].length ?? 0;
      const name = n[0].slice(opener);
      const start = m.index + n.index + opener;
      const end = start + name.length;
      // "the Northern and Southern regions": sides, not names.
      if (!name || name.split(/[ \t]+/).every((w) => COMPASS.has(w)) || memory?.rejected.get(name)?.includes('LOC')) continue;
      const over = suggestions.filter((s) => s.start < end && s.end > start);
      const reason = `a place, in a list of ${kind}`;
      if (over.length === 0) {
        const s: Suggestion = { start, end, text: name, type: 'place', confidence: LISTED_CONFIDENCE, reason };
        suggestions.push(s);
        places.push({ s, wantsAdminArea });
        continue;
      }
      const s = over[0]!;
      if (over.length > 1 || s.start !== start || s.end !== end || s.reason.includes('analyst')) continue;
      // A place the tagger doubted ("Dand" at 34%) is surer for the list.
      if (s.type === 'place' && s.confidence < LISTED_CONFIDENCE) {
        s.confidence = LISTED_CONFIDENCE;
        s.reason = reason;
      }
      if (s.type !== 'person') continue;
      s.type = 'place';
      s.confidence = Math.max(LISTED_CONFIDENCE, s.confidence);
      s.reason = reason;
      delete s.places;
      places.push({ s, wantsAdminArea });
    }
  }
}
