/**
 * "Al-Haq, a Palestinian rights group, said", "Ocensa, a pipeline company, was attacked": the apposition
 * says the name is an organisation's. The tagger has a feature for it, but reads an unknown name as a
 * doubted place or person all the same. A name read as a place (under 60%) or a person (under 70%),
 * followed by ", a/an/the" or a place's possessive (", East Africa's"), up to five words that describe
 * and a kind of organisation in lower case that closes the phrase, is an organisation, unless:
 * - the kind is a modifier, an owner or a clause's subject ("a company director", "the group's
 *   leader", "the group said");
 * - a small word comes before it ("the head of the organisation", "a village held by the group");
 * - the gazetteer knows the name as a country or a first-order area;
 * - the analyst rejected it as an organisation.
 */
import type { NameLexicon } from './features.js';
import type { NameMemory } from './memory.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

const ARTICLES = new Set(['a', 'an', 'the']);
/** Kinds of organisation an apposition names. */
const KINDS = new Set(
  `group gang cartel militia faction company firm insurer lender bank party movement network organisation organization
  agency charity broadcaster newspaper union association alliance coalition operator conglomerate partnership
  consortium subsidiary manufacturer maker retailer carrier airline supplier provider developer publisher utility
  cooperative`.split(/\s+/),
);
/** What may follow the kind where it closes the phrase: punctuation, or a word that goes on to say more of it. */
const CLOSES = new Set([',', '.', ';', ':', ')', '—', '–', 'in', 'of', 'that', 'which', 'with', 'for', 'based', 'from', 'and', 'between', 'owned', 'run', 'controlled', 'backed', 'founded', 'led']);
/** Small words that end the describing words: what follows them is another phrase. */
const SMALL = new Set(['a', 'an', 'the', 'by', 'of', 'in', 'on', 'at', 'to', 'from', 'with', 'that', 'which', 'who', 'where', 'when', 'and', 'or', 'as', 'for']);
const WORD = /^\p{L}[\p{L}-]*$/u;
const POSSESSIVE = /^['’]s$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** The most words between the article and the kind: "the country's largest drug trafficking group". */
const MOST_WORDS = 5;
const RULE_CONFIDENCE = 0.7;
const DOUBTED_PLACE = 0.6;
const DOUBTED_PERSON = 0.7;

/** Retypes the names so described in one sentence; `names` is changed in place. */
export function organisationsByApposition(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon, memory?: NameMemory): void {
  const text = (i: number) => sentence[i]?.text ?? '';
  for (const n of names) {
    if (text(n.to + 1) !== ',') continue;
    const describes = ARTICLES.has(text(n.to + 2).toLowerCase()) ? n.to + 3 : afterPlacesPossessive(sentence, n.to + 2);
    if (describes < 0) continue;
    let kind = -1;
    for (let k = describes; k <= describes + MOST_WORDS && k < sentence.length; k++) {
      const word = text(k).toLowerCase();
      // Written in lower case: "a former Bank of England economist" names a bank inside another phrase.
      if (KINDS.has(word) && text(k) === word) {
        kind = k;
        break;
      }
      if (!(WORD.test(word) || POSSESSIVE.test(word)) || SMALL.has(word)) break;
    }
    const next = text(kind + 1).toLowerCase();
    if (kind === -1 || (next !== '' && !CLOSES.has(next)) || !mayBeOrganisation(n, sentence, lexicon, memory)) continue;
    n.type = 'ORG';
    n.confidence = Math.max(n.confidence, RULE_CONFIDENCE);
    n.reason = `an organisation, as the apposition says ("${text(kind)}")`;
  }
}

/**
 * Where the words after a place's possessive begin ("Safaricom, East Africa's biggest telecoms company"):
 * one to three capitalised words and "'s" from `at`; -1 where none.
 */
function afterPlacesPossessive(sentence: readonly TextToken[], at: number): number {
  for (let k = at; k < at + 3 && CAPITALISED.test(sentence[k]?.text ?? ''); k++) if (POSSESSIVE.test(sentence[k + 1]?.text ?? '')) return k + 2;
  return -1;
}

/** A doubted place or person an apposition may make an organisation: no country or first-order area, not rejected as an organisation. */
function mayBeOrganisation(n: TaggedName, sentence: readonly TextToken[], lexicon: NameLexicon, memory?: NameMemory): boolean {
  if (n.remembered || !((n.type === 'LOC' && n.confidence < DOUBTED_PLACE) || (n.type === 'PER' && n.confidence < DOUBTED_PERSON))) return false;
  const name = sentence.slice(n.from, n.to + 1).map((t) => t.text).join(' ');
  const place = lexicon.place(name);
  if (place && (place.kind === 'country' || place.kind === 'admin1')) return false;
  return !lexicon.countryByName.has(name.toLowerCase()) && !memory?.rejected.get(name)?.includes('ORG');
}
