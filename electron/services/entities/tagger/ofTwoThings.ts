import { ORG_HEADS, ORGANISATION_LAST_WORDS } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const UPPER = /^\p{Lu}/u;
/** The most words after "and" that may be the second thing: "Family Welfare". */
const MOST_WORDS_AFTER_AND = 2;
/** A reading of the words after "and" this sure is left as it is. */
const SURE = 0.5;

/**
 * "Philippine Institute of Volcanology and Seismology", "Ministry of Health and Family Welfare": an
 * organisation named for two things joined by "and" after "of". The tagger ends the name at the "and"
 * and reads the second thing apart (as a person or a place it doubts) or not at all. Where an
 * organisation ends in a head word ("Institute", "Ministry", "Association"), "of" and one word, and
 * "and" and one or two capitalised words follow that end the run of capitals, those words are the
 * rest of its name. Not after a name without such a head (a title's or a band's, which a list may go
 * on from), nor where the tagger read the words surely, as a place ("the Government of Iraq and
 * Syria") or otherwise, or as an organisation of their own ("the Bank of England and Barclays"), nor
 * over what the analyst decided. Changes `names` in place.
 */
export function joinOrganisationsOfTwoThings(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    const and = n.to + 1;
    if (n.type !== 'ORG' || n.remembered || n.to - 1 <= n.from || sentence[n.to - 1]!.text !== 'of' || sentence[and]?.text !== 'and') continue;
    const head = sentence[n.to - 2]!.text.toLowerCase();
    if (!ORG_HEADS.has(head) && !ORGANISATION_LAST_WORDS.has(head)) continue;
    let to = and;
    while (to + 1 < sentence.length && to + 1 - and <= MOST_WORDS_AFTER_AND && CAPITALISED.test(sentence[to + 1]!.text)) to++;
    if (to === and || (to + 1 < sentence.length && CAPITALISED.test(sentence[to + 1]!.text))) continue;
    const over = names.filter((o) => o !== n && o.from <= to && o.to > n.to);
    if (over.some((o) => o.remembered || o.to > to || o.type === 'ORG' || o.confidence >= SURE)) continue;
    for (const o of over) names.splice(names.indexOf(o), 1);
    n.to = to;
  }
}

/** Heads of agencies' names that neither list holds: "the Food and Drug Administration", "the Health and Safety Executive". */
const AGENCY_HEADS = new Set(['administration', 'executive', 'inspectorate', 'regulator']);

/** Words that open no name of two things: "The Drug Administration and…", "But Health and Safety…". */
const NO_FIRST_THING = new Set(['the', 'a', 'an', 'but', 'and', 'or', 'as', 'in', 'on', 'at', 'for', 'of', 'by', 'with', 'from', 'to', 'if', 'when', 'while', 'after', 'before']);

/**
 * "the Food and Drug Administration", "the Fish and Wildlife Service", "the Health and Safety
 * Executive": an organisation named for two things before its head word. The tagger reads the name
 * from the second thing on ("Drug Administration") and leaves the first. Where an organisation that
 * ends in a head word has "and" and one capitalised word right before it, a word no name holds and
 * that no capitalised word but "The" precedes, that word opens the name. Not a word another name holds
 * ("Britain and European Union officials"), nor over what the analyst decided. Changes `names` in place.
 */
export function openOrganisationsOfTwoThings(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (const n of names) {
    const first = n.from - 2;
    if (n.type !== 'ORG' || n.remembered || first < 0 || sentence[n.from - 1]!.text !== 'and') continue;
    const head = sentence[n.to]!.text.toLowerCase();
    if (n.to === n.from || (!ORG_HEADS.has(head) && !ORGANISATION_LAST_WORDS.has(head) && !AGENCY_HEADS.has(head))) continue;
    const word = sentence[first]!.text;
    if (!CAPITALISED.test(word) || NO_FIRST_THING.has(word.toLowerCase()) || (first > 0 && UPPER.test(sentence[first - 1]!.text) && !NO_FIRST_THING.has(sentence[first - 1]!.text.toLowerCase()))) continue;
    if (names.some((o) => o.from <= first && o.to >= first)) continue;
    n.from = first;
  }
}
