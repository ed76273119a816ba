import { STOPWORDS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const CARTEL = /^[Cc]artel$/u;
const CAPITALISED = /^\p{Lu}/u;
/** "Jalisco New Generation Cartel": at most this many words before the word. */
const MAX_WORDS = 4;
/** The word names the kind outright: as sure as a name the organisation lexicon holds. */
const CARTEL_CONFIDENCE = 0.8;

/**
 * "the Sinaloa cartel", "the Jalisco New Generation Cartel": a cartel is named by where it began, and
 * news (AP among it) writes the word in lower case. The tagger reads the place alone ("Sinaloa") and
 * leaves the rest unread; the capitalised words right before the word, with the names the tagger read
 * among them, and the word itself are one organisation. Not over what the analyst decided, nor where
 * a name the tagger read begins before those words or runs on past the word. Changes `names` in place.
 */
export function cartelsByTheirName(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 1; i < sentence.length; i++) {
    if (!CARTEL.test(sentence[i]!.text)) continue;
    let from = i;
    while (from > 0 && i - from < MAX_WORDS && CAPITALISED.test(sentence[from - 1]!.text) && !STOPWORDS.has(sentence[from - 1]!.text.toLowerCase()) && sentence[from]!.start - sentence[from - 1]!.end <= 1) from--;
    if (from === i) continue;
    // A name that starts before those words or goes past the word is another name ("the U.S. Drug Enforcement Administration cartel unit").
    const over = names.filter((n) => n.from <= i && n.to >= from);
    if (over.some((n) => n.remembered || n.from < from || n.to > i)) continue;
    if (over.length === 1 && over[0]!.type === 'ORG' && over[0]!.from === from && over[0]!.to === i) continue;
    for (const n of over) names.splice(names.indexOf(n), 1);
    added.push({ from, to: i, type: 'ORG', confidence: CARTEL_CONFIDENCE, remembered: false, reason: 'an organisation (a cartel, by its name)' });
  }
  addNames(names, added);
}
