import { AsyncLocalStorage } from 'node:async_hooks';
import { Refusal } from '../decode.js';

export { Refusal };

/** What a document says about itself, beside its text (kept with the article as metadata). */
export type DocumentMeta = {
  title?: string | null;
  author?: string | null;
  /** ISO date (or date and time) the document was written, sent or published. */
  published?: string | null;
  source?: string | null;
  url?: string | null;
  from?: string | null;
  to?: string | null;
  cc?: string | null;
  subject?: string | null;
  /** When a crawler or a browser saved the page (WARC, MHTML). */
  captured?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  pages?: number | null;
  /** OCR's mean confidence (0–100) for an image; for a PDF, its pages read by OCR as "p. 3 (91%)". */
  ocrConfidence?: number | null;
  ocrPages?: string | null;
  /** The pages read by OCR with a mean confidence under the threshold ("p. 2 (45%)", "45%" for one image): flagged in the table. */
  ocrLowConfidence?: string | null;
  /** The lowest of those confidences as a number: the articles table's OCR sort key (migration 014) reads it, not the text above. */
  ocrLowest?: number | null;
};

/** A paragraph as a structured format gives it: PDF pages, Word headings and table rows. */
export interface DocumentParagraph {
  text: string;
  /** The page the paragraph starts on (PDF). */
  page?: number;
}

/**
 * One document found in a file. A file gives one (a PDF, a Word file) or many (an mbox, a zip, a
 * WARC, an e-mail with attachments); `parent` points at the document it came with, in the same list.
 */
export interface SourceDocument {
  /** How the import report names it: the file, or the file and the part inside it. */
  name: string;
  format: string;
  content: { kind: 'text' | 'markdown' | 'html'; text: string; warning?: string | null } | { kind: 'paragraphs'; paragraphs: DocumentParagraph[] };
  meta: DocumentMeta;
  parent: number | null;
  warning?: string | null;
}

/** A part of a file that could not be read; its siblings are still imported. */
export interface DocumentFailure {
  name: string;
  parent: number | null;
  failure: string;
}

export type FoundDocument = SourceDocument | DocumentFailure;

export const isFailure = (d: FoundDocument): d is DocumentFailure => 'failure' in d;

/** "2024-03-12T09:00:00Z" from a Date, or null when the date is not a date. */
export function isoDate(date: Date | string | null | undefined): string | null {
  if (!date) return null;
  // A time written without a zone (office files) is kept as written, not shifted to this machine's zone.
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?(\.\d+)?$/.test(date.trim())) return date.trim().replace(/\.\d+$/, '');
  const d = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.000Z$/, 'Z');
}

/** Text from inside a file can hold anything: control characters go, line ends become \n. */
export function cleanText(text: string): string {
  return text
    .replaceAll('\r\n', '\n')
    .replaceAll('\r', '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** How the analyst asked for a file to be read: the languages its scanned pages are in (Tesseract's codes). */
export interface ReadingOptions {
  ocrLanguages?: readonly string[];
}

type Progress = (done: number, total: number, unit: string) => void;

/**
 * The file being read: who hears how far it has got, and how it is to be read. Kept per call, not
 * per thread: the core's own thread reads several files at once (before the parsing worker is
 * ready, and in the command line).
 */
const reading = new AsyncLocalStorage<{ progress?: Progress; options: ReadingOptions }>();

/** Reads a file with `progress` hearing its progress (pages read, bytes unpacked) and `options` applied. */
export function withReading<T>(progress: Progress | undefined, options: ReadingOptions, read: () => Promise<T>): Promise<T> {
  return reading.run({ progress, options }, read);
}

export function reportProgress(done: number, total: number, unit: string): void {
  reading.getStore()?.progress?.(done, total, unit);
}

/** The listener of the file being read here, for callbacks that come back in another's context (the OCR engine's). */
export function progressOfThisFile(): Progress {
  return reading.getStore()?.progress ?? (() => undefined);
}

/** How the file being read here is to be read. */
export const readingOptions = (): ReadingOptions => reading.getStore()?.options ?? {};

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
