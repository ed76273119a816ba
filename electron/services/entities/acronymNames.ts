/**
 * A name whose acronym follows it in brackets, letter for letter: "Special Inspector General for
 * Afghanistan Reconstruction (SIGAR)", "Islamic State Khorasan Province (ISKP)", "Tehreek-e-Taliban
 * Pakistan (TTP)". The article says where the name starts and ends; the tagger, reading word by
 * word, may cut it ("General for Afghanistan Reconstruction": "Special Inspector" read as a title)
 * or split it. The whole becomes one organisation. Only where the capitals' initials spell the
 * acronym exactly, so "ECOWAS" (its O from "of") and a name the tagger already holds whole are left
 * to linkAcronyms. A place read alone inside keeps it ("Kabul International Airport (KIA)"); one
 * beside an organisation's words is part of that organisation, and organisationPlaces.ts finds it
 * again inside the whole where the name says so.
 */
import type { Suggestion } from './extract.js';
import { ORG_HEADS } from './lexicon.js';
import { analysts } from './placeLinks.js';

const ACRONYM = /\([ \t]*(\p{Lu}{2,8})[ \t]*\)/gu;
/** Words inside a name that give no letter to its acronym. */
const SMALL = /^(?:of|the|for|and|in|on|to|at|de|du|des|al|el|e|i|ul|u|wal)$/iu;
/** A word of the name, hyphenated parts apart ("Tehreek-e-Taliban"), a dotted abbreviation whole ("U.N."). */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}'’]+/gu;
/** How far back a name may start: eight words of a dozen letters. */
const REACH = 120;
// Made once: a literal with \p{…} in a loop is rebuilt at every turn in the bundles.
const DOTTED_INITIALS = /^(?:\p{Lu}\.){2,}$/u;
const CAPITALISED = /^\p{Lu}/u;
const JOINED = /^[ \t-]*$/u;
const POSSESSIVE_END = /\p{L}['’]s$/u;

interface Part {
  text: string;
  start: number;
  end: number;
}

/** The span of capitalised words before `at` whose initials are `acronym`, if any. */
function spelledBefore(text: string, at: number, acronym: string): { start: number; end: number; runsOn: boolean } | null {
  const from = Math.max(0, at - REACH);
  const before = text.slice(from, at);
  const trailing = /[ \t]*$/u.exec(before)![0].length;
  const parts: Part[] = [...before.matchAll(WORD)].map((m) => ({ text: m[0], start: from + m.index, end: from + m.index + m[0].length }));
  // Only what is joined by spaces and hyphens: no comma, full stop or line between the words.
  let i = parts.length - 1;
  if (i < 0 || parts[i]!.end !== at - trailing) return null;
  let letters = acronym;
  let first = -1;
  for (; i >= 0 && letters.length; i--) {
    const p = parts[i]!;
    const gap = i < parts.length - 1 ? text.slice(p.end, parts[i + 1]!.start) : '';
    if (!JOINED.test(gap)) return null;
    const initials = DOTTED_INITIALS.test(p.text) ? p.text.replace(/\./g, '') : CAPITALISED.test(p.text) ? p.text[0]! : null;
    if (!initials) {
      if (SMALL.test(p.text)) continue;
      return null;
    }
    if (!letters.endsWith(initials)) {
      // "Armed Conflict Location and Event Data Project (ACLED)": a head word closing the name may give no letter.
      if (i === parts.length - 1 && ORG_HEADS.has(p.text.toLowerCase())) continue;
      return null;
    }
    letters = letters.slice(0, -initials.length);
    first = i;
  }
  if (letters.length || first < 0) return null;
  if (parts.length - first < 2) return null;
  // A capitalised word just before the first, not an article: the name may run on before the letters ("U.N. Office for …").
  const prev = parts[first - 1];
  const runsOn = !!prev && CAPITALISED.test(prev.text) && !/^(?:The|A|An)$/u.test(prev.text) && JOINED.test(text.slice(prev.end, parts[first]!.start));
  // "Department of Environment and Conservation's (DEC)": the possessive is no part of the name.
  const last = parts.at(-1)!;
  return { start: parts[first]!.start, end: last.end - (POSSESSIVE_END.test(last.text) ? 2 : 0), runsOn };
}

/** The names whose acronym follows them, each with the suggestions it takes the place of. */
export function namesDefinedByAcronym(text: string, suggestions: readonly Suggestion[]): { s: Suggestion; replaces: Suggestion[] }[] {
  const out: { s: Suggestion; replaces: Suggestion[] }[] = [];
  for (const m of text.matchAll(ACRONYM)) {
    const span = spelledBefore(text, m.index, m[1]!);
    if (!span) continue;
    if (span.runsOn) {
      // Where the name runs on, it starts where the tagger's organisation across the first letter starts ("U.N. Office").
      const opening = suggestions.find((s) => s.type === 'organisation' && s.start < span.start && s.end > span.start && s.end <= span.end);
      if (!opening) continue;
      span.start = opening.start;
    }
    const over = suggestions.filter((s) => s.start < span.end && s.end > span.start);
    // Already whole, part of a longer name, or a date or the analyst's own name inside: left as it is.
    if (over.some((s) => (s.start === span.start && s.end === span.end) || s.start < span.start || s.end > span.end || s.type === 'date' || analysts(s))) continue;
    // A place alone inside may be the name's own (an airport's); beside an organisation's words it is part of the organisation.
    if (over.some((s) => s.type === 'place') && !over.some((s) => s.type === 'organisation')) continue;
    const name = text.slice(span.start, span.end);
    const type = over.find((s) => s.type === 'group') && !over.some((s) => s.type === 'organisation') ? 'group' : 'organisation';
    // Nothing read inside: an organisation only where a head word says so ("… Province" is no
    // organisation's), or where the acronym is read as one ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM)").
    const acronymStart = m.index + m[0].indexOf(m[1]!);
    const acronymIsOrganisation = suggestions.some((s) => s.type === 'organisation' && s.start === acronymStart && s.end === acronymStart + m[1]!.length);
    if (!over.length && !acronymIsOrganisation && !name.split(/[\s-]+/u).some((w) => ORG_HEADS.has(w.toLowerCase()))) continue;
    const confidence = Math.max(0.7, ...over.map((s) => s.confidence));
    out.push({ s: { start: span.start, end: span.end, text: name, type, confidence, reason: `a name the article spells out before its acronym (${m[1]})` }, replaces: over });
  }
  return out;
}

/** An acronym in capitals after a name, without brackets: "the Iraqi News Agency INA". */
const TRAILING_ACRONYM = /^(.*\S)[ \t]+(\p{Lu}{2,8})$/u;

/**
 * "The Iraqi News Agency INA quoted…": wire copy writes an agency's acronym right after its name,
 * and the tagger reads both as one name. An organisation whose last word is an acronym in capitals
 * that the words before it spell, initial by initial (small words aside), is two names of it: the
 * name, and the acronym after it. Returns the acronyms split off; the names are cut in place.
 */
export function acronymsAfterNames(suggestions: readonly Suggestion[]): Suggestion[] {
  const split: Suggestion[] = [];
  for (const s of suggestions) {
    if (s.type !== 'organisation' || analysts(s)) continue;
    const m = TRAILING_ACRONYM.exec(s.text);
    if (!m) continue;
    const [, name, acronym] = m as unknown as [string, string, string];
    // "the Allen Institute for AI": capitals after a small word are what the body is for, not its acronym.
    if (SMALL.test(name.slice(name.lastIndexOf(' ') + 1))) continue;
    const initials = [...name.matchAll(WORD)].map((w) => w[0]).filter((w) => !SMALL.test(w) && CAPITALISED.test(w)).map((w) => w[0]).join('');
    if (initials !== acronym) continue;
    const end = s.end;
    s.end = s.start + name.length;
    s.text = name;
    split.push({ start: end - acronym.length, end, text: acronym, type: 'organisation', confidence: s.confidence, reason: `the acronym of ${name}, written after it` });
  }
  return split;
}
