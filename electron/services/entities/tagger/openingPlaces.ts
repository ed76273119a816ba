import { GROUP_NAMES } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** One capitalised word, as a city's or a country's name is written. */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** A small word right after it: the name stands alone ("Kabul was quiet", "Tokyo's response"). */
const SMALL_WORD = /^(?:\p{Ll}+|['’]s)$/u;
/** What may stand before the first word of a sentence. */
const OPENING_MARKS = new Set(['"', '“', "'", '‘', '(', '[']);
/** The tagger's other reading of such a word at or above this stands. */
const SURE_OTHERWISE = 0.7;
/** The confidence of the place: a capital's or a great city's name is seldom anything else. */
const OPENING_PLACE_CONFIDENCE = 0.7;

/**
 * "Kabul was quiet on Friday", "Tokyo was concerned": the first word of a sentence is capitalised
 * whatever it is, so there the tagger doubts a name it reads surely anywhere else ("Kabul" a person
 * at 62%, "Tokyo" a group at 30%, "Tehran" a place at 28%). A word alone there (a small word after
 * it) that `isWellKnownPlace` says is a capital, a city of half a million or a country is that
 * place: read as it is, surer; read doubtfully as something else, or not at all, the place. Not
 * where the article names a person with that word ("Paris Hilton … Paris said"), nor an identity
 * group's name, nor over what the analyst decided or a reading the tagger is sure of. Changes `names` in place.
 */
export function placesOpeningASentence(names: TaggedName[], sentence: readonly TextToken[], isWellKnownPlace: (word: string) => boolean, peopleWords: ReadonlySet<string>): void {
  const at = OPENING_MARKS.has(sentence[0]?.text ?? '') ? 1 : 0;
  const word = sentence[at]?.text ?? '';
  if (!NAME_WORD.test(word) || !SMALL_WORD.test(sentence[at + 1]?.text ?? '')) return;
  const lower = word.toLowerCase();
  if (peopleWords.has(lower) || GROUP_NAMES.has(lower) || !isWellKnownPlace(word)) return;
  const read = names.find((n) => n.from <= at && n.to >= at);
  if (read && (read.remembered || read.from !== at || read.to !== at || read.confidence >= SURE_OTHERWISE)) return;
  if (read) {
    read.type = 'LOC';
    read.confidence = OPENING_PLACE_CONFIDENCE;
    read.reason = 'a place (a capital, great city or country, opening the sentence)';
  } else {
    addNames(names, [{ from: at, to: at, type: 'LOC', confidence: OPENING_PLACE_CONFIDENCE, remembered: false, reason: 'a place (a capital, great city or country, opening the sentence)' }]);
  }
}
