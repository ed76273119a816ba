import fs from 'node:fs';
import path from 'node:path';
import type { Worker as OcrWorker } from 'tesseract.js';
import { OCR_LANGUAGES, type OcrLanguage } from '../../../contract/imports.js';
import { ocrDataDir } from '../../../paths.js';
import { progressOfThisFile, readingOptions, Refusal, reportProgress, type DocumentParagraph, type SourceDocument } from './document.js';
import { tiffPage, tiffPages, unreadableCompression } from './tiff.js';

/** Larger images are refused before decoding: 20,000 × 20,000 pixels would need 1.6 GB as RGBA. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Tesseract's mean word confidence (0–100) under which a page is flagged for checking. */
export const LOW_CONFIDENCE = 70;
/** Scanned pages read by OCR per file (seconds each); the rest of a longer scan is listed as not read. */
export const MAX_OCR_PAGES = 200;

/** Engines by the languages they read ("eng", "eng+fas"): an import asks for one set, so there is rarely more than one. */
const engines = new Map<string, Promise<OcrWorker>>();
/** Who hears how far the page being read has got (0–1): the engine reads one page at a time. */
let pageProgress: ((fraction: number) => void) | null = null;
let idle: NodeJS.Timeout | null = null;
/** The engine runs in a thread of its own, which keeps a process alive: it is stopped after a minute unused. */
const IDLE_MILLISECONDS = 60_000;

/**
 * Pages being read when the engine is stopped: tesseract.js never settles a call its terminated
 * engine was answering, so each is ended here, and a scan's page loop stops instead of waiting forever.
 */
const reading = new Set<(error: Error) => void>();

/** Stops the OCR engine (the pool calls it on close and on Cancel; an idle engine stops itself). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  for (const stop of reading) stop(new Refusal('The OCR engine was stopped before the page was read.'));
  reading.clear();
  const running = [...engines.values()];
  engines.clear();
  await Promise.all(running.map(async (engine) => (await engine.catch(() => null))?.terminate()));
}

/** The languages a scan is read in: the analyst's choice for this import, English unless they said otherwise. */
function languagesOfThisFile(): string[] {
  const chosen = readingOptions().ocrLanguages;
  return chosen?.length ? [...new Set(chosen)] : ['eng'];
}

/**
 * Tesseract with the models of the chosen languages, from their npm packages (@tesseract.js-data/*,
 * gathered into one folder by the build): read from disk, never fetched, never cached elsewhere.
 * One engine per parsing worker and set of languages, loaded on the first scan that needs it.
 */
function ocrEngine(languages: string[]): Promise<OcrWorker> {
  const key = languages.join('+');
  const loaded = engines.get(key);
  if (loaded) return loaded;
  const folder = ocrDataDir();
  const missing = languages.filter((code) => !fs.existsSync(path.join(folder, `${code}.traineddata.gz`)));
  if (missing.length) {
    const names = missing.map((code) => OCR_LANGUAGES[code as OcrLanguage] ?? code).join(', ');
    return Promise.reject(new Refusal(`Scans in ${names} cannot be read: the OCR data for ${missing.length === 1 ? 'it' : 'them'} is not installed (${folder}; npm run build gathers it).`));
  }
  const engine = (async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    return createWorker(key, OEM.LSTM_ONLY, {
      langPath: folder,
      gzip: true,
      cacheMethod: 'none',
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text') pageProgress?.(m.progress);
      },
      // An image the engine cannot read rejects its own call; without a handler the engine would also throw it on this thread.
      errorHandler: () => undefined,
    });
  })();
  engines.set(key, engine);
  engine.catch(() => engines.get(key) === engine && engines.delete(key));
  return engine;
}

/** Width and height from a PNG or JPEG header, without decoding the image. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length; ) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      // Start-of-frame markers (C0–CF except DHT, JPG and DAC) carry the size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      i += 2 + view.getUint16(i + 2);
    }
  }
  return null;
}

/**
 * OCR text to paragraphs: a line joins the one before unless that one ended a sentence short of
 * the full width, or either is a heading in capitals; a word hyphenated at a line end is joined.
 */
export function ocrParagraphs(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /\p{L}|\d/u.test(l));
  const width = Math.max(0, ...lines.map((l) => l.length));
  const heading = (l: string) => l.length < 80 && l === l.toUpperCase() && /\p{Lu}{3}/u.test(l);
  const out: string[] = [];
  let previous: string | null = null;
  for (const line of lines) {
    const joins = previous !== null && !heading(previous) && !heading(line) && !(/[.!?:]["”’)]*$/.test(previous) && previous.length < width * 0.8);
    if (joins && out.length) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = /\p{L}-$/u.test(last) && /^\p{Ll}/u.test(line) ? last.slice(0, -1) + line : `${last} ${line}`;
    } else out.push(line);
    previous = line;
  }
  return out;
}

/** Reads the text of one image (a photo of a page, a rendered PDF page); confidence 0–100. */
export async function recognise(image: Uint8Array, onProgress?: (fraction: number) => void): Promise<{ paragraphs: string[]; confidence: number }> {
  if (idle) clearTimeout(idle);
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  reading.add(stop);
  let data: { text: string; confidence: number };
  try {
    const worker = await Promise.race([ocrEngine(languagesOfThisFile()), stopped]);
    pageProgress = onProgress ?? null;
    const read = worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength)).catch(() => {
      throw new Refusal('The image cannot be read: the OCR engine could not decode it (an unsupported compression, or a damaged file).');
    });
    ({ data } = await Promise.race([read, stopped]));
  } finally {
    reading.delete(stop);
    pageProgress = null;
    idle = setTimeout(() => void closeOcr(), IDLE_MILLISECONDS);
    idle.unref();
  }
  return { paragraphs: ocrParagraphs(data.text), confidence: Math.round(data.confidence) };
}

