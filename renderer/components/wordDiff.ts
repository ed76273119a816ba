/** One run of a word-level comparison: text both copies share, or text only one of them has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Above this many word pairs (after the shared start and end are set aside) the comparison is made
 * paragraph by paragraph instead: the table of common subsequences grows as the product of the lengths.
 */
const MAX_CELLS = 4_000_000;

/** Words with the spacing that follows them, so joining the parts gives the texts back exactly. */
const wordsOf = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
const paragraphsOf = (text: string) => text.match(/[^\n]*\n*/g)?.filter(Boolean) ?? [];

/**
 * What changed from `before` to `after`, word by word: the longest common subsequence of their
 * words, with the shared start and end set aside first (copies differ in a few places).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  if (a.length * b.length > MAX_CELLS) return merge(diffUnits(paragraphsOf(before), paragraphsOf(after)));
  return merge(diffUnits(a, b));
}

function diffUnits(a: string[], b: string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffPart[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: DiffPart[] = a.slice(endA).map((text) => ({ kind: 'same', text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of x[i..] and y[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const middle: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      middle.push({ kind: 'same', text: x[i++]! });
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) middle.push({ kind: 'removed', text: x[i++]! });
    else middle.push({ kind: 'added', text: y[j++]! });
  }
  while (i < n) middle.push({ kind: 'removed', text: x[i++]! });
  while (j < m) middle.push({ kind: 'added', text: y[j++]! });
  return [...head, ...middle, ...tail];
}

/** Neighbouring parts of one kind joined, so a changed phrase is one mark, not one per word. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
