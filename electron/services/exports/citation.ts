/**
 * How an export cites where a quote of evidence stands, as the report does: the article's title
 * with the page for a paged document (a PDF report, a scan), "Quarterly update, p. 2"; the title
 * alone for every other article.
 */
export const citedTitle = (title: string, page: number | null) => (page === null ? title : `${title}, p. ${page}`);

/** The page after a bare quote where no title is written beside it (a table cell, a graph edge): " (p. 2)", or nothing. */
export const pageSuffix = (page: number | null) => (page === null ? '' : ` (p. ${page})`);
