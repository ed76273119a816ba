import { codePointsOf } from './offsets.js';

/**
 * How an export cites where a quote of evidence stands, as the report does: the article's title
 * with the page for a paged document (a PDF report, a scan), "Quarterly update, p. 2"; the title
 * alone for every other article.
 */
export const citedTitle = (title: string, page: number | null) => (page === null ? title : `${title}, p. ${page}`);

/** The page after a bare quote where no title is written beside it (a table cell, a graph edge): " (p. 2)", or nothing. */
export const pageSuffix = (page: number | null) => (page === null ? '' : ` (p. ${page})`);

/** A quote with where it stands, as FtM and KML write it beside a record: “…” — Quarterly update, p. 2. */
export const citedQuote = (quote: string, title: string, page: number | null) => `“${quote}” — ${citedTitle(title, page)}`;

/** A cited quote read back: the quote, and the title with any page written after it (a title may itself end in ", p. 2"). */
export function readCitedQuote(text: string): { quote: string; title: string; page: number | null } | null {
  const m = /^“([\s\S]+)” — ([\s\S]+)$/.exec(text.trim());
  if (!m) return null;
  const paged = /^([\s\S]+), p\. (\d+)$/.exec(m[2]!);
  return { quote: m[1]!, title: m[2]!, page: paged ? Number(paged[2]) : null };
}

/**
 * Where a quote stands, for an import to put it back on the same words (a title is not unique and a
 * quote may occur twice): the article by its text's fingerprint, as W3C names it, and the span in
 * code points as an RFC 5147 fragment, "urn:awb:article:3f…#char=120,180".
 */
export const quoteSource = (fingerprint: string, start: number, end: number) => `urn:awb:article:${fingerprint}#char=${start},${end}`;

/**
 * The source of each quote an export writes, for the articles in the export (null for one outside
 * it, which the cited title alone then names).
 */
export function quoteSources(model: { articles: { id: number; fingerprint: string }[]; body: (articleId: number) => string }): (x: { articleId: number; start: number; end: number }) => string | null {
  const fingerprints = new Map(model.articles.map((a) => [a.id, a.fingerprint]));
  const codePoints = codePointsOf(model.body);
  return (x) => {
    const fingerprint = fingerprints.get(x.articleId);
    if (fingerprint === undefined) return null;
    const at = codePoints(x.articleId);
    return quoteSource(fingerprint, at(x.start), at(x.end));
  };
}

/** A quote's source read back; null for anything else. */
export function readQuoteSource(text: string): { fingerprint: string; start: number; end: number } | null {
  const m = /^urn:awb:article:([0-9a-f]{8,128})#char=(\d{1,9}),(\d{1,9})$/i.exec(text.trim());
  return m && Number(m[2]) <= Number(m[3]) ? { fingerprint: m[1]!.toLowerCase(), start: Number(m[2]), end: Number(m[3]) } : null;
}
