// `npm run bench`'s documents: how fast a PDF with a text layer is read (BENCH_PDF_PAGES, 200 pages
// by default) and how fast scanned pages are read by OCR (BENCH_OCR_PAGES, 6 by default; 0 skips
// either). Both go through documentsFromFile, the function the parsing worker runs for an imported
// file, here on this thread. Each result is checked against what was written (pages, words), so a
// reader that breaks fails here instead of printing a fast figure.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentsFromFile, type NewArticle } from '../electron/services/extract/article.js';
import { withReading } from '../electron/services/extract/formats/document.js';
import { closeOcr, recognise } from '../electron/services/extract/formats/ocr.js';
import { wrap, writePdf, type PdfLine, type PdfPage } from '../tests/fixtures/documents/pdfWriter.mjs';
import { makeArticles, mulberry32 } from './benchArticles.js';

const HEADER = 'Northern provinces monitoring network - Quarterly security report, July to September 2021';
/** The body on a Letter page (612 × 792 points): 10-point type, one-inch margins; header and footer outside it. */
const PAGE = { top: 700, bottom: 90, left: 72, width: 468, size: 10, leading: 13 };
/** Scanners' usual resolution for office documents. */
const SCAN_DPI = 150;

/** The writer's Helvetica has WinAnsi's characters only: the corpus's dashes and quotes are set as ASCII. */
const latin1 = (s: string) =>
  s
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\n\x20-\x7e\xa0-\xff]/g, '');

/** Text as a reader gets it back: a word hyphenated at a line end joined again. */
const unhyphenated = (lines: string[]) => lines.join('\n').replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2');

interface Report {
  pdf: Uint8Array;
  pages: PdfPage[];
  /** Each page's printed lines, header and footer included: what a scan of it shows. */
  printed: string[][];
  /** Words of the body (furniture left out), as the reader should return them. */
  words: number;
}

/**
 * A report of `pageCount` pages: the bench's news articles as sections (a bold headline, then
 * paragraphs), 10-point Helvetica wrapped to the measure with words hyphenated at line ends, a
 * running header and a "Page N of M" footer on every page.
 */
function writeReport(pageCount: number): Report {
  const sections: { heading: string; paragraphs: string[] }[] = [];
  // An article is about one page of text; twice the pages is always enough.
  makeArticles(pageCount * 2 + 2, 17, (text) => {
    const lines = latin1(text).split('\n');
    // Headline, "Source:" and "Published:" lines, then the paragraphs.
    sections.push({ heading: lines[0]!.replace(/\s*\(\d+\)$/, ''), paragraphs: lines.slice(3).join('\n').split(/\n\n+/).filter(Boolean) });
  });
  const pages: PdfLine[][] = [];
  const body: string[] = [];
  let y = -Infinity;
  /** Places one line, turning the page when it is full; false once the last page is full. */
  const place = (text: string, size: number, leading: number, space: number, bold = false): boolean => {
    // Space before a paragraph or a headline, unless it would take the last line of the page.
    if (pages.length && y - space >= PAGE.bottom) y -= space;
    if (!pages.length || y < PAGE.bottom) {
      if (pages.length === pageCount) return false;
      pages.push([]);
      y = PAGE.top;
    }
    pages[pages.length - 1]!.push({ x: PAGE.left, y, size, text, bold });
    body.push(text);
    y -= leading;
    return true;
  };
  fill: for (const section of sections) {
    if (!place(section.heading, 14, 18, 16, true)) break;
    for (const paragraph of section.paragraphs) {
      let space = 6;
      for (const line of wrap(paragraph, PAGE.width, PAGE.size)) {
        if (!place(line, PAGE.size, PAGE.leading, space)) break fill;
        space = 0;
      }
    }
  }
  if (pages.length < pageCount) throw new Error(`benchDocuments: the articles filled ${pages.length} of ${pageCount} pages`);
  const furnished = pages.map((lines, i) => [
    { x: PAGE.left, y: 752, size: 8, text: HEADER },
    ...lines,
    { x: 270, y: 42, size: 8, text: `Page ${i + 1} of ${pageCount}` },
  ]);
  const words = unhyphenated(body).split(/\s+/).filter(Boolean).length;
  return {
    pdf: writePdf({ pages: furnished.map((lines) => ({ lines })), info: { Author: 'Monitoring network', CreationDate: 'D:20211004090000Z' } }),
    pages: furnished.map((lines) => ({ lines })),
    printed: furnished.map((lines) => lines.map((l) => l.text)),
    words,
  };
}

