import type { Place } from '../gazetteer/gazetteer.js';
import type { Suggestion } from './extract.js';
import { analysts } from './placeLinks.js';

/**
 * "AT&T", "H&M", "S&P Global", "M&S": initials joined by an ampersand are a firm's (a partnership's
 * name is its partners'), and the tagger, which splits the ampersand off as a word of its own and saw
 * few such names, reads nothing there, or one side alone ("M" at 34%). Initials on both sides, and the
 * capitalised words right after (not a number: "the S&P 500" is an index), are an organisation, over
 * what the tagger read on either side, or doubted across it. Not the ampersands of common phrases
 * ("Q&A", "R&D", "M&A"), nor a name longer than the one found, nor the analyst's names.
 *
 * Whole words joined so are read by `firmsNamedForTwo`.
 */
const INITIALS_JOINED = /(?<![\p{L}\p{N}&.'’-])\p{Lu}{1,3}&\p{Lu}{1,3}(?![\p{L}\p{N}&'’-])/gu;
/** Capitalised words after the pair that go on with its name ("S&P Global", "M&S Bank"). */
const WORDS_AFTER = /^(?:[ \t]+\p{Lu}\p{Ll}+){1,2}(?![\p{L}\p{N}'’-])/u;
/** "the S&P 500", "the S&P/ASX 200": an index's number after the name. */
const NUMBER_AFTER = /^(?:\/\p{Lu}+)?[ \t]+\d/u;
/** Initials joined so that are no firm's. */
const COMMON_PHRASES = new Set(['S&M', 'Q&A', 'R&D', 'R&B', 'M&A', 'B&B', 'P&L', 'F&B', 'T&C', 'T&Cs', 'A&E', 'G&T', 'S&L', 'O&M', 'E&P', 'D&D', 'B&W', 'C&F', 'L&D', 'H&S', 'Q&As']);
/** Below this, the tagger's reading across the ampersand gives way. */
const SURE = 0.8;
const CONFIDENCE = 0.7;

export function ampersandNames(text: string, suggestions: readonly Suggestion[]): { s: Suggestion; replaces: Suggestion[] }[] {
  const out: { s: Suggestion; replaces: Suggestion[] }[] = [];
  if (!text.includes('&')) return out;
  for (const m of text.matchAll(INITIALS_JOINED)) {
    if (COMMON_PHRASES.has(m[0])) continue;
    const start = m.index;
    const after = WORDS_AFTER.exec(text.slice(start + m[0].length, start + m[0].length + 40))?.[0] ?? '';
    const end = start + m[0].length + after.length;
    if (NUMBER_AFTER.test(text.slice(end, end + 8))) continue;
    const name = text.slice(start, end);
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    if (over.some((s) => s.start < start || s.end > end || analysts(s))) continue;
    if (over.some((s) => s.start === start && s.end === end && s.type === 'organisation')) continue;
    // A reading of one side alone gives way however sure: the ampersand joins them.
    const amp = start + m[0].indexOf('&');
    if (over.some((s) => s.type !== 'organisation' && s.confidence >= SURE && s.start < amp && s.end > amp)) continue;
    out.push({ s: { start, end, text: name, type: 'organisation', confidence: CONFIDENCE, reason: 'a firm, named with an ampersand' }, replaces: over });
  }
  return out;
}

/** Two capitalised words joined by a spaced ampersand: "Marks & Spencer", "Procter & Gamble", "Standard & Poor's". */
const WORDS_JOINED = /(?<![\p{L}\p{N}&.'’-])(\p{Lu}\p{Ll}[\p{L}]*)[ \t]+&[ \t]+(\p{Lu}\p{Ll}[\p{L}]*(?:['’]s)?)(?![\p{L}\p{N}&'’-])/gu;
/** A quote mark before the pair: a title ("'Pride & Prejudice'"), not a firm. */
const QUOTE_BEFORE = /["“‘'«]\s*$/;
/** A side the tagger read as a person or a place this surely is that: "Trump & Xi" in a headline. */
const SURE_SIDE = 0.8;
/** A side read as a place at least this surely: "Eritrea & Kashmir" in a post. */
const PLACE_SIDE = 0.5;
const FIRM_CONFIDENCE = 0.6;
const LOWER_CASE_WORD = /(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’])/u;

/**
 * "Marks & Spencer", "Procter & Gamble", "Allen & Overy": a firm named for two partners, whose
 * ampersand the tagger splits off as a word of its own; it then reads nothing ("Marks & Spencer and
 * Tesco": Tesco alone) or one side ("Allen", a place at 49%). Two capitalised words joined by a
 * spaced ampersand are an organisation where neither is a place of note (a country, a province, a
 * city of 100,000) or read as a place at 50% or as a person at 80% on its own: posts
 * and headlines write "&" for "and" too ("Eritrea & Kashmir", "Roscommon & Oak Park", in dev parts of
 * the corpora). Only in business news (two of BUSINESS_CUES): elsewhere such a pair is as often a
 * title ("Swords & Spells", "Law & Order") or a heading ("Food & Drink"). Not a title in quotes, not where a longer name holds the pair or the tagger read it
 * whole already (below 60%, the reading is made sure: "Dolce & Gabbana", 31%), not over the analyst's
 * names. Less sure than initials, so at 60%. A doubted reading across the pair and a word in
 * lower case beyond it gives way ("Allen & Overy for Standard & Poor's": "Overy for Standard & Poor", 40%).
 */
export function firmsNamedForTwo(text: string, suggestions: readonly Suggestion[], gazetteer: { lookup(name: string): Place[] }): { s: Suggestion; replaces: Suggestion[] }[] {
  const out: { s: Suggestion; replaces: Suggestion[] }[] = [];
  if (!text.includes(' & ') || !isBusinessText(text)) return out;
  for (const m of text.matchAll(WORDS_JOINED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (QUOTE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    const runsOn = (s: Suggestion) => s.confidence < PLACE_SIDE && LOWER_CASE_WORD.test(text.slice(s.start, start) + ' ' + text.slice(end, s.end));
    if (over.some((s) => ((s.start < start || s.end > end) && !runsOn(s)) || analysts(s) || (s.start === start && s.end === end && s.type === 'organisation' && s.confidence >= FIRM_CONFIDENCE))) continue;
    const amp = start + m[0].indexOf('&');
    const sides = over.filter((s) => s.end <= amp || s.start > amp);
    if (sides.some((s) => (s.type === 'place' && s.confidence >= PLACE_SIDE) || (s.type === 'person' && s.confidence >= SURE_SIDE))) continue;
    if (isNotablePlace(m[1]!, gazetteer) || isNotablePlace(m[2]!.replace(/['’]s$/, ''), gazetteer)) continue;
    out.push({ s: { start, end, text: m[0], type: 'organisation', confidence: FIRM_CONFIDENCE, reason: 'a firm named for two partners' }, replaces: over });
  }
  return out;
}

/** Words of business news: an article with two of them is read for firms' names. */
const BUSINESS_CUES = /\b(?:shares|stocks?|investors|shareholders|earnings|revenues?|profits?|dividends?|merger|takeover|acquisition|subsidiary|chief executive|CEO|retailers?|brands?|auditors?|accountancy|law firm|consultancy|listed|quarterly|Nasdaq|NYSE|FTSE|Dow Jones)\b/gi;

function isBusinessText(text: string): boolean {
  const seen = new Set<string>();
  for (const m of text.matchAll(BUSINESS_CUES)) if (seen.add(m[0].toLowerCase()).size >= 2) return true;
  return false;
}

function isNotablePlace(word: string, gazetteer: { lookup(name: string): Place[] }): boolean {
  return gazetteer.lookup(word).some((p) => (p.nameKind ?? 0) <= 1 && (p.kind === 'country' || p.kind === 'continent' || p.kind === 'admin1' || (p.kind === 'city' && p.population >= 100_000)));
}