/** The pages read with low confidence, as "p. 2 (45%), p. 5 (61%)" ("45%" for a single image); null when none. */
export const lowConfidencePages = (pages: { page: number | null; confidence: number }[]): string | null => {
  const low = pages.filter((p) => p.confidence < LOW_CONFIDENCE);
  if (low.length === 0) return null;
  return low.map((p) => (p.page === null ? `${p.confidence}%` : `p. ${p.page} (${p.confidence}%)`)).join(', ');
};

/** The lowest confidence among the pages in doubt, or null when none is: the number the OCR column sorts by. */
export const lowestConfidence = (pages: { confidence: number }[]): number | null => {
  const low = pages.filter((p) => p.confidence < LOW_CONFIDENCE).map((p) => p.confidence);
  return low.length ? Math.min(...low) : null;
};

export const lowConfidenceWarning = (pages: { page: number | null; confidence: number }[]): string | null => {
  const where = lowConfidencePages(pages);
  return where ? `Read by OCR with low confidence: ${where}. Check the text against the original.` : null;
};

const tooLarge = (width: number, height: number, page: string) =>
  new Refusal(`The image${page} is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, too large to read (over ${MAX_IMAGE_PIXELS / 1_000_000} million pixels): scale it down first.`);

/** A scanned page or a photo of a document (PNG, JPEG), read by OCR. */
export async function imageDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  const size = imageSize(bytes);
  if (!size) throw new Refusal('The image cannot be read: it is not a PNG or JPEG file, or it is damaged.');
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw tooLarge(size.width, size.height, '');
  const progress = progressOfThisFile();
  const { paragraphs, confidence } = await recognise(bytes, (fraction) => progress(Math.round(fraction * 100), 100, 'percent read by OCR'));
  if (paragraphs.length === 0) throw new Refusal('No text was found in the image.');
  const list: DocumentParagraph[] = paragraphs.map((text) => ({ text }));
  const pages = [{ page: null, confidence }];
  return [
    {
      name,
      format: 'image',
      content: { kind: 'paragraphs', paragraphs: list },
      meta: { ocrConfidence: confidence, ocrLowConfidence: lowConfidencePages(pages), ocrLowest: lowestConfidence(pages) },
      parent: null,
      warning: lowConfidenceWarning(pages),
    },
  ];
}

/**
 * A TIFF scan (a fax, a scanner's multi-page file), each page read by OCR in turn and its
 * paragraphs kept with their page, so the reader and every citation give the page.
 */
export async function tiffDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  const pages = tiffPages(bytes);
  for (const [i, p] of pages.entries()) {
    if (p.width * p.height > MAX_IMAGE_PIXELS) throw tooLarge(p.width, p.height, pages.length > 1 ? ` on page ${i + 1}` : '');
    const unreadable = unreadableCompression(p);
    if (unreadable) throw new Refusal(unreadable);
  }
  const read = pages.slice(0, MAX_OCR_PAGES);
  const paragraphs: DocumentParagraph[] = [];
  // A single scanned page is cited as the image is, without a page number.
  const paged = pages.length > 1;
  const confidences: { page: number | null; confidence: number }[] = [];
  const withoutText: number[] = [];
  for (const [i, p] of read.entries()) {
    reportProgress(i, read.length, 'pages read by OCR');
    const page = await recognise(tiffPage(bytes, p));
    if (page.paragraphs.length === 0) withoutText.push(i + 1);
    else confidences.push({ page: paged ? i + 1 : null, confidence: page.confidence });
    paragraphs.push(...page.paragraphs.map((text) => (paged ? { text, page: i + 1 } : { text })));
  }
  reportProgress(read.length, read.length, 'pages read by OCR');
  if (paragraphs.length === 0) throw new Refusal(`No text was found in the image${pages.length > 1 ? `'s ${pages.length} pages` : ''}.`);
  const notRead = pages.length > read.length ? `Pages ${read.length + 1}–${pages.length} were not read (only ${MAX_OCR_PAGES} scanned pages are read by OCR).` : null;
  const blank = withoutText.length ? `${withoutText.length === 1 ? 'Page' : 'Pages'} ${withoutText.join(', ')}: no text found.` : null;
  const mean = Math.round(confidences.reduce((sum, p) => sum + p.confidence, 0) / confidences.length);
  return [
    {
      name,
      format: 'image',
      content: { kind: 'paragraphs', paragraphs },
      meta: {
        pages: paged ? pages.length : null,
        ocrConfidence: mean,
        ocrPages: paged ? confidences.map((p) => `p. ${p.page} (${p.confidence}%)`).join(', ') : null,
        ocrLowConfidence: lowConfidencePages(confidences),
        ocrLowest: lowestConfidence(confidences),
      },
      parent: null,
      warning: [notRead, blank, lowConfidenceWarning(confidences)].filter(Boolean).join(' ') || null,
    },
  ];
}
