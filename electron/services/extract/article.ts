import crypto from 'node:crypto';
import path from 'node:path';
import { storySignature, type StorySignature } from '../duplicates/nearDuplicates.js';
import { Refusal } from './decode.js';
import { isFailure, type DocumentMeta, type FoundDocument, type SourceDocument } from './formats/document.js';
import { documentStreamOf, documentsOf } from './formats/index.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPlainText, withHeadline, wordCount, type ExtractedArticle } from './plainText.js';

export { Refusal };

/** How the article came in: the file's format (text, markdown, html, pdf, docx, odt, email, mhtml, warc). */
export type ArticleFormat = string;

/** One article ready to be stored. */
export interface NewArticle extends ExtractedArticle {
  title: string;
  format: ArticleFormat;
  fileName: string | null;
  words: number;
  fingerprint: string;
  warning: string | null;
  /** What the document said about itself (e-mail headers, capture date, page count). */
  metadata: DocumentMeta | null;
  /** [offset, page] where each printed page's text starts in the body (PDF), so a quote can cite its page. */
  pageStarts: [number, number][] | null;
  /** The document this one came with (an attachment's message, a reply's message), by index in the file's list. */
  parentIndex: number | null;
  /** The body's near-duplicate signature, made as the file is parsed (see parsedOf); made when stored if absent. */
  story?: StorySignature;
}

/** A document found in a file: an article to store, or the reason it was not read. */
export type ParsedDocument = { name: string; parentIndex: number | null } & ({ article: NewArticle } | { failure: string });

/** The same story twice is the same text once case, spacing and punctuation are set aside. */
export function fingerprintOf(body: string): string {
  // Spaces, ASCII and Latin-1 punctuation and the General Punctuation block (dashes, curly quotes):
  // a non-Unicode-property class, several times faster than \p{P} on every imported article.
  const normal = body.toLowerCase().replace(/[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f]+/g, ' ').trim();
  return crypto.createHash('sha256').update(normal).digest('hex');
}

/**
 * What happens to a page with no paragraph of running text. A file of navigation only is refused:
 * in a folder of scraped pages it is a page that failed to load (a consent wall, a 404, a menu),
 * and the analyst wants it listed to fetch again, not stored as a two-word "article" that pollutes
 * search and suggestions. Pasted text is the analyst's deliberate choice: it is kept, with the warning.
 */
export type WithoutBody = 'refuse' | 'warn';

function shapeWarning(shape: ExtractedArticle['shape'], words: number): string | null {
  if (shape === 'navigation') {
    return `No article body: the page holds only navigation and short labels (${words} words, no paragraph of running text). Save the page again once the article has loaded, or paste its text.`;
  }
  if (shape === 'no-paragraph') return 'No paragraph of running text was found, only a heading or short lines: check that this is the article.';
  return null;
}

export function articleFromText(
  text: string,
  format: 'text' | 'markdown' | 'html',
  fileName: string | null,
  warning: string | null = null,
  withoutBody: WithoutBody = 'refuse',
): NewArticle {
  const sniffedHtml = format === 'text' && /^\s*(<!doctype html|<html[\s>])/i.test(text);
  const extracted =
    format === 'html' || sniffedHtml ? extractHtml(text) : format === 'markdown' ? extractMarkdown(text) : extractPlainText(text);
  const words = wordCount(extracted.body);
  if (words === 0) throw new Refusal('No article text was found in the file: only page furniture (menus, share and comment links).');
  const bodyWarning = shapeWarning(extracted.shape, words);
  if (extracted.shape === 'navigation' && withoutBody === 'refuse') throw new Refusal(bodyWarning!);
  const title =
    extracted.title ??
    (fileName ? path.basename(fileName, path.extname(fileName)) : null) ??
    extracted.body.split('\n')[0]!.slice(0, 120);
  return {
    ...extracted,
    title,
    format: sniffedHtml ? 'html' : format,
    fileName,
    words,
    fingerprint: fingerprintOf(extracted.body),
    warning: [warning, bodyWarning].filter(Boolean).join(' ') || null,
    metadata: null,
    pageStarts: null,
    parentIndex: null,
  };
}

