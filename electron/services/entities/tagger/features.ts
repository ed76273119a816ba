/**
 * The one feature function of the name tagger. Training (scripts/train.ts) and extraction
 * (extract.ts) both call `sentenceFacts` and then `tokenFeatures` for every token, so a model always
 * sees at run time the features it was trained on.
 *
 * A feature is a template ("the word before is …") with its values, hashed to 32 bits: extraction
 * then builds no strings per feature, which keeps it well above 150 articles a second. With some
 * 10^5 features in 2^32 values, a collision is a rare, harmless bit of noise.
 */
import { nameKey } from '../../gazetteer/normalise.js';
import {
  COUNTRY_ABBREVIATIONS,
  GROUP_NAMES,
  KNOWN_ORGANISATION_NAMES,
  ORG_HEADS,
  ORG_ROLES,
  PERSON_ROLES,
  PLACE_CUES_BEFORE,
  PLACE_HEADS,
  TITLES,
  WEEKDAYS_AND_MONTHS,
} from '../lexicon.js';

/** What the tagger may know about names beyond the sentence: the gazetteer and the country lists. */
export interface NameLexicon {
  /** The most prominent gazetteer place called `name`, or null. */
  place(name: string): { kind: string; population: number } | null;
  countryByName: Map<string, string>;
  demonyms: Map<string, string>;
}

/** A sentence prepared once for feature extraction. */
export interface SentenceFacts {
  /** Words as the features read them (an all-capitals headline is read in title case). */
  words: string[];
  lower: string[];
  shapes: string[];
  capitalised: boolean[];
  /** Per token: "B-country", "I-city3"…, or "" (longest gazetteer match over the token). */
  gazetteer: string[];
  /** Per token: "B-org", "I-group", "title"… (the rule lexicons), or "". */
  lexicon: string[];
  capsLine: boolean;
  /** Hashes of the per-token values the templates combine. */
  h: { lower: Int32Array; word: Int32Array; shape: Int32Array; p3: Int32Array; s2: Int32Array; s3: Int32Array; s4: Int32Array; gazetteer: Int32Array; lexicon: Int32Array };
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x | 0;
}

/** Combines two hashes (murmur3's finaliser over an xor-multiply). */
function mix(a: number, b: number): number {
  let x = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

const H_START = hashString('<s>');
const H_END = hashString('</s>');
function hashes(values: readonly string[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = hashString(values[i]!);
  return out;
}

/** Hashes of each value's first `length` (or, negative, last) characters, without slicing. */
function affixHashes(values: readonly string[], length: number): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const from = length > 0 ? 0 : Math.max(0, v.length + length);
    const to = length > 0 ? Math.min(v.length, length) : v.length;
    let x = 0x811c9dc5;
    for (let k = from; k < to; k++) {
      x ^= v.charCodeAt(k);
      x = Math.imul(x, 0x01000193);
    }
    out[i] = x | 0;
  }
  return out;
}

/** Small words that may stand inside a name ("Bank of England", "Abu Bakr al Baghdadi"). */
export const NAME_CONNECTORS = new Set(['of', 'for', 'de', 'del', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'da', 'du', 'la', 'le', 'and', '&']);
const MAX_NGRAM = 4;

const wordKeys = new Map<string, string>();

/** nameKey of one word, remembered (news repeats its words). */
function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = nameKey(/^(?:\p{L}\.)+$/u.test(word) ? word.replace(/\./g, '') : word);
    if (wordKeys.size > 100_000) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

/** The key lexicons are matched by: "U.N." → "un", "al-Qaeda" → "al qaeda". */
export function lexiconKey(words: readonly string[]): string {
  let key = '';
  for (const w of words) {
    const k = wordKey(w);
    if (k) key = key ? key + ' ' + k : k;
  }
  return key;
}

/** Capitals to X, small letters to x, digits to d; runs collapsed ("Al-Qaeda" → "Xx-Xx"). */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII first (nearly every character of English news), Unicode classes for the rest.
    const c =
      code >= 65 && code <= 90 ? 'X'
      : code >= 97 && code <= 122 ? 'x'
      : code >= 48 && code <= 57 ? 'd'
      : code < 128 ? ch
      : /\p{Lu}/u.test(ch) ? 'X'
      : /\p{Ll}/u.test(ch) ? 'x'
      : /\p{N}/u.test(ch) ? 'd'
      : /\p{L}/u.test(ch) ? 'l'
      : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w) || /^(?:al|el|ad|ash|as|at|ar|an|az|ul|bin|ibn|abu|abd)-\p{Lu}/u.test(w);
const titleCase = (w: string) => (/^\p{Lu}{2,}$/u.test(w) && !/^(?:\p{L}\.)+$/u.test(w) ? w[0]! + w.slice(1).toLowerCase() : w);
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');

