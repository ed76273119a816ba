import { nameKey } from './normalise.js';

/**
 * Demonyms news writes that world-countries does not give: "the Saudi-led coalition" (it gives
 * "Saudi Arabian"), "Nepali", "Argentinian", "Ecuadorian", "Kyrgyzstani", "Philippine". Left out on purpose: "Uzbek",
 * "Tajik", "Kazakh", "Kyrgyz" and "Hazara" name peoples of Afghanistan and its neighbours as often
 * as those countries ("Uzbek militias" in Jowzjan are Afghans), and "Korean" names two countries.
 */
const NEWS_DEMONYMS: [string, string][] = [
  ['Saudi', 'SA'],
  ['Nepali', 'NP'],
  ['Argentinian', 'AR'],
  ['Ecuadorian', 'EC'],
  ['Kyrgyzstani', 'KG'],
  ['Tajikistani', 'TJ'],
  // world-countries gives "Filipino", "Djibouti" and "Kosovar"; news writes "a Philippine vessel" too.
  ['Philippine', 'PH'],
  ['Djiboutian', 'DJ'],
  ['Kosovan', 'XK'],
];

/**
 * Demonym key → country code. Countries come most populous first, so a demonym two share
 * ("Dominican", "Congolese") names the larger. world-countries writes some as lists ("Bosnian,
 * Herzegovinian", "Kittitian or Nevisian"): each member is a demonym of its own.
 */
export function demonymsOf(countries: { code: string; demonym: string | null; demonym_f: string | null }[]): Map<string, string> {
  const demonyms = new Map<string, string>();
  const claim = (demonym: string, code: string) => {
    const key = nameKey(demonym);
    if (key && !demonyms.has(key)) demonyms.set(key, code);
  };
  for (const c of countries) {
    for (const written of [c.demonym, c.demonym_f]) for (const d of written?.split(/,\s*|\s+or\s+/) ?? []) claim(d, c.code);
  }
  const known = new Set(countries.map((c) => c.code));
  for (const [d, code] of NEWS_DEMONYMS) if (known.has(code)) claim(d, code);
  return demonyms;
}
