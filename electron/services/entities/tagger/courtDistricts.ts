import { addNames, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** The parts of a state a United States federal judicial district is named for. */
const DISTRICT_PARTS = new Set(['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Middle']);

/**
 * The states divided into several federal judicial districts (28 U.S.C. §§ 81–131): only these have
 * a "Southern District of …"; the others' one district is the "District of …" alone.
 */
const STATES_OF_SEVERAL_DISTRICTS = new Set([
  'Alabama', 'Arkansas', 'California', 'Florida', 'Georgia', 'Illinois', 'Indiana', 'Iowa', 'Kentucky', 'Louisiana',
  'Michigan', 'Mississippi', 'Missouri', 'New York', 'North Carolina', 'Ohio', 'Oklahoma', 'Pennsylvania', 'Tennessee',
  'Texas', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin',
]);
/** Its court's name says what it is: the rule is sure of it. */
const DISTRICT_CONFIDENCE = 0.9;

/**
 * "the Southern District of New York", "the U.S. Attorney for the Eastern District of Virginia": a
 * federal judicial district, named by the part of its state, is the court and its prosecutors, an
 * organisation, as "Manhattan federal court" is. The tagger read the part alone as a place ("Southern
 * District", which the gazetteer has in Israel, and "Eastern", a province in five countries) beside
 * the state. The state stays a place inside the organisation's name (organisationPlaces.ts). Not over
 * what the analyst decided. Changes `names` in place.
 */
export function courtDistricts(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 0; i + 3 < sentence.length; i++) {
    if (sentence[i + 1]!.text !== 'District' || sentence[i + 2]!.text !== 'of' || !DISTRICT_PARTS.has(sentence[i]!.text)) continue;
    const one = sentence[i + 3]!.text;
    const to = STATES_OF_SEVERAL_DISTRICTS.has(`${one} ${sentence[i + 4]?.text}`) ? i + 4 : STATES_OF_SEVERAL_DISTRICTS.has(one) ? i + 3 : -1;
    if (to < 0) continue;
    const over = names.filter((n) => n.to >= i && n.from <= to);
    if (over.some((n) => n.remembered || n.from < i || n.to > to)) continue;
    for (const n of over) names.splice(names.indexOf(n), 1);
    added.push({ from: i, to, type: 'ORG', confidence: DISTRICT_CONFIDENCE, remembered: false, reason: 'an organisation (a federal judicial district, its court)' });
    i = to;
  }
  addNames(names, added);
}