function placeTag(p: { kind: string; population: number }): string {
  if (p.kind !== 'city') return p.kind;
  return p.population >= 1_000_000 ? 'city6' : p.population >= 100_000 ? 'city5' : p.population >= 10_000 ? 'city4' : 'city';
}

export function sentenceFacts(raw: readonly string[], lexicon: NameLexicon): SentenceFacts {
  const n = raw.length;
  // A headline in capitals ("SOCCER - REAL MADRID WIN") is read as if it were in title case: the
  // model has learnt names from ordinary text, where capitals mean something.
  const letters = raw.filter((w) => /\p{L}{2,}/u.test(w));
  const capsLine = letters.length >= 2 && letters.every((w) => !/\p{Ll}/u.test(w));
  // A dateline's place in capitals ("KABUL, Afghanistan —") is read as the place name it is; an
  // acronym the lexicons know ("NATO", "US") stays as written.
  const words = capsLine
    ? raw.map(titleCase)
    : raw.map((w) => (w.length >= 3 && /^\p{Lu}+$/u.test(w) && !KNOWN_ORGANISATION_NAMES.has(wordKey(w)) && !COUNTRY_ABBREVIATIONS.has(wordKey(w)) && lexicon.place(titleCase(w)) ? titleCase(w) : w));
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const capitalised = words.map(isCapitalised);
  const gazetteer = new Array<string>(n).fill('');
  const lex = new Array<string>(n).fill('');

  for (let i = 0; i < n; i++) {
    if (!capitalised[i]) continue;
    // Longest match first; a name may hold connectors ("Bosnia and Herzegovina", "Bank of England").
    let matched = 0;
    for (let len = Math.min(MAX_NGRAM, n - i); len >= 1 && !matched; len--) {
      if (!capitalised[i + len - 1]) continue;
      let ok = true;
      for (let k = i + 1; k < i + len - 1; k++) if (!capitalised[k] && !NAME_CONNECTORS.has(lower[k]!)) ok = false;
      if (!ok) continue;
      const span = words.slice(i, i + len);
      const key = lexiconKey(span);
      if (!key) continue;
      let tag = '';
      if (KNOWN_ORGANISATION_NAMES.has(key)) tag = 'org';
      else if (GROUP_NAMES.has(key)) tag = 'group';
      else if (lexicon.countryByName.has(key) || COUNTRY_ABBREVIATIONS.has(key)) tag = 'country';
      else if (lexicon.demonyms.has(key)) tag = 'demonym';
      else if (/s$/.test(key) && lexicon.demonyms.has(key.slice(0, -1))) tag = 'demonyms';
      if (tag) {
        for (let k = 0; k < len; k++) lex[i + k] = (k === 0 ? 'B-' : 'I-') + tag;
      }
      const place = key.length >= 2 ? lexicon.place(span.join(' ')) : null;
      if (place) {
        const p = placeTag(place);
        for (let k = 0; k < len; k++) gazetteer[i + k] = (k === 0 ? 'B-' : 'I-') + p;
        matched = len;
      } else if (tag) matched = len;
    }
    if (matched > 1) i += matched - 1;
  }
  for (let i = 0; i < n; i++) {
    if (lex[i]) continue;
    const b = bare(words[i]!);
    if (TITLES.has(b)) lex[i] = 'title';
    else if (ORG_HEADS.has(b)) lex[i] = 'orghead';
    else if (PLACE_HEADS.has(b)) lex[i] = 'placehead';
    else if (WEEKDAYS_AND_MONTHS.has(b)) lex[i] = 'calendar';
  }
  return {
    words,
    lower,
    shapes,
    capitalised,
    gazetteer,
    lexicon: lex,
    capsLine,
    h: {
      lower: hashes(lower),
      word: hashes(words),
      shape: hashes(shapes),
      p3: affixHashes(lower, 3),
      s2: affixHashes(lower, -2),
      s3: affixHashes(lower, -3),
      s4: affixHashes(lower, -4),
      gazetteer: hashes(gazetteer),
      lexicon: hashes(lex),
    },
  };
}

/** Feature templates: each feature is one of these combined with its values. */
const enum F {
  Bias = 1, Lower, Word, Shape, P3, S2, S3, S4, LowerPrev, LowerNext, LowerPrev2, LowerNext2, ShapePrev, ShapeNext, ShapeTri,
  BigramPrev, BigramNext, Gaz, GazPrev, GazNext, Lex, LexPrev, LexNext, GazLex, First, FirstShape, CapsLine, Run, RunLast,
  RunOrgHead, RunPlaceHead, RunBefore, RunPlaceCue, RunTitle, RunAfter, ApposPerson, ApposOrg, RunSaid,
}
const t1 = (template: F, a: number) => mix(template * 0x27d4eb2f, a);
const t2 = (template: F, a: number, b: number) => mix(mix(template * 0x27d4eb2f, a), b);
const t3 = (template: F, a: number, b: number, c: number) => mix(mix(mix(template * 0x27d4eb2f, a), b), c);

