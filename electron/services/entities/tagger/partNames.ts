import { nameKey } from '../../gazetteer/normalise.js';
import type { Suggestion } from '../extract.js';
import { KNOWN_ORGANISATION_NAMES } from '../lexicon.js';
import { dropSuggestion, type PendingPlace } from '../placeLinks.js';

/**
 * A body's part named with the body after "of": "General Staff of the Armed Forces of Ukraine",
 * "Political Bureau of the Central Committee". The tagger reads the
 * body and leaves the part, or reads them as two names. The part is one of these heads, in capitals,
 * and the body an organisation, not one of the lexicon ("the Press Office of the Taliban" names the
 * Taliban too): "the President of the European Commission" names a person's office.
 */
const PART_HEADS = new Set(
  `staff command headquarters directorate department office ministry council committee commission bureau division
  secretariat presidium board cabinet service administration wing branch corps section unit chamber executive
  politburo caucus`.split(/\s+/),
);
/** The part's capitalised words, "of" and an optional "the", up to where the body starts. */
const PART_BEFORE = /(?<![\p{L}\p{N}'’.-])((?:\p{Lu}[\p{L}\p{M}'’-]*\s){0,3}\p{Lu}[\p{L}\p{M}'’-]*)\s+of\s+(?:the\s+)?$/u;

/** Joins each such part to the organisation named after it; `suggestions` and `places` are changed in place. */
export function joinPartsToTheirOrganisation(text: string, suggestions: Suggestion[], places: PendingPlace[]): void {
  // In the text's order, so a joined name may be the part of the next: "Political Bureau of the Central
  // Committee of the Communist Party".
  for (const body of suggestions.filter((s) => s.type === 'organisation').sort((a, b) => a.start - b.start)) {
    // "the Press Office of the Taliban" names the Taliban as well.
    if (KNOWN_ORGANISATION_NAMES.has(nameKey(body.text))) continue;
    const m = PART_BEFORE.exec(text.slice(Math.max(0, body.start - 80), body.start));
    if (!m) continue;
    const words = m[1]!.split(/\s+/);
    if (!PART_HEADS.has(words.at(-1)!.toLowerCase())) continue;
    // "Staff" alone is the people who work there ("Staff of the Bureau of Statistics said"); "General Staff" is a body.
    if (words.length === 1 && words[0]!.toLowerCase() === 'staff') continue;
    // "The" opening a sentence is no part of the name.
    const skip = /^the$/i.test(words[0]!) && words.length > 1 ? words[0]!.length + 1 : 0;
    const start = body.start - m[0].length + skip;
    const partEnd = start + m[1]!.length - skip;
    const inside = suggestions.filter((s) => s !== body && s.start < partEnd && s.end > start);
    if (inside.some((s) => s.type !== 'organisation' || s.end > partEnd || (s.start < start && s.end !== partEnd))) continue;
    for (const s of inside) dropSuggestion(suggestions, places, s);
    body.start = Math.min(start, ...inside.map((s) => s.start));
    body.text = text.slice(body.start, body.end);
  }
}
