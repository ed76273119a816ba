import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { bylineAuthor, extractPlainText, parseDateLine, withHeadline, type ExtractedArticle } from './plainText.js';

// jsdom runs no scripts and loads no resources unless told to: an imported page can do nothing.
const purifier = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** Sanitised HTML → text with one paragraph per block element. */
export function htmlToText(html: string): string {
  const fragment = purifier.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'template'],
  });
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        const block = BLOCK.has(tag);
        if (block) flush();
        if (tag === 'LI') line += '• ';
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(fragment);
  flush();
  return out.join('\n');
}

function meta(doc: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (value?.trim()) return value.trim();
  }
  return null;
}

/** schema.org NewsArticle in JSON-LD: read as data, never run. */
function jsonLd(doc: Document): Record<string, unknown> {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = (Array.isArray(data) ? data : [data]).flatMap((d) =>
        d && typeof d === 'object' && '@graph' in d ? (d['@graph'] as unknown[]) : [d],
      );
      const article = items.find(
        (d): d is Record<string, unknown> =>
          !!d && typeof d === 'object' && /Article|Report|Posting/.test(String((d as Record<string, unknown>)['@type'])),
      );
      if (article) return article;
    } catch {
      // A broken JSON-LD block is ignored: the rest of the page still imports.
    }
  }
  return {};
}

function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return iso ? iso[1]! : parseDateLine(value);
}

export function extractHtml(html: string): ExtractedArticle {
  const dom = new JSDOM(html, { contentType: 'text/html' });
  const doc = dom.window.document;
  const ld = jsonLd(doc);
  const ldText = (key: string): string | null => {
    const v = ld[key];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
    return null;
  };
  const headTitle = meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? ldText('headline');
  const published = toIsoDate(
    meta(doc, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'time[datetime]') ??
      ldText('datePublished'),
  );
  const source = meta(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? ldText('publisher');
  const url = meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const author = meta(doc, 'meta[name="author"]', 'meta[property="article:author"]') ?? ldText('author');

  const fallbackTitle = doc.title?.trim() || null;
  // One <h1> on the page is the headline; <title> often carries the site name as well.
  const headings = doc.querySelectorAll('h1');
  const h1 = headings.length === 1 ? headings[0]!.textContent?.replace(/\s+/g, ' ').trim() || null : null;
  const readable = new Readability(doc, { charThreshold: 200 }).parse();
  const text = htmlToText(readable?.content ?? doc.body?.innerHTML ?? '');
  // Run the text through the same header/furniture rules as a plain page.
  const parsed = extractPlainText(text);
  const pageTitle = headTitle ?? h1 ?? (readable?.title?.trim() || null);
  const title = pageTitle ?? parsed.title ?? fallbackTitle;
  // The headline belongs to the stored text (searchable, its names markable); <title> is left out
  // because it usually carries the site's name as well.
  const body = withHeadline(parsed.body, pageTitle);
  dom.window.close();
  return {
    shape: parsed.shape,
    title: title || null,
    dateline: parsed.dateline,
    published: published ?? parsed.published,
    source: source ?? readable?.siteName ?? parsed.source,
    author: author ?? (readable?.byline ? bylineAuthor(readable.byline) : null) ?? parsed.author,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    body,
  };
}
