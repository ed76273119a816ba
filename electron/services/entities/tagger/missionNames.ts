import type { Suggestion } from '../extract.js';
import { dropSuggestion, type PendingPlace } from '../placeLinks.js';

/**
 * An international body's mission or force, whose name ends with the country it serves: "United
 * Nations Assistance Mission in Afghanistan", "EU Training Mission in Mali", "UN Interim Force in
 * Lebanon", "OSCE Special Monitoring Mission to Ukraine". The tagger ends the name at "Mission" and
 * reads the country as a place beside it. Only these bodies and heads: "the Ministry of Defence in
 * Kabul" and "the U.S. Embassy in Kabul" end before "in".
 */
const BODY_MISSION = /^(?:U\.?N\.?|United Nations|EU|E\.U\.|European Union|African Union|AU|OSCE|NATO)\s(?:.*\s)?(?:Mission|Force|Operation|Administration)$/u;
/** What joins the mission to its country's name. */
const SERVES = /^\s+(?:in|for|to)\s+(?:the\s+)?$/u;
/** A capitalised word right after the place: the name goes on, and is not this one. */
const NAME_GOES_ON = /^[ \t]+\p{Lu}/u;

/** Joins each such mission to the place named after it; the place is then named inside the organisation (organisationPlaces.ts). */
export function joinMissionsToTheirCountry(text: string, suggestions: Suggestion[], places: PendingPlace[]): void {
  for (const org of suggestions.filter((s) => s.type === 'organisation' && BODY_MISSION.test(s.text))) {
    const place = suggestions
      .filter((s) => s.type === 'place' && s.start >= org.end && s.start - org.end <= 10)
      .sort((a, b) => a.start - b.start)[0];
    if (!place || !SERVES.test(text.slice(org.end, place.start)) || NAME_GOES_ON.test(text.slice(place.end, place.end + 2))) continue;
    dropSuggestion(suggestions, places, place);
    org.end = place.end;
    org.text = text.slice(org.start, org.end);
  }
}
