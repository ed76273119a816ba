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
import { wordClassOf } from './wordClasses.js';

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
  /** Per token, what its word says on its own (shared by every token of the same word). */
  wordFacts: WordFacts[];
  /** Hashes of the per-token values the templates combine, in planes (H): h[plane × n + token]. */
  h: Int32Array;
}

/** The planes of SentenceFacts.h (one array, not nine: a typed array costs as much to make as to fill). */
const enum H {
  Lower, Word, Shape, P3, S2, S3, S4, Gazetteer, Lexicon, Fine, Coarse, Planes,
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

/** FNV-1a over a value's first `length` (or, negative, last) characters, without slicing. */
function affixHash(v: string, length: number): number {
  const from = length > 0 ? 0 : Math.max(0, v.length + length);
  const to = length > 0 ? Math.min(v.length, length) : v.length;
  let x = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    x ^= v.charCodeAt(k);
    x = Math.imul(x, 0x01000193);
  }
  return x | 0;
}

/** Small words that may stand inside a name ("Bank of England", "Abu Bakr al Baghdadi"). */
export const NAME_CONNECTORS = new Set(['of', 'for', 'de', 'del', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'da', 'du', 'la', 'le', 'and', '&']);
const MAX_NGRAM = 4;

// Regular expressions made once (a literal with \p{…} in a function body is rebuilt at every call in the bundles).
const INITIALS = /^(?:\p{L}\.)+$/u;
const CAPITAL = /\p{Lu}/u;
const SMALL = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;
const TWO_LETTERS = /\p{L}{2,}/u;
const CAPITALS = /^\p{Lu}+$/u;

const wordKeys = new Map<string, string>();

/** nameKey of one word, remembered (news repeats its words). */
function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = nameKey(INITIALS.test(word) ? word.replace(/\./g, '') : word);
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
      : CAPITAL.test(ch) ? 'X'
      : SMALL.test(ch) ? 'x'
      : DIGIT.test(ch) ? 'd'
      : LETTER.test(ch) ? 'l'
      : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

const OPENS_CAPITAL = /^\p{Lu}/u;
// The Arabic article as news writes it before a sun letter: "ash-Sham", "ez-Zor" ("Deir ez-Zor"), "es-Salt".
export const PARTICLE_CAPITAL = /^(?:al|el|ad|adh|ash|as|at|ath|ar|an|az|ed|er|es|esh|et|ez|ul|bin|ibn|abu|abd)-\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
const isCapitalised = (w: string) => OPENS_CAPITAL.test(w) || PARTICLE_CAPITAL.test(w);
const titleCase = (w: string) => (ALL_CAPITALS.test(w) && !INITIALS.test(w) ? w[0]! + w.slice(1).toLowerCase() : w);
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');

function placeTag(p: { kind: string; population: number }): string {
  if (p.kind !== 'city') return p.kind;
  return p.population >= 1_000_000 ? 'city6' : p.population >= 100_000 ? 'city5' : p.population >= 10_000 ? 'city4' : 'city';
}

/**
 * What a word says on its own, whatever its sentence: worked out once per distinct word (news
 * repeats its words, and each of these takes a regular expression or a pass over the letters).
 */
export interface WordFacts {
  lower: string;
  shape: string;
  capitalised: boolean;
  /** The rule lexicons' word-level tag ("title", "orghead", "placehead", "calendar") or "". */
  lexicon: string;
  /** Two letters in a row, and any small letter: whether a line is all capitals. */
  letters: boolean;
  small: boolean;
  /** Three or more capitals that no lexicon knows as an acronym: a place name in capitals, if the gazetteer knows it. */
  unknownCapitals: boolean;
  title: string;
  /** wordKey: how the lexicons match it. */
  key: string;
  hWord: number;
  hLower: number;
  hShape: number;
  p3: number;
  s2: number;
  s3: number;
  s4: number;
  /** The word's classes (wordClasses.ts), 0 when it has none. */
  fine: number;
  coarse: number;
  /** The decoder's sums of this word's features under the model it last read with (decode.ts). */
  scores: { model: object; values: Float32Array } | null;
}

const wordFacts = new Map<string, WordFacts>();

