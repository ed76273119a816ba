/**
 * What the whole article says about its own names, applied after the tagger has read it sentence by
 * sentence: news names a place or an organisation in full once and then by the acronym it defines
 * ("Hamid Karzai International Airport (HKIA)", "the People's Army of Vietnam (PAVN)"), and a person
 * in full once and then by surname alone. The tagger, which sees one sentence at a time, misses many
 * of those later uses.
 */
import type { Suggestion } from './extract.js';
import { analysts } from './placeLinks.js';
import { BUSINESS_WORDS, COMPANY_SUFFIXES, PLACE_HEADS, TITLES } from './lexicon.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');
const POSSESSIVE = /(?:['’]s?)$/u;
const SURE_OF_FULL_NAME = 0.7;

const ONE_RUN = /^[\p{L}\p{N}]+$/u;
const LETTER_FIRST = /^\p{L}/u;

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
const CAPITAL_THEN_SMALL = /^\p{Lu}\p{Ll}/u;
/** "al-Sharaa", "el-Sisi": an Arabic surname news writes with its particle in lower case. */
const PARTICLE_SURNAME = /^(?:al|el|ad|ash|as|at|ar|an|az|ul)-\p{Lu}\p{Ll}/u;
const SMALL_LETTER = /\p{Ll}/u;

/**
 * Where `run` (letters and digits only) stands in the text as a whole run: not after or before
 * another letter or digit. Found by a plain substring search: a pattern that opens with a
 * look-behind over Unicode classes tests it at every position of the text, which cost about as much
 * as the tagger itself on news that names twenty people (each surname is looked for twice).
 */
function runsOf(text: string, run: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + 1)) {
    const end = at + run.length;
    // Two characters, so that a letter outside the Basic Multilingual Plane (a surrogate pair) is read whole.
    if (LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, at - 2), at)) || LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) continue;
    found.push(at);
  }
  return found;
}

/**
 * Every use of `word` in the text as a whole word, written as given (case matters: "Rich" is not
 * "rich"): not inside a longer word, a hyphenated one or an abbreviation ("Al-Hakim", "Ghani.com").
 */
