import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';

/**
 * "The Houthi-run Saba news agency", "Iran's Tasnim news agency", "the state-run Bakhtar news
 * agency": wire copy names an agency or a channel before the word for what it is, in lower case. The
 * tagger read those names as places (Saba in Honduras, Bakhtar as Balkh). Where the name is a
 * country's or a populous province's or town's ("a Kandahar news channel"), it says where the
 * agency is, and stays a place.
 */
/** Not "newspaper" nor "daily": before them a name is as often the paper's town ("the Lashkar Gah daily"). */
const MEDIA_AFTER = /^[ \t]+(?:news[ \t]+agency|broadcaster|news[ \t]+website|(?:TV|television|news)[ \t]+channel)\b/u;
/** A province or town of this many people is where a paper is ("a Kandahar newspaper"); Saba, a Caribbean island of 2,000, is not Yemen's agency. */
const LARGE_AREA = 100_000;

export function mediaNamedBeforeTheirKind(text: string, suggestions: Suggestion[], context: ExtractContext): void {
  for (const s of suggestions) {
    const media = s.type === 'place' || s.type === 'person' ? MEDIA_AFTER.exec(text.slice(s.end, s.end + 24)) : null;
    if (!media) continue;
    const key = nameKey(s.text);
    const where = context.gazetteer.lookup(s.text).some((p) => nameKey(p.name) === key && (p.kind === 'country' || p.population >= LARGE_AREA));
    if (where || context.gazetteer.demonyms.has(key)) continue;
    s.type = 'organisation';
    s.reason = `an organisation, as the words after it say ("${media[0].trim()}")`;
    // Its pending place is dropped with the other non-places' (extract.ts).
    delete s.places;
  }
}