/**
 * The word as a string of its own: a longer word cut out of an article is, in V8, a view into the
 * whole article, which the caches here (and a lower-case copy that changed nothing, which is the
 * same string) would keep alive long after the article was read.
 */
const ownCopy = (word: string) => (word.length < 13 ? word : (' ' + word).slice(1));

function factsOf(text: string): WordFacts {
  let facts = wordFacts.get(text);
  if (facts === undefined) {
    const word = ownCopy(text);
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const b = bare(word);
    const key = wordKey(word);
    const classes = wordClassOf(lower);
    facts = {
      lower,
      shape,
      capitalised: isCapitalised(word),
      lexicon: TITLES.has(b) ? 'title' : ORG_HEADS.has(b) ? 'orghead' : PLACE_HEADS.has(b) ? 'placehead' : WEEKDAYS_AND_MONTHS.has(b) ? 'calendar' : '',
      letters: TWO_LETTERS.test(word),
      small: SMALL.test(word),
      unknownCapitals: word.length >= 3 && CAPITALS.test(word) && !KNOWN_ORGANISATION_NAMES.has(key) && !COUNTRY_ABBREVIATIONS.has(key),
      title: titleCase(word),
      key,
      hWord: hashString(word),
      hLower: hashString(lower),
      hShape: hashString(shape),
      p3: affixHash(lower, 3),
      s2: affixHash(lower, -2),
      s3: affixHash(lower, -3),
      s4: affixHash(lower, -4),
      fine: classes.fine,
      coarse: classes.coarse,
      scores: null,
    };
    if (wordFacts.size > 50_000) wordFacts.clear();
    wordFacts.set(word, facts);
  }
  return facts;
}

const spans = new Map<string, [string, string]>();
/** "B-tag" and "I-tag", made once per tag (a few dozen). */
function spanTags(tag: string): [string, string] {
  let both = spans.get(tag);
  if (!both) spans.set(tag, (both = ['B-' + tag, 'I-' + tag]));
  return both;
}

const tagHashes = new Map<string, number>();
/** Hash of a gazetteer or lexicon tag (a few dozen values). */
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashString(tag)));
  return h;
}

export function sentenceFacts(raw: readonly string[], lexicon: NameLexicon): SentenceFacts {
  const n = raw.length;
  const rawFacts = new Array<WordFacts>(n);
  // A headline in capitals ("SOCCER - REAL MADRID WIN") is read as if it were in title case: the
  // model has learnt names from ordinary text, where capitals mean something.
  let letterWords = 0;
  let small = false;
  for (let i = 0; i < n; i++) {
    const f = (rawFacts[i] = factsOf(raw[i]!));
    if (!f.letters) continue;
    letterWords++;
    if (f.small) small = true;
  }
  const capsLine = letterWords >= 2 && !small;
  const words = new Array<string>(n);
  const facts = new Array<WordFacts>(n);
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  const capitalised = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const f = rawFacts[i]!;
    // A dateline's place in capitals ("KABUL, Afghanistan —") is read as the place name it is; an
    // acronym the lexicons know ("NATO", "US") stays as written.
    const w = capsLine || (f.unknownCapitals && lexicon.place(f.title)) ? f.title : raw[i]!;
    const wf = w === raw[i] ? f : factsOf(w);
    words[i] = w;
    facts[i] = wf;
    lower[i] = wf.lower;
    shapes[i] = wf.shape;
    capitalised[i] = wf.capitalised;
  }
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
      // lexiconKey of the span, from its words' keys.
      let key = '';
      for (let k = i; k < i + len; k++) {
        const wk = facts[k]!.key;
        if (wk) key = key ? key + ' ' + wk : wk;
      }
      if (!key) continue;
      let tag = '';
      if (KNOWN_ORGANISATION_NAMES.has(key)) tag = 'org';
      else if (GROUP_NAMES.has(key)) tag = 'group';
      else if (lexicon.countryByName.has(key) || COUNTRY_ABBREVIATIONS.has(key)) tag = 'country';
      else if (lexicon.demonyms.has(key)) tag = 'demonym';
      else if (key.endsWith('s') && lexicon.demonyms.has(key.slice(0, -1))) tag = 'demonyms';
      // A short acronym is one only in capitals: "UN", "U.N." and "US", but not the "Un" of "Kim Jong Un" or "Us".
      if ((tag === 'org' || tag === 'country') && len === 1 && key.length <= 3 && facts[i]!.small) tag = '';
      if (tag) {
        const [begin, inside] = spanTags(tag);
        for (let k = 0; k < len; k++) lex[i + k] = k === 0 ? begin : inside;
      }
      let name = words[i]!;
      if (key.length >= 2) for (let k = i + 1; k < i + len; k++) name += ' ' + words[k]!;
      const place = key.length >= 2 ? lexicon.place(name) : null;
      if (place) {
        const [begin, inside] = spanTags(placeTag(place));
        for (let k = 0; k < len; k++) gazetteer[i + k] = k === 0 ? begin : inside;
        matched = len;
      } else if (tag) matched = len;
    }
    if (matched > 1) i += matched - 1;
  }
  const h = new Int32Array(H.Planes * n);
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    if (!lex[i]) lex[i] = f.lexicon;
    h[H.Lower * n + i] = f.hLower;
    h[H.Word * n + i] = f.hWord;
    h[H.Shape * n + i] = f.hShape;
    h[H.P3 * n + i] = f.p3;
    h[H.S2 * n + i] = f.s2;
    h[H.S3 * n + i] = f.s3;
    h[H.S4 * n + i] = f.s4;
    h[H.Gazetteer * n + i] = tagHash(gazetteer[i]!);
    h[H.Lexicon * n + i] = tagHash(lex[i]!);
    h[H.Fine * n + i] = f.fine;
    h[H.Coarse * n + i] = f.coarse;
  }
  return { words, lower, shapes, capitalised, gazetteer, lexicon: lex, capsLine, wordFacts: facts, h };
}

