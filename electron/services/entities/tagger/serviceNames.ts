import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';

/**
 * "Radio Pakistan reported", "Police Scotland said", "Radio Kabul": a state's broadcaster or police
 * named by its kind and then its country, province or city. The tagger read the whole as a place or
 * took the place alone. A place of the gazetteer's (a country, a province or a town of 100,000) with
 * one of these words right before it is one organisation.
 */
const SERVICE_BEFORE = /(?<![\p{L}\p{N}'’.-])(?:Radio|Television|Police)[ \t]+$/u;
const SERVICE_OPENING = /^(?:Radio|Television|Police)[ \t]+/u;
const LARGE_TOWN = 100_000;
const DECIDED = /analyst|confirmed/;
const CAPITALISED_BEFORE = /(?<![\p{L}\p{N}'’.-])\p{Lu}[\p{L}\p{N}'’.-]*[ \t]+$/u;

/** Retypes, in place, each such place as an organisation, taking in the word before it. */
export function servicesNamedByTheirPlace(text: string, suggestions: readonly Suggestion[], context: ExtractContext): void {
  for (const s of suggestions) {
    // The analyst's own reading stays.
    if (s.type !== 'place' || DECIDED.test(s.reason)) continue;
    const opening = SERVICE_OPENING.exec(s.text)?.[0];
    const before = opening ? undefined : SERVICE_BEFORE.exec(text.slice(Math.max(0, s.start - 12), s.start))?.[0];
    if (!opening && !before) continue;
    const place = opening ? s.text.slice(opening.length) : s.text;
    const key = nameKey(place);
    const where = context.gazetteer.countryByName.has(key) || context.gazetteer.lookup(place).some((p) => nameKey(p.name) === key && (p.kind === 'country' || p.kind === 'admin1' || p.population >= LARGE_TOWN));
    if (!where) continue;
    if (before) {
      // The kind opens the name: not "the Royal Military Police Scotland unit", nor a name read over the word before.
      const from = s.start - before.length;
      if (CAPITALISED_BEFORE.test(text.slice(Math.max(0, from - 30), from)) || suggestions.some((o) => o !== s && o.start < s.start && o.end > from)) continue;
      s.start -= before.length;
      s.text = text.slice(s.start, s.end);
    }
    s.type = 'organisation';
    s.reason = `a state's broadcaster or police, named by its kind and its place`;
    // Its pending place is dropped with the other non-places' (extract.ts).
  }
}
