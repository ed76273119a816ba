import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/**
 * Last words of a body that belongs to another organisation and is named as its body: "International
 * Committee of the Red Cross", "Board of Governors of the Federal Reserve", "Security Council of the
 * United Nations", "Executive Board of the IMF".
 */
const BODY_HEADS = new Set(['committee', 'council', 'board', 'commission', 'bureau', 'directorate', 'secretariat', 'presidium', 'governors', 'trustees', 'directors']);

/**
 * A body named as another organisation's: "International Committee of the Red Cross". The tagger
 * reads two organisations, the body and the one after "of" ("International Committee", "Red Cross"),
 * where the whole is one name. Joined where an organisation ending in a body's word is followed by
 * "of", "the" or not, and an organisation read right there; not over what the analyst decided.
 * Changes `names` in place.
 */
export function joinBodiesOfOrganisations(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = names.length - 2; k >= 0; k--) {
    const body = names[k]!;
    const of = body.to + 1;
    if (body.type !== 'ORG' || body.remembered || sentence[of]?.text !== 'of' || !BODY_HEADS.has(sentence[body.to]!.text.toLowerCase())) continue;
    const owner = names[k + 1]!;
    const first = sentence[of + 1]?.text === 'the' ? of + 2 : of + 1;
    if (owner.type !== 'ORG' || owner.remembered || owner.from !== first) continue;
    names.splice(k, 2, { from: body.from, to: owner.to, type: 'ORG', confidence: Math.min(body.confidence, owner.confidence), remembered: false });
  }
}