/** Feature templates: each feature is one of these combined with its values. */
const enum F {
  Bias = 1, Lower, Word, Shape, P3, S2, S3, S4, LowerPrev, LowerNext, LowerPrev2, LowerNext2, ShapePrev, ShapeNext, ShapeTri,
  BigramPrev, BigramNext, Gaz, GazPrev, GazNext, Lex, LexPrev, LexNext, GazLex, First, FirstShape, CapsLine, Run, RunLast,
  RunOrgHead, RunPlaceHead, RunBefore, RunPlaceCue, RunTitle, RunAfter, ApposPerson, ApposOrg, RunSaid,
  // Word classes (wordClasses.ts); added last, so the templates above keep their numbers.
  Fine, Coarse, CoarseShape, FinePrev, FineNext, CoarsePrev, CoarseNext, RunLastFine, RunBeforeCoarse,
}
const t1 = (template: F, a: number) => mix(template * 0x27d4eb2f, a);
const t2 = (template: F, a: number, b: number) => mix(mix(template * 0x27d4eb2f, a), b);
const t3 = (template: F, a: number, b: number, c: number) => mix(mix(mix(template * 0x27d4eb2f, a), b), c);

/** Token k's hash in a plane of SentenceFacts.h, or the sentence's start or end beyond it. */
const at = (h: Int32Array, plane: H, k: number, n: number) => (k < 0 ? H_START : k >= n ? H_END : h[plane * n + k]!);

/**
 * The features of token `i`, appended to `out` as hashes: the word, its shape and affixes, its
 * neighbours, what the gazetteer and the rule lexicons say about it, and the run of capitalised
 * words it belongs to (title or place cue before it, organisation or place head word in it, an
 * apposition or "said" after it).
 */
export function tokenFeatures(f: SentenceFacts, i: number, out: number[]): void {
  wordFeatures(f, i, out);
  contextFeatures(f, i, out);
}