/** A paragraph of running text, not a heading, a table row or a caption. */
const isRunningText = (paragraph: string) => wordCount(paragraph) >= 12 && /[.!?…]["”’)]*$/.test(paragraph);

/**
 * A structured document's paragraphs as stored text, one paragraph per block. Each page's first
 * paragraph records where it starts, so any offset in the text can be given its page.
 */
function articleFromParagraphs(doc: SourceDocument, paragraphs: { text: string; page?: number }[], fileName: string): NewArticle {
  const parts: string[] = [];
  const pageStarts: [number, number][] = [];
  let offset = 0;
  for (const p of paragraphs) {
    const text = p.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (p.page !== undefined && pageStarts[pageStarts.length - 1]?.[1] !== p.page) pageStarts.push([offset, p.page]);
    parts.push(text);
    offset += text.length + 2;
  }
  const body = parts.join('\n\n');
  const words = wordCount(body);
  if (words === 0) throw new Refusal('No text was found in the document.');
  const running = parts.some(isRunningText);
  return {
    title: doc.meta.title?.trim() || parts[0]!.slice(0, 200),
    dateline: null,
    published: doc.meta.published ?? null,
    source: doc.meta.source ?? null,
    author: doc.meta.author ?? null,
    url: doc.meta.url ?? null,
    body,
    shape: running ? 'article' : 'no-paragraph',
    format: doc.format,
    fileName,
    words,
    fingerprint: fingerprintOf(body),
    warning: [doc.warning, running ? null : shapeWarning('no-paragraph', words)].filter(Boolean).join(' ') || null,
    metadata: null,
    pageStarts: pageStarts.length ? pageStarts : null,
    parentIndex: doc.parent,
  };
}

/** Metadata worth keeping beside the article's columns: only what is set. */
function metadataOf(meta: DocumentMeta): DocumentMeta | null {
  const kept = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return Object.keys(kept).length ? (kept as DocumentMeta) : null;
}

/** One found document as an article: its format's text rules (HTML clean-up, plain-text headers) with the file's metadata on top. */
export function articleFromDocument(doc: SourceDocument): NewArticle {
  const fileName = path.basename(doc.name.split(' › ').pop()!);
  const { meta, content } = doc;
  const article =
    content.kind === 'paragraphs'
      ? articleFromParagraphs(doc, content.paragraphs, fileName)
      : articleFromText(content.text, content.kind, fileName, [content.warning, doc.warning].filter(Boolean).join(' ') || null);
  // A message's subject leads its text, as a headline does a page's: searchable, and read first.
  const body = doc.format === 'email' && meta.title ? withHeadline(article.body, meta.title) : article.body;
  return {
    ...article,
    body,
    words: body === article.body ? article.words : wordCount(body),
    fingerprint: body === article.body ? article.fingerprint : fingerprintOf(body),
    title: meta.title?.trim() || article.title,
    published: meta.published ?? article.published,
    source: meta.source ?? article.source,
    author: meta.author ?? article.author,
    url: meta.url ?? article.url,
    // A text file sniffed as HTML says so; every other format keeps its own name.
    format: ['text', 'markdown', 'html'].includes(doc.format) ? article.format : doc.format,
    metadata: metadataOf(meta),
    parentIndex: doc.parent,
  };
}

/**
 * Every article in a file: one for a page or a report, many for a mailbox, an archive or an
 * e-mail with attachments. A part that cannot be read is listed with its reason; the others are kept.
 */
export async function documentsFromFile(name: string, bytes: Uint8Array): Promise<ParsedDocument[]> {
  return (await documentsOf(name, bytes)).map(parsedOf);
}

/** The articles of a streamed file (a crawl's WARC, see isStreamed), each as soon as it is read. */
export async function* documentsFromStream(name: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ParsedDocument> {
  for await (const doc of documentStreamOf(name, chunks)) yield parsedOf(doc);
}

function parsedOf(doc: FoundDocument): ParsedDocument {
  if (isFailure(doc)) return { name: doc.name, parentIndex: doc.parent, failure: doc.failure };
  try {
    const article = articleFromDocument(doc);
    // Here, on the parsing worker, rather than on the core's thread as the article is stored (NewArticle.story).
    return { name: doc.name, parentIndex: doc.parent, article: { ...article, story: storySignature(article.body) } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { name: doc.name, parentIndex: doc.parent, failure: error.message };
  }
}
