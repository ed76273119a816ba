import { isDateline } from '../../gazetteer/resolve.js';
import type { ExtractContext, Suggestion } from '../extract.js';
import type { PendingPlace } from '../placeLinks.js';
import { analysts } from '../placeLinks.js';

/** A name written all in capitals. */
const IN_CAPITALS = /^[\p{Lu}\p{M}' .’-]+$/u;

/**
 * A dateline in capitals opening the article, "KABUL — Afghan officials said", is where the story was
 * filed. The tagger, which learnt datelines with their country after a comma, may read a bare one as a
 * person. Where the gazetteer knows the name as a town of 1,000 people, an area or a country, the
 * tagger's person or organisation there is that place.
 */
export function placesOpeningAsDateline(text: string, suggestions: Suggestion[], places: PendingPlace[], context: ExtractContext): void {
  for (const s of suggestions) {
    if ((s.type !== 'person' && s.type !== 'organisation') || analysts(s) || !IN_CAPITALS.test(s.text) || !isDateline(text, s)) continue;
    const known = context.gazetteer.lookup(s.text).some((p) => p.kind !== 'city' || p.population >= 1000);
    if (!known) continue;
    s.type = 'place';
    s.reason = 'a place, the dateline the article opens with';
    s.confidence = Math.max(s.confidence, 0.8);
    places.push({ s, wantsAdminArea: false });
  }
}
