import type { Place, RankedPlace } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import { countryCode, countryPlace } from './countries.js';
import type { Suggestion } from './extract.js';
import { GROUP_NAMES } from './lexicon.js';
import { analysts } from './placeLinks.js';
import { spanIndex } from './spanIndex.js';

/** What this reading asks of the gazetteer. */
interface CountryLookup {
  lookup(name: string): Place[];
  countryByName: Map<string, string>;
  demonyms: Map<string, string>;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** After these a demonym is a noun or a language ("Russian and", "Russian is"), not a modifier. */
const NOT_MODIFIED = new Set(
  `and or but nor is was are were be been being has have had to of in on at by for from with as than that who whom which whose
  said says told who's it its they he she we you i this these those there here`.split(/\s+/),
);
/** Before these a demonym is part of a larger one ("Latin American", "North American", "African American"). */
const COMPOUND_FIRST = new Set(['latin', 'north', 'south', 'east', 'west', 'central', 'native', 'african', 'asian', 'arab', 'anglo', 'afro', 'pan', 'indo', 'sino', 'euro']);
/** After a demonym these make a name, not a nation's thing ("Indian Ocean", "Turkish Airlines", "French Open", "Spanish flu"). */
const NAME_HEADS = new Set(['ocean', 'sea', 'gulf', 'peninsula', 'airlines', 'airways', 'times', 'post', 'express', 'herald', 'open', 'grand', 'cup', 'league', 'flu', 'encephalitis', 'measles']);
/** Before these a demonym is a language ("speaks Russian fluently"). */
const LANGUAGE_VERBS = new Set(['speak', 'speaks', 'spoke', 'speaking', 'spoken', 'fluent', 'translated', 'translate', 'learn', 'learned', 'learning', 'taught', 'dubbed', 'subtitled']);
/** Below this, an organisation or place the tagger read as a demonym of two or three words ("Sri Lankan" at 23%) gives way to it. */
const DOUBTED_IN_DEMONYM = 0.5;
/** Between demonyms of one list: "Russian, Iranian and Turkish troops". */
const LIST_GLUE = /^(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/;

/**
 * The first word of each demonym, made once per gazetteer. Most capitalised words start no
 * demonym, and the first word's key says so without the longer spans'.
 */
const demonymFirstWords = new WeakMap<CountryLookup, Set<string>>();
function firstWordsOf(gazetteer: CountryLookup): Set<string> {
  let firstWords = demonymFirstWords.get(gazetteer);
  if (!firstWords) {
    firstWords = new Set([...gazetteer.demonyms.keys()].map((key) => key.split(' ')[0]!));
    demonymFirstWords.set(gazetteer, firstWords);
  }
  return firstWords;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Nationality adjectives as mentions of their country ("Russian forces" → Russia, "the Afghan
 * government" → Afghanistan), marked adjectival so the analyst can keep them off the map. Only a
 * demonym that modifies the next word counts ("Russian-backed", "Pakistani troops", "Russian and
 * Chinese officials"); a noun or a language ("a Russian was arrested", "speaks Russian") does not,
 * nor one that is also an identity group here ("Uzbek militia" in Afghanistan means the people), nor
 * one inside a name already suggested. Plural nouns ("Afghans") stay groups, as the tagger reads them.
 * A demonym that is its country's own name ("Vatican", "Djibouti") is a mention of the place, not
 * adjectival, wherever it stands ("the Vatican said").
 * A demonym of two or three words ("South Korean", "Sri Lankan") displaces what the tagger read in it
 * alone: a group in it ("Korean" of "South Korean"), or another kind it doubts ("Sri Lankan" an organisation at 23%):
 * `displaced` lists those, for the caller to drop; the analyst's names are never displaced.
 */
export function adjectivalCountries(text: string, suggestions: readonly Suggestion[], gazetteer: CountryLookup): { added: Suggestion[]; displaced: Suggestion[] } {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const taken = spanIndex(suggestions).overlaps;
  const firstWords = firstWordsOf(gazetteer);

  /** The demonym (of up to three words) that starts at word i, if any: its last word's index and its country. */
  const demonymAt = (i: number): { last: number; code: string } | null => {
    const first = words[i]!.text;
    // Capitalised as prose writes it: a headline in capitals ("RUSSIAN TROOPS") is left alone.
    if (!CAPITALISED.test(first) || !firstWords.has(nameKey(first).split(' ')[0]!)) return null;
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      if (span.some((w, k) => k > 0 && text.slice(span[k - 1]!.end, w.start) !== ' ')) continue;
      const key = nameKey(text.slice(span[0]!.start, span.at(-1)!.end));
      const code = gazetteer.demonyms.get(key);
      if (code && !GROUP_NAMES.has(key)) return { last: i + n - 1, code };
    }
    return null;
  };

  /** The country a demonym names where it is also the country's own name ("Vatican" of Vatican City, "Djibouti"). */
  const ownName = (quote: string, code: string): Place | null => {
    const country = countryPlace(gazetteer, code);
    const key = nameKey(quote);
    return country && (nameKey(country.name) === key || nameKey(country.name) === `${key} city`) ? country : null;
  };

  const out: Suggestion[] = [];
  const displaced: Suggestion[] = [];
  /** What the tagger read within a demonym of more than one word, which the demonym displaces; null if something else stands there. */
  const misreadIn = (start: number, end: number): Suggestion[] | null => {
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    // A group in it is its people read apart ("Korean"); another kind gives way where doubted.
    const within = over.every((s) => s.start >= start && s.end <= end && !analysts(s) && (s.type === 'group' || ((s.type === 'organisation' || s.type === 'place') && !s.adjectival && s.confidence < DOUBTED_IN_DEMONYM)));
    return within ? over : null;
  };
  for (let i = 0; i < words.length; i++) {
    const head = demonymAt(i);
    if (!head) continue;
    // A list of demonyms modifies what follows its last member.
    const members = [{ from: i, ...head }];
    for (;;) {
      const last = members.at(-1)!;
      const conjunction = /^(?:and|or)$/.test(words[last.last + 1]?.text ?? '');
      const from = last.last + 1 + (conjunction ? 1 : 0);
      const following = words[from] && LIST_GLUE.test(text.slice(words[last.last]!.end, words[from].start)) ? demonymAt(from) : null;
      if (!following) break;
      members.push({ from, ...following });
    }
    const lastMember = members.at(-1)!;
    i = lastMember.last;
    // "The Vatican said", "in Djibouti": a demonym that is its place's own name is a mention of the place
    // wherever it stands, modifying or not.
    const own = members.length === 1 ? ownName(text.slice(words[members[0]!.from]!.start, words[head.last]!.end), head.code) : null;
    if (own) {
      const start = words[members[0]!.from]!.start;
      const end = words[head.last]!.end;
      if (!taken(start, end)) out.push({ start, end, text: text.slice(start, end), type: 'place', confidence: 0.8, reason: `a place by its own name, which is also its people's`, places: [{ ...own, score: 1 }] });
      continue;
    }
    const after = words[lastMember.last + 1];
    const gap = after ? text.slice(words[lastMember.last]!.end, after.start) : '';
    if (!after || !(gap === ' ' || gap === '-') || NOT_MODIFIED.has(after.text.toLowerCase()) || NAME_HEADS.has(after.text.toLowerCase())) continue;
    const before = words[members[0]!.from - 1];
    // "speaks Russian", but not "he spoke. Russian troops".
    if (before && LANGUAGE_VERBS.has(before.text.toLowerCase()) && /^\s+$/.test(text.slice(before.end, words[members[0]!.from]!.start))) continue;
    if (before && COMPOUND_FIRST.has(before.text.toLowerCase()) && text.slice(before.end, words[members[0]!.from]!.start) === ' ') continue;
    for (const m of members) {
      const start = words[m.from]!.start;
      const end = words[m.last]!.end;
      if (taken(start, end)) {
        const misread = m.last > m.from ? misreadIn(start, end) : null;
        if (!misread) continue;
        displaced.push(...misread);
      }
      const country = countryPlace(gazetteer, m.code);
      if (!country) continue;
      const quote = text.slice(start, end);
      const places: RankedPlace[] = [{ ...country, score: 1 }];
      out.push({ start, end, text: quote, type: 'place', confidence: 0.9, reason: `adjectival: "${quote}" names ${country.name}`, places, adjectival: true });
    }
  }
  return { added: out, displaced };
}

/** After a place and a hyphen these make a modifier of it: "US-led", "UK-based", "Kabul-based", "Iran-backed". */
export const MODIFYING_PARTICIPLES =
  'based|led|backed|funded|financed|run|owned|born|made|controlled|held|allied|aligned|supported|sponsored|brokered|bound|registered|headquartered|occupied|administered|annexed|linked|affiliated|trained|armed|built|produced';

/**
 * Up to three capitalised words joined by a hyphen to one of `participles` (the words are group 1), and
 * what every such match ends with: most articles have none, and the ending costs far less to look for.
 */
export function hyphenatedModifiers(participles: string): { modifier: RegExp; ending: RegExp } {
  return {
    modifier: new RegExp(
      `(?<![\\p{L}\\p{N}.\\-])((?:\\p{Lu}[\\p{L}\\p{M}'’.]*)(?: \\p{Lu}[\\p{L}\\p{M}'’.]*){0,2})-(?:${participles})(?![\\p{L}\\p{N}])`,
      'gu',
    ),
    ending: new RegExp(`-(?:${participles})(?![\\p{L}\\p{N}])`, 'u'),
  };
}
const { modifier: PLACE_MODIFIER, ending: MODIFIER_ENDING } = hyphenatedModifiers(MODIFYING_PARTICIPLES);

/** A name a hyphenated modifier may hold: `written` is it with its participle ("Taliban-led"). */
export interface ModifierName {
  name: string;
  key: string;
  start: number;
  end: number;
  written: string;
}

/**
 * For each match of `modifier` in `text`, the runs of its last words, longest first: "the Wellcome
 * UK-based" is no name, "UK" is. A reader keeps the first run it knows.
 */
export function* modifierNames(text: string, modifier: RegExp): Generator<ModifierName[]> {
  for (const m of text.matchAll(modifier)) {
    const words = m[1]!.split(' ');
    const wordEnd = m.index + m[0].length;
    const runs: ModifierName[] = [];
    for (let k = 0; k < words.length; k++) {
      const name = words.slice(k).join(' ');
      const start = m.index + m[1]!.length - name.length;
      const key = nameKey(name);
      if (key) runs.push({ name, key, start, end: start + name.length, written: text.slice(start, wordEnd) });
    }
    yield runs;
  }
}

/**
 * Places written as the first half of a compound modifier, which the tagger reads as one word and
 * so never sees: "the US-led coalition", "UK-based", "Saudi Arabia-backed" name their country, as
 * "Russian forces" does (adjectival, with its country); "a Kabul-based analyst" names Kabul, an
 * ordinary place mention that `pending` asks the caller to resolve with the article's other places.
 */
export function placeModifiers(
  text: string,
  suggestions: readonly Suggestion[],
  gazetteer: CountryLookup,
): { s: Suggestion; pending: boolean }[] {
  const out: { s: Suggestion; pending: boolean }[] = [];
  if (!MODIFIER_ENDING.test(text)) return out;
  const taken = spanIndex(suggestions).overlaps;
  for (const runs of modifierNames(text, PLACE_MODIFIER)) {
    for (const { name, key, start, end, written } of runs) {
      if (taken(start, end)) continue;
      const code = countryCode(gazetteer, key);
      if (code) {
        const place = countryPlace(gazetteer, code);
        if (!place) continue;
        const places: RankedPlace[] = [{ ...place, score: 1 }];
        out.push({ s: { start, end, text: name, type: 'place', confidence: 0.85, reason: `adjectival: "${written}" names ${place.name}`, places, adjectival: true }, pending: false });
        break;
      }
      // A town or province: a capitalised name the gazetteer knows, not opening a sentence ("Home-made").
      const opensSentence = /(?:^|[.!?:"“]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start));
      // Its own name, not a variant ("Hamas-led" is no Hamm), and no nationality ("Canadian-born": see above).
      const named = gazetteer.lookup(name).some((p) => nameKey(p.name) === key);
      if (/^\p{Lu}\p{Ll}/u.test(name) && !opensSentence && named && !gazetteer.demonyms.has(key)) {
        out.push({ s: { start, end, text: name, type: 'place', confidence: 0.75, reason: `a place named in "${written}"` }, pending: true });
        break;
      }
    }
  }
  return out;
}
