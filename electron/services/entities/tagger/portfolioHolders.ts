import { WEEKDAYS_AND_MONTHS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import { headsAName, NAME_PARTICLE } from './titledPeople.js';
import type { TextToken } from './tokens.js';

/** Offices held over a portfolio named after "of" or "for": "Minister of Health", "Secretary of State", "Chancellor of the Exchequer". */
const PORTFOLIO_OFFICES = new Set(['minister', 'secretary', 'undersecretary', 'under-secretary', 'commissioner', 'director', 'chancellor']);

/**
 * The words of a government portfolio as news writes them after the office ("Foreign Affairs",
 * "Natural Resources and Environment", "Refugees and Repatriation"): words no person's name opens
 * with, so that where they stop the holder's name starts.
 */
export const PORTFOLIO_WORDS = new Set(
  `state foreign home interior internal affairs defence defense health public finance treasury justice education higher
  agriculture irrigation livestock food fisheries forestry forests environment climate energy power water mines mining
  petroleum oil gas natural resources trade commerce industry industries economy economic economics labour labor
  employment transport transportation aviation communications information technology digital culture tourism
  sport sports youth women women's family families social welfare housing urban rural development rehabilitation
  reconstruction planning works refugees repatriation migration immigration border borders tribal religious hajj
  counter-narcotics counternarcotics narcotics martyrs disabled veterans security homeland national international
  cooperation relations investment science research telecommunications infrastructure intelligence exchequer`.split(/\s+/),
);

/**
 * Portfolio words that qualify the next one and end no portfolio ("National Security", "Public
 * Health"): where the words stop at one of these ("Director of National Iodine Nutrition …"), what
 * follows is the rest of the portfolio or of a programme's name, not a person's.
 */
const PORTFOLIO_MODIFIERS = new Set(
  `foreign home internal public higher natural economic rural urban social tribal religious digital national
  international women's`.split(/\s+/),
);

/** Joins the words of a portfolio: "Refugees and Repatriation", "Women's Affairs, Family and Youth". */
const PORTFOLIO_JOINS = new Set(['and', '&', ',']);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** The longest name of the holder read here: "Noor Rahman Akhlaqi", "Jaap de Hoop Scheffer". */
const MOST_HOLDER_WORDS = 4;
/** A reading of the tagger's this sure of the words after the portfolio is left as it is. */
const SURE = 0.6;
/** The holder's name where the tagger read none there: the office and portfolio before it say much. */
const HOLDER_CONFIDENCE = 0.7;

const portfolioWord = (t: TextToken | undefined) => t !== undefined && CAPITALISED.test(t.text) && PORTFOLIO_WORDS.has(t.text.toLowerCase());

/**
 * "Minister of Foreign Affairs Sergei Lavrov", "Secretary of State Antony Blinken", "Minister for
 * Refugees and Repatriation Noor Rahman Akhlaqi": an office, "of" or "for", its portfolio, then its
 * holder's name. The tagger ran the portfolio's last word into the person ("Affairs Sergei Lavrov"),
 * read portfolio and person as one organisation ("Natural Resources and Environment Nguyen Cong"), or
 * read nothing at all. The holder is the capitalised words right after the portfolio (up to four, a
 * particle inside), none a word that heads an organisation's or a place's name; what the tagger read
 * over the portfolio and the holder gives way to the person. Not where the tagger read those words
 * surely as something else, nor where a reading runs on past them, nor over what the analyst decided.
 * Changes `names` in place.
 */
export function portfolioHolders(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 0; i + 3 < sentence.length; i++) {
    const of = sentence[i + 1]!.text;
    // "of" or "for" first: a plain comparison, where the office is a lower-casing and a lookup per word.
    if ((of !== 'of' && of !== 'for') || !PORTFOLIO_OFFICES.has(sentence[i]!.text.toLowerCase())) continue;
    const first = sentence[i + 2]!.text === 'the' ? i + 3 : i + 2;
    if (!portfolioWord(sentence[first])) continue;
    // The portfolio: its words, and the joins between two of them.
    let end = first;
    while (portfolioWord(sentence[end + 1]) || (PORTFOLIO_JOINS.has(sentence[end + 1]?.text ?? '') && portfolioWord(sentence[end + 2]))) {
      end += portfolioWord(sentence[end + 1]) ? 1 : 2;
    }
    if (PORTFOLIO_MODIFIERS.has(sentence[end]!.text.toLowerCase())) continue;
    const from = end + 1;
    let to = from - 1;
    while (to + 1 < sentence.length && to + 1 - from < MOST_HOLDER_WORDS) {
      const word = sentence[to + 1]!.text;
      const inside = to + 1 > from && NAME_PARTICLE.test(word) && CAPITALISED.test(sentence[to + 2]?.text ?? '');
      if (!inside && !CAPITALISED.test(word)) break;
      to++;
    }
    // A name that goes on past four words, or a word heading an organisation or a place, is no holder's.
    if (to < from || (to + 1 < sentence.length && CAPITALISED.test(sentence[to + 1]!.text))) continue;
    const words = sentence.slice(from, to + 1).map((t) => t.text.toLowerCase());
    if (words.some((w) => headsAName(w) || WEEKDAYS_AND_MONTHS.has(w) || PORTFOLIO_WORDS.has(w))) continue;
    const over = names.filter((n) => n.to >= first && n.from <= to);
    const exact = over.length === 1 && over[0]!.from === from && over[0]!.to === to ? over[0]! : null;
    if (over.some((n) => n.remembered || n.from < first || n.to > to || (n.from >= from && n.type !== 'PER' && n.confidence >= SURE))) continue;
    const confidence = Math.max(HOLDER_CONFIDENCE, ...over.map((n) => n.confidence));
    const reason = `a person (named after "${sentence.slice(i, end + 1).map((t) => t.text).join(' ')}")`;
    if (exact?.type === 'PER') {
      // Read so already: the office makes the reading surer.
      if (exact.confidence < confidence) Object.assign(exact, { confidence, reason });
      continue;
    }
    for (const n of over) names.splice(names.indexOf(n), 1);
    added.push({ from, to, type: 'PER', confidence, remembered: false, reason });
    i = to;
  }
  addNames(names, added);
}
