import { expandPrefixes, withTemporary } from './ftsPrefixes.js';
import type { Db } from './open.js';

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

/** An empty table of the index's columns and tokenizer: a query that parses there parses against the index. */
const SYNTAX_TABLE = 'temp.article_fts_syntax';

/**
 * The analyst's search as an FTS5 query. FTS5 syntax is used as typed (phrases, prefix*, AND/OR/NOT,
 * parentheses); when it does not parse (a stray quote, a hyphen, a colon) every word is searched as
 * a plain term instead, so typing never produces an error. Prefixes longer than the index keeps are
 * written as their terms (see expandPrefixes).
 */
export function toFtsQuery(db: Db, raw: string): string | null {
  const query = raw.trim();
  if (!query) return null;
  if (parses(db, query)) return expandPrefixes(db, query);
  const words = query.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  const terms = words.filter((w) => !OPERATORS.has(w)).map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`));
  return terms.length ? expandPrefixes(db, terms.join(' AND ')) : null;
}

/**
 * Whether FTS5 accepts the query. Asked of an empty twin of the index: asked of the index itself,
 * a prefix it keeps no entries for is evaluated in full just to say that it parses.
 */
function parses(db: Db, query: string): boolean {
  const table = withTemporary(db, SYNTAX_TABLE, "fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')") ? SYNTAX_TABLE : 'article_fts';
  try {
    db.prepare(`SELECT 1 FROM ${table} WHERE ${table.replace('temp.', '')} MATCH ? LIMIT 1`).get(query);
    return true;
  } catch {
    return false;
  }
}

/** Terms to highlight in the reader: phrases and words of the query, operators left out. */
export function highlightTerms(raw: string): { text: string; prefix: boolean }[] {
  const terms: { text: string; prefix: boolean }[] = [];
  const re = /"([^"]+)"(\*)?|([\p{L}\p{N}_]+)(\*)?/gu;
  for (const m of raw.matchAll(re)) {
    if (m[1]) terms.push({ text: m[1], prefix: !!m[2] });
    else if (m[3] && !OPERATORS.has(m[3])) terms.push({ text: m[3], prefix: !!m[4] });
  }
  return terms;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function highlightRanges(body: string, raw: string): [number, number][] {
  const terms = highlightTerms(raw);
  if (terms.length === 0) return [];
  const pattern = terms
    .map((t) => {
      const words = t.text.trim().split(/[^\p{L}\p{N}_]+/u).filter(Boolean).map(escape);
      return `(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}${t.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
    })
    .join('|');
  const ranges: [number, number][] = [];
  for (const m of body.matchAll(new RegExp(pattern, 'giu'))) {
    if (m[0].length) ranges.push([m.index, m.index + m[0].length]);
    if (ranges.length >= 5000) break;
  }
  return ranges;
}
