import { nameKey } from '../../gazetteer/normalise.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** How the article's lines in ordinary case write its words. */
export interface BodyWords {
  /** Words written in small letters ("bill" of "the welfare reform bill"). */
  small: Set<string>;
  /** The first words of people's names of two words or more, by key ("bill" of "Bill Clinton"). */
  givenNames: Set<string>;
}

const SMALL_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;
const LETTER = /\p{L}/u;

export function bodyWordsOf(tagged: readonly { sentence: readonly TextToken[]; facts: { capsLine: boolean }; names: readonly TaggedName[] }[]): BodyWords {
  const small = new Set<string>();
  const givenNames = new Set<string>();
  for (const { sentence, facts, names } of tagged) {
    if (facts.capsLine) continue;
    for (const t of sentence) if (SMALL_WORD.test(t.text)) small.add(t.text);
    for (const n of names) if (n.type === 'PER' && n.to > n.from) givenNames.add(nameKey(sentence[n.from]!.text));
  }
  return { small, givenNames };
}

/**
 * "CLINTON SIGNS WELFARE BILL": in a headline in capitals every word looks like a name, and the
 * tagger reads some that are none ("BILL" a person at 73%). The story below says which: a name
 * whose every word it writes in small letters ("the welfare reform bill"), or a word it writes only
 * as a given name ("Bill Clinton"; headlines name people by their surnames), is no name in the
 * headline either, unless the story reads it as a name of its own (`bodyNames`: "BUSH" of "George
 * Bush" though it writes "the bush"). Only the tagger's own readings are dropped, not a rule's nor
 * the analyst's. Changes `names` in place.
 */
export function dropHeadlineWordsOfTheBody(names: TaggedName[], sentence: readonly TextToken[], body: BodyWords, bodyNames: ReadonlyMap<string, unknown>): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.remembered || n.reason) continue;
    const words = sentence.slice(n.from, n.to + 1).filter((t) => LETTER.test(t.text));
    if (!words.length || bodyNames.has(nameKey(words.map((t) => t.text).join(' ')))) continue;
    const keys = words.map((t) => t.text.toLowerCase());
    const givenName = keys.length === 1 && body.givenNames.has(nameKey(words[0]!.text));
    if (givenName || keys.every((w) => body.small.has(w))) names.splice(k, 1);
  }
}
