/**
 * Words of an article's text as the analyst moves a span's edges by one (Shift+→ / Shift+←, with Alt for
 * the start), and the trim the core puts on every new span. Both sides read words here, so a span the
 * reader proposes is the span the core keeps ("U.S." keeps its dot on both); hence this lives in the
 * contract, the one folder the window and the core both import.
 *
 * Stretching and shrinking an edge are inverses on spans that start and end on word edges: a step out
 * and a step back give the span it started from. A possessive "'s" is a word of its own ("Taliban" →
 * "Taliban's" → "Taliban"), as the tagger splits it; a hyphenated name ("Abdul-Rahman") and a name
 * with an inner apostrophe ("O'Brien") are one word; an abbreviation's full stop ("U.S.", "Jr.")
 * belongs to its word, a sentence's does not.
 */
export interface Span {
  start: number;
  end: number;
}

/** Words written with a full stop that is not a sentence's: titles, ranks, firms, streets, months. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof rev st mt ft jr sr gen lt col maj capt cpt sgt cpl pvt adm cmdr brig gov sen rep pres amb hon
  insp supt vs approx inc ltd corp co bros dept jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

// Made once (a \p{…} literal in a loop is rebuilt at every use in the bundles). All sticky: matched at an offset.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Letters with stops ("U.S.", "U.N.", "e.g."): the last stop is part of it. */
const DOTTED = /\p{L}(?:\.\p{L})+(?![\p{L}\p{N}])\.?/uy;
/** Letters and digits joined by hyphens, by an apostrophe that does not open a possessive, or by a number's point or comma. */
const WORD = /[\p{L}\p{N}]+(?:(?:[-‐‑]|['’](?![sS](?![\p{L}\p{N}]))|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/uy;
const POSSESSIVE = /['’][sS](?![\p{L}\p{N}])/uy;
const INITIAL = /^\p{Lu}$/u;
/** What a span never starts or ends with; a full stop only when it does not end an abbreviation. */
const EDGE_PUNCTUATION = /[\s,.;:!?"“”()]/u;

const matchAt = (re: RegExp, text: string, at: number): number | null => {
  re.lastIndex = at;
  return re.exec(text) ? re.lastIndex : null;
};

/** Where the run of non-space characters holding `at` begins: words never cross a space, so reading from there reads them as from the start. */
function chunkStart(text: string, at: number): number {
  let i = Math.min(at, text.length);
  while (i > 0 && !SPACE.test(text[i - 1]!)) i--;
  return i;
}

/** The words of the text from `from` (a chunk start) on, in order. */
function* wordsFrom(text: string, from: number): Generator<Span> {
  let i = from;
  while (i < text.length) {
    if (!WORD_CHAR.test(text[i]!)) {
      i++;
      continue;
    }
    const dotted = matchAt(DOTTED, text, i);
    if (dotted !== null) {
      yield { start: i, end: dotted };
      i = dotted;
      continue;
    }
    let end = matchAt(WORD, text, i)!;
    const possessive = matchAt(POSSESSIVE, text, end);
    if (possessive !== null) {
      yield { start: i, end };
      yield { start: end, end: possessive };
      i = possessive;
      continue;
    }
    if (text[end] === '.') {
      const word = text.slice(i, end);
      if (INITIAL.test(word) || ABBREVIATIONS.has(word.toLowerCase())) end++;
    }
    yield { start: i, end };
    i = end;
  }
}

/** Moves the end past the next word (to the end of the word it falls inside, when it does). */
export function stretchEnd(text: string, span: Span): Span {
  for (const w of wordsFrom(text, chunkStart(text, span.end))) if (w.end > span.end) return { start: span.start, end: w.end };
  return span;
}

/** Moves the end back to the end of the word before it; a span of one word stays as it is (never cut in half). */
export function shrinkEnd(text: string, span: Span): Span {
  let end = span.end;
  for (const w of wordsFrom(text, chunkStart(text, span.start))) {
    if (w.end >= span.end) break;
    if (w.end > span.start) end = w.end;
  }
  return { start: span.start, end };
}

/** Moves the start back to the start of the word before it (or of the word it falls inside). */
export function stretchStart(text: string, span: Span): Span {
  // The word before may lie chunks back ("Kabul — (AP)"): read from one chunk further back until one turns up.
  let from = span.start;
  while (from > 0) {
    from = chunkStart(text, from);
    let start: number | null = null;
    for (const w of wordsFrom(text, from)) {
      if (w.start >= span.start) break;
      start = w.start;
    }
    if (start !== null) return { start, end: span.end };
    while (from > 0 && SPACE.test(text[from - 1]!)) from--;
  }
  return span;
}

/** Moves the start on to the next word's start; a span of one word stays as it is. */
export function shrinkStart(text: string, span: Span): Span {
  for (const w of wordsFrom(text, chunkStart(text, span.start))) {
    if (w.start >= span.end) break;
    if (w.start > span.start) return { start: w.start, end: span.end };
  }
  return span;
}

/** Does the full stop at `dot` end an abbreviation ("U.S.", "Jr.") rather than a sentence? */
function abbreviationStop(text: string, dot: number): boolean {
  for (const w of wordsFrom(text, chunkStart(text, dot))) {
    if (w.start > dot) return false;
    if (w.end === dot + 1 && w.start < dot) return true;
  }
  return false;
}

/** A span without the spaces and punctuation at its ends, an abbreviation's final stop kept ("the U.S." → "U.S."). */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && EDGE_PUNCTUATION.test(text[start]!)) start++;
  while (end > start && EDGE_PUNCTUATION.test(text[end - 1]!) && !(text[end - 1] === '.' && abbreviationStop(text, end - 1))) end--;
  return { start, end };
}
