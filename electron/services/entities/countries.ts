import type { Place } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import { COUNTRY_ABBREVIATIONS } from './lexicon.js';

/** What finding a country by what an article calls it asks of the gazetteer. */
export interface CountryLookup {
  lookup(name: string): Place[];
  countryByName: Map<string, string>;
}

/** Each country's name by its code, made once per gazetteer. */
const namesByCode = new WeakMap<CountryLookup, Map<string, string>>();

/** The code of the country a name or a common abbreviation stands for ("Kenya", "U.S.", "UK"), by its name key. */
export function countryCode(gazetteer: CountryLookup, key: string): string | undefined {
  const code = gazetteer.countryByName.get(key);
  if (code) return code;
  const full = COUNTRY_ABBREVIATIONS.get(key);
  return full ? gazetteer.countryByName.get(nameKey(full)) : undefined;
}

/**
 * A country's own gazetteer record, by its code. Found by the country's own name: what the article
 * wrote may be no name of it there ("US"), or the name of a town as well ("Mexico", "Panama").
 */
export function countryPlace(gazetteer: CountryLookup, code: string): Place | undefined {
  let names = namesByCode.get(gazetteer);
  if (!names) {
    names = new Map();
    for (const [name, c] of gazetteer.countryByName) if (!names.has(c)) names.set(c, name);
    namesByCode.set(gazetteer, names);
  }
  const name = names.get(code);
  return name ? gazetteer.lookup(name).find((p) => p.kind === 'country' && p.country === code) : undefined;
}
