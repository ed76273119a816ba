/**
 * Analyst and article text is data. Whatever opens our files (a Markdown viewer that does not
 * sanitise, Google Earth's HTML balloons, a threat-intel platform that makes links clickable, a
 * spreadsheet) must show that text as text, never run or follow it.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** A URL we may write as a link: http, https or mailto only; anything else (javascript:, data:, file:, relative) is left out. */
export function safeUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return null;
  // A control character or a space could split the link in a viewer that does not parse URLs as strictly.
  return /[\u0000-\u0020\u007F]/.test(trimmed) ? null : trimmed;
}

/** A Wikidata id as Wikidata writes it (Q123), or nothing: it is put into a URL. */
export const wikidataId = (id: string | null | undefined): string | null => (id && /^Q\d+$/.test(id) ? id : null);

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text for one line of Markdown (a heading, a table cell, a quote): every character that Markdown
 * or the HTML inside it would read as syntax is escaped, so it renders as exactly this text. Line
 * breaks become spaces; a leading "#", "-", "+", "=" or "1." is escaped so no heading or list starts.
 */
export function mdText(s: string | number | null | undefined): string {
  const text = String(s ?? '')
    .replace(CONTROL, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    // GitHub-flavoured Markdown turns bare addresses into links: an escaped ":" in "://", "." in
    // "www." and "@" of an address read the same but start no link.
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  return text.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Paragraphs of free text (a summary) as Markdown paragraphs: each line escaped, blank lines kept between paragraphs. */
export function mdParagraphs(s: string): string[] {
  return s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) =>
      p
        .split('\n')
        .map((line) => mdText(line.trim()))
        .filter(Boolean)
        .join('  \n'),
    );
}

/** Text HTML may carry as text: the five characters HTML reads as markup, escaped. */
export const htmlText = (s: string | number | null | undefined): string =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Cells a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A spreadsheet cell that stays text. A cell starting like a formula gets a leading apostrophe, as
 * OWASP advises. So does each part after a ";" or a tab: a spreadsheet set to a semicolon locale
 * (or reading tabs) splits our comma-separated line there, and the part would start a cell.
 */
export function defuseCell<T>(v: T): T | string {
  if (typeof v !== 'string') return v;
  const defused = FORMULA_START.test(v) ? `'${v}` : v;
  return defused.replace(/([;\t])(\s*)(?=[=+\-@])/g, "$1$2'");
}

/** Whether a CSV cell must be quoted: besides commas, quotes and line breaks, semicolons and tabs (other locales' separators). */
export const needsQuotes = (v: unknown): boolean => typeof v === 'string' && /[,";\t\r\n]/.test(v);

/**
 * A cell as it was before defuseCell, for our own readers of our own files. The apostrophe stays in
 * what we write (a spreadsheet opened by double-click must not run a formula, and OWASP's guard is
 * the only one every spreadsheet honours); a reader that knows the convention takes it off again.
 */
export function restoreCell(v: string): string {
  return v.replace(/^'(?=[=+\-@\t\r])/, '').replace(/([;\t])(\s*)'(?=[=+\-@])/g, '$1$2');
}
