import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';
import { dropSuggestion, type PendingPlace } from '../placeLinks.js';
import type { NameMemory } from './memory.js';

/**
 * "the Toronto Star", "the Edmonton Sun", "the San Francisco Chronicle", "the Daily Mail", "China Daily": a paper is
 * named by its town, province or country (or by when it comes out) and a word for what it is. News
 * quotes papers all the time; the tagger, which saw many towns and few papers, read the town alone,
 * or the whole, as a place, or read nothing at all. Such a name, capitalised, with no capitalised word
 * after it ("Afghanistan Standard Time"), is one organisation.
 */
const PAPER = /(?<=\p{L}[ \t]+)(?:Daily|News|Star|Sun|Globe|Mail|Chronicle|Observer|Examiner|Inquirer|Enquirer|Dispatch|Courier|Citizen|Standard|Independent|Guardian|Mirror|Bulletin|Register|Sentinel|Express|Advertiser|Statesman|Tribune|Herald|Journal|Gazette|Telegraph|Times|Post)(?![\p{L}\p{N}'’-]|[ \t]+\p{Lu})/gu;
/** Up to four capitalised words right before the paper's word (looked for only where one was found: cheap). */
const WORDS_BEFORE = /(?<![\p{L}\p{N}'’.-])(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,4}$/u;
const PAPER_CONFIDENCE = 0.7;
const WORD = /[^ \t]+/gu;
const WORD_CHARACTER = /[\p{L}\p{N}'’.-]/u;
/** Words that say when a paper comes out, before or after its town's name or instead of it: "the Sydney Morning Herald". */
const ISSUE = /^(?:Daily|Sunday|Evening|Morning|Weekly|Financial)$/u;
/** A town of this many people may have a paper of its own name; a hamlet is more often a word that looks like one. */
const TOWN = 50_000;

/** Adds each paper's name; `suggestions` and `places` are changed in place. */
export function newspapersNamedByTheirTown(
  text: string,
  suggestions: Suggestion[],
  places: PendingPlace[],
  context: ExtractContext,
  taken: (start: number, end: number) => boolean,
  memory: NameMemory | undefined,
): void {
  for (const m of text.matchAll(PAPER)) {
    const from = Math.max(0, m.index - 80);
    const before = WORDS_BEFORE.exec(text.slice(from, m.index));
    if (!before) continue;
    const words = [...before[0].matchAll(WORD)];
    // Cut mid-word at the window's start: that word is not whole.
    if (before.index === 0 && from > 0 && WORD_CHARACTER.test(text[from - 1]!)) words.shift();
    const end = m.index + m[0].length;
    // The longest run of words before the paper's word that names a place or an issue.
    const found = words.findIndex((_, first) => namesATownOrAnIssue(words.slice(first).map((w) => w[0]), context));
    if (found < 0) continue;
    const start = from + before.index + words[found]!.index;
    const name = text.slice(start, end);
    // The analyst's confirmed names have claimed their spans already.
    if (taken(start, end) || memory?.rejected.get(name)?.includes('ORG')) continue;
    const over = suggestions.filter((s) => s.start < end && s.end > start);
    // A longer name around it ("the Toronto Star Weekly Awards") stays as read.
    if (over.some((s) => s.start < start || s.end > end)) continue;
    const confidence = Math.max(PAPER_CONFIDENCE, ...over.filter((s) => s.type === 'organisation').map((s) => s.confidence));
    const reason = `a newspaper: a place's name and "${m[0]}"`;
    const same = over.find((s) => s.start === start && s.end === end && s.type === 'organisation');
    if (same) {
      if (same.confidence < PAPER_CONFIDENCE) Object.assign(same, { confidence, reason });
      continue;
    }
    for (const s of over) dropSuggestion(suggestions, places, s);
    suggestions.push({ start, end, text: name, type: 'organisation', confidence, reason });
  }
}

function namesATownOrAnIssue(words: string[], context: ExtractContext): boolean {
  // "the Daily Mail", "the Sydney Morning Herald".
  const place = words.filter((w, i) => !ISSUE.test(w) || (i > 0 && i < words.length - 1));
  if (!place.length) return words.length === 1;
  const name = place.join(' ');
  const key = nameKey(name);
  if (context.gazetteer.countryByName.has(key) || context.gazetteer.demonyms.has(key)) return true;
  return context.gazetteer.lookup(name).some((p) => nameKey(p.name) === key && (p.kind !== 'city' || p.population >= TOWN));
}
