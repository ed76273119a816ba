import { ORG_HEADS, ORGANISATION_LAST_WORDS, PLACE_HEADS } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/**
 * Ranks and offices that stand between an organisation and a person's name in news: "Marine Corps
 * Major Tim Keefe", "NATO Secretary General Jaap de Hoop Scheffer". Not the words that also open
 * places and firms' names ("Prince Edward Island", "Saint Helens", "General Electric"), which a name
 * never has inside it here anyway: the title must stand after the name's first word.
 */
const RANKS = new Set(
  `major general colonel col captain capt sergeant sgt lieutenant lt commander cmdr admiral adm brigadier corporal
  spokesman spokeswoman spokesperson minister premier governor mayor senator ambassador chairman chairwoman president`.split(/\s+/),
);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
const PARTICLE = /^(?:de|van|von|der|al|bin|ibn|da|di|du|le|la)$/;
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
const HEADS = [ORG_HEADS, ORGANISATION_LAST_WORDS, PLACE_HEADS];

/**
 * An organisation or place the tagger read whole over a rank and the name after it is that
 * organisation (where it read one) and a person: the name after the rank, of two words or more,
 * every one capitalised but a particle inside ("de Hoop"), none a word that heads an
 * organisation's or a place's name ("Port Moresby General Hospital", "Kabul Governor Office" stay).
 * Changes `names` in place.
 */
export function splitTitledPeople(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let n = names.length - 1; n >= 0; n--) {
    const name = names[n]!;
    if (name.type === 'PER' || name.type === 'GRP' || name.remembered) continue;
    for (let k = name.from + 1; k <= name.to - 2; k++) {
      // After a word of the name, not inside one named after a person ("National University of General San Martin").
      if (!RANKS.has(bare(sentence[k]!.text)) || !CAPITALISED.test(sentence[k]!.text) || !CAPITAL_FIRST.test(sentence[k - 1]!.text)) continue;
      const tail = sentence.slice(k + 1, name.to + 1).map((t) => t.text);
      const person = tail.every((w, i) => (CAPITALISED.test(w) || (i > 0 && i < tail.length - 1 && PARTICLE.test(w))) && !HEADS.some((heads) => heads.has(bare(w))));
      if (!person) continue;
      const parts: TaggedName[] = [{ from: k + 1, to: name.to, type: 'PER', confidence: name.confidence, remembered: false }];
      if (name.type === 'ORG') parts.unshift({ from: name.from, to: k - 1, type: 'ORG', confidence: name.confidence, remembered: false });
      names.splice(n, 1, ...parts);
      break;
    }
  }
}
