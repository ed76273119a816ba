/** A sentence as character offsets into an article's text, end exclusive, without the spaces around it. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** Words written with a full stop that rarely end a sentence: titles, ranks, months, "No. 3", "approx.". */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'st', 'mt', 'ft', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt',
    'adm', 'cmdr', 'brig', 'gov', 'sen', 'rep', 'pres', 'amb', 'hon', 'vs', 'approx', 'est', 'inc', 'ltd', 'corp', 'co', 'dept',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'al',
  ],
);

/** The word just before a full stop at `dot`, dots inside it kept ("U.S", "e.g"). */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

/** Does the full stop at `dot` end an abbreviation or an initial rather than a sentence? */
function abbreviates(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "No. 3", "Nos. 4 and 5"; a plain "no." still ends a sentence.
  if ((word === 'No' || word === 'Nos') && /^\s*\d/.test(text.slice(dot + 1, dot + 4))) return true;
  // An initial ("George W. Bush") or letters with stops ("U.S.", "U.N."): the next capital is most often a name.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/**
 * Splits a text into sentences. A sentence ends at ".", "!" or "?" (with any closing quotes or
 * brackets) followed by a space and something that can open a sentence, and at every line break
 * (scraped pages put headlines, captions and paragraphs on lines of their own). A full stop after an
 * abbreviation ("Gen.", "Lt. Col."), an initial or a dotted acronym ("U.S.") does not end one.
 */
export function sentenceRanges(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && /[.!?"'”’)\]]/.test(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue; // "3.5", "U.S.-led", "example.com"
    let next = end;
    while (next < text.length && text[next] === ' ') next++;
    // A lower-case word after the stop continues the sentence ("approx. five", "the U.S. and").
    if (next < text.length && /\p{Ll}/u.test(text[next]!)) continue;
    if (c === '.' && abbreviates(text, i)) continue;
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, text.length);
  return out;
}

/** The sentence holding `offset`, or the first one after it (an offset between two sentences), or null past the last. */
export function sentenceAt(text: string, offset: number): SentenceRange | null {
  return sentenceRanges(text).find((s) => s.end > offset) ?? null;
}

/** The first sentence that starts at or after `offset`: the next one for "s", the one to add for "Shift+S". */
export function sentenceAfter(text: string, offset: number): SentenceRange | null {
  return sentenceRanges(text).find((s) => s.start >= offset) ?? null;
}
