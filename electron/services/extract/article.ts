import crypto from 'node:crypto';
import path from 'node:path';
import { IMPORTABLE_EXTENSIONS } from '../../contract/imports.js';
import { decodeArticleBytes, Refusal } from './decode.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPlainText, wordCount, type ExtractedArticle } from './plainText.js';

export { Refusal };

export type ArticleFormat = 'text' | 'markdown' | 'html';

/** One article ready to be stored. */
export interface NewArticle extends ExtractedArticle {
  title: string;
  format: ArticleFormat;
  fileName: string | null;
  words: number;
  fingerprint: string;
  warning: string | null;
}

export function formatOf(fileName: string): ArticleFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new Refusal(`Files of type "${ext || 'none'}" are not imported (use .txt, .md, .html or .htm).`);
  }
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

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
  format: ArticleFormat,
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
  };
}

export function articleFromFile(fileName: string, bytes: Uint8Array): NewArticle {
  const format = formatOf(fileName);
  const decoded = decodeArticleBytes(bytes);
  return articleFromText(decoded.text, format, path.basename(fileName), decoded.warning);
}
