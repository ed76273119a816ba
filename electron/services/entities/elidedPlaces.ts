import type { Place } from '../gazetteer/gazetteer.js';
import type { Suggestion } from './extract.js';
import { COMPASS_WORDS } from './lexicon.js';
import type { PendingPlace } from './placeLinks.js';
import { spanIndex } from './spanIndex.js';

const COMPASS = COMPASS_WORDS.join('|');

/** "North and South Korea": a compass word, "and" or "or", another, and the name they share. */
const ELIDED = new RegExp(`\\b(${COMPASS})\\s+(?:and|or|&)\\s+((?:${COMPASS})\\s+\\p{Lu}[\\p{L}\\p{M}-]*)(?![\\p{L}\\p{M}-]|\\s+\\p{Lu})`, 'gu');

/**
 * Places news writes with their shared name said once: "talks between North and South Korea",
 * "the jungles of Central and South America", "East and West Germany". The tagger reads the first
 * word alone as a place it cannot find ("North") or the whole as one organisation. The first word
 * becomes a mention of its full name, looked up as such ("North" → North Korea), and the second a
 * place of its own. Both full names must be in the gazetteer: "North and South Waziristan" is read
 * so only because the gazetteer knows North Waziristan.
 */
export function elidedPlaces(text: string, suggestions: readonly Suggestion[], gazetteer: { lookup(name: string): Place[] }): { places: PendingPlace[]; replaces: Suggestion[] } {
  const places: PendingPlace[] = [];
  const replaces: Suggestion[] = [];
  const spans = spanIndex(suggestions);
  for (const m of text.matchAll(ELIDED)) {
    const first = m[1]!;
    const second = m[2]!;
    const shared = second.slice(second.search(/\s/u)).trim();
    const full = `${first} ${shared}`;
    if (!gazetteer.lookup(full).length || !gazetteer.lookup(second).length) continue;
    const firstStart = m.index;
    const secondStart = m.index + m[0].length - second.length;
    const end = m.index + m[0].length;
    const over = spans.overlapping(firstStart, end);
    // A longer name around them is left as it is ("the North and South Korea Friendship Society").
    if (over.some((s) => s.start < firstStart || s.end > end)) continue;
    // Neither a person nor a date stands here: the tagger's reading, whatever it was, gives way.
    replaces.push(...over.filter((s) => !(s.type === 'place' && s.start === secondStart && s.end === end)));
    const reason = `"${first}" of "${m[0]}": ${full}`;
    places.push({ s: { start: firstStart, end: firstStart + first.length, text: first, type: 'place', confidence: 0.8, reason }, wantsAdminArea: false, lookupName: full });
    if (!over.some((s) => s.type === 'place' && s.start === secondStart && s.end === end)) {
      places.push({ s: { start: secondStart, end, text: second, type: 'place', confidence: 0.8, reason: `a known place, after "${first} and"` }, wantsAdminArea: false });
    }
  }
  return { places, replaces };
}
