import type { Suggestion } from '../extract.js';
import { nameKey } from '../../gazetteer/normalise.js';
import { KNOWN_ORGANISATION_NAMES, STOPWORDS, WEEKDAYS_AND_MONTHS } from '../lexicon.js';
import { dropSuggestion, type PendingPlace } from '../placeLinks.js';

/**
 * An organisation named by its kind and then what it is for: "the Institute for the Study of War",
 * "the Committee to Protect Journalists", "the Office for the Coordination of Humanitarian Affairs",
 * "the Commission on Human Rights of the Philippines". The tagger, trained on few such names, cuts
 * them at the small word, reads the two halves as two organisations, or reads nothing. A capitalised
 * head of this list, one of these small words, and a run of capitalised words after it are one
 * organisation, where no person, date or longer name lies across them, and no organisation of the
 * lexicon is in it ("the Global Coalition to Counter ISIL" names ISIL as well). Up to three
 * capitalised words right before a head the tagger left unread open the name ("the Revolutionary
 * Armed Forces of Colombia", where it read Colombia alone).
 */
const HEADS = new Set(
  `council committee commission office institute institution center centre society foundation fund agency
  organisation organization association union league alliance front movement coalition bureau board authority
  mission court tribunal programme program network forum service academy school university college department
  ministry federation confederation command directorate secretariat assembly congress observatory trust forces`.split(/\s+/),
);
/** A head, the small word after it, and an optional "the": the object starts where this match ends. */
const HEAD_AND_LINK = /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{Ll}]+)[ \t]+(?:for|on|to|of|against)[ \t]+(?:the[ \t]+)?(?=\p{Lu})/gu;
/** One capitalised word of the object. */
const WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*/u;
const POSSESSIVE_END = /['’]s$/u;
const PLURAL_POSSESSIVE = /s['’]$/u;
/**
 * Small words that may join two capitalised words inside the object: "the Study of War", "Drugs and
 * Crime". Not "in" nor "on" (where and when); "and" only before one closing word (oneWordClosesAfterAnd).
 */
const INNER = /^[ \t]+(?:of|for|&|de|and)[ \t]+(?:the[ \t]+)?(?=\p{Lu})/u;
const PRIZE = /\b(?:Awards?|Prizes?|Medals?|Trophy|Cup|Lecture|Fellowship|Scholarship)\b/u;
// Made once: a literal with \p{…} in a loop is rebuilt at every turn in the bundles.
const SPACE_BEFORE_CAPITAL = /^[ \t]+(?=\p{Lu})/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const THE_AFTER_AND = /\bthe[ \t]+$/;
/** A capitalised word and one space, right before a point. */
const WORD_BEFORE = /(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{Ll}]+) $/u;

/** Joins each such name; `suggestions` and `places` are changed in place. */
export function joinHeadsToWhatTheyAreFor(text: string, suggestions: Suggestion[], places: PendingPlace[]): void {
  for (const m of text.matchAll(HEAD_AND_LINK)) {
    if (!HEADS.has(m[1]!.toLowerCase())) continue;
    const headStart = m.index;
    const headEnd = headStart + m[1]!.length;
    const objectEnd = endOfObject(text, m.index + m[0].length, suggestions);
    // "the Academy of Country Music Awards" is a prize's name.
    if (objectEnd === null || PRIZE.test(text.slice(m.index + m[0].length, objectEnd))) continue;
    // The head alone, or an organisation the tagger read around it ("UN Office", "Society for Worldwide
    // Interbank") and cut short; nothing else across it.
    const atHead = suggestions.filter((s) => s.start < headEnd && s.end > headStart);
    if (atHead.some((s) => s.type !== 'organisation' || s.end > objectEnd)) continue;
    // "the Revolutionary Armed Forces of Colombia": capitalised words right before a head the tagger left unread are its name's.
    const start = atHead.length ? Math.min(headStart, ...atHead.map((s) => s.start)) : wordsBefore(text, headStart, suggestions);
    if (atHead.some((s) => s.start === start && s.end === objectEnd)) continue;
    const inObject = suggestions.filter((s) => s.start < objectEnd && s.end > headEnd && !atHead.includes(s));
    // A person's or a date's name is no part of it, nor a name running on past it.
    if (inObject.some((s) => (s.type !== 'organisation' && s.type !== 'place') || s.end > objectEnd)) continue;
    // "the Global Coalition to Counter ISIL": a known organisation stays a name of its own.
    if (inObject.some((s) => s.type === 'organisation' && KNOWN_ORGANISATION_NAMES.has(nameKey(s.text)))) continue;
    // "the Mission to Kabul" is where it went.
    if (m[0].includes(' to ') && inObject.some((s) => s.type === 'place' && s.start === m.index + m[0].length)) continue;
    const parts = [...atHead, ...inObject];
    for (const s of parts) dropSuggestion(suggestions, places, s);
    const confidence = parts.some((s) => s.type === 'organisation') ? Math.max(...parts.filter((s) => s.type === 'organisation').map((s) => s.confidence)) : 0.6;
    suggestions.push({
      start,
      end: objectEnd,
      text: text.slice(start, objectEnd),
      type: 'organisation',
      confidence,
      reason: `an organisation named by its kind, "${m[1]}", and what it is for`,
    });
  }
}

/** Where the capitalised words no name holds, right before `at`, begin: at most three, never a sentence's opening "The". */
function wordsBefore(text: string, at: number, suggestions: readonly Suggestion[]): number {
  let start = at;
  for (let k = 0; k < 3; k++) {
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    if (!word || STOPWORDS.has(word.toLowerCase())) break;
    const from = start - word.length - 1;
    if (suggestions.some((s) => s.start < start && s.end > from)) break;
    start = from;
  }
  return start;
}

/** Where the run of capitalised words from `from` ends; null where it is a weekday or a month. */
function endOfObject(text: string, from: number, suggestions: readonly Suggestion[]): number | null {
  let at = from;
  let end: number | null = null;
  for (;;) {
    const word = WORD.exec(text.slice(at, at + 60))?.[0];
    if (!word || WEEKDAYS_AND_MONTHS.has(word.replace(/\.$/, '').toLowerCase())) break;
    // A dot ending a word ends the sentence unless the word is an initial ("U.S."); a plural's
    // possessive ends the name ("the Department of Health and Human Services' Office of …").
    const bare = (/\.$/.test(word) && !INITIALS.test(word)) || PLURAL_POSSESSIVE.test(word) ? word.slice(0, -1) : word;
    at += bare.length;
    end = at;
    if (bare !== word) break;
    const space = SPACE_BEFORE_CAPITAL.exec(text.slice(at, at + 4))?.[0] ?? INNER.exec(text.slice(at, at + 16))?.[0];
    // "the University of NSW's school of public health": a possessive that no capitalised word follows
    // belongs to what comes after the name ("the Ministry of Women's Affairs" keeps its own).
    if (!space && POSSESSIVE_END.test(bare)) end = at - bare.match(POSSESSIVE_END)![0].length;
    if (!space) break;
    if (/^[ \t]+and\b/.test(space) && !oneWordClosesAfterAnd(text, at + space.length, suggestions, space)) break;
    at += space.length;
  }
  return end;
}

/**
 * "Drugs and Crime", "Science and Technology": one word after "and" closes the name. Two or more ("the
 * World Wide Fund for Nature and Comic Relief") or a name the tagger read there ("and Human Rights
 * Watch") are the next name of a list.
 */
function oneWordClosesAfterAnd(text: string, at: number, suggestions: readonly Suggestion[], and: string): boolean {
  // "the Commission on Human Rights and the Committee on Disarmament": "and the" opens the next name.
  if (THE_AFTER_AND.test(and) || suggestions.some((s) => s.start === at)) return false;
  const word = WORD.exec(text.slice(at, at + 60))?.[0];
  return !!word && !SPACE_BEFORE_CAPITAL.test(text.slice(at + word.length, at + word.length + 4));
}
