/**
 * The workspace's memory of decided names: what the analyst marked as a name of one type, and what
 * they rejected as a type. The adapted weights (adapt.ts) learn from decisions too, but a few
 * perceptron steps only nudge a model trained on tens of thousands of sentences: how far depends
 * on the shipped weights, so a better shipped model could forget the analyst. The memory makes the
 * decisions hold whatever the weights say, as constraints on decoding (decode.ts):
 * - a name marked as one type is read as that type wherever it stands on its own (not inside a
 *   longer run of capitalised words: "Kabul" marked as a place says nothing of "Kabul University");
 * - a rejected name is never read again as the rejected type with exactly that span (a longer name
 *   around it, or another type, stay open), unless the analyst's later marking says otherwise.
 */
import { NAME_CONNECTORS, type SentenceFacts } from './features.js';
import { NAME_TYPES, type NameType } from './model.js';

export interface NameMemory {
  /** Words of a name (as the features read them, joined by spaces) → the one type the analyst gives it. */
  marked: Map<string, NameType>;
  /** Words of a name → the types the analyst rejected it as. */
  rejected: Map<string, NameType[]>;
}

/** A name in a sentence, as a token range [from, to] inclusive. */
export interface NameSpan {
  from: number;
  to: number;
  type: NameType;
}

/** One decided sentence as the memory reads it. */
export interface SentenceDecisions {
  /** Words as the features read them (SentenceFacts.words), and whether each is capitalised. */
  words: readonly string[];
  capitalised: readonly boolean[];
  /** Names the analyst accepted or marked. */
  marked: readonly NameSpan[];
  /** Suggestions the analyst rejected. */
  rejected: readonly NameSpan[];
  /** Per word: whether the analyst left it outside any name (a gold "O"), as opposed to not reviewed. */
  outside: readonly boolean[];
}

const key = (words: readonly string[], from: number, to: number) => words.slice(from, to + 1).join(' ');

/**
 * The memory of a workspace's decisions, `sentences` newest first (as the learner reads them): for
 * a name and a type decided both ways, the newer decision stands; in one sentence a mark outweighs
 * a rejection. A name is remembered as marked only when it opens with a capital ("eastern Kunar"
 * describes a part of a place), has one marked type and was marked more often than it was left
 * outside a name in the decided sentences (so a word that is a name only now and then is left to
 * the model).
 */
