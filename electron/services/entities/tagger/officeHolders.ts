import { OFFICES, ORGANISATION_LAST_WORDS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import { PORTFOLIO_WORDS } from './portfolioHolders.js';
import type { TextToken } from './tokens.js';

/** Posts held in a body, written before the holder's name: OFFICES and the posts of a legislature. */
const POSTS = new Set([...OFFICES, 'leader', 'whip']);
/** Words between the body and the post: "Majority Leader", "Competition Commissioner", "Deputy Speaker". */
const QUALIFIERS = new Set([...PORTFOLIO_WORDS, 'majority', 'minority', 'deputy', 'assistant', 'vice', 'acting', 'competition', 'farm', 'budget', 'monetary', 'regional']);
/** Chambers news names by one word, which no lexicon holds: every country has a Senate or a House. */
const CHAMBERS = new Set(['senate', 'house', 'congress', 'parliament']);
const CAPITALISED = /^\p{Lu}/u;
/** A body read out of what the tagger read as one person: the lexicon vouches for it, not the tagger. */
const BODY_CONFIDENCE = 0.7;

const lower = (t: TextToken) => t.text.toLowerCase().replace(/\.$/, '');
/** "Leader", "Secretary-General", "Under-Secretary". */
const isPost = (t: TextToken) => CAPITALISED.test(t.text) && (POSTS.has(lower(t)) || (t.text.includes('-') && lower(t).split('-').some((w) => POSTS.has(w))));

/**
 * "Senate Majority Leader Trent Lott", "House Minority Leader Richard Gephardt", "EU Competition
 * Commissioner Karel Van Miert", "U.N. Secretary-General Boutros Boutros-Ghali": a body, the post
 * held in it, then its holder. The tagger read body, post and holder as one person, or ran the
 * post's words into the body ("House Minority", "U.N. Secretary-General") or into the holder ("Whip
 * Wendell Ford"), or left the body unread ("European Commission President Ursula von der Leyen"). The
 * body is an organisation, the holder a person, the post neither. A person's reading is split, and an
 * unread body is read, only where `isOrganisation` knows the body ("Senate", "EU") or its last word
 * ends organisations' names: "Russian Foreign Minister" names no body. Changes `names` in place; the analyst's decisions are left as they are.
 */
export function bodiesAndTheirOfficeHolders(names: TaggedName[], sentence: readonly TextToken[], isOrganisation: (name: string) => boolean): void {
  const added: TaggedName[] = [];
  for (let k = 1; k + 1 < sentence.length; k++) {
    if (!isPost(sentence[k]!) || !CAPITALISED.test(sentence[k + 1]!.text)) continue;
    // The post's qualifiers, back to the body's last word.
    let q = k;
    while (q > 0 && CAPITALISED.test(sentence[q - 1]!.text) && QUALIFIERS.has(lower(sentence[q - 1]!))) q--;
    if (q === 0) continue;
    const holder = names.find((n) => n.type === 'PER' && !n.remembered && n.from <= k + 1 && n.to > k);
    if (!holder) continue;
    if (holder.from < q) {
      // Body, post and holder read as one person.
      const body = sentence.slice(holder.from, q).map((t) => t.text).join(' ');
      if (!isOrganisation(body) && !CHAMBERS.has(body.toLowerCase())) continue;
      added.push({ from: holder.from, to: q - 1, type: 'ORG', confidence: BODY_CONFIDENCE, remembered: false, reason: 'an organisation, named before a post held in it' });
      holder.from = k + 1;
      // The post before the name says person more surely than the tagger's reading of the whole.
      holder.confidence = Math.max(holder.confidence, BODY_CONFIDENCE);
      continue;
    }
    // The post's words run into the body's reading, or into the holder's.
    const body = names.find((n) => n.type === 'ORG' && !n.remembered && n.from < q && n.to >= q - 1 && n.to <= k);
    if (body) body.to = q - 1;
    if (holder.from <= k) holder.from = k + 1;
    // Or the tagger left the body unread ("European Commission President Ursula von der Leyen").
    if (!body) {
      const unread = unreadBodyBefore(names, sentence, q, isOrganisation);
      if (unread !== null) added.push({ from: unread, to: q - 1, type: 'ORG', confidence: BODY_CONFIDENCE, remembered: false, reason: 'an organisation, named before a post held in it' });
    }
  }
  addNames(names, added);
}

/** The most words of a body's name read back from its post. */
const MOST_BODY_WORDS = 5;

/**
 * Where a body's name the tagger left unread starts, right before the post at `q`: capitalised words
 * no name holds, the last one a word that ends organisations' names ("Commission", "Council",
 * "Committee") or the whole a body `isOrganisation` knows. Null where there is none: "Russian
 * Foreign Minister" names no body, nor "White House Press Secretary" a "White House Press".
 */
function unreadBodyBefore(names: readonly TaggedName[], sentence: readonly TextToken[], q: number, isOrganisation: (name: string) => boolean): number | null {
  let from = q;
  while (from > 0 && q - from < MOST_BODY_WORDS && CAPITALISED.test(sentence[from - 1]!.text) && lower(sentence[from - 1]!) !== 'the' && !names.some((n) => n.from <= from - 1 && n.to >= from - 1)) from--;
  if (from === q) return null;
  // The longest run that is a body, then shorter ones from its end ("On Monday European Commission…").
  for (let start = from; start < q; start++) {
    const words = sentence.slice(start, q).map((t) => t.text);
    if ((words.length > 1 && ORGANISATION_LAST_WORDS.has(words.at(-1)!.toLowerCase())) || isOrganisation(words.join(' ')) || CHAMBERS.has(words.join(' ').toLowerCase())) return start;
  }
  return null;
}
