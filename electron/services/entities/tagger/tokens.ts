/**
 * Words and sentences as the tagger sees them. Tokens follow the conventions of the news corpora the
 * model is trained on (Penn-Treebank-like): "U.S." and "Mr." keep their dots, a possessive "'s" is a
 * token of its own, hyphenated words stay whole.
 */
export interface TextToken {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their full stop (and so do not end a sentence). */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr gen col lt sgt capt maj adm cmdr sen rep gov st jr sr prof rev gen brig cpl pvt insp supt
  inc corp ltd co bros no vs mt ft jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

// Initials ("U.S.", "U.N."), then words (letters/digits joined by inner hyphens, apostrophes, dots in
// numbers), then any other single non-space character.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*|['’]s\b|[^\s\p{L}\p{N}]/gu;

// Made once: a literal with \p{…} inside the loop is rebuilt at every token in the bundles.
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const LETTER = /\p{L}/u;
const DIGIT = /^\d$/;
const ONE_LETTER = /^\p{L}$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const NUMBER = /^[\p{N}.,]+$/u;
const INITIALS = /^(?:\p{L}\.){2,}$/u;
const WEB_NAME = /^\p{Lu}[\p{L}\p{N}-]*\.(?:com|net|org)$/u;
const SPLIT_PUNCTUATION = /(?=[.,])|(?<=[.,])/;

// What may close a sentence right after its full stop: after one, the quote or bracket ends it.
const CLOSING_AFTER_STOP = `"”’')]`;
const CLOSING = `"”’)]`;

/** Splits text into sentences of tokens; a line break always ends a sentence. */
export function tokenizeSentences(text: string): TextToken[][] {
  const sentences: TextToken[][] = [];
  let current: TextToken[] = [];
  let lastEnd = 0;
  // The first line break at or after lastEnd (lastEnd only grows, so it is looked for again only once passed).
  let newline = -1;
  const close = () => {
    if (current.length) sentences.push(current);
    current = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    const start = m.index;
    if (current.length) {
      if (newline < lastEnd) {
        newline = text.indexOf('\n', lastEnd);
        if (newline < 0) newline = text.length;
      }
      if (newline < start) close();
    }
    // "Obama's" → "Obama" + "'s"; "Ashraf's" likewise (the corpora split possessives).
    const possessive = t.length > 2 && t.endsWith('s') && (t[t.length - 2] === "'" || t[t.length - 2] === '’') ? POSSESSIVE.exec(t) : null;
    if (possessive && LETTER.test(possessive[1]!) && !ONE_LETTER.test(possessive[1]!)) {
      current.push({ text: possessive[1]!, start, end: start + possessive[1]!.length });
      current.push({ text: possessive[2]!, start: start + possessive[1]!.length, end: start + t.length });
      lastEnd = start + t.length;
      continue;
    }
    // A number like "1,200" or "3.5" stays whole, and so does a company named by its web address
    // ("Amazon.com Inc"), but "Kabul,Kunduz" (missing space) splits.
    if (t.length > 1 && /[.,]/.test(t) && !NUMBER.test(t) && !INITIALS.test(t) && !WEB_NAME.test(t)) {
      const parts = t.split(SPLIT_PUNCTUATION);
      let offset = start;
      for (const part of parts) {
        current.push({ text: part, start: offset, end: offset + part.length });
        offset += part.length;
      }
      lastEnd = offset;
      continue;
    }
    const prev = current.at(-1);
    // "Mr." and "W." keep their dot: the dot is not a sentence end.
    if (t === '.' && prev && prev.end === start && (ABBREVIATIONS.has(prev.text.toLowerCase()) || ONE_CAPITAL.test(prev.text))) {
      prev.text += '.';
      prev.end = start + 1;
      lastEnd = start + 1;
      continue;
    }
    t = m[0];
    current.push({ text: t, start, end: start + t.length });
    lastEnd = start + t.length;
    if (t === '.' || t === '!' || t === '?') {
      // The sentence ends here unless a closing quote or bracket follows directly, or a digit does: a
      // standings row's winning percentage (".565") is no sentence's end.
      if (!CLOSING_AFTER_STOP.includes(text[lastEnd] ?? '.') && !(t === '.' && DIGIT.test(text[lastEnd] ?? ''))) close();
    } else if (t.length === 1 && CLOSING.includes(t) && prev && (prev.text === '.' || prev.text === '!' || prev.text === '?')) close();
  }
  close();
  return sentences;
}
