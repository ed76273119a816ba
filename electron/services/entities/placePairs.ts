import type { Place, RankedPlace } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import { countryCode, countryPlace } from './countries.js';
import type { Suggestion } from './extract.js';

interface PlaceLookup {
  lookup(name: string): Place[];
  countryByName: Map<string, string>;
}

/** Two capitalised words joined by a hyphen or a slash, standing alone: "India-Pakistan", "Zaire/Congo", "Asia-Pacific". */
const PAIR = /(?<![\p{L}\p{N}\-/.])(\p{Lu}[\p{L}\p{M}]*)([-/])(\p{Lu}[\p{L}\p{M}]*)(?![\p{L}\p{N}]|[-/]\p{L})/gu;

export interface PlacePair {
  /** The span of both names with their joint. */
  start: number;
  end: number;
  places: Suggestion[];
}

/**
 * Pairs of places written as one word: "the India-Pakistan border", "US-China trade", "Zaire/Congo
 * has sustained", "Asia-Pacific nations". The tagger reads each as one word and either skips it or
 * takes the whole as one unknown place. Each half is a place of its own, placed at once, when both
 * are a country (by name, abbreviation or former name), a continent or an ocean; two towns joined so
 * are as often a company's or a route's name ("Mercedes-Benz", "Rolls-Royce"), and are left to the
 * tagger. A former union named so ("Austria-Hungary") is read as its two countries: the gazetteer
 * has no record of it to tell it from a pair.
 */
export function placePairs(text: string, gazetteer: PlaceLookup): PlacePair[] {
  const out: PlacePair[] = [];
  for (const m of text.matchAll(PAIR)) {
    const first = broadPlace(m[1]!, gazetteer);
    const second = first && broadPlace(m[3]!, gazetteer);
    // A country's former and present names side by side ("Zaire/Congo", "Burma/Myanmar") are two mentions of it.
    if (!first || !second || (first.id === second.id && nameKey(m[1]!) === nameKey(m[3]!))) continue;
    const written = m[0];
    // One place's own name ("Guinea-Bissau", "Timor-Leste", "Bosnia-Herzegovina") is not two.
    if (gazetteer.lookup(written).some((p) => p.kind === 'country' || nameKey(p.name) === nameKey(written))) continue;
    const part = (name: string, start: number, place: Place): Suggestion => ({
      start,
      end: start + name.length,
      text: name,
      type: 'place',
      confidence: 0.8,
      reason: `a place named in "${written}"`,
      places: [{ ...place, score: 1 } satisfies RankedPlace],
    });
    out.push({ start: m.index, end: m.index + written.length, places: [part(m[1]!, m.index, first), part(m[3]!, m.index + m[1]!.length + 1, second)] });
  }
  return out;
}

/** A country by its name or abbreviation, a continent, or an ocean ("Pacific"): places that need no context to be found. */
function broadPlace(name: string, gazetteer: PlaceLookup): Place | null {
  const key = nameKey(name);
  const code = countryCode(gazetteer, key);
  if (code) return countryPlace(gazetteer, code) ?? null;
  // A former name is one of the country's names ("Zaire"); a continent and an ocean go by their own.
  return gazetteer.lookup(name).find((p) => p.kind === 'country' || (p.kind === 'continent' && nameKey(p.name) === key) || (p.feature === 'OCN' && nameKey(p.name) === `${key} ocean`)) ?? null;
}
