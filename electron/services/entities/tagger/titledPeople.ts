import { OFFICES, ORG_HEADS, ORGANISATION_LAST_WORDS, PLACE_HEADS } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
/** The small words inside a person's name: "Jaap de Hoop Scheffer", "Osama bin Laden". */
export const NAME_PARTICLE = /^(?:de|van|von|der|al|bin|ibn|da|di|du|le|la)$/;
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
/** Whether a word (lower case) heads an organisation's or a place's name, which no person's name holds. */
export const headsAName = (word: string) => ORG_HEADS.has(word) || ORGANISATION_LAST_WORDS.has(word) || PLACE_HEADS.has(word);

/**
 * An organisation or place the tagger read whole over a rank or office (lexicon.ts OFFICES: "Marine
 * Corps Major Tim Keefe", "NATO Secretary General Jaap de Hoop Scheffer") and the name after it is that
 * organisation (where it read one) and a person: the name after the rank, of two words or more,
 * every one capitalised but a particle inside ("de Hoop"), none a word that heads an
 * organisation's or a place's name ("Port Moresby General Hospital", "Kabul Governor Office" stay).
 * An organisation it doubts may open with the rank: then it is only the person. Changes `names` in place.
 */
/** Below this, an organisation's reading of a rank and a name ("Captain Ibrahim Traore" at 63%) gives way to the person. */
const DOUBTED_ORGANISATION = 0.7;

export function splitTitledPeople(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let n = names.length - 1; n >= 0; n--) {
    const name = names[n]!;
    if (name.type === 'PER' || name.type === 'GRP' || name.remembered) continue;
    // "Captain Ibrahim Traore's government": a rank opening an organisation the tagger doubts is a person's.
    const first = name.type === 'ORG' && name.confidence < DOUBTED_ORGANISATION ? name.from : name.from + 1;
    for (let k = first; k <= name.to - 2; k++) {
      // After a word of the name, not inside one named after a person ("National University of General San Martin").
      if (!OFFICES.has(bare(sentence[k]!.text)) || !CAPITALISED.test(sentence[k]!.text) || (k > name.from && !CAPITAL_FIRST.test(sentence[k - 1]!.text))) continue;
      // An office of several words ("Secretary General") is left out whole.
      let last = k;
      while (last < name.to - 2 && OFFICES.has(bare(sentence[last + 1]!.text))) last++;
      const tail = sentence.slice(last + 1, name.to + 1).map((t) => t.text);
      const person = tail.every((w, i) => (CAPITALISED.test(w) || (i > 0 && i < tail.length - 1 && NAME_PARTICLE.test(w))) && !headsAName(bare(w)));
      if (!person) continue;
      const parts: TaggedName[] = [{ from: last + 1, to: name.to, type: 'PER', confidence: name.confidence, remembered: false }];
      if (name.type === 'ORG' && k > name.from) parts.unshift({ from: name.from, to: k - 1, type: 'ORG', confidence: name.confidence, remembered: false });
      names.splice(n, 1, ...parts);
      break;
    }
  }
}

/** Roles that also describe a thing: "the official Met Eireann charts", "the chief Ukrainian negotiator". */
const ALSO_DESCRIBES = new Set(['official', 'chief', 'head', 'general', 'deputy', 'member', 'resident', 'police', 'worker', 'expert']);

/** Below this, an organisation's reading of a name right after a person's role ("said leader Kim Jong Un" at 47%) gives way to the person. */
const DOUBTED_AFTER_ROLE = 0.5;

/**
 * "KCNA said leader Kim Jong Un oversaw the test": the tagger may doubt a person's name after a role
 * written in lower case ("leader", "spokesman", "minister"), and read an organisation, or a place
 * ("U.S. envoy Zalmay Khalilzad" at 46%). A name it so doubts, of two to four capitalised words (a
 * particle inside), none a word that heads an organisation's or a place's name, right after such a
 * role, is the person; a place only where `isPlace` does not know the name. Changes `names` in place.
 */
export function peopleAfterTheirRole(names: TaggedName[], sentence: readonly TextToken[], roles: ReadonlySet<string>, isPlace: (name: string) => boolean = () => false): void {
  for (const name of names) {
    if ((name.type !== 'ORG' && name.type !== 'LOC') || name.remembered || name.confidence >= DOUBTED_AFTER_ROLE) continue;
    const length = name.to - name.from + 1;
    const role = sentence[name.from - 1]?.text ?? '';
    if (length < 2 || length > 4 || !roles.has(role) || ALSO_DESCRIBES.has(role)) continue;
    const words = sentence.slice(name.from, name.to + 1).map((t) => t.text);
    if (!words.every((w, i) => (CAPITALISED.test(w) || (i > 0 && i < length - 1 && NAME_PARTICLE.test(w))) && !headsAName(bare(w)))) continue;
    // "the envoy to Kabul" is no envoy named Kabul.
    if (name.type === 'LOC' && isPlace(words.join(' '))) continue;
    name.type = 'PER';
  }
}

/**
 * Titles written before a person's name only, as news abbreviates them ("Rep. Alexandria
 * Ocasio-Cortez", a place at 47%): read with `peopleAfterTheirRole`. Not "St." (St. Louis), nor "Dr"
 * and "Mr", which open brands' names too ("Dr Pepper", "Dr. Martens", "Mr Price"), nor ranks that also
 * open places' or ships' names in full ("General", "King", "Queen", "Prince").
 */
export const WRITTEN_TITLES = new Set(
  `Rep. Sen. Gov. Mrs Mrs. Ms Ms. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Prof. Rev. Senator Congressman Congresswoman
  Representative`.split(/\s+/),
);

const MEMBER_CONFIDENCE = 0.8;
/** "D-N.Y.", "R-Texas", "I-Vt.": a member of Congress's party and state. */
const PARTY_AND_STATE = /^[DRI]-(\p{Lu}[\p{L}.]*)$/u;

/**
 * "Rep. Alexandria Ocasio-Cortez, D-N.Y., criticized…": the party and state after a name, set off by a
 * comma or a bracket, say it is a member of Congress: a person at 80% at least, whatever the tagger read,
 * where `isState` knows the state (the gazetteer: its names and AP's abbreviations). Not what
 * the analyst decided. Changes `names` in place.
 */
export function membersOfCongress(names: TaggedName[], sentence: readonly TextToken[], isState: (name: string) => boolean): void {
  for (const name of names) {
    if (name.remembered || (name.type === 'PER' && name.confidence >= MEMBER_CONFIDENCE)) continue;
    const mark = sentence[name.to + 1]?.text;
    // The tokens split "D-N.Y." at its dots: read the words joined to the first.
    let written = '';
    for (let k = name.to + 2; k < sentence.length && written.length < 12 && (k === name.to + 2 || sentence[k]!.start === sentence[k - 1]!.end) && sentence[k]!.text !== ',' && sentence[k]!.text !== ')'; k++) written += sentence[k]!.text;
    const state = PARTY_AND_STATE.exec(written)?.[1];
    // Not "the invasion of Europe (D-Day landings…)".
    if ((mark !== ',' && mark !== '(') || !state || !isState(state)) continue;
    Object.assign(name, { type: 'PER', confidence: Math.max(name.confidence, MEMBER_CONFIDENCE), reason: 'a person: a member of Congress (party and state after the name)' });
  }
}
