/**
 * "Dole, the Republican nominee, attacked the plan": the apposition says the name is a person's. The
 * tagger has a feature for it, but a lone surname that is also a town's name ("Dole", a town in
 * France) outweighs it. A name read as a place or an organisation, followed by ", a/an/the", up to
 * two more words and a person's role, is a person, unless:
 * - the role opens a new clause ("Kunduz, a resident said"; "In Kunduz, the governor told");
 * - a word before the name puts a place there ("in", "from", "near");
 * - the gazetteer knows it as a country or a first-order area ("Britain, a member of NATO");
 * - a business word closes it ("Meta Platforms, the owner of Facebook");
 * - the analyst rejected it as a person.
 */
import type { NameLexicon } from './features.js';
import type { NameMemory } from './memory.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';
import { BUSINESS_WORDS, PERSON_ROLES, PLACE_CUES_BEFORE } from '../lexicon.js';

const ARTICLES = new Set(['a', 'an', 'the']);
/** Verbs after the role that make it the subject of a clause of its own. */
const SPEAKS = new Set(['said', 'says', 'told', 'added', 'stated', 'reported', 'explained', 'warned', 'confirmed']);
const RULE_CONFIDENCE = 0.75;
const DOUBTED = 0.6;
const ONE_WORD = /^\p{L}[\p{L}-]*$/u;
const AGE = /^(?:[1-9]|[1-9]\d|10\d)$/;

/** Retypes the names so described in one sentence; `names` is changed in place. */
export function peopleByApposition(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon, memory?: NameMemory): void {
  const lower = (i: number) => sentence[i]?.text.toLowerCase() ?? '';
  for (const n of names) {
    // An organisation only where the tagger doubted it (mayBePerson): "Lukoil, the market leader" is none.
    if (lower(n.to + 1) !== ',' || !ARTICLES.has(lower(n.to + 2))) continue;
    let role = -1;
    for (let k = n.to + 3; k <= n.to + 5 && k < sentence.length; k++) {
      if (PERSON_ROLES.has(lower(k))) {
        role = k;
        break;
      }
      if (!ONE_WORD.test(sentence[k]!.text)) break;
    }
    if (role === -1 || SPEAKS.has(lower(role + 1)) || !mayBePerson(n, sentence, lexicon, memory)) continue;
    n.type = 'PER';
    n.confidence = Math.max(n.confidence, RULE_CONFIDENCE);
    n.reason = `a person, as the apposition says ("${sentence[role]!.text}")`;
  }
  peopleByAge(names, sentence, lexicon, memory);
}

/** A place or doubted organisation an apposition may make a person: no place cue before it, no country or first-order area, not rejected as a person by the analyst. */
function mayBePerson(n: TaggedName, sentence: readonly TextToken[], lexicon: NameLexicon, memory?: NameMemory): boolean {
  if (n.remembered || (n.type !== 'LOC' && !(n.type === 'ORG' && n.confidence < DOUBTED))) return false;
  if (n.from > 0 && PLACE_CUES_BEFORE.has(sentence[n.from - 1]!.text.toLowerCase())) return false;
  // "Meta Platforms, the owner of Facebook": a company's business closes its name, no person's.
  if (n.to > n.from && BUSINESS_WORDS.has(sentence[n.to]!.text.toLowerCase())) return false;
  const name = sentence.slice(n.from, n.to + 1).map((t) => t.text).join(' ');
  const place = lexicon.place(name);
  if (place && (place.kind === 'country' || place.kind === 'admin1')) return false;
  return !lexicon.countryByName.has(name.toLowerCase()) && !memory?.rejected.get(name)?.includes('PER');
}

/**
 * "Another boy named Misbah, 20, cousin of Aup", "Ali Hassan (34) was": news gives a person's age
 * between commas or brackets right after the name. A name so followed that was read as a place or a
 * doubted organisation is a person, on the same conditions as above (no place cue before it, no
 * country or first-order area, not rejected as a person).
 */
function peopleByAge(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon, memory?: NameMemory): void {
  const text = (i: number) => sentence[i]?.text ?? '';
  for (const n of names) {
    const [open, age, close] = [text(n.to + 1), text(n.to + 2), text(n.to + 3)];
    if (!AGE.test(age) || !((open === ',' && close === ',') || (open === '(' && close === ')')) || !mayBePerson(n, sentence, lexicon, memory)) continue;
    n.type = 'PER';
    n.confidence = Math.max(n.confidence, RULE_CONFIDENCE);
    n.reason = `a person, as the age after the name says (${age})`;
  }
}
