import { STOPWORDS } from '../lexicon.js';
import { addNames, type TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

const CARTEL = /^[Cc]artel$/u;
const CAPITALISED = /^\p{Lu}/u;
/** "Jalisco New Generation Cartel": at most this many words before the word. */
const MAX_WORDS = 4;
/** The word names the kind outright: as sure as a name the organisation lexicon holds. */
const CARTEL_CONFIDENCE = 0.8;
/** Below this, a place's reading of a Spanish plural name listed with a gang gives way. */
const DOUBTED_PLACE = 0.5;
/** A town this large keeps its name: no gang is named after it. */
const LARGE_TOWN = 100_000;

/**
 * "the Sinaloa cartel", "the Jalisco New Generation Cartel": a cartel is named by where it began, and
 * news (AP among it) writes the word in lower case. The tagger reads the place alone ("Sinaloa") and
 * leaves the rest unread; the capitalised words right before the word, with the names the tagger read
 * among them, and the word itself are one organisation. Not over what the analyst decided, nor where
 * a name the tagger read begins before those words or runs on past the word. Changes `names` in place.
 */
export function cartelsByTheirName(names: TaggedName[], sentence: readonly TextToken[]): void {
  const added: TaggedName[] = [];
  for (let i = 1; i < sentence.length; i++) {
    if (!CARTEL.test(sentence[i]!.text)) continue;
    let from = i;
    while (from > 0 && i - from < MAX_WORDS && CAPITALISED.test(sentence[from - 1]!.text) && !STOPWORDS.has(sentence[from - 1]!.text.toLowerCase()) && sentence[from]!.start - sentence[from - 1]!.end <= 1) from--;
    if (from === i) continue;
    // A name that starts before those words or goes past the word is another name ("the U.S. Drug Enforcement Administration cartel unit").
    const over = names.filter((n) => n.from <= i && n.to >= from);
    if (over.some((n) => n.remembered || n.from < from || n.to > i)) continue;
    if (over.length === 1 && over[0]!.type === 'ORG' && over[0]!.from === from && over[0]!.to === i) continue;
    for (const n of over) names.splice(names.indexOf(n), 1);
    added.push({ from, to: i, type: 'ORG', confidence: CARTEL_CONFIDENCE, remembered: false, reason: 'an organisation (a cartel, by its name)' });
  }
  addNames(names, added);
}

/** The Spanish plural article opening a gang's name: "Los Choneros", "Los Chapitos", "Las Tres Letras". */
const PLURAL_ARTICLE = /^(?:Los|Las)$/u;
/** The last word of such a name, a plural. */
const PLURAL = /^\p{Lu}\p{Ll}+s$/u;
/** What joins two names of a list. */
const LIST_JOIN = new Set([',', 'and', 'y', 'or']);

/**
 * "Los Choneros", "Los Chapitos": Latin American gangs and factions go by a plural with the Spanish
 * article, which no person's name opens with. The tagger, which never saw them, reads a person
 * ("Los Choneros" at 55%), or the town of the name ("Los Lobos", a town in Mexico, at 44%). Such a
 * name of two or three words read as a person is an organisation; one read as a place it doubts,
 * listed right beside such an organisation ("Los Lobos and Los Choneros are fighting"), is one too.
 * Not a city of 100,000 or an area the gazetteer names so ("Los Angeles", "Las Vegas"), nor over what
 * the analyst decided. Changes `names` in place.
 */
export function gangsNamedInSpanish(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  const spanish = (n: TaggedName) => {
    if (n.to === n.from || n.to - n.from > 2 || n.remembered || !PLURAL_ARTICLE.test(sentence[n.from]!.text) || !PLURAL.test(sentence[n.to]!.text)) return false;
    // "Los Angeles", "Las Vegas": a city's or an area's name, whatever the tagger read.
    const place = lexicon.place(sentence.slice(n.from, n.to + 1).map((t) => t.text).join(' '));
    return !place || (place.kind === 'city' && place.population < LARGE_TOWN);
  };
  for (const n of names) {
    if (n.type !== 'PER' || !spanish(n)) continue;
    n.type = 'ORG';
    n.reason = 'an organisation (a gang, by its Spanish name)';
  }
  for (let k = 0; k < names.length; k++) {
    const n = names[k]!;
    if (n.type !== 'LOC' || n.confidence >= DOUBTED_PLACE || !spanish(n)) continue;
    const beside = [names[k - 1], names[k + 1]].filter((o): o is TaggedName => !!o && o.type === 'ORG' && spanish(o));
    const joined = beside.some((o) => {
      const between = sentence.slice(Math.min(n.to, o.to) + 1, Math.max(n.from, o.from)).map((t) => t.text);
      return between.length >= 1 && between.length <= 2 && between.every((w) => LIST_JOIN.has(w));
    });
    if (!joined) continue;
    n.type = 'ORG';
    n.reason = 'an organisation (a gang, by its Spanish name, listed with another)';
  }
}

/** Kinds of armed group news writes in lower case right after the group's name: "the Viv Ansanm gang coalition", "the Fano militia". */
const GROUP_KINDS_AFTER = new Set(['gang', 'gangs', 'militia', 'militias', 'faction']);
/** Below this, a person's reading of a name before such a kind gives way. */
const DOUBTED_PERSON = 0.7;
const GANG_CONFIDENCE = 0.6;

/**
 * "The Viv Ansanm gang coalition claimed responsibility" (a person at 59%), "the 400 Mawozo gang": a
 * name right before a gang's or a militia's kind, in lower case, is the group's: an organisation,
 * where the tagger read a person it doubted. Places stay ("the Sinaloa gang" names where it is), and
 * so do the analyst's names. Changes `names` in place.
 */
export function gangsNamedBeforeTheirKind(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  for (const n of names) {
    if (n.type !== 'PER' || n.remembered || n.confidence >= DOUBTED_PERSON || !GROUP_KINDS_AFTER.has(sentence[n.to + 1]?.text ?? '')) continue;
    n.type = 'ORG';
    n.confidence = Math.max(n.confidence, GANG_CONFIDENCE);
    n.reason = `an organisation, as the word after it says ("${sentence[n.to + 1]!.text}")`;
  }
  addNames(names, unreadGroupsBeforeTheirKind(names, sentence, lexicon));
}

/** Words before an unread group's name that say a name starts after them: "the Fano militia", "Haiti's 400 Mawozo gang". */
const OPENS_A_NAME = new Set(['the', 'a', 'an', "'s", '’s', 'of', 'by', 'with', 'and']);

/**
 * "clashed with the Fano militia": the tagger read nothing there. One to three capitalised words
 * that no name holds, right before such a kind and right after "the" or another small word that
 * opens a name, are the group's name: an organisation at 60%. Not a nationality ("the Haitian
 * gang") nor a province or a town of 100,000 ("the Sinaloa gang" names where it is); a small town's
 * name may be a group's (Fano is a town in Italy). Not a hyphenated modifier ("and Iran-backed militias").
 */
function unreadGroupsBeforeTheirKind(names: readonly TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): TaggedName[] {
  const added: TaggedName[] = [];
  const held = (k: number) => names.some((n) => n.from <= k && n.to >= k);
  for (let kind = 1; kind < sentence.length; kind++) {
    if (!GROUP_KINDS_AFTER.has(sentence[kind]!.text)) continue;
    let from = kind;
    while (from > 0 && kind - from < MAX_GROUP_WORDS && CAPITALISED.test(sentence[from - 1]!.text) && !MODIFIER.test(sentence[from - 1]!.text) && !held(from - 1)) from--;
    if (from === kind || from === 0 || !OPENS_A_NAME.has(sentence[from - 1]!.text.toLowerCase())) continue;
    const words = sentence.slice(from, kind).map((t) => t.text);
    const key = words.join(' ').toLowerCase();
    const place = lexicon.place(words.join(' '));
    if (lexicon.demonyms.has(key) || (key.endsWith('s') && lexicon.demonyms.has(key.slice(0, -1))) || (place && (place.kind !== 'city' || place.population >= NOTABLE_TOWN))) continue;
    added.push({ from, to: kind - 1, type: 'ORG', confidence: GANG_CONFIDENCE, remembered: false, reason: `an organisation, as the word after it says ("${sentence[kind]!.text}")` });
  }
  return added;
}

const NOTABLE_TOWN = 100_000;
/** A hyphenated modifier ("Iran-backed militias", "Kurdish-led"): no group's name. */
const MODIFIER = /-\p{Ll}+$/u;
/** The most words of an unread group's name before its kind ("the Viv Ansanm", "the Mara Salvatrucha"). */
const MAX_GROUP_WORDS = 3;