/** The first features of a token: the bias and the word's own, which depend on nothing else (decode.ts sums them once per word). */
export function wordFeatures(f: SentenceFacts, i: number, out: number[]): void {
  const h = f.h;
  const n = f.words.length;
  out.push(
    F.Bias,
    t1(F.Lower, h[H.Lower * n + i]!),
    t1(F.Word, h[H.Word * n + i]!),
    t1(F.Shape, h[H.Shape * n + i]!),
    t1(F.P3, h[H.P3 * n + i]!),
    t1(F.S2, h[H.S2 * n + i]!),
    t1(F.S3, h[H.S3 * n + i]!),
    t1(F.S4, h[H.S4 * n + i]!),
    t1(F.Fine, h[H.Fine * n + i]!),
    t1(F.Coarse, h[H.Coarse * n + i]!),
    t2(F.CoarseShape, h[H.Coarse * n + i]!, h[H.Shape * n + i]!),
  );
}

/** The rest of a token's features, after its word features: its neighbours, the lexicons, its run of capitalised words. */
export function contextFeatures(f: SentenceFacts, i: number, out: number[]): void {
  const n = f.words.length;
  const h = f.h;
  const lower = h[H.Lower * n + i]!;
  const shape = h[H.Shape * n + i]!;
  const gazetteer = h[H.Gazetteer * n + i]!;
  const lexicon = h[H.Lexicon * n + i]!;
  out.push(
    t1(F.LowerPrev, at(h, H.Lower, i - 1, n)),
    t1(F.LowerNext, at(h, H.Lower, i + 1, n)),
    t1(F.LowerPrev2, at(h, H.Lower, i - 2, n)),
    t1(F.LowerNext2, at(h, H.Lower, i + 2, n)),
    t1(F.ShapePrev, at(h, H.Shape, i - 1, n)),
    t1(F.ShapeNext, at(h, H.Shape, i + 1, n)),
    t3(F.ShapeTri, at(h, H.Shape, i - 1, n), shape, at(h, H.Shape, i + 1, n)),
    t2(F.BigramPrev, at(h, H.Lower, i - 1, n), lower),
    t2(F.BigramNext, lower, at(h, H.Lower, i + 1, n)),
    t1(F.Gaz, gazetteer),
    t1(F.GazPrev, at(h, H.Gazetteer, i - 1, n)),
    t1(F.GazNext, at(h, H.Gazetteer, i + 1, n)),
    t1(F.Lex, lexicon),
    t1(F.LexPrev, at(h, H.Lexicon, i - 1, n)),
    t1(F.LexNext, at(h, H.Lexicon, i + 1, n)),
    t2(F.GazLex, gazetteer, lexicon),
    t1(F.FinePrev, at(h, H.Fine, i - 1, n)),
    t1(F.FineNext, at(h, H.Fine, i + 1, n)),
    t1(F.CoarsePrev, at(h, H.Coarse, i - 1, n)),
    t1(F.CoarseNext, at(h, H.Coarse, i + 1, n)),
  );
  if (i === 0) out.push(F.First, t1(F.FirstShape, shape));
  if (f.capsLine) out.push(F.CapsLine);
  if (!f.capitalised[i]) return;
  // Inside a run of capitalised words: what heads the run and what surrounds it.
  let end = i;
  while (end + 1 < n && (f.capitalised[end + 1] || (NAME_CONNECTORS.has(f.lower[end + 1]!) && end + 2 < n && f.capitalised[end + 2]))) end++;
  let start = i;
  while (start > 0 && f.capitalised[start - 1]) start--;
  out.push(
    t2(F.Run, Math.min(end - start + 1, 5), i === start ? 1 : i === end ? 2 : 3),
    t1(F.RunLast, h[H.Lower * n + end]!),
    t1(F.RunLastFine, h[H.Fine * n + end]!),
    t1(F.RunBeforeCoarse, at(h, H.Coarse, start - 1, n)),
  );
  if (f.lexicon[end] === 'orghead') out.push(F.RunOrgHead);
  if (f.lexicon[end] === 'placehead') out.push(F.RunPlaceHead);
  out.push(t1(F.RunBefore, at(h, H.Lower, start - 1, n)));
  const before = start > 0 ? f.lower[start - 1]! : '';
  if (PLACE_CUES_BEFORE.has(before)) out.push(F.RunPlaceCue);
  if (start > 0 && TITLES.has(bare(f.words[start - 1]!))) out.push(F.RunTitle);
  out.push(t1(F.RunAfter, at(h, H.Lower, end + 1, n)));
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
