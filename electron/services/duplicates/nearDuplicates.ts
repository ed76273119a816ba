/**
 * Near-duplicate stories: the same wire copy in twenty outlets, an update, the same text pasted
 * twice under another headline. Each text becomes a set of word 5-gram shingles (hashed to 32
 * bits); a MinHash signature of that set is cut into LSH bands, and two articles that share a band
 * are candidates. Candidates are only candidates: a pair is called a copy after an exact check of
 * their shingle sets and of the names they give, because two different reports of the same battle
 * share names, places and a quoted statement, templated reports share all but their names and
 * figures, and precision matters more here than recall.
 */

/** Words per shingle: long enough that "the Taliban said on Sunday" alone makes no match. */
export const SHINGLE_WORDS = 5;
/**
 * Bands × rows: a pair at Jaccard 0.8 shares a band with probability ≈ 0.9996, at 0.7 ≈ 0.97, at
 * 0.6 ≈ 0.80, at 0.5 ≈ 0.47, at 0.2 ≈ 0.006. Five rows, not three or four: in collections where
 * many articles share a paragraph or two (J 0.1–0.25; the bench articles, built from a small pool
 * of sentences, are an extreme case) fewer rows bring tens of candidates per article at 10,000
 * articles and hundreds at 100,000, each read back and compared. Wire copies differ by a headline,
 * a byline and a few words (J ≥ 0.7); copies with heavier edits (an update, a cut) are found
 * through a closer copy of the same story, since a story is every article linked by a copy.
 */
export const BANDS = 20;
export const ROWS = 5;
const HASHES = BANDS * ROWS;

/**
 * Texts with fewer shingles than this are never grouped: a caption or a two-line brief shares
 * too much boilerplate with unrelated items to say anything. (Exact copies are still caught by the
 * fingerprint.)
 */
export const MIN_SHINGLES = 20;
/**
 * Share of the union both copies have in common (Jaccard). Measured on tests/fixtures/neardup:
 * copies with edits ≥ 0.29, different stories about the same battle ≤ 0.11.
 */
export const MIN_JACCARD = 0.3;
/**
 * Share of the shorter text found in the longer one (containment), for a cut or an update: the
 * shorter copy must still be at least MIN_LENGTH_RATIO of the longer one, or a brief quoted in a
 * long feature would make the feature a copy of the brief.
 */
export const MIN_CONTAINMENT = 0.6;
export const MIN_LENGTH_RATIO = 0.4;
/**
 * Share of the shorter text's names (capitalised words inside sentences, numbers) found in the
 * longer one. Copies keep their names (≥ 0.8 on the fixtures); templated reports that share all
 * their wording but name another town and other figures do not (0.6).
 */
export const MIN_NAMES = 0.75;

/** Murmur3's finaliser: a cheap 32-bit mix with good avalanche. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds, so signatures stored in a workspace stay comparable across runs and versions. */
const BIN_SEED = 0x9e3779b9;
const VALUE_SEED = 0x6d2b79f5;

/** Word characters: ASCII letters and digits, and anything above Latin-1 punctuation outside the General Punctuation block. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c <= 0xbf) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xd7 && c !== 0xf7;
}

/** A text's words, hashed (32 bits, case folded), and the distinct hashes of its names. */
export interface Tokens {
  words: Uint32Array;
  /** Capitalised words not at the start of a sentence, and numbers: what a story is about, sorted. */
  names: Uint32Array;
}

/** Splits a text into words in one pass, building no strings. */
export function tokensOf(text: string): Tokens {
  const words = new Uint32Array(Math.ceil(text.length / 2) + 1);
  const names = new Uint32Array(words.length);
  let n = 0;
  let m = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  let named = false;
  let sentenceStart = true;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    let upper = false;
    if (c >= 65 && c <= 90) {
      c += 32;
      upper = true;
    } else if (c > 0xbf) {
      const lower = String.fromCharCode(c).toLowerCase();
      if (lower.length === 1 && lower.charCodeAt(0) !== c) {
        c = lower.charCodeAt(0);
        upper = true;
      }
    }
    if (isWordChar(c)) {
      if (!inWord) named = (upper && !sentenceStart) || (c >= 48 && c <= 57);
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) {
      words[n++] = h >>> 0;
      if (named) names[m++] = h >>> 0;
      h = 0x811c9dc5;
      inWord = false;
      sentenceStart = false;
    }
    // A sentence starts after . ! ? : or a line break; quotes and spaces in between do not end it.
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) sentenceStart = true;
  }
  // A copy of its own: a view would carry its whole buffer (two bytes a character) to the core with it (see storySignature).
  return { words: words.subarray(0, n), names: sortedUnique(names.subarray(0, m)).slice() };
}

function sortedUnique(values: Uint32Array): Uint32Array {
  values.sort();
  let unique = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[unique++] = values[i]!;
  return values.subarray(0, unique);
}

/** What two texts are compared on: their distinct shingle hashes and name hashes, both sorted (so sets intersect by a merge). */
export interface StoryText {
  shingles: Uint32Array;
  names: Uint32Array;
}

