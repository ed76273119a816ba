import type { TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

const CAPITALISED = /^\p{Lu}/u;
/** Titles of nobility and rulers, whose "of" names their realm as part of the title ("Duke of York", "Emir of Qatar"). */
const RULERS = new Set(
  `duke duchess prince princess earl countess count lord lady king queen emperor empress sultan emir sheikh baron baroness
  marquess marquis viscount archduke grand`.split(/\s+/),
);
/** The town a person is of, written in the person's name, is this sure a place. */
const TOWN_CONFIDENCE = 0.6;

/**
 * "The suspect, Marcus Reed of Shively, was held": local news names a person with the town they come
 * from, and the tagger runs both into one person ("Marcus Reed of Shively" at 30%), so the town is
 * lost to the map. A person's name of two words or more, "of", and one to three capitalised words the
 * gazetteer knows as a place, is the person and the place. Not a ruler's title ("Prince Charles of
 * Wales", "Emir Tamim of Qatar"), nor the analyst's names. Changes `names` in place.
 */
export function peopleOfTheirTowns(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.type !== 'PER' || n.remembered) continue;
    let of = -1;
    for (let i = n.from + 2; i < n.to; i++) if (sentence[i]!.text === 'of') of = i;
    if (of < 0 || n.to - of > 3) continue;
    const person = sentence.slice(n.from, of);
    const town = sentence.slice(of + 1, n.to + 1);
    if (!person.every((t) => CAPITALISED.test(t.text)) || !town.every((t) => CAPITALISED.test(t.text))) continue;
    if (person.some((t) => RULERS.has(t.text.toLowerCase()))) continue;
    if (!lexicon.place(town.map((t) => t.text).join(' '))) continue;
    names.splice(k, 1, { ...n, to: of - 1 }, { from: of + 1, to: n.to, type: 'LOC', confidence: Math.max(TOWN_CONFIDENCE, n.confidence), remembered: false, reason: 'a place: the town a person is of' });
  }
}