export function nameMemory(sentences: readonly SentenceDecisions[]): NameMemory {
  // Per name: the last decision per type (true: marked, false: rejected), and counts.
  const last = new Map<string, Map<NameType, boolean>>();
  const markedCount = new Map<string, number>();
  for (let s = sentences.length - 1; s >= 0; s--) {
    const sentence = sentences[s]!;
    for (const span of sentence.rejected) decide(last, key(sentence.words, span.from, span.to), span.type, false);
    for (const span of sentence.marked) {
      if (!sentence.capitalised[span.from] || !hasWord(sentence.words, span)) continue;
      const k = key(sentence.words, span.from, span.to);
      decide(last, k, span.type, true);
      markedCount.set(k, (markedCount.get(k) ?? 0) + 1);
    }
  }
  const unmarked = countLeftOutside(sentences, markedCount);
  const marked = new Map<string, NameType>();
  const rejected = new Map<string, NameType[]>();
  for (const [k, byType] of [...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const types = NAME_TYPES.filter((t) => byType.get(t) === true);
    const no = NAME_TYPES.filter((t) => byType.get(t) === false);
    if (types.length === 1 && (markedCount.get(k) ?? 0) > (unmarked.get(k) ?? 0)) marked.set(k, types[0]!);
    if (no.length) rejected.set(k, no);
  }
  return { marked, rejected };
}

/**
 * Whether a span holds a word of two letters or more. Pieces of a dotted abbreviation split into
 * tokens ("U", "S" and "." of "U . S .") are no names on their own: remembered, they broke every
 * "U . S . Patent Office" into single letters.
 */
function hasWord(words: readonly string[], span: NameSpan): boolean {
  for (let i = span.from; i <= span.to; i++) if ((words[i]!.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2) return true;
  return false;
}

function decide(last: Map<string, Map<NameType, boolean>>, k: string, type: NameType, marked: boolean): void {
  let byType = last.get(k);
  if (!byType) last.set(k, (byType = new Map()));
  byType.set(type, marked);
}

/**
 * How often each marked name's words stand in a decided sentence with every word left outside a name.
 * A suggestion the analyst rejected there is not "left outside": it is a decision about a type, and
 * between a rejection and a mark of the same name the newer stands (nameMemory).
 */
function countLeftOutside(sentences: readonly SentenceDecisions[], names: Map<string, number>): Map<string, number> {
  const index = indexOf([...names.keys()]);
  const counts = new Map<string, number>();
  for (const s of sentences) {
    forEachMatch(s.words, index, (from, to, k) => {
      if (s.rejected.some((r) => r.from === from && r.to === to)) return;
      for (let i = from; i <= to; i++) if (!s.outside[i]) return;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    });
  }
  return counts;
}

interface MemoryIndex {
  firstWords: Set<string>;
  keys: Set<string>;
  maxWords: number;
}

function indexOf(keys: readonly string[]): MemoryIndex {
  const index: MemoryIndex = { firstWords: new Set(), keys: new Set(keys), maxWords: 0 };
  for (const k of keys) {
    const words = k.split(' ');
    index.firstWords.add(words[0]!);
    index.maxWords = Math.max(index.maxWords, words.length);
  }
  return index;
}

/** Every occurrence of a remembered name in the words, longest first at each position. */
function forEachMatch(words: readonly string[], index: MemoryIndex, found: (from: number, to: number, key: string) => void): void {
  const n = words.length;
  for (let i = 0; i < n; i++) {
    if (!index.firstWords.has(words[i]!)) continue;
    for (let len = Math.min(index.maxWords, n - i); len >= 1; len--) {
      const k = key(words, i, i + len - 1);
      if (index.keys.has(k)) found(i, i + len - 1, k);
    }
  }
}

// Built once per memory (a worker receives a copy of the model and builds its own).
const indexes = new WeakMap<NameMemory, { marked: MemoryIndex; rejected: MemoryIndex }>();

export const isEmptyMemory = (memory: NameMemory | undefined): boolean => !memory || (memory.marked.size === 0 && memory.rejected.size === 0);

/**
 * What the memory says about one sentence: the names to read as marked (standing on their own, not
 * overlapping each other; the leftmost, then longest, wins) and the spans not to read as a type.
 */
export function recall(memory: NameMemory, facts: SentenceFacts): { marked: NameSpan[]; rejected: NameSpan[] } {
  let index = indexes.get(memory);
  if (!index) indexes.set(memory, (index = { marked: indexOf([...memory.marked.keys()]), rejected: indexOf([...memory.rejected.keys()]) }));
  const marked: NameSpan[] = [];
  forEachMatch(facts.words, index.marked, (from, to, k) => {
    if (marked.some((m) => from <= m.to) || !standsAlone(facts, from, to)) return;
    marked.push({ from, to, type: memory.marked.get(k)! });
  });
  const rejected: NameSpan[] = [];
  forEachMatch(facts.words, index.rejected, (from, to, k) => {
    for (const type of memory.rejected.get(k)!) rejected.push({ from, to, type });
  });
  return { marked, rejected };
}

/**
 * Whether words [from, to] are a whole run of capitalised words: no capitalised word (or connector
 * and capitalised word) joins them on either side. A sentence's first word is capitalised whatever
 * it is: an everyday opener there ("The", "In") does not join; any other word may be a name's start
 * ("US Marines").
 */
function standsAlone(f: SentenceFacts, from: number, to: number): boolean {
  const n = f.words.length;
  if (to + 1 < n && (f.capitalised[to + 1] || (NAME_CONNECTORS.has(f.lower[to + 1]!) && to + 2 < n && f.capitalised[to + 2]))) return false;
  if (from > 0 && f.capitalised[from - 1] && !(from === 1 && SENTENCE_OPENERS.has(f.lower[0]!))) return false;
  if (from > 1 && NAME_CONNECTORS.has(f.lower[from - 1]!) && f.capitalised[from - 2]) return false;
  return true;
}

const SENTENCE_OPENERS = new Set(
  `the a an this that these those some many most all both each every no one two three his her its their our my your
  in on at by for from to with of into after before since during under over about against among between across
  but and or so yet as if when while where although though because once until unless
  he she it they we i you there here then now also still meanwhile however`.split(/\s+/),
);

/** The memory as plain JSON (sorted, so the same memory always gives the same bytes). */
export function memoryToJson(memory: NameMemory): string {
  return JSON.stringify({ marked: [...memory.marked].sort(byKey), rejected: [...memory.rejected].sort(byKey) });
}

export function memoryFromJson(json: string): NameMemory {
  let data: { marked?: unknown; rejected?: unknown };
  try {
    data = JSON.parse(json) as typeof data;
  } catch {
    throw new Error('its memory of decided names is not readable');
  }
  const isType = (t: unknown): t is NameType => NAME_TYPES.includes(t as NameType);
  if (!Array.isArray(data.marked) || !Array.isArray(data.rejected)) throw new Error('it has no memory of decided names');
  const marked = new Map<string, NameType>();
  for (const entry of data.marked as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isType(entry[1])) throw new Error('a name in its memory of decided names is not readable');
    marked.set(entry[0], entry[1]);
  }
  const rejected = new Map<string, NameType[]>();
  for (const entry of data.rejected as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]) || !entry[1].every(isType)) throw new Error('a rejected name in its memory is not readable');
    rejected.set(entry[0], entry[1] as NameType[]);
  }
  return { marked, rejected };
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
