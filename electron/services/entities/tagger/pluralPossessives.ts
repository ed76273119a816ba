import { ORG_HEADS } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const PLURAL = /^\p{Lu}\p{Ll}+s$/u;
const APOSTROPHE = /^['’]$/u;
const CAPITALISED = /^\p{Lu}/u;
/** Heads of bodies named for their members besides the lexicon's: "Bishops' Conference", "Journalists' Society". */
const MEMBERS_BODIES = new Set(['conference', 'society', 'guild', 'trust', 'cooperative', 'chamber', 'syndicate']);
const isHead = (word: string) => ORG_HEADS.has(word) || MEMBERS_BODIES.has(word);
const HEAD_LINKS = new Set(['of', 'for', 'on', 'to']);

/**
 * "the Italian Bishops' Conference", "the Nigeria Governors' Forum": a body named for its members
 * holds their plural possessive, which the tagger reads as its end more often than not ("Italian
 * Bishops" at 48%). A name ending in a capitalised plural, the apostrophe right after it and a
 * capitalised word that heads an organisation's name and closes it run on to that word, as an
 * organisation, where the tagger read nothing there. Not a group's name ("Americans"), nor the
 * analyst's names. Changes `names` in place.
 */
export function bodiesNamedForTheirMembers(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = 0; k < names.length; k++) {
    const n = names[k]!;
    const apostrophe = sentence[n.to + 1];
    const head = sentence[n.to + 2];
    if (n.remembered || !PLURAL.test(sentence[n.to]!.text) || !apostrophe || !APOSTROPHE.test(apostrophe.text) || apostrophe.start !== sentence[n.to]!.end) continue;
    if (n.type === 'GRP' || !head || !CAPITALISED.test(head.text) || !isHead(head.text.toLowerCase()) || names[k + 1]?.from === n.to + 2) continue;
    // "the Americans' Union Station trip": the head closes the name; "Human Services' Office of Inspector
    // General": a head before "of" opens a name of its own.
    if (CAPITALISED.test(sentence[n.to + 3]?.text ?? '') || HEAD_LINKS.has(sentence[n.to + 3]?.text ?? '')) continue;
    n.to += 2;
    n.type = 'ORG';
    n.reason = 'an organisation named for its members';
  }
}
