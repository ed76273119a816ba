import { ORG_HEADS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const POSSESSIVE = /^['’]s$/u;
const APOSTROPHE = /^['’]$/u;
/** Small words inside a body's name: "Ministry of Commerce", "Competition and Markets Authority" (not "on": "High Court on Thursday"). */
const INNER = new Set(['of', 'and', 'for']);
/** Heads of the lexicon that close a scheme's name, not a body's: "China's Thousand Talents Program", "Belt and Road Initiative". */
const SCHEMES = new Set(['programme', 'program', 'project', 'initiative']);
/** Small words after a head that opens the name. */
const HEAD_LINKS = new Set(['of', 'for']);
/** The most words of the body's name. */
const MOST_WORDS = 5;
/** The tagger's other reading of those words at or above this stands. */
const SURE_OTHERWISE = 0.5;
/** As sure as the body is: a country's court or senate is seldom anything else. */
const BODY_CONFIDENCE = 0.7;

/**
 * "Kenya's High Court on Thursday suspended…", "Nigeria's Senate": after a place's possessive, news
 * names the place's own court, house or ministry, and the tagger, which read the place, may leave the
 * body unread ("High Court" read at 42% after "The", not at all after "Kenya's"). A place the tagger
 * read, its "'s", and one to five capitalised words (small words between) that end in an
 * organisation's head word, or open with one before "of" or "for" ("Ministry of Commerce"), and are
 * followed by no other capitalised word, are that place's body:
 * where the tagger read nothing there, or something else doubtfully. Not over the analyst's names.
 * Changes `names` in place.
 */
export function bodiesOfPlaces(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (const place of names) {
    if (place.type !== 'LOC' || !POSSESSIVE.test(sentence[place.to + 1]?.text ?? '')) continue;
    const from = place.to + 2;
    const to = bodyEnd(sentence, from);
    if (to < 0) continue;
    const over = names.filter((n) => n.from <= to && n.to >= from);
    if (over.some((n) => n.remembered || n.from < from || n.to > to || n.type === 'ORG' || n.confidence >= SURE_OTHERWISE)) continue;
    for (const n of over) names.splice(names.indexOf(n), 1);
    added.push({ from, to, type: 'ORG', confidence: BODY_CONFIDENCE, remembered: false, reason: "an organisation: a body named after a place's possessive" });
  }
  addNames(names, added);
}

/** The last token of a body's name opening at `from`, or -1. */
function bodyEnd(sentence: readonly TextToken[], from: number): number {
  // "Ministry of Commerce": the head may open the name, before its "of" or "for".
  const headFirst = ORG_HEADS.has(sentence[from]?.text.toLowerCase() ?? '') && HEAD_LINKS.has(sentence[from + 1]?.text ?? '');
  let words = 0;
  for (let i = from; i < sentence.length && words < MOST_WORDS; i++) {
    const word = sentence[i]!.text;
    if (!CAPITALISED.test(word)) return -1;
    words++;
    const next = sentence[i + 1]?.text ?? '';
    if (INNER.has(next) && CAPITALISED.test(sentence[i + 2]?.text ?? '')) {
      i++;
      continue;
    }
    if (CAPITALISED.test(next)) continue;
    return headFirst || (ORG_HEADS.has(word.toLowerCase()) && !SCHEMES.has(word.toLowerCase())) ? i : -1;
  }
  return -1;
}

/**
 * "the Treasury Department's Office of Foreign Assets Control", "the European Parliament's Committee
 * on …": a body's possessive, then one of its parts, which the tagger reads as one organisation
 * ("Treasury Department's Office of Foreign Assets Control" at 50%). An organisation with a "'s"
 * (or a plural's apostrophe: "Human Services' Office") inside, where the words before it end in an
 * organisation's head word (or open with one, or "House", before "of": "the House of Representatives'
 * Committee on …") and those after it open with one, is the two organisations. Not the analyst's
 * names. Changes `names` in place.
 */
export function bodiesOfBodies(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.type !== 'ORG' || n.remembered) continue;
    for (let p = n.from + 1; p < n.to; p++) {
      // "'s", or a plural's bare apostrophe ("Human Services' Office").
      const mark = sentence[p]!;
      if (!POSSESSIVE.test(mark.text) && !(APOSTROPHE.test(mark.text) && mark.start === sentence[p - 1]!.end && sentence[p - 1]!.text.endsWith('s'))) continue;
      const last = sentence[p - 1]!.text;
      const first = sentence[p + 1]!.text;
      // The body's name ends in its head, or opens with one before "of" ("the House of Representatives' Committee on …").
      const opening = sentence[n.from]!.text.toLowerCase();
      const body = ORG_HEADS.has(last.toLowerCase()) || ((ORG_HEADS.has(opening) || opening === 'house') && sentence[n.from + 1]!.text === 'of');
      if (!CAPITALISED.test(last) || !CAPITALISED.test(first) || !body || !ORG_HEADS.has(first.toLowerCase())) continue;
      names.splice(k, 1, { ...n, to: p - 1 }, { ...n, from: p + 1 });
      break;
    }
  }
}
