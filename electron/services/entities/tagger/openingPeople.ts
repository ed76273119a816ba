import { ORG_HEADS, ORGANISATION_LAST_WORDS, PLACE_HEADS, STOPWORDS, TITLES, WEEKDAYS_AND_MONTHS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

/** Verbs only people do, in news's past tense, right after the name that opens a sentence. */
const PEOPLE_VERBS = new Set(['arrived', 'met', 'told', 'visited', 'resigned', 'tweeted', 'wrote', 'spoke', 'testified', 'smiled', 'shrugged', 'thanked', 'apologised', 'apologized']);
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** Less sure than the tagger's people: the rule knows the verb, not the name. */
const OPENING_CONFIDENCE = 0.5;
/** A place the tagger read there less surely than this gives way. */
const DOUBTED_PLACE = 0.5;

/**
 * "Antony Blinken arrived in Kabul on Tuesday": two or three capitalised words that open a sentence,
 * right before a verb only people do, are a person's name where the tagger read nothing there, or a
 * place it doubted and the gazetteer does not know. The tagger reads the first words of a sentence
 * warily, since every sentence's first word is capitalised. Not where a word is a plain one ("Both
 * Sides met"), heads or closes an organisation's or a place's name, is a title, a weekday or a month,
 * nor where the gazetteer knows the words as a place or the tagger read a place surely ("Tora Bora
 * met"). "flew" is no such verb: "The Chinooks flew". Changes `names` in place.
 */
export function peopleOpeningASentence(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  let verb = 2;
  while (verb <= 3 && verb < sentence.length && !PEOPLE_VERBS.has(sentence[verb]!.text)) verb++;
  if (verb > 3 || verb >= sentence.length) return;
  // The tagger's own reading there stands, but for a place it doubted ("Zalmay Khalilzad met" at 0.34).
  const over = names.filter((n) => n.from < verb);
  if (over.some((n) => n.remembered || n.type !== 'LOC' || n.confidence >= DOUBTED_PLACE || n.to >= verb)) return;
  const words = sentence.slice(0, verb).map((t) => t.text);
  if (!words.every((w) => NAME_WORD.test(w))) return;
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => STOPWORDS.has(w) || ORG_HEADS.has(w) || ORGANISATION_LAST_WORDS.has(w) || PLACE_HEADS.has(w) || TITLES.has(w) || WEEKDAYS_AND_MONTHS.has(w))) return;
  if (lexicon.place(words.join(' ')) || lexicon.countryByName.has(lower.join(' '))) return;
  for (const n of over) names.splice(names.indexOf(n), 1);
  addNames(names, [{ from: 0, to: verb - 1, type: 'PER', confidence: OPENING_CONFIDENCE, remembered: false, reason: `a person (opening the sentence before "${sentence[verb]!.text}")` }]);
}
