import { addNames, type TaggedName } from './decode.js';
import { isNameWord } from './nameWords.js';
import type { TextToken } from './tokens.js';

/** The words that close a military formation's name. */
const UNIT_WORDS = new Set(['Brigade', 'Regiment', 'Battalion', 'Division', 'Corps', 'Army', 'Fleet', 'Squadron', 'Wing', 'Flotilla']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/u;
const CAPITALISED = /^\p{Lu}/u;
/** Words between the number and the unit word: "Combined Arms", "Separate Mechanized", at most three. */
const MAX_WORDS_BETWEEN = 3;
/** A unit the tagger read nothing of: the rule knows the shape, not the unit. */
const UNREAD_CONFIDENCE = 0.7;

/**
 * "The 3rd Assault Brigade", "Russia's 58th Combined Arms Army", "the US 7th Fleet": a formation is
 * named by its number and its kind, and the number is part of the name. The tagger reads the words
 * after the number as an organisation without it, or nothing at all before a bare unit word ("7th
 * Fleet"); the number then opens the organisation, and a number, capitalised words and a unit word
 * that no name covers are one. Not over what the analyst decided. Changes `names` in place.
 */
export function militaryUnitsWithTheirNumber(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 0; i + 1 < sentence.length; i++) {
    if (!ORDINAL.test(sentence[i]!.text)) continue;
    let to = i + 1;
    while (to < sentence.length && to - i <= MAX_WORDS_BETWEEN && CAPITALISED.test(sentence[to]!.text) && !UNIT_WORDS.has(sentence[to]!.text)) to++;
    if (to >= sentence.length || !UNIT_WORDS.has(sentence[to]!.text)) continue;
    // The unit word may go on ("Army Corps"), and the tagger's name with it.
    while (to + 1 < sentence.length && UNIT_WORDS.has(sentence[to + 1]!.text)) to++;
    const over = names.filter((n) => n.from <= to && n.to >= i);
    // Not a street or a building named after it ("4th Division Street"): the name goes on.
    if (over.length === 0 && !CAPITALISED.test(sentence[to + 1]?.text ?? '')) {
      added.push({ from: i, to, type: 'ORG', confidence: UNREAD_CONFIDENCE, remembered: false, reason: 'an organisation (a military formation, by its number and kind)' });
    } else if (over.length === 1 && over[0]!.type === 'ORG' && !over[0]!.remembered && over[0]!.from === i + 1 && over[0]!.to >= to) {
      over[0]!.from = i;
    }
    i = to;
  }
  addNames(names, added);
}

/** The words after a name that make it a formation's, written in any case: "the Azov brigade". */
const FORMATION_WORD = /^(?:brigade|regiment|battalion)$/iu;
/** A formation named by a word the tagger read as nothing: the shape is known, the name is not. */
const NAMED_UNREAD_CONFIDENCE = 0.6;

/**
 * "The Azov brigade", "the Kraken regiment": news writes the kind of a formation named by a word in
 * lower case, and the tagger reads the word as the place it is also ("Azov", a Russian town) or as
 * nothing. One or two capitalised words right before "brigade", "regiment" or "battalion" are an
 * organisation: the formation's name (its kind in lower case stays out of it, as it does of any
 * organisation's name here). Not a nationality ("a Syrian brigade"), nor what the analyst decided.
 * Changes `names` in place.
 */
export function formationsNamedBeforeTheirKind(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 1; i < sentence.length; i++) {
    if (!FORMATION_WORD.test(sentence[i]!.text)) continue;
    const reason = `an organisation (a formation's name, before "${sentence[i]!.text}")`;
    const named = names.find((n) => n.to === i - 1);
    if (named) {
      if (named.remembered || named.type === 'ORG' || named.type === 'GRP' || named.to - named.from > 1 || !sentence.slice(named.from, i).every((t) => CAPITALISED.test(t.text))) continue;
      named.type = 'ORG';
      named.reason = reason;
      continue;
    }
    if (names.some((n) => n.from <= i && n.to >= i - 1)) continue;
    let from = i;
    while (from > 0 && i - from < 2 && isNameWord(sentence[from - 1]!.text)) from--;
    if (from < i) added.push({ from, to: i - 1, type: 'ORG', confidence: NAMED_UNREAD_CONFIDENCE, remembered: false, reason });
  }
  addNames(names, added);
}
