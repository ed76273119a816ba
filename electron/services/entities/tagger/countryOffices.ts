import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';
import { COUNTRY_ABBREVIATIONS } from '../lexicon.js';
import { dropSuggestion, type PendingPlace } from '../placeLinks.js';

/**
 * "UNICEF Somalia", "WFP Yemen", "ABC Australia", "KPMG India": an organisation's initials and a
 * country's name are its office or branch there, one organisation (the country is then a place
 * named inside it, organisationPlaces.ts). The tagger reads some whole, splits others into an
 * organisation and a country, and reads others as one place that the gazetteer cannot find ("ABC
 * Australia", GeoVirus dev). Not where the initials are a country's or a place's ("US Virgin
 * Islands", "DR Congo", "NAIROBI Kenya"), nor where a lower-case word after them says they are
 * two sides ("UN Syria talks", "the EU Turkey deal").
 */
const INITIALS_AND_NAME = /(?<![\p{L}\p{N}&.'’-])(\p{Lu}[\p{Lu}&]{1,5})[ \t]+(\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’-]*){0,2})(?![\p{L}\p{N}'’-])/gu;
/** Wire copy's kicker words in capitals before a headline ("SOCCER Brazil beat Chile"): no organisation's initials. */
const KICKERS = new Set(['SOCCER', 'TENNIS', 'GOLF', 'RUGBY', 'BOXING', 'CRICKET', 'UPDATE', 'BRIEF', 'REFILE', 'ANALYSIS', 'FACTBOX', 'PREVIEW', 'WRAPUP']);
/** A lower-case word after the pair that makes its two names two sides. */
const SIDES_AFTER = /^[ \t]+(?:talks|deal|deals|summit|summits|relations|ties|agreement|accord|pact|treaty|border|borders|war|conflict|dispute|meeting|meetings|council|dialogue|partnership|cooperation|trade|match|game|fixture|tie)\b/u;
const CONFIDENCE = 0.8;

export function countryOffices(text: string, suggestions: Suggestion[], places: PendingPlace[], context: ExtractContext): void {
  const gazetteer = context.gazetteer;
  for (const m of text.matchAll(INITIALS_AND_NAME)) {
    const [whole, initials, country] = [m[0], m[1]!, m[2]!];
    if (!gazetteer.countryByName.has(nameKey(country)) || KICKERS.has(initials)) continue;
    const key = nameKey(initials);
    if (COUNTRY_ABBREVIATIONS.has(key) || gazetteer.countryByName.has(key) || gazetteer.lookup(initials).length || gazetteer.lookup(whole).length) continue;
    const start = m.index;
    const end = start + whole.length;
    if (SIDES_AFTER.test(text.slice(end, end + 16))) continue;
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    // A longer name around the pair, or the analyst's own word on either part, stays.
    if (over.some((s) => s.start < start || s.end > end || s.reason.includes('analyst'))) continue;
    if (over.length === 1 && over[0]!.type === 'organisation' && over[0]!.start === start && over[0]!.end === end) continue;
    for (const s of over) dropSuggestion(suggestions, places, s);
    suggestions.push({ start, end, text: whole, type: 'organisation', confidence: CONFIDENCE, reason: `an organisation's office in ${country}` });
  }
}
