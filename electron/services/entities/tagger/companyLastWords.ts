import { STOPWORDS } from '../lexicon.js';
import { addNames, heldTokens, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/**
 * The last words of companies' names in business and technology news ("Advanced Micro Devices",
 * "Palo Alto Networks", "Texas Instruments", "Spirit AeroSystems"), which end no person's or
 * place's name ("Energy" ends ministries' and departments' names too, organisations all the same).
 * Not "Bank" (the West Bank), "Group", "Capital" or "International", which end other names too.
 */
const COMPANY_LAST_WORDS = [
  'devices', 'systems', 'networks', 'computer', 'computers', 'semiconductor', 'semiconductors', 'electronics', 'technologies',
  'therapeutics', 'pharmaceuticals', 'biosciences', 'biotech', 'labs', 'laboratories', 'software', 'aerospace', 'robotics',
  'motors', 'airlines', 'airways', 'industries', 'holdings', 'platforms', 'solutions', 'dynamics', 'instruments',
  'communications', 'telecommunications', 'entertainment', 'brands', 'foods', 'beverages', 'petroleum', 'chemicals',
  'materials', 'minerals', 'mining', 'energy', 'resorts', 'hotels', 'casinos', 'cruises', 'logistics', 'restaurants',
  'pictures', 'records', 'shipping', 'navigation', 'tankers',
];
const LAST_WORDS = new Set(COMPANY_LAST_WORDS);
/** A word written with a capital inside it ("AeroSystems", "BioTech"). */
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const CAPITALISED = /^\p{Lu}/u;
/** Before a name of what a body or a meeting is about or for, not of a company. */
const AFTER_OF = new Set(['on', 'of', 'for']);
/** At most this many words: a longer run of capitals is a headline or a list. */
const MOST_WORDS = 4;
/** The tagger's place or person below this gives way; its organisation is made this sure. */
const COMPANY_CONFIDENCE = 0.6;

/** Whether a word closes a company's name: one of the words, or a word with an inner capital ending in one ("AeroSystems"). */
export function closesCompanyName(word: string): boolean {
  const lower = word.toLowerCase();
  if (LAST_WORDS.has(lower)) return true;
  return INNER_CAPITAL.test(word) && COMPANY_LAST_WORDS.some((w) => lower.endsWith(w) && lower.length > w.length);
}

/**
 * "Advanced Micro Devices and Broadcom rose", "Palo Alto Networks fell", "Spirit AeroSystems, a key
 * supplier": the corpora hold little business news, so the tagger reads such a company not at all,
 * as a place ("Palo Alto Networks" at 50%, or "Palo Alto" alone) or doubtfully ("Spirit AeroSystems"
 * at 24%). A name of two to four capitalised words closed by a word companies' names end in is an
 * organisation: read as one below 0.6, it is made that sure; read as a person, or a place below 0.6,
 * it is retyped; read without that word, it is extended to it; not read, it is added. Not over the
 * analyst's names or a reading of another span. Changes `names` in place.
 */
export function companiesByTheirLastWord(names: TaggedName[], sentence: readonly TextToken[]): void {
  const held = heldTokens(names, sentence.length);
  const added: TaggedName[] = [];
  for (let to = 1; to < sentence.length; to++) {
    if (!CAPITALISED.test(sentence[to]!.text) || !closesCompanyName(sentence[to]!.text)) continue;
    if (CAPITALISED.test(sentence[to + 1]?.text ?? '') && sentence[to + 1]!.start - sentence[to]!.end <= 1) continue;
    // "Palo Alto Networks", "Texas Instruments": a name read right before the word is the company's first words.
    const before = names.find((n) => n.to === to - 1 && !held[to] && !n.remembered);
    if (before) {
      before.to = to;
      before.type = 'ORG';
      before.confidence = COMPANY_CONFIDENCE;
      before.reason = `an organisation (a company, by its last word "${sentence[to]!.text}")`;
      continue;
    }
    const read = names.find((n) => n.from <= to && n.to >= to);
    if (read) {
      // "the Ministry of Energy" is no company.
      if (read.remembered || read.to !== to || read.from === to || sentence.slice(read.from, to).some((t) => AFTER_OF.has(t.text))) continue;
      // No person's name ends so, however sure the tagger ("Duke Energy" at 62%).
      if ((read.type === 'ORG' || read.type === 'LOC') && read.confidence >= COMPANY_CONFIDENCE) continue;
      if (read.type === 'ORG' || read.type === 'PER' || read.type === 'LOC') {
        read.type = 'ORG';
        read.confidence = COMPANY_CONFIDENCE;
        read.reason = `an organisation (a company, by its last word "${sentence[to]!.text}")`;
      }
      continue;
    }
    let from = to;
    while (to - from + 1 < MOST_WORDS && from > 0 && !held[from - 1] && CAPITALISED.test(sentence[from - 1]!.text) && sentence[from]!.start - sentence[from - 1]!.end <= 1) from--;
    // "His Dark Materials" is a book's title; "the" alone opens a company's name in a headline.
    if (STOPWORDS.has(sentence[from]!.text.toLowerCase()) && sentence[from]!.text !== 'The') continue;
    if (sentence[from]!.text === 'The') from++;
    // "the Conference on Neural Information Processing Systems": what a body or meeting is about.
    if (from === to || AFTER_OF.has(sentence[from - 1]?.text ?? '')) continue;
    added.push({ from, to, type: 'ORG', confidence: COMPANY_CONFIDENCE, remembered: false, reason: `an organisation (a company, by its last word "${sentence[to]!.text}")` });
  }
  addNames(names, added);
}
