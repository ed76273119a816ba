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
