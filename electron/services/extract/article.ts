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

export function articleFromText(text: string, format: ArticleFormat, fileName: string | null, warning: string | null = null): NewArticle {
  const sniffedHtml = format === 'text' && /^\s*(<!doctype html|<html[\s>])/i.test(text);
  const extracted =
    format === 'html' || sniffedHtml ? extractHtml(text) : format === 'markdown' ? extractMarkdown(text) : extractPlainText(text);
  const words = wordCount(extracted.body);
  if (words === 0) throw new Refusal('No article text was found in the file.');
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
    warning,
  };
}

export function articleFromFile(fileName: string, bytes: Uint8Array): NewArticle {
  const format = formatOf(fileName);
  const decoded = decodeArticleBytes(bytes);
  return articleFromText(decoded.text, format, path.basename(fileName), decoded.warning);
}
