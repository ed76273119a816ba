/**
 * Business news names a company right after what it is: "German car maker Volkswagen", "Dutch brewer
 * Heineken", "news agency Interfax", "the newspaper Al-Ahram"; so does news of a charity or a
 * regulator ("the Catholic charity Caritas Internationalis", "the media regulator Ofcom"). The corpora hold little business news, so
 * the tagger reads such a name as a person ("Bilfinger Berger", "Juventud Rebelde"), a place it doubts
 * ("Brazilian miner Vale") or not at all. A name right after one of these nouns is an organisation. The nouns are ones that seldom stand before a
 * person's name: not "rival", "partner", "publisher" or "producer" ("his rival Abdullah Abdullah"), nor
 * "carrier" (the aircraft carrier Charles de Gaulle is a ship).
 */
import { COMPANY_SUFFIXES } from '../lexicon.js';
import { addNames, heldTokens, type TaggedName } from './decode.js';
import type { NameMemory } from './memory.js';
import type { TextToken } from './tokens.js';

const COMPANY_NOUNS = new Set(
  `maker makers carmaker automaker chipmaker drugmaker brewer distiller airline insurer reinsurer retailer lender
  conglomerate firm company giant refiner utility broadcaster newspaper daily agency subsidiary manufacturer supplier
  exporter shipbuilder bottler chain supermarket miner steelmaker charity nonprofit watchdog regulator`.split(/\s+/),
);
/** Words that may open a name but are no company's first word. */
const NOT_A_NAME = new Set(`the a an his her its their this that on in at for of and said says will would has had`.split(/\s+/));
const CAPITALISED = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Below this, a place named right after a company noun is the company. */
const DOUBTED_PLACE = 0.6;

/** Retypes and adds the organisations named right after a company noun in one sentence; `names` is changed in place. */
export function readCompanies(names: TaggedName[], sentence: readonly TextToken[]): void {
  // "Steelmaker Tata Steel fell": the noun opening the sentence is no part of the name after it.
  const opening = names.find((n) => n.from === 0 && n.to > 0 && n.type === 'ORG' && !n.remembered && COMPANY_NOUNS.has(sentence[0]!.text.toLowerCase()) && CAPITALISED.test(sentence[1]!.text));
  if (opening) opening.from = 1;
  const startsAt = new Map(names.map((n) => [n.from, n]));
  const held = heldTokens(names, sentence.length);
  // A headline in capitals says nothing by its capitals.
  if (!sentence.some((t) => LOWER.test(t.text))) return;
  const added: TaggedName[] = [];
  for (let i = 0; i + 1 < sentence.length; i++) {
    if (!COMPANY_NOUNS.has(sentence[i]!.text.toLowerCase()) || !LOWER.test(sentence[i]!.text[0]!)) continue;
    const at = i + 1;
    const named = startsAt.get(at);
    if (named) {
      // "Brazilian miner Vale": a place the tagger doubts there is the company too.
      if (!named.remembered && (named.type === 'PER' || (named.type === 'LOC' && named.confidence < DOUBTED_PLACE))) {
        named.type = 'ORG';
        named.reason = `an organisation (named after "${sentence[i]!.text}")`;
      }
      continue;
    }
    if (held[at]) continue;
    let to = at;
    while (to < sentence.length && to - at < 3 && !held[to] && CAPITALISED.test(sentence[to]!.text) && !NOT_A_NAME.has(sentence[to]!.text.toLowerCase())) to++;
    if (to === at) continue;
    added.push({ from: at, to: to - 1, type: 'ORG', confidence: 0.6, remembered: false, reason: `an organisation (named after "${sentence[i]!.text}")` });
    held.fill(1, at, to);
  }
  addNames(names, added);
}

const SURE_OF_A_COMPANY = 0.85;

/**
 * A name that ends in a company's legal form is a company, whatever the tagger read: "Bayer AG" read
 * as a doubtful organisation, "Kuwait Petroleum Corp" as a country and an organisation, a name the
 * tagger ended before the form. `names` is changed in place.
 */
export function readCompanySuffixes(names: TaggedName[], sentence: readonly TextToken[], memory?: NameMemory): void {
  const held = heldTokens(names, sentence.length);
  for (let k = 0; k < names.length; k++) {
    const n = names[k]!;
    if (n.remembered) continue;
    // "Miles Inc": the form right after the name, which no other name holds.
    const next = sentence[n.to + 1];
    const to = next && !held[n.to + 1] && COMPANY_SUFFIXES.has(next.text) && next.start - sentence[n.to]!.end <= 1 ? n.to + 1 : n.to;
    const suffix = sentence[to]!.text;
    if (to === n.from || !COMPANY_SUFFIXES.has(suffix)) continue;
    // "Kuwait Petroleum Corp": a name right before it is the company's first words.
    const before = names[k - 1];
    const joins = !!before && !before.remembered && before.to === n.from - 1 && sentence[n.from]!.start - sentence[before.to]!.end <= 1;
    const from = joins ? before.from : n.from;
    // Not an organisation the analyst said it is not.
    if (memory?.rejected.get(sentence.slice(from, to + 1).map((t) => t.text).join(' '))?.includes('ORG')) continue;
    n.from = from;
    n.to = to;
    if (joins) {
      names.splice(k - 1, 1);
      k--;
    }
    n.type = 'ORG';
    n.confidence = Math.max(n.confidence, SURE_OF_A_COMPANY);
    n.reason = `a company, by the legal form its name ends with ("${suffix}")`;
  }
}
