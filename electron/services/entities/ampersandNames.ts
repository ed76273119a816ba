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
 * Whole words joined so ("Procter & Gamble") are left to the tagger: posts and titles write "&" for
 * "and" ("Eritrea & Kashmir", "Roscommon & Oak Park", "Swords & Spells", all in dev parts of the corpora).
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
