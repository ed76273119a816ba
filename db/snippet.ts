import { highlightRanges } from './ftsQuery.js';

/** Marks around a hit, as FTS5's snippet() is asked to put them (see renderer/components/Snippet.tsx). */
const OPEN = '\u0002';
const CLOSE = '\u0003';
const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * A snippet of `body` around the hits of `search`, in the form FTS5's snippet() gives: about
 * `tokens` words with the hits marked, '…' where text was left out. Built here for searches with a
 * prefix term ("gover*"): FTS5 reads such a term's every match in the workspace to make the snippet
 * of one article (430 ms for a page of 50 at 100,000 articles, against 10 ms for the page's ids).
 */
export function snippetOf(body: string, search: string, tokens = 14): string {
  const allHits = highlightRanges(body, search);
  // A long text (a report of hundreds of pages) is cut into words only around its best run of hits.
  const [from, to] = body.length <= LONG ? [0, body.length] : regionOf(body, allHits);
  const words = [...body.slice(from, to).matchAll(WORD)].map((m) => [from + m.index, from + m.index + m[0].length] as const);
  if (words.length === 0) return '';
  const hits = allHits.filter(([s, e]) => s >= from && e <= to);
  // The word each hit starts in, in order.
  const hitWords: number[] = [];
  let w = 0;
  for (const [start] of hits) {
    while (w < words.length - 1 && words[w]![1] <= start) w++;
    hitWords.push(w);
  }
  // The window of `tokens` words that holds the most hits, then centred on them, as FTS5 does.
  let first = 0;
  if (hitWords.length > 0) {
    let best = 0;
    let bestFrom = 0;
    let last = 0;
    for (let i = 0; i < hitWords.length; i++) {
      last = Math.max(last, i);
      while (last + 1 < hitWords.length && hitWords[last + 1]! < hitWords[i]! + tokens) last++;
      if (last - i + 1 > best) {
        best = last - i + 1;
        bestFrom = i;
      }
    }
    const firstHit = hitWords[bestFrom]!;
    const lastHit = hitWords[bestFrom + best - 1]!;
    first = Math.max(0, Math.min(firstHit - Math.floor((tokens - (lastHit - firstHit + 1)) / 2), words.length - tokens));
  }
  const end = Math.min(words.length, first + tokens);
  // At either end of the text the window takes what lies beyond its last word (a full stop), as FTS5's does.
  const textFrom = first === 0 && from === 0 ? 0 : words[first]![0];
  const textTo = end === words.length && to === body.length ? body.length : words[end - 1]![1];
  let out = textFrom > 0 ? '…' : '';
  let at = textFrom;
  for (const [s, e] of hits) {
    if (e <= textFrom || s >= textTo) continue;
    const hs = Math.max(s, textFrom);
    const he = Math.min(e, textTo);
    out += body.slice(at, hs) + OPEN + body.slice(hs, he) + CLOSE;
    at = he;
  }
  out += body.slice(at, textTo);
  return textTo < body.length ? `${out}…` : out;
}

/** Characters of text cut into words whole; a longer one only around its hits (regionOf). */
const LONG = 20_000;
/** Characters on either side of the best run of hits that a long text's snippet is looked for in. */
const REACH = 1_000;
/** How close hits must be to count as one run: about the snippet's length in characters. */
const RUN_CHARS = 120;

/** The part of a long text around its densest run of hits (its opening without hits), cut at non-word characters. */
function regionOf(body: string, hits: readonly [number, number][]): [number, number] {
  let best = 0;
  let bestAt = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    j = Math.max(j, i);
    while (j + 1 < hits.length && hits[j + 1]![0] < hits[i]![0] + RUN_CHARS) j++;
    if (j - i + 1 > best) {
      best = j - i + 1;
      bestAt = hits[i]![0];
    }
  }
  let from = Math.max(0, bestAt - REACH);
  let to = Math.min(body.length, bestAt + REACH);
  // Not inside a word: a cut word would read as a word of its own.
  while (from > 0 && /[\p{L}\p{N}_]/u.test(body[from - 1]!)) from--;
  while (to < body.length && /[\p{L}\p{N}_]/u.test(body[to]!)) to++;
  return [from, to];
}
