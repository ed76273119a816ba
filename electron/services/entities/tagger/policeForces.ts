import { addNames, type TaggedName } from './decode.js';
import { isNameWord } from './nameWords.js';
import type { TextToken } from './tokens.js';

/** The words that close the name of a police or gendarmerie force. */
const FORCE_LAST = new Set(['Police', 'Gendarmerie', 'Constabulary', 'Carabinieri']);
/** At most this many capitalised words before the last: "Royal Canadian Mounted Police". */
const MOST_WORDS_BEFORE = 4;
/** The tagger read none of it: the shape is known, not the force. */
const UNREAD_CONFIDENCE = 0.7;

/**
 * "The Royal Canadian Mounted Police", "the Border Police": capitalised words closed by "Police"
 * (or "Gendarmerie", "Constabulary") name a force, but the tagger, seeing a nationality inside or a
 * name it never met, reads only the nationality or nothing. Where nothing but nationalities and
 * places lies across them (they stay places inside its name), they are one organisation. Not the word
 * alone ("Police said"), nor after a small word or a day that opens the sentence ("On Monday Police
 * said"), nor over what the analyst decided. Changes `names` in place.
 */
export function policeForcesNamedWhole(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 1; i < sentence.length; i++) {
    if (!FORCE_LAST.has(sentence[i]!.text) || names.some((n) => n.from <= i && n.to >= i)) continue;
    let from = i;
    while (from > 0 && i - from < MOST_WORDS_BEFORE && isNameWord(sentence[from - 1]!.text)) from--;
    if (from === i) continue;
    const across = names.filter((n) => n.to >= from && n.from < i);
    if (across.some((n) => n.from < from || n.remembered || (n.type !== 'GRP' && n.type !== 'LOC'))) continue;
    for (const n of across) names.splice(names.indexOf(n), 1);
    added.push({ from, to: i, type: 'ORG', confidence: UNREAD_CONFIDENCE, remembered: false, reason: `an organisation (a force, by the "${sentence[i]!.text}" its name ends with)` });
  }
  addNames(names, added);
}