export function storyTextOf(text: string): StoryText {
  const { words, names } = tokensOf(text);
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix((h ^ words[i + k]!) + k);
    shingles[i] = h;
  }
  return { shingles: sortedUnique(shingles), names };
}

/**
 * The MinHash signature, by one-permutation hashing: each shingle is hashed once into one of
 * HASHES bins and each bin keeps its smallest value (cost O(shingles), not O(shingles × HASHES)).
 * Empty bins (short texts) borrow from the next filled bin, marked by the distance, so two texts
 * with the same filled bins get the same signature (Shrivastava's rotation densification).
 */
export function minHashOf(shingles: Uint32Array): Uint32Array {
  const EMPTY = 0xffffffff;
  const bins = new Uint32Array(HASHES).fill(EMPTY);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i]!;
    const bin = mix(x ^ BIN_SEED) % HASHES;
    const value = mix(x ^ VALUE_SEED);
    if (value < bins[bin]!) bins[bin] = value;
  }
  const signature = new Uint32Array(bins);
  for (let i = 0; i < HASHES; i++) {
    if (bins[i] !== EMPTY) continue;
    for (let d = 1; d < HASHES; d++) {
      const from = bins[(i + d) % HASHES]!;
      if (from !== EMPTY) {
        signature[i] = mix(from + d);
        break;
      }
    }
  }
  return signature;
}

/** One key per band (the band's number mixed in, so equal values in different bands never meet). */
export function bandKeysOf(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[b * ROWS + r]!);
    keys.push(h);
  }
  return keys;
}

/**
 * What is kept for an article: its text's sets, its MinHash and LSH band keys (none for a text too
 * short to be grouped). Made where a file is parsed (a parsing worker, see extract/article.ts
 * parsedOf) and posted to the core with the article: the core's thread stores every article of an
 * import, and this was a tenth of its time per article.
 */
export interface StorySignature {
  text: StoryText;
  minHash: Uint32Array | null;
  bands: number[];
}

/** About what a signature holds in memory, for a budget of articles read ahead (imports.ts). */
export function signatureBytes({ text, minHash, bands }: StorySignature): number {
  return text.shingles.byteLength + text.names.byteLength + (minHash?.byteLength ?? 0) + bands.length * 8;
}

export function storySignature(text: string): StorySignature {
  const story = storyTextOf(text);
  if (story.shingles.length < MIN_SHINGLES) return { text: story, minHash: null, bands: [] };
  const minHash = minHashOf(story.shingles);
  return { text: story, minHash, bands: bandKeysOf(minHash) };
}

/** Share of equal positions in two MinHash signatures: an unbiased estimate of the Jaccard resemblance. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/**
 * The estimate's spread is about 0.05 at the thresholds with 100 hashes: a copy at the lowest
 * Jaccard accepted is lost to the estimate about once in 40, and pairs sharing a paragraph or two
 * (Jaccard 0.1–0.2, the bulk of candidates in wire-heavy collections) mostly stop here.
 */
const ESTIMATE_SLACK = 0.1;

/**
 * Whether a candidate is worth the exact check, from the MinHash estimate and both texts' sizes:
 * pairs that merely share a paragraph or two (common in wire-heavy collections) stop here, before
 * the candidate's text is read.
 */
export function mayBeCopies(jaccard: number, shinglesA: number, shinglesB: number): boolean {
  if (jaccard >= MIN_JACCARD - ESTIMATE_SLACK) return true;
  const smaller = Math.min(shinglesA, shinglesB);
  const larger = Math.max(shinglesA, shinglesB);
  if (smaller < MIN_LENGTH_RATIO * larger) return false;
  // |A ∩ B| = J (|A| + |B|) / (1 + J)
  const containment = (jaccard * (shinglesA + shinglesB)) / (1 + jaccard) / Math.max(1, smaller);
  return containment >= MIN_CONTAINMENT - ESTIMATE_SLACK;
}

export interface Resemblance {
  jaccard: number;
  containment: number;
  lengthRatio: number;
}

/** Exact resemblance of two sorted sets. */
export function resemblance(a: Uint32Array, b: Uint32Array): Resemblance {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const smaller = Math.min(a.length, b.length);
  const larger = Math.max(a.length, b.length);
  return {
    jaccard: common / Math.max(1, a.length + b.length - common),
    containment: common / Math.max(1, smaller),
    lengthRatio: smaller / Math.max(1, larger),
  };
}

/** The verdict: the same story told twice, with edits. */
export function areCopies(a: StoryText, b: StoryText): boolean {
  if (a.shingles.length < MIN_SHINGLES || b.shingles.length < MIN_SHINGLES) return false;
  const wording = resemblance(a.shingles, b.shingles);
  const similar = wording.jaccard >= MIN_JACCARD || (wording.containment >= MIN_CONTAINMENT && wording.lengthRatio >= MIN_LENGTH_RATIO);
  // A text without a single name (all lower case) is judged on its wording alone.
  const named = Math.min(a.names.length, b.names.length) > 0;
  return similar && (!named || resemblance(a.names, b.names).containment >= MIN_NAMES);
}