/**
 * The features of token `i`, appended to `out` as hashes: the word, its shape and affixes, its
 * neighbours, what the gazetteer and the rule lexicons say about it, and the run of capitalised
 * words it belongs to (title or place cue before it, organisation or place head word in it, an
 * apposition or "said" after it).
 */
export function tokenFeatures(f: SentenceFacts, i: number, out: number[]): void {
  const n = f.words.length;
  const h = f.h;
  const lowerAt = (k: number) => (k < 0 ? H_START : k >= n ? H_END : h.lower[k]!);
  const shapeAt = (k: number) => (k < 0 ? H_START : k >= n ? H_END : h.shape[k]!);
  const gazAt = (k: number) => (k < 0 ? H_START : k >= n ? H_END : h.gazetteer[k]!);
  const lexAt = (k: number) => (k < 0 ? H_START : k >= n ? H_END : h.lexicon[k]!);
  out.push(
    F.Bias,
    t1(F.Lower, h.lower[i]!),
    t1(F.Word, h.word[i]!),
    t1(F.Shape, h.shape[i]!),
    t1(F.P3, h.p3[i]!),
    t1(F.S2, h.s2[i]!),
    t1(F.S3, h.s3[i]!),
    t1(F.S4, h.s4[i]!),
    t1(F.LowerPrev, lowerAt(i - 1)),
    t1(F.LowerNext, lowerAt(i + 1)),
    t1(F.LowerPrev2, lowerAt(i - 2)),
    t1(F.LowerNext2, lowerAt(i + 2)),
    t1(F.ShapePrev, shapeAt(i - 1)),
    t1(F.ShapeNext, shapeAt(i + 1)),
    t3(F.ShapeTri, shapeAt(i - 1), h.shape[i]!, shapeAt(i + 1)),
    t2(F.BigramPrev, lowerAt(i - 1), h.lower[i]!),
    t2(F.BigramNext, h.lower[i]!, lowerAt(i + 1)),
    t1(F.Gaz, h.gazetteer[i]!),
    t1(F.GazPrev, gazAt(i - 1)),
    t1(F.GazNext, gazAt(i + 1)),
    t1(F.Lex, h.lexicon[i]!),
    t1(F.LexPrev, lexAt(i - 1)),
    t1(F.LexNext, lexAt(i + 1)),
    t2(F.GazLex, h.gazetteer[i]!, h.lexicon[i]!),
  );
  if (i === 0) out.push(F.First, t1(F.FirstShape, h.shape[i]!));
  if (f.capsLine) out.push(F.CapsLine);
  if (!f.capitalised[i]) return;
  // Inside a run of capitalised words: what heads the run and what surrounds it.
  let end = i;
  while (end + 1 < n && (f.capitalised[end + 1] || (NAME_CONNECTORS.has(f.lower[end + 1]!) && end + 2 < n && f.capitalised[end + 2]))) end++;
  let start = i;
  while (start > 0 && f.capitalised[start - 1]) start--;
  out.push(t2(F.Run, Math.min(end - start + 1, 5), i === start ? 1 : i === end ? 2 : 3), t1(F.RunLast, h.lower[end]!));
  if (f.lexicon[end] === 'orghead') out.push(F.RunOrgHead);
  if (f.lexicon[end] === 'placehead') out.push(F.RunPlaceHead);
  out.push(t1(F.RunBefore, lowerAt(start - 1)));
  const before = start > 0 ? f.lower[start - 1]! : '';
  if (PLACE_CUES_BEFORE.has(before)) out.push(F.RunPlaceCue);
  if (start > 0 && TITLES.has(bare(f.words[start - 1]!))) out.push(F.RunTitle);
  out.push(t1(F.RunAfter, lowerAt(end + 1)));
  const after = end + 1 < n ? f.lower[end + 1]! : '';
  // "X, a spokesman for…" and "X, the national grid operator": the apposition says what X is.
  if (after === ',' && end + 2 < n && (f.lower[end + 2] === 'a' || f.lower[end + 2] === 'an' || f.lower[end + 2] === 'the')) {
    for (let k = end + 3; k < Math.min(n, end + 6); k++) {
      if (PERSON_ROLES.has(f.lower[k]!)) {
        out.push(F.ApposPerson);
        break;
      }
      if (ORG_ROLES.has(f.lower[k]!)) {
        out.push(F.ApposOrg);
        break;
      }
    }
  }
  if (after === 'said' || after === 'says' || after === 'told' || (after === ',' && end + 2 < n && f.lower[end + 2] === 'said')) out.push(F.RunSaid);
}