function* uses(text: string, word: string): Generator<{ start: number; end: number }> {
  if (!ONE_RUN.test(word)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}\\-&.])${escape(word)}(?![\\p{L}\\p{N}&]|-\\p{L}|\\.\\p{L})`, 'gu');
    for (const m of text.matchAll(re)) yield { start: m.index, end: m.index + word.length };
    return;
  }
  // A run is bounded by what is no letter or digit on both sides; the pattern above also asks this of those characters.
  for (const start of runsOf(text, word)) {
    const end = start + word.length;
    const before = text[start - 1];
    if (before === '-' || before === '&' || before === '.') continue;
    const after = text[end];
    if (after === '&' || ((after === '-' || after === '.') && LETTER_FIRST.test(text.slice(end + 1, end + 3)))) continue;
    yield { start, end };
  }
}

/** Whether the text writes `word` as a whole word, exactly so. */
function writes(text: string, word: string): boolean {
  if (ONE_RUN.test(word)) return runsOf(text, word).length > 0;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'al', 'el', 'la', 'du', 'des']);

/**
 * Whether `short` abbreviates `long` (Schwartz & Hearst, 2003): every letter of the acronym is a
 * letter of the name, in order, and its first letter opens a word of the name. "HKIA" for "Hamid
 * Karzai International Airport", "KAF" for "Kandahar Airfield"; not "AP" for "Afghanistan".
 */
export function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let j = l.length - 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    if (!LETTER_OR_DIGIT.test(c)) continue;
    while (j >= 0 && (l[j] !== c || (i === 0 && j > 0 && LETTER_OR_DIGIT.test(l[j - 1]!)))) j--;
    if (j < 0) return false;
    j--;
  }
  // Every word that counts is abbreviated: "HKIA" is not all of "Hamid Karzai International Airport Authority".
  const words = long.split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  return words.length <= short.length + 1;
}

/** The acronym in brackets after a name, or after its possessive ("Department of Environment and Conservation's (DEC)"). */
const ACRONYM_AFTER = /^(?:['’]s)?[ \t]*\([ \t]*(\p{Lu}[\p{Lu}\p{N}&]{1,7})[ \t]*\)/u;

/**
 * An acronym the article defines right after a place, an organisation or a group ("Hamid Karzai
 * International Airport (HKIA)", "National Directorate of Security (NDS)") names it wherever the
 * article uses it: each use becomes a suggestion of the same type, a place's with the same
 * candidates, so it links to the same record (and so the same entity). What the tagger read there
 * before gives way, except that an organisation's acronym leaves a place alone; the analyst's own
 * decisions and dates are never touched.
 */
export function linkAcronyms(text: string, suggestions: Suggestion[]): void {
  const definitions = suggestions
    .filter((s) => s.type === 'place' || s.type === 'organisation' || s.type === 'group')
    .flatMap((s) => {
      const m = ACRONYM_AFTER.exec(text.slice(s.end, s.end + 16));
      return m && abbreviates(m[1]!, s.text) ? [{ name: s, acronym: m[1]! }] : [];
    });
  const defined = new Set<string>();
  for (const { name, acronym } of definitions) {
    if (defined.has(acronym)) continue;
    defined.add(acronym);
    const reason = `stands for “${name.text}”, as the article says`;
    const place = name.type === 'place';
    for (const use of uses(text, acronym)) {
      const places = place ? { places: name.places ? [...name.places] : [] } : {};
      const over = suggestions.filter((o) => o.start < use.end && o.end > use.start);
      if (over.length === 0) suggestions.push({ ...use, text: acronym, type: name.type, confidence: name.confidence, reason, ...places });
      else if (over.length === 1 && over[0]!.start === use.start && over[0]!.end === use.end && over[0]!.type !== 'date' && (place || over[0]!.type !== 'place') && !analysts(over[0]!)) {
        Object.assign(over[0]!, { type: name.type, reason, ...places, confidence: Math.max(over[0]!.confidence, name.confidence) });
      }
    }
  }
}

/**
 * A person the article names in full ("Ashraf Ghani") is that person where it later writes the
 * surname alone ("Ghani said"), if nothing else was read there and the article never writes the
 * word in lower case (so "Rich" or "Young" as plain words are not taken for surnames). Where two of
 * its people share the surname, the word alone is a person still, less surely, and the reason names both.
 */
export function spreadSurnames(text: string, suggestions: Suggestion[]): void {
  const people = suggestions.filter((s) => s.type === 'person' && /\s/.test(s.text.trim()));
  // Only a full name read with some confidence lends its surname: a doubtful one ("Bov Parish") would spread its doubt.
  const lenders = people.filter((s) => s.confidence >= SURE_OF_FULL_NAME);
  const done = new Set<string>();
  for (const person of lenders) {
    const words = person.text.replace(POSSESSIVE, '').trim().split(/\s+/);
    const surname = words.at(-1)!;
    if (done.has(surname) || surname.length < 3 || !(CAPITAL_THEN_SMALL.test(surname) || PARTICLE_SURNAME.test(surname)) || TITLES.has(surname.toLowerCase()) || PLACE_HEADS.has(surname.toLowerCase())) continue;
    done.add(surname);
    if (writes(text, surname.toLowerCase())) continue;
    // Two people of the article who share the surname ("Sara Duterte", "Rodrigo Duterte"): the surname alone is
    // a person, either of them, and the suggestion says so rather than choose.
    const sharers = [...new Set(people.filter((p) => p.text.replace(POSSESSIVE, '').trim().split(/\s+/).at(-1) === surname).map((p) => p.text.replace(POSSESSIVE, '').trim()))];
    const reason = sharers.length > 1 ? `a person by surname: ${sharers.join(' or ')}, whom the article named earlier` : `${person.text} by surname, as the article named them earlier`;
    const confidence = Math.min(person.confidence, sharers.length > 1 ? SHARED_SURNAME_CONFIDENCE : 0.8);
    for (const use of uses(text, surname)) {
      if (use.start < person.start) continue;
      const there = suggestions.filter((o) => o.start < use.end && o.end > use.start);
      if (!there.length) suggestions.push({ ...use, text: surname, type: 'person', confidence, reason });
      else if (there.length === 1 && there[0]!.start === use.start && there[0]!.end === use.end && doubtedAsOtherThanPerson(there[0]!)) {
        // "according to Mahecic" after "spokesman Andrej Mahecic": the tagger's doubtful place is the person.
        Object.assign(there[0]!, { type: 'person', confidence, reason });
        delete there[0]!.places;
      }
    }
  }
}

/** A surname two people of the article share is a person's, but whose the reader must decide. */
const SHARED_SURNAME_CONFIDENCE = 0.7;
/** Below this the tagger doubts its reading enough that the person the article named in full wins. */
const DOUBTED = 0.6;
const doubtedAsOtherThanPerson = (s: Suggestion) => (s.type === 'place' || s.type === 'organisation') && s.confidence < DOUBTED && !s.adjectival && !analysts(s);

/**
 * An organisation's short name at `use`: added where nothing was read, and given to a person or a
 * place the tagger read at exactly that span (not to what the analyst decided).
 */
function organisationAt(text: string, suggestions: Suggestion[], use: { start: number; end: number }, confidence: number, reason: string): void {
  const there = suggestions.filter((o) => o.start < use.end && o.end > use.start);
  if (!there.length) suggestions.push({ ...use, text: text.slice(use.start, use.end), type: 'organisation', confidence, reason });
  else if (there.length === 1 && there[0]!.start === use.start && there[0]!.end === use.end) {
    const read = there[0]!;
    if ((read.type !== 'person' && read.type !== 'place') || analysts(read)) return;
    read.type = 'organisation';
    read.confidence = confidence;
    read.reason = reason;
    delete read.places;
  }
}

/**
 * A company the article names in full with its legal form ("Bayer AG", "Newmont Mining Corp") is
 * that company where it later writes the name without the form ("Bayer said", "Newmont Mining"), or
 * its first word alone when only words of business stand between ("Newmont"): wherever nothing
 * else was read there, and where the tagger read the same words as a person or a place. Not a
 * short form the gazetteer knows as a place or a country's people ("Kuwait" of "Kuwait Petroleum
 * Corp"), nor one the article writes in lower case.
 */
export function spreadCompanyNames(text: string, suggestions: Suggestion[], isPlace: (name: string) => boolean): void {
  const companies = suggestions.filter((s) => s.type === 'organisation' && COMPANY_SUFFIXES.has(s.text.trim().split(/\s+/).at(-1)!));
  const done = new Set<string>();
  for (const company of companies) {
    const words = company.text.trim().split(/\s+/).slice(0, -1);
    if (!words.length) continue;
    const forms = [words.join(' ')];
    if (words.length > 1 && words.slice(1).every((w) => BUSINESS_WORDS.has(w.toLowerCase()))) forms.push(words[0]!);
    for (const form of forms) {
      if (done.has(form) || form.length < 3 || !CAPITAL_FIRST.test(form) || TITLES.has(form.toLowerCase()) || writes(text, form.toLowerCase()) || isPlace(form)) continue;
      done.add(form);
      const confidence = Math.min(company.confidence, 0.8);
      const reason = `${company.text} for short, as the article named it`;
      for (const use of uses(text, form)) organisationAt(text, suggestions, use, confidence, reason);
    }
  }
}

/**
 * Sports news names a club in full once ("Ajax Amsterdam", "PSV Eindhoven", "Bayern Munich") and then
 * without its town ("scored twice for Ajax"), where the tagger reads a town of that name elsewhere
 * (Ajax, Ontario). In a sports text, a team's name without the town that ends it is that team
 * wherever nothing else was read there or the tagger read a place or a person ("Real" of "Real
 * Madrid" too: sports news calls the club so), and in a headline in capitals; but not the name of a
 * country, a country's people or a first-order area (`isArea`): a town's name is the team's here.
 */
export function spreadTeamNames(text: string, suggestions: Suggestion[], isPlace: (name: string) => boolean, isArea: (name: string) => boolean): void {
  const teams = suggestions.filter((s) => s.type === 'organisation' && s.reason.startsWith('a team'));
  const done = new Set<string>();
  for (const team of teams) {
    const words = team.text.trim().split(/\s+/);
    if (words.length < 2 || !isPlace(words.at(-1)!)) continue;
    const form = words.slice(0, -1).join(' ');
    if (done.has(form) || form.length < 2 || isArea(form) || TITLES.has(form.toLowerCase()) || writes(text, form.toLowerCase())) continue;
    done.add(form);
    const reason = `${team.text} for short, as the article named the team`;
    // And in a headline in capitals: "AJAX GO TOP".
    const inCapitals = form.toUpperCase() === form ? [] : [...uses(text, form.toUpperCase())].filter((use) => !SMALL_LETTER.test(lineAround(text, use.start)));
    for (const use of [...uses(text, form), ...inCapitals]) {
      // "Real Madrid were beaten", where the tagger read "Madrid" alone: the team in full, not "Real" beside a place.
      if (text.startsWith(team.text, use.start)) teamAt(text, suggestions, { start: use.start, end: use.start + team.text.length }, team);
      else organisationAt(text, suggestions, use, team.confidence, reason);
    }
  }
}

/** The team named in full at `use`, over the places and people the tagger read in its words. */
function teamAt(text: string, suggestions: Suggestion[], use: { start: number; end: number }, team: Suggestion): void {
  const there = suggestions.filter((o) => o.start < use.end && o.end > use.start);
  if (there.some((o) => o.start < use.start || o.end > use.end || (o.type !== 'person' && o.type !== 'place') || analysts(o))) return;
  for (const o of there) suggestions.splice(suggestions.indexOf(o), 1);
  suggestions.push({ ...use, text: text.slice(use.start, use.end), type: 'organisation', confidence: team.confidence, reason: team.reason });
}

/** The line of the text that holds offset `at`. */
const lineAround = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? text.length : end);
};

/**
 * A company's branch in a country is named with the country after the company's own name ("Taco
 * Bell Canada", "Yum! Canada"), so where the same article writes that name alone ("ate at Taco
 * Bell") it is the company, whatever the tagger read there: a place (a shop is somewhere) or a
 * person it doubted. Only such readings are retyped; nothing is added where nothing was read, so a
 * common word before a country ("Bank Indonesia") names nothing else. Not a name the gazetteer knows
 * as a place of its own, and not where the branch itself was doubted.
 */
export function spreadBranchNames(suggestions: Suggestion[], isCountry: (name: string) => boolean, isPlace: (name: string) => boolean): void {
  const done = new Set<string>();
  const branches = suggestions.filter((s) => s.type === 'organisation' && s.confidence >= DOUBTED && !s.reason.startsWith('a team'));
  for (const branch of branches) {
    const words = branch.text.trim().split(/\s+/);
    for (const n of [1, 2]) {
      if (words.length <= n || !isCountry(words.slice(-n).join(' '))) continue;
      const form = words.slice(0, -n).join(' ');
      if (done.has(form) || form.length < 3 || !form.split(' ').every((w) => CAPITAL_FIRST.test(w)) || TITLES.has(form.toLowerCase()) || isPlace(form)) continue;
      done.add(form);
      for (const s of suggestions) {
        if (s.text !== form || !(s.type === 'place' || (s.type === 'person' && s.confidence < DOUBTED)) || s.adjectival || analysts(s)) continue;
        s.type = 'organisation';
        s.confidence = Math.min(branch.confidence, 0.8);
        s.reason = `the company of ${branch.text}, as the article named it`;
        delete s.places;
      }
    }
  }
}

/** A storm's kind before its name: "Hurricane Beryl", "Typhoon Haiyan", "Tropical Storm Alberto". */
const STORM_NAMED = /(?<![\p{L}\p{N}-])(?:Super[ \t]+)?(?:Hurricane|Typhoon|Cyclone|Tropical[ \t]+Storm|Tropical[ \t]+Depression|Storm)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’-])/gu;

/**
 * The storms an article names ("Hurricane Beryl … Beryl weakened"): the storm's name is no person's
 * and no place's, though the tagger reads it as one (a person most often). Every suggestion of just
 * that word, or of the kind and the word, is dropped, not the analyst's; nor a country's or an area's
 * name ("Hurricane, Utah" is a town, and "Storm Utah" no storm). Returns the names of the storms, with
 * and without their kind.
 */
export function stormNames(text: string, isArea: (name: string) => boolean): Set<string> {
  const storms = new Set<string>();
  for (const m of text.matchAll(STORM_NAMED)) {
    if (isArea(m[1]!)) continue;
    storms.add(m[1]!);
    // "Cyclone Zelia" read whole (an organisation at 36%).
    storms.add(m[0]);
  }
  return storms;
}
