import { ORG_HEADS } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const POSSESSIVE = /^['’]s$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * "the Taliban's Ministry of Defence", "Hezbollah's Executive Council", "Taiwan's Mainland Affairs
 * Council": an organisation the lexicons know or a nation, its possessive, and a body of its own
 * named by a head word. The tagger reads them as one organisation, and the owner is lost to the
 * registry and the map. They are two names where the words before the possessive are a known
 * organisation's name or `isNation`'s ("McDonald's Corporation" stays whole) and a head word is
 * among those after it.
 * Changes `names` in place.
 */
export function bodiesOfTheirOwners(
  names: TaggedName[],
  sentence: readonly TextToken[],
  isKnownOrganisation: (name: string) => boolean,
  isNation: (name: string) => boolean = () => false,
): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.type !== 'ORG' || n.remembered) continue;
    for (let p = n.from + 1; p < n.to; p++) {
      if (!POSSESSIVE.test(sentence[p]!.text) || !CAPITALISED.test(sentence[p + 1]!.text)) continue;
      if (!sentence.slice(p + 1, n.to + 1).some((t) => CAPITALISED.test(t.text) && ORG_HEADS.has(t.text.toLowerCase()))) break;
      const owner = sentence.slice(n.from, p).map((t) => t.text).join(' ');
      const type = isKnownOrganisation(owner) ? 'ORG' : isNation(owner) ? 'LOC' : null;
      if (!type) break;
      names.splice(k, 1, { ...n, to: p - 1, type }, { ...n, from: p + 1 });
      break;
    }
  }
}
