import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';
import { analysts, dropSuggestion, type PendingPlace } from '../placeLinks.js';

/**
 * "Elizabeth Warren, a Massachusetts Democrat", "Texas Republicans blocked the bill": a state's name
 * before a party's word says where its members come from. The tagger reads the two as
 * one organisation ("Massachusetts Democrat"), as one place the gazetteer cannot find ("California
 * Democrats"), or as nothing. The state is a place of its own; the plural is the party, as the
 * corpora mark "Democrats"; the singular is one member, no name. The place is a state's own name or
 * the United States' (a capital before the state's word is no more than a sentence's first word: "A
 * Texas Republican"). Not where a longer name holds the words, nor over the analyst's word.
 */
const PLACE_AND_PARTY = /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2})[ \t]+(Democrats?|Republicans?)(?![\p{L}\p{N}'’-])/gu;
const PLACE_CONFIDENCE = 0.8;
const PARTY_CONFIDENCE = 0.7;

export function placesBeforeTheirParty(text: string, suggestions: Suggestion[], places: PendingPlace[], context: ExtractContext): void {
  // Most articles name no party so: a plain search spares the pattern's scan of every capitalised word.
  if (!text.includes('Democrat') && !text.includes('Republican')) return;
  const { gazetteer } = context;
  // The Democrats and Republicans of these words are the United States' parties: elsewhere the words
  // before them are a party's own name ("Sweden Democrats", "Free Democrats", not Free State's).
  const isArea = (name: string) =>
    gazetteer.countryByName.get(nameKey(name)) === 'US' || gazetteer.lookup(name).some((p) => p.kind === 'admin1' && p.country === 'US' && (p.nameKind ?? 0) === 0);
  for (const m of text.matchAll(PLACE_AND_PARTY)) {
    const words = m[1]!.split(/[ \t]+/);
    // The longest run of words before the party's that is such an area: "New Hampshire", "Texas" of "A Texas".
    let skip = 0;
    while (skip < words.length && !isArea(words.slice(skip).join(' '))) skip++;
    if (skip === words.length) continue;
    const place = words.slice(skip).join(' ');
    const start = m.index + m[1]!.length - place.length;
    const end = m.index + m[0].length;
    const partyStart = end - m[2]!.length;
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    if (over.some((s) => s.start < m.index || s.end > end || analysts(s))) continue;
    // Read as a place already: the party's word makes it surer.
    const read = over.find((s) => s.start === start && s.end === start + place.length && s.type === 'place');
    if (read) {
      read.confidence = Math.max(read.confidence, PLACE_CONFIDENCE);
      continue;
    }
    for (const s of over) dropSuggestion(suggestions, places, s);
    const s: Suggestion = { start, end: start + place.length, text: place, type: 'place', confidence: PLACE_CONFIDENCE, reason: `a place, its party's members named after it ("${m[2]}")` };
    suggestions.push(s);
    places.push({ s, wantsAdminArea: true });
    if (m[2]!.endsWith('s')) suggestions.push({ start: partyStart, end, text: m[2]!, type: 'organisation', confidence: PARTY_CONFIDENCE, reason: 'a party, named by its members' });
  }
}