/** A file read as the parsing worker reads it (English for scanned pages); its one article. */
async function readFile(name: string, bytes: Uint8Array): Promise<NewArticle> {
  const [doc, ...more] = await withReading(undefined, { ocrLanguages: ['eng'] }, () => documentsFromFile(name, bytes));
  if (!doc || more.length) throw new Error(`benchDocuments: ${name} gave ${more.length + (doc ? 1 : 0)} documents, not one`);
  if ('failure' in doc) throw new Error(`benchDocuments: ${name} was refused: ${doc.failure}`);
  return doc.article;
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length;

async function benchPdf(pageCount: number): Promise<void> {
  const report = writeReport(pageCount);
  // pdf.js is loaded once per parsing worker: a one-page file loads it before the clock starts.
  await readFile('warm-up.pdf', writePdf({ pages: report.pages.slice(0, 1) }));
  const started = performance.now();
  const article = await readFile('report.pdf', report.pdf);
  const seconds = (performance.now() - started) / 1000;
  const words = wordsOf(article.body);
  const lastPage = article.pageStarts?.at(-1)?.[1];
  const problems = [
    article.metadata?.pages !== pageCount && `${article.metadata?.pages} pages counted`,
    lastPage !== pageCount && `text up to page ${lastPage}`,
    Math.abs(words - report.words) > report.words * 0.01 && `${words} words read of ${report.words} written`,
    (article.body.includes(HEADER) || /Page \d+ of \d+/.test(article.body)) && 'running header or page numbers kept',
  ].filter(Boolean);
  if (problems.length) throw new Error(`benchDocuments: the PDF was misread: ${problems.join('; ')}`);
  console.log(
    `documents pdf: ${pageCount} pages (${(report.pdf.length / 1024 / 1024).toFixed(1)} MB, ${words.toLocaleString('en')} words) in ${seconds.toFixed(1)} s, ${(pageCount / seconds).toFixed(0)} pages/s (text layer, one thread)`,
  );
}

interface ScanCanvas {
  canvas: { toBuffer(type: 'image/jpeg' | 'image/png', quality?: number): Uint8Array };
  context: CanvasRenderingContext2D;
}

/**
 * The report's first pages as a scanner gives them: rendered at 150 dpi by pdf.js (its own
 * Helvetica, no system font needed), turned half a degree, with grain and specks, as JPEG. Also a
 * strip of the first page's header, for starting the OCR engine on one line.
 */
async function scan(report: Report, pageCount: number): Promise<{ pages: { jpeg: Uint8Array; width: number; height: number }[]; strip: Uint8Array }> {
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  // As the PDF reader does (formats/pdf.ts): pdf.js's parser on this thread.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(workerModule);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const assets = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(report.pdf),
    standardFontDataUrl: `${path.join(assets, 'standard_fonts')}${path.sep}`,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const factory = (doc as unknown as { canvasFactory: { create(width: number, height: number): ScanCanvas } }).canvasFactory;
  const rand = mulberry32(29);
  const pages: { jpeg: Uint8Array; width: number; height: number }[] = [];
  let strip: Uint8Array | null = null;
  try {
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: SCAN_DPI / 72 });
      const [width, height] = [Math.ceil(viewport.width), Math.ceil(viewport.height)];
      const { canvas, context } = factory.create(width, height);
      const turn = (0.5 * Math.PI) / 180;
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport, transform: [Math.cos(turn), Math.sin(turn), -Math.sin(turn), Math.cos(turn), 0, 0] }).promise;
      const image = context.getImageData(0, 0, width, height);
      for (let i = 0; i < image.data.length; i += 4) {
        const grain = (rand() - 0.5) * 40;
        const speck = rand() < 0.001;
        for (let k = 0; k < 3; k++) image.data[i + k] = speck ? 60 : Math.max(0, Math.min(255, image.data[i + k]! + grain));
      }
      context.putImageData(image, 0, 0);
      pages.push({ jpeg: canvas.toBuffer('image/jpeg', 75), width, height });
      if (!strip) {
        const line = factory.create(width, 130);
        line.context.putImageData(context.getImageData(0, 0, width, 130), 0, 0);
        strip = line.canvas.toBuffer('image/png');
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages, strip: strip! };
}

/** Distinct words of four letters or more, lower-cased: what an OCR read is scored on. */
const vocabulary = (text: string) => new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) as string[]);

async function benchOcr(pageCount: number): Promise<void> {
  const report = writeReport(pageCount);
  const scanned = await scan(report, pageCount);
  const pdf = writePdf({ pages: scanned.pages.map((s) => ({ lines: [], scan: s })) });
  try {
    // The engine starts on the first scan read (loading the English model): timed apart, on one line.
    let started = performance.now();
    await withReading(undefined, { ocrLanguages: ['eng'] }, () => recognise(scanned.strip));
    const engineStart = (performance.now() - started) / 1000;
    started = performance.now();
    const article = await readFile('scanned.pdf', pdf);
    const seconds = (performance.now() - started) / 1000;
    const written = vocabulary(report.printed.map((lines) => unhyphenated(lines)).join('\n'));
    const read = vocabulary(article.body);
    const recall = [...written].filter((w) => read.has(w)).length / written.size;
    const ocrPages = (article.metadata?.ocrPages ?? '').split(', ').filter(Boolean).length;
    if (ocrPages !== pageCount || recall < 0.85) {
      throw new Error(`benchDocuments: the scan was misread: ${ocrPages} of ${pageCount} pages read by OCR, ${(recall * 100).toFixed(0)}% of the words`);
    }
    console.log(
      `documents ocr: ${pageCount} pages in ${seconds.toFixed(1)} s, ${(pageCount / seconds).toFixed(2)} pages/s (English, one core; ${SCAN_DPI} dpi scans of full text pages, ${(recall * 100).toFixed(0)}% of their words read; engine start ${engineStart.toFixed(1)} s)`,
    );
  } finally {
    // The engine's thread would keep the process alive for its idle minute.
    await closeOcr();
  }
}

export async function benchDocuments(pdfPages = Number(process.env.BENCH_PDF_PAGES ?? 200), ocrPages = Number(process.env.BENCH_OCR_PAGES ?? 6)): Promise<void> {
  if (!(pdfPages > 0) && !(ocrPages > 0)) return;
  console.log('\n== documents: PDF pages/s, OCR pages/s (one core) ==');
  if (pdfPages > 0) await benchPdf(pdfPages);
  if (ocrPages > 0) await benchOcr(ocrPages);
}
