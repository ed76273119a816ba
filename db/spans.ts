/** Characters of context kept on each side of a quoted span (W3C TextQuote prefix/suffix). */
export const CONTEXT = 32;

/** A span of article text as stored: the quote and a little context, so it can be re-anchored. */
export function quoteSpan(body: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  return { quote: body.slice(start, end), prefix: body.slice(Math.max(0, start - CONTEXT), start), suffix: body.slice(end, end + CONTEXT) };
}

/** The same, in the column order of the span tables: quote, prefix, suffix. */
export function spanColumns(body: string, start: number, end: number): [string, string, string] {
  const { quote, prefix, suffix } = quoteSpan(body, start, end);
  return [quote, prefix, suffix];
}
