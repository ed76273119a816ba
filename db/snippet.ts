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
  const words = [...body.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length] as const);
  if (words.length === 0) return '';
  const hits = highlightRanges(body, search);
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
    const from = hitWords[bestFrom]!;
    const to = hitWords[bestFrom + best - 1]!;
    first = Math.max(0, Math.min(from - Math.floor((tokens - (to - from + 1)) / 2), words.length - tokens));
  }
  const end = Math.min(words.length, first + tokens);
  // At either end of the text the window takes what lies beyond its last word (a full stop), as FTS5's does.
  const textFrom = first === 0 ? 0 : words[first]![0];
  const textTo = end === words.length ? body.length : words[end - 1]![1];
  let out = first > 0 ? '…' : '';
  let at = textFrom;
  for (const [s, e] of hits) {
    if (e <= textFrom || s >= textTo) continue;
    const hs = Math.max(s, textFrom);
    const he = Math.min(e, textTo);
    out += body.slice(at, hs) + OPEN + body.slice(hs, he) + CLOSE;
    at = he;
  }
  out += body.slice(at, textTo);
  return end < words.length ? `${out}…` : out;
}
