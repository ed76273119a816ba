import * as chrono from 'chrono-node';
import { isFurniture, publisherOfCopyright } from './furniture.js';
import { paragraphsOf } from './reflow.js';

/**
 * What a page holds besides its metadata: paragraphs of running text (an article), only headings
 * and short lines (a caption, a headline-only item), or nothing but navigation labels.
 */
export type ArticleShape = 'article' | 'no-paragraph' | 'navigation';

/** What the importer learns from one page before it is stored. */
export interface ExtractedArticle {
  title: string | null;
  dateline: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  /**
   * The stored text: headline, the byline and date lines printed under it, and the article's
   * paragraphs, one per block separated by a blank line. Every span offset points into it.
   */
  body: string;
  shape: ArticleShape;
}

const META_LINE =
  /^(source|publisher|published(?: on| at)?|publication date|date|updated(?: on| at)?|posted(?: on)?|by|author|url|link|original(?: url)?)\s*[:：]\s*(.+)$/i;

/**
 * A dateline opens the first paragraph: "KABUL, Afghanistan – ", "WASHINGTON (Reuters) - ",
 * "KYIV, Ukraine, June 3 (AP) — ", "KABUL, June 22, 2021 (Reuters) -". The place starts with a word in capitals.
 */
const DATELINE =
  /^((?:[A-Z][A-Z'’.-]+)(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\p{L}'’.-]*(?:\s+(?:of\s+)?[A-Z][\p{L}'’.-]*)*)?)(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?(?:\s*\(([^)]{1,40})\))?\s*(?:[–—]|--?)\s+\S/u;

/** Agencies as a dateline or a headline names them, and the name an analyst files them under. */
const AGENCIES: Record<string, string> = {
  ap: 'Associated Press',
  'associated press': 'Associated Press',
  reuters: 'Reuters',
  'thomson reuters': 'Reuters',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  upi: 'UPI',
  dpa: 'dpa',
  efe: 'EFE',
  ians: 'IANS',
  pti: 'PTI',
  ani: 'ANI',
  xinhua: 'Xinhua',
  anadolu: 'Anadolu Agency',
  'anadolu agency': 'Anadolu Agency',
  voa: 'VOA',
  'voice of america': 'VOA',
  irna: 'IRNA',
  tass: 'TASS',
  'al jazeera': 'Al Jazeera',
  bbc: 'BBC',
  cnn: 'CNN',
  bernama: 'Bernama',
  kyodo: 'Kyodo',
  yonhap: 'Yonhap',
  ansa: 'ANSA',
};

export function agencyName(text: string): string | null {
  return AGENCIES[text.trim().toLowerCase().replace(/^the\s+/, '')] ?? null;
}

/** Tags on a headline that are not part of it: "(VIDEO)", "(UPDATE 2)", "(AP)"; "UPDATE 2-", "BREAKING:". */
const HEADLINE_TAG =
  /\s*[([](?:videos?|photos?|pictures|watch|live|live updates|updated?|update \d+|corrected|correction|refile|graphics?|analysis|opinion|exclusive|breaking|audio|podcast|map|timeline|explainer)[)\]]\s*$/i;
const HEADLINE_PREFIX =
  /^(?:update \d+|updated|wrapup \d+|wrapup|refile|corrected|exclusive|breaking(?: news)?|analysis|factbox|explainer|live|watch|video|opinion|comment|editorial|interview|feature|perspective|in pictures|fact check)\s*(?:[-–—:|]\s*)/i;
/** A page title's site name after a bar ("… | Example Daily"), or an agency after a dash ("… - Reuters"). */
const HEADLINE_SITE = /\s+\|\s+((?:\p{Lu}[\p{L}.'’&-]*\s?){1,4})$/u;
const HEADLINE_DASH_AGENCY = /\s+[-–—]\s+([^-–—]{2,30})$/;
const HEADLINE_AGENCY = /\s*\(([^()]{2,25})\)\s*$/;

/**
 * Words in a text: runs of non-space characters that hold a letter or digit ("–" is not a word).
 * A hand loop because it runs on every line of every import and regex matching dominated profiles.
 */
function wordCount(s: string): number {
  let words = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && (c >= 48 && c <= 57 ? true : c >= 65 && c <= 90 ? true : c >= 97 && c <= 122 ? true : c > 0xbf && c !== 0x2013 && c !== 0x2014 && c !== 0x2026 && (c < 0x2018 || c > 0x201f))) {
      words++;
      counted = true;
    }
  }
  return words;
}

/** Whether a line is page furniture (menus, share bars, newsletter and comment prompts, wire footers). */
export function isChromeLine(line: string): boolean {
  return isFurniture(line, wordCount(line));
}

/**
 * A line ends a sentence: ".", "!", "?", "…", ":" or ";", perhaps inside closing quotes or brackets.
 * A bare ")" does not: headlines end in "(AP)" or "(VIDEO)".
 */
const endsLikeSentence = (s: string): boolean => /[.!?…:;]["”’)\]]*$/.test(s);

/** A paragraph of running text, as opposed to a heading, a label or a menu item. */
function isProse(block: string, words: number): boolean {
  return words >= 20 || (words >= 8 && endsLikeSentence(block));
}

function isTitleLike(block: string, words: number): boolean {
  return words >= 2 && words <= 30 && block.length <= 300 && !/[.;,]$/.test(block);
}

function isoDate(year: number, month: number, day: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p(month)}-${p(day)}`;
}

const PRINTED_YEAR = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

const DATE_LABEL = /^(first published|published|updated|last updated|last modified|modified|posted|date|dated|created)(\s+(on|at))?\s*[:：]?\s*/i;

/** "4 min read", "5 minute read" beside a date: no part of it. */
const READING_TIME = /\b\d+\s*min(?:ute)?s?\.?\s+read\b/gi;
/** "2 hours ago", "Updated 3 days ago": a header's time that names no date (a scrape's own date is unknown here). */
const RELATIVE_TIME = /^(?:(?:updated|published|posted)\s*:?\s+)?(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\.?$/i;

/**
 * A line that is only a date, perhaps with a time, a zone and a label: "June 20, 2021",
 * "22 June 2021 10:31 GMT", "Updated 3:15 PM EDT, Tue June 22, 2021", "Jun 22, 2021 | 10:31 AM".
 * The calendar day is the one printed, whatever the time zone.
 */
export function parseDateLine(raw: string, reference?: Date): string | null {
  const line = raw.replace(DATE_LABEL, '').trim();
  // A printed publication date holds its year ("2021") or is all digits ("22.06.21"). Anything else
  // is no date line — "3 hours ago" is not a publication date — and skips the costly date parser.
  if (line.length === 0 || line.length > 80 || !PRINTED_YEAR.test(line)) return null;
  const results = chrono.parse(line, reference);
  // "10:31 AM | June 22, 2021": the time may come first; the date is the first result with its day, month and year.
  const first = results.find((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
  if (!first) return null;
  // The date and any time or "updated" phrase must make up most of the line: a sentence that names a date is not a date line.
  const covered = results.reduce((sum, r) => sum + r.text.length, 0);
  const letters = line
    .replace(READING_TIME, '')
    .replace(/[|•·]/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\b(updated?|published|posted|last|on|at|ago)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (covered < letters.length * 0.6) return null;
  return isoDate(first.start.get('year')!, first.start.get('month')!, first.start.get('day')!);
}

export function detectDateline(paragraph: string): string | null {
  return datelineOf(paragraph)?.place ?? null;
}

function datelineOf(paragraph: string): { place: string; agency: string | null } | null {
  const m = DATELINE.exec(paragraph);
  if (!m?.[1]) return null;
  const place = m[1].trim();
  // A run of capitals that is a whole sentence ("BREAKING NEWS - ...") is not a place.
  if (wordCount(place) > 6) return null;
  return { place, agency: m[2] ? agencyName(m[2]) : null };
}

/** "By Jane Doe, Associated Press", "By KATHY GANNON Associated Press", "By Jane Roe | June 22, 2021". */
interface Byline {
  author: string | null;
  outlet: string | null;
  published: string | null;
}

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|van|von|de|del|da|al|el|bin|ibn|and|&)$/u;

/** How a byline opens: "By", "Written by", "Posted by", "Story by"; "From our correspondent" names no one. */
const BYLINE_START = /^(?:(?:written|posted|story|words|reported|text|report)\s+)?by[:\s]\s*|^from(?=\s+(?:our|a|an)\s)\s+/i;

const STAFF_BYLINE =
  /^(?:(?:a|an|our|the)\s+)?(?:own\s+)?(?:(.+?)\s+)??(?:(?:special|staff|senior|foreign|local|political|defence|defense|security|diplomatic)\s+)?(?:correspondents?|reporters?|staff(?:\s+(?:writers?|reporters?))?|writers?|news\s+desk|web\s+desk|desk|editorial\s+board|bureau)$/i;

function parseByline(line: string, words: number): Byline | null {
  if (words > 16 || (/[.!?]$/.test(line) && !/\b\p{Lu}\.$/u.test(line))) return null;
  // "June 22, 2021 | By Jane Doe": the date first, then the byline.
  const [first = '', ...others] = line.split(/\s+[|•·]\s+/);
  if (others.length > 0 && BYLINE_START.test(others[0]!)) {
    const date = parseDateLine(first);
    const byline = date ? parseByline(others.join(' | '), words) : null;
    if (byline) return { ...byline, published: byline.published ?? date };
  }
  const m = BYLINE_START.exec(line);
  if (!m) return null;
  const [who = '', ...rest] = line.slice(m[0].length).split(/\s+[|•·—–]\s+|\s+-\s+/);
  let published: string | null = null;
  let outlet: string | null = null;
  // "Posted by Jane Doe on June 22, 2021"
  const on = /^(.+?)\s+on\s+(.+)$/.exec(who);
  const postedOn = on ? parseDateLine(on[2]!) : null;
  if (postedOn) published = postedOn;
  for (const part of rest) {
    published ??= parseDateLine(part);
    if (!published) outlet ??= agencyName(part) ?? (wordCount(part) <= 4 ? part.trim() : null);
  }
  // "Jane Doe, Associated Press" / "Jane Doe for Reuters" / "Jane Doe in Kabul"
  let names = (postedOn ? on![1]! : who).trim();
  const after = /^(.+?)(?:,\s+|\s+for\s+|\s+in\s+)(.+)$/.exec(names);
  if (after && !/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s+and\s+/u.test(after[2]!)) {
    names = after[1]!;
    if (!/\bin\s/.test(who)) outlet ??= agencyName(after[2]!) ?? after[2]!.trim();
  }
  // AP prints names in capitals and the agency after them: "KATHY GANNON Associated Press".
  const caps = /^((?:\p{Lu}[\p{Lu}'’.-]+\s+)+(?:(?:and|AND)\s+(?:\p{Lu}[\p{Lu}'’.-]+\s*)+)?)(\p{Lu}\p{Ll}.*)$/u.exec(names);
  if (caps && caps[1]!.trim().split(/\s+/).length >= 2) {
    names = caps[1]!.trim();
    outlet ??= agencyName(caps[2]!) ?? caps[2]!.trim();
  }
  // "By The Associated Press", "By Reuters": the agency is the source, not an author.
  const agency = agencyName(names);
  if (agency) return { author: null, outlet: agency, published };
  // "By a correspondent", "By our staff reporter", "By Reuters staff", "By Pajhwok Web Desk": a byline naming no one.
  const staff = STAFF_BYLINE.exec(names);
  if (staff) {
    const desk = staff[1]?.trim() ?? '';
    return { author: null, outlet: agencyName(desk) ?? (/^\p{Lu}/u.test(desk) && wordCount(desk) <= 4 ? desk : outlet), published };
  }
  const tokens = names.split(/\s+/);
  if (tokens.length === 0 || tokens.length > 9 || !tokens.every((t) => NAME_TOKEN.test(t.replace(/,$/, '')))) {
    return published ? { author: null, outlet, published } : null;
  }
  return { author: names.replace(/,$/, ''), outlet, published };
}

/**
 * The author a byline names ("By Jane Doe" → "Jane Doe"), null for one that names no one ("By a
 * correspondent", "By Reuters"); a line that is no byline is taken as the author's name itself.
 * For the byline an HTML page marks as such (Readability's), which keeps its "By".
 */
export function bylineAuthor(text: string): string | null {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line || !BYLINE_START.test(line)) return line || null;
  const byline = parseByline(line, wordCount(line));
  return byline ? byline.author : line.replace(BYLINE_START, '').trim() || null;
}

/** The headline as a title: without "(VIDEO)", "UPDATE 2-" or an agency in brackets, which become the source. */
function cleanHeadline(headline: string): { title: string; agency: string | null } {
  let title = headline;
  let agency: string | null = null;
  for (let i = 0; i < 3; i++) {
    const before = title;
    title = title.replace(HEADLINE_TAG, '').replace(HEADLINE_PREFIX, '');
    const a = HEADLINE_AGENCY.exec(title);
    if (a && agencyName(a[1]!)) {
      agency ??= agencyName(a[1]!);
      title = title.slice(0, a.index);
    }
    const site = HEADLINE_SITE.exec(title);
    if (site) {
      agency ??= agencyName(site[1]!);
      title = title.slice(0, site.index);
    }
    const dash = HEADLINE_DASH_AGENCY.exec(title);
    if (dash && agencyName(dash[1]!)) {
      agency ??= agencyName(dash[1]!);
      title = title.slice(0, dash.index);
    }
    if (title === before) break;
  }
  title = title.trim();
  return { title: title || headline, agency };
}

type Kind = 'date' | 'byline' | 'meta' | 'furniture' | 'prose' | 'title' | 'label' | 'other';

interface Block {
  text: string;
  words: number;
  kind: Kind;
  /** A date line's date, a byline's author and outlet, a metadata line's key and value. */
  date?: string | null;
  byline?: Byline;
  meta?: { key: string; value: string };
}

/** What a line is without reading dates: dates are parsed only where a header can be. */
function classify(text: string): Block {
  const words = wordCount(text);
  if (words <= 16 && (BYLINE_START.test(text) || /^[^|•·]{6,40}\s[|•·]\s+by\s/i.test(text))) {
    const byline = parseByline(text, words);
    if (byline) return { text, words, kind: 'byline', byline };
  }
  // "BBC News, Kabul" under the byline: the outlet and where the reporter files from.
  const desk = words <= 6 ? /^([^,]{2,30}),\s+\p{Lu}[\p{L} .'’-]*$/u.exec(text) : null;
  const deskOutlet = desk ? agencyName(desk[1]!.replace(/\s+news$/i, '')) : null;
  if (deskOutlet) return { text, words, kind: 'byline', byline: { author: null, outlet: deskOutlet, published: null } };
  if (isFurniture(text, words)) return { text, words, kind: 'furniture' };
  // A scraper's "Title: …" line is the headline itself; the label is not part of it.
  const labelled = words <= 32 ? /^(?:title|headline)\s*[:：]\s*(.+)$/i.exec(text) : null;
  if (labelled && isTitleLike(labelled[1]!, words - 1)) return { text: labelled[1]!, words: words - 1, kind: 'title' };
  const m = words <= 20 ? META_LINE.exec(text) : null;
  if (m) return { text, words, kind: 'meta', meta: { key: m[1]!.toLowerCase(), value: m[2]!.trim() } };
  if (isProse(text, words)) return { text, words, kind: 'prose' };
  if (words >= 3 && isTitleLike(text, words)) return { text, words, kind: 'title' };
  if (words <= 2) return { text, words, kind: 'label' };
  return { text, words, kind: 'other' };
}

/** Reads a date off a short line once it may be a header line; a line that is a date becomes a 'date' block. */
function asDate(block: Block): Block {
  if (block.kind === 'furniture' || block.kind === 'byline' || block.kind === 'meta' || block.words > 14 || block.date !== undefined) return block;
  const date = parseDateLine(block.text);
  block.date = date;
  if (date || RELATIVE_TIME.test(block.text)) block.kind = 'date';
  return block;
}

/** A header line: printed between the headline and the first paragraph, kept in the stored text. */
const isHeaderKind = (kind: Kind): boolean => kind === 'date' || kind === 'byline' || kind === 'meta';

/** A question or exclamation headline reads as a sentence: it is the headline when the article's header follows it. */
function isHeadlineShaped(block: Block): boolean {
  return block.words <= 20 && !/\.["”’)\]]*$/.test(block.text) && !datelineOf(block.text);
}

/**
 * Plain text of a scraped page → headline, dateline, date, byline, source and the article text.
 * The article is found by its shape: the first paragraph of running text, the headline above it
 * with the byline and date lines around it, wherever the page's menus and furniture put them.
 * Headline, byline and date lines stay in the stored text, so they are searchable and their names
 * can be marked; what stands above the headline (site name, menus) and furniture lines are dropped.
 */
export function extractPlainText(text: string): ExtractedArticle {
  const paragraphs = paragraphsOf(text);
  const all = paragraphs.map(classify);
  let copyrightHolder: string | null = null;
  for (const b of all) {
    if (b.kind === 'furniture' && !copyrightHolder && /^(©|\(c\)|copyright\b)/i.test(b.text)) {
      const holder = publisherOfCopyright(b.text);
      copyrightHolder = holder && (agencyName(holder) ?? holder);
    }
  }
  const blocks = all.filter((b) => b.kind !== 'furniture');

  let bodyStart = openingParagraph(blocks);
  let headline = -1;
  const headerAbove = bodyStart > 0 && isHeaderKind(asDate(blocks[bodyStart - 1]!).kind);
  if (bodyStart !== -1 && !headerAbove && isHeadlineShaped(blocks[bodyStart]!)) {
    // "Who will hold Kunduz when the Americans leave?" followed by a byline, a date or a dateline paragraph.
    let next = bodyStart + 1;
    while (next < blocks.length && (isHeaderKind(asDate(blocks[next]!).kind) || blocks[next]!.kind === 'label')) next++;
    const follower = blocks[next];
    if (follower?.kind === 'prose' && (next > bodyStart + 1 || datelineOf(follower.text))) {
      headline = bodyStart;
      bodyStart = next;
    }
  }

  if (bodyStart === -1) bodyStart = blocks.length;
  // Walk back from the first paragraph over the header: date, byline and metadata lines and short labels, then the headline.
  if (headline === -1) {
    for (let i = bodyStart - 1; i >= 0; i--) {
      const block = asDate(blocks[i]!);
      if (isHeaderKind(block.kind) || block.kind === 'label') continue;
      if (block.kind === 'title') headline = i;
      break;
    }
    // A standfirst under the headline ("Thousands flee as the insurgents seize …"): a longer line
    // of the same kind just below a shorter one. The shorter is the headline, and stays in the text.
    const above = headline > 0 ? blocks[headline - 1]! : null;
    if (above?.kind === 'title' && above.words >= 4 && blocks[headline]!.words >= 10 && blocks[headline]!.words >= above.words + 4) headline--;
  }
  // A page without a title-like line before its first paragraph may open with a short heading of two words.
  if (headline === -1 && bodyStart > 0 && blocks[bodyStart - 1]!.kind === 'label' && isTitleLike(blocks[bodyStart - 1]!.text, blocks[bodyStart - 1]!.words) && blocks[bodyStart - 1]!.words === 2) {
    headline = bodyStart - 1;
  }

  // Header lines right above the headline ("June 22, 2021" printed before it) belong to the article too.
  let articleStart = headline === -1 ? bodyStart : headline;
  while (articleStart > 0 && isHeaderKind(asDate(blocks[articleStart - 1]!).kind)) articleStart--;
  if (headline === -1 && bodyStart === blocks.length) articleStart = 0;

  const kept = blocks.slice(articleStart);
  trimTrailingMenu(kept);

  let published: string | null = null;
  let author: string | null = null;
  let source: string | null = null;
  let url: string | null = null;
  // Metadata lines anywhere before the body (scrapers write them above the page) fill the fields first.
  for (const b of blocks.slice(0, Math.max(bodyStart, articleStart))) {
    if (b.kind === 'meta') {
      const { key, value } = b.meta!;
      if (key === 'source' || key === 'publisher') source ??= value;
      else if (key === 'by' || key === 'author') author ??= value;
      else if (key.startsWith('url') || key.startsWith('link') || key.startsWith('original')) url ??= value;
      else published ??= parseDateLine(value);
    }
  }
  let outlet: string | null = null;
  for (const b of blocks.slice(articleStart, bodyStart)) {
    asDate(b);
    if (b.kind === 'date') published ??= b.date ?? null;
    if (b.kind === 'byline') {
      author ??= b.byline!.author;
      outlet ??= b.byline!.outlet;
      published ??= b.byline!.published;
    }
  }

  const headlineText = headline === -1 ? null : blocks[headline]!.text;
  const cleaned = headlineText ? cleanHeadline(headlineText) : null;
  // The dateline opens the first paragraph, or the one after a standfirst.
  const bodyBlocks = blocks.slice(bodyStart, articleStart + kept.length);
  let dateline: { place: string; agency: string | null } | null = null;
  for (const b of bodyBlocks.slice(0, 3)) {
    dateline = datelineOf(b.text);
    if (dateline) {
      published ??= datelineDate(b.text);
      break;
    }
  }
  // A date printed at the foot of the article ("Published 22 June 2021") when none was at its head.
  if (!published) {
    for (const b of kept.slice(-4).reverse()) {
      if (b.words <= 14 && b.kind !== 'prose') {
        published = parseDateLine(b.text);
        if (published) break;
      }
    }
  }

  // A scraper's URL line is metadata, not text the article prints.
  const stored = kept.filter((b) => b.kind !== 'meta' || !/^(url|link|original)/.test(b.meta!.key));
  const hasProse = bodyBlocks.some((b) => b.kind === 'prose');
  const shape: ArticleShape = hasProse ? 'article' : paragraphs.length >= 3 && stored.every((b) => b.words <= 6) ? 'navigation' : 'no-paragraph';
  let title = cleaned?.title ?? null;
  if (title === null && !hasProse && stored.length > 1 && isTitleLike(stored[0]!.text, stored[0]!.words)) title = stored[0]!.text;

  return {
    title,
    dateline: dateline?.place ?? null,
    published,
    source: source ?? dateline?.agency ?? cleaned?.agency ?? outlet ?? copyrightHolder,
    author,
    url,
    body: stored.map((b) => b.text).join('\n\n'),
    shape,
  };
}

const comparable = (s: string): string => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();

/**
 * The stored text with its headline first: a headline read from a page's metadata or a Markdown
 * heading is put above the text unless one of the text's first blocks already prints it.
 */
export function withHeadline(body: string, headline: string | null): string {
  if (!headline?.trim()) return body;
  const wanted = comparable(headline);
  const opening = body.split('\n\n', 4).map(comparable);
  if (opening.some((b) => b === wanted || (b.startsWith(wanted) && b.length - wanted.length < 30))) return body;
  return body ? `${headline.trim()}\n\n${body}` : headline.trim();
}

/** What stands above a paragraph once header lines and labels are passed: the headline it would have, if any. */
function headingAbove(blocks: Block[], paragraph: number): { heading: Block | null; headerLines: number } {
  let headerLines = 0;
  let i = paragraph - 1;
  for (; i >= 0; i--) {
    const block = asDate(blocks[i]!);
    if (isHeaderKind(block.kind)) headerLines++;
    else if (block.kind !== 'label') break;
  }
  const heading = i >= 0 && blocks[i]!.kind === 'title' ? blocks[i]! : null;
  return { heading, headerLines };
}

/**
 * The article's first paragraph: the first paragraph of running text, unless that one stands on
 * its own (a cookie notice, the site's blurb, under no headline or a short site name) and a later
 * paragraph has the article's shape above it: a headline with byline or date lines, or a dateline.
 */
function openingParagraph(blocks: Block[]): number {
  const first = blocks.findIndex((b) => b.kind === 'prose');
  if (first === -1) return -1;
  const { heading } = headingAbove(blocks, first);
  if (heading && heading.words > 4) return first;
  for (let p = first + 1; p < Math.min(blocks.length, first + 12); p++) {
    if (blocks[p]!.kind !== 'prose') continue;
    const above = headingAbove(blocks, p);
    if (above.heading && above.heading.words > 4 && (above.headerLines > 0 || datelineOf(blocks[p]!.text))) return p;
  }
  return first;
}

/** "KABUL, Afghanistan, June 22, 2021 (Reuters) -": the date a dateline prints with its year. */
function datelineDate(paragraph: string): string | null {
  const m = /^[^–—-]{0,80}?,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})/.exec(paragraph);
  return m ? parseDateLine(m[1]!) : null;
}

/**
 * A run of three or more short labels after the last paragraph is a footer menu or a tag cloud.
 * One or two short lines stay: they are signatures and credits ("Reporting by Jane Doe").
 */
function trimTrailingMenu(blocks: Block[]): void {
  let run = 0;
  while (run < blocks.length && isShortLabel(blocks[blocks.length - 1 - run]!)) run++;
  if (run >= 3 && run < blocks.length) blocks.splice(blocks.length - run, run);
}

function isShortLabel(b: Block): boolean {
  return b.words <= 4 && !endsLikeSentence(b.text) && !isHeaderKind(b.kind);
}

export { wordCount };
