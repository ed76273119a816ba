import * as chrono from 'chrono-node';

/** What the importer learns from one page before it is stored. */
export interface ExtractedArticle {
  title: string | null;
  dateline: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  body: string;
}

/**
 * Web chrome that scrapers carry into text: carts, share bars, comment prompts, cookie notices,
 * navigation. Matched against whole short lines only, so a sentence that mentions a cart survives.
 */
const CHROME_LINES: RegExp[] = [
  /^(shopping )?cart( \(\d+\))?$/,
  /^no products in the cart\.?$/,
  /^(checkout|my account|wishlist|view cart)$/,
  /^(go|back|scroll|return) to top$/,
  /^(leave|post|add|write) (a )?(comment|reply|comments|replies)$/,
  /^(\d+ )?(comments?|replies|responses?)( \(\d+\))?:?$/,
  /^(show|view|load|hide) (all |more )?comments$/,
  /^share( this( article| story| post)?)?( on \w+)?:?$/,
  /^(tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest)$/,
  /^(sign|log) (in|up|out)$/,
  /^(register|subscribe( now)?|donate( now)?|newsletter|menu|search|home|close|navigation|main menu|toggle navigation)$/,
  /^(skip|jump) to (main )?content$/,
  /^(advertisement|advertisements|sponsored( content)?|ad|promoted)$/,
  /^(related|related (articles|posts|stories|news|content)|read more|read next|more stories|you may also like|recommended( for you)?|trending( now)?|most (read|popular|viewed))\.?:?$/,
  /^(previous|next|older|newer) (post|article|story)s?:?$/,
  /^((we|this (site|website)) uses? cookies.*|accept( all)? cookies|cookie (policy|settings|preferences))$/,
  /^(©|\(c\)|copyright\b).*$/,
  /^all rights reserved\.?$/,
  /^follow us( on .*)?:?$/,
  /^(tags?|categories|category|filed under|posted in)\s*:.*$/,
  /^(loading|please wait)(\.\.\.|…)?$/,
  /^click here.*$/,
  /^(privacy policy|terms of (use|service)|contact us|about us)( \| .*)?$/,
];

const META_LINE =
  /^(source|publisher|published(?: on| at)?|publication date|date|updated(?: on| at)?|posted(?: on)?|by|author|url|link|original(?: url)?)\s*[:：]\s*(.+)$/i;

/**
 * A dateline opens the first paragraph: "KABUL, Afghanistan – ", "WASHINGTON (Reuters) - ",
 * "KYIV, Ukraine, June 3 (AP) — ". The place starts with a word in capitals.
 */
const DATELINE =
  /^((?:[A-Z][A-Z'’.-]+)(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*)?)(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?\s*(?:[–—]|--?)\s+\S/u;

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

export function isChromeLine(line: string): boolean {
  if (wordCount(line) > 10) return false;
  const normal = line.toLowerCase().replace(/\s+/g, ' ').replace(/[»«›‹|→←↑]/g, '').trim();
  return CHROME_LINES.some((re) => re.test(normal));
}

const endsLikeSentence = (s: string): boolean => /[.!?…:;"”’)\]]$/.test(s);

/** A paragraph of running text, as opposed to a heading, a label or a menu item. */
function isProse(block: string): boolean {
  const words = wordCount(block);
  return words >= 20 || (words >= 8 && endsLikeSentence(block));
}

function isTitleLike(block: string): boolean {
  const words = wordCount(block);
  return words >= 2 && words <= 30 && block.length <= 300 && !/[.;,]$/.test(block);
}

/** A line that is only a date ("June 20, 2021", "20/06/2021 10:32 GMT"): the publication date. */
export function parseDateLine(raw: string, reference?: Date): string | null {
  const line = raw.replace(/^(published|updated|posted|last updated|date)(\s+(on|at))?\s*[:：]?\s*/i, '');
  if (line.length > 80) return null;
  const results = chrono.parse(line, reference);
  const hit = results[0];
  if (!hit || hit.text.length < line.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').length * 0.6) return null;
  if (!hit.start.isCertain('year') || !hit.start.isCertain('month') || !hit.start.isCertain('day')) return null;
  return isoDate(hit.start.date());
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function detectDateline(paragraph: string): string | null {
  const m = DATELINE.exec(paragraph);
  if (!m?.[1]) return null;
  const place = m[1].trim();
  // A run of capitals that is a whole sentence ("BREAKING NEWS - ...") is not a place.
  return wordCount(place) <= 6 ? place : null;
}

/**
 * Plain text of a scraped page → title, dateline, date, source and a clean body.
 * Works line by line: scrapers keep one paragraph per line (often with blank lines between).
 */
export function extractPlainText(text: string): ExtractedArticle {
  const blocks = text
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((l) => l.length > 0);
  const meta: Partial<Record<'source' | 'published' | 'author' | 'url', string>> = {};
  const kept: string[] = [];
  for (const block of blocks) {
    if (isChromeLine(block)) continue;
    const m = META_LINE.exec(block);
    if (m && wordCount(block) <= 20) {
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'source' || key === 'publisher') meta.source ??= value;
      else if (key === 'by' || key === 'author') meta.author ??= value;
      else if (key.startsWith('url') || key.startsWith('link') || key.startsWith('original')) meta.url ??= value;
      else meta.published ??= parseDateLine(value) ?? undefined;
      continue;
    }
    kept.push(block);
  }

  const firstProse = kept.findIndex(isProse);
  let title: string | null = null;
  const bodyStart = firstProse === -1 ? 0 : firstProse;
  let published = meta.published ?? null;
  let author = meta.author ?? null;
  if (firstProse > 0) {
    // Walk back from the first paragraph over the header: date and byline lines, then the headline.
    for (let i = firstProse - 1; i >= 0; i--) {
      const block = kept[i]!;
      const date = published ? null : parseDateLine(block);
      if (date) {
        published = date;
        continue;
      }
      const byline = /^by\s+(\p{Lu}[\p{L}.'’-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]+){0,5})$/iu.exec(block);
      if (byline && !author) {
        author = byline[1]!;
        continue;
      }
      if (isTitleLike(block)) {
        title = block;
        break;
      }
    }
    // What precedes the headline is page furniture (site name, menus): dropped.
  }
  const body = kept
    .slice(bodyStart)
    .filter((b, i) => !(i === 0 && b === title))
    .filter((b) => !(published && wordCount(b) <= 8 && parseDateLine(b) === published));
  trimTrailingFurniture(body);
  if (title === null && body.length > 0 && isTitleLike(body[0]!) && body.length > 1 && !isProse(body[0]!)) {
    title = body.shift()!;
  }
  const firstParagraph = body[0] ?? '';
  return {
    title,
    dateline: detectDateline(firstParagraph),
    published,
    source: meta.source ?? null,
    author,
    url: meta.url ?? null,
    body: body.join('\n\n'),
  };
}

/** Short label-like lines after the last paragraph ("Leave Comments", "Share", a site name). */
function trimTrailingFurniture(body: string[]): void {
  while (body.length > 1) {
    const last = body.at(-1)!;
    if (wordCount(last) <= 5 && !endsLikeSentence(last)) body.pop();
    else break;
  }
}

export { wordCount };
