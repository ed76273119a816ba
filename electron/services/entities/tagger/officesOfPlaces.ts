import { OFFICES } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import { headsAName, NAME_PARTICLE } from './titledPeople.js';
import type { TextToken } from './tokens.js';

/** Sees of the churches, held as offices are: "Archbishop of Canterbury", "Grand Mufti of Egypt". */
const SEES = new Set(['archbishop', 'bishop', 'patriarch', 'metropolitan', 'mufti', 'rabbi', 'imam']);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
/** The place so named is at least this sure; the person keeps the tagger's confidence, or this. */
const SPLIT_CONFIDENCE = 0.6;

/**
 * "Archbishop of Canterbury Justin Welby", "the Prime Minister of India Narendra Modi": an office held
 * of a place, then the holder's name. The tagger runs the place and the person into one name
 * ("Canterbury Justin Welby" a person at 32%, "India Narendra Modi" an organisation at 44%). A name
 * right after an office (or a see) and "of", whose first word or two the gazetteer knows as a place
 * and whose other words, two or more, are capitalised and head no name ("Mayor of London Transport
 * Authority" stays), is the place and the person. Not the analyst's names. Changes `names` in place.
 */
export function officesOfPlaces(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.remembered || n.type === 'GRP' || n.to - n.from < 2 || sentence[n.from - 1]?.text !== 'of') continue;
    const office = bare(sentence[n.from - 2]?.text ?? '');
    if (!CAPITALISED.test(sentence[n.from - 2]?.text ?? '') || (!OFFICES.has(office) && !SEES.has(office))) continue;
    // The longer place first: "Mayor of New York Eric Adams".
    for (const placeWords of [2, 1]) {
      const person = sentence.slice(n.from + placeWords, n.to + 1).map((t) => t.text);
      if (person.length < 2) continue;
      const isName = person.every((w, i) => (CAPITALISED.test(w) || (i > 0 && i < person.length - 1 && NAME_PARTICLE.test(w))) && !headsAName(bare(w)));
      if (!isName || !lexicon.place(sentence.slice(n.from, n.from + placeWords).map((t) => t.text).join(' '))) continue;
      const place: TaggedName = { from: n.from, to: n.from + placeWords - 1, type: 'LOC', confidence: Math.max(SPLIT_CONFIDENCE, n.type === 'LOC' ? n.confidence : 0), remembered: false, reason: 'a place, the one an office is held of' };
      const holder: TaggedName = { from: n.from + placeWords, to: n.to, type: 'PER', confidence: Math.max(SPLIT_CONFIDENCE, n.type === 'PER' ? n.confidence : 0), remembered: false, reason: 'a person, holding an office of a place' };
      names.splice(k, 1, place, holder);
      break;
    }
  }
}
