import { createRequire } from 'node:module';
import path from 'node:path';
import { parseDateLine } from '../plainText.js';
import { cleanText, isoDate, Refusal, reportProgress, type DocumentParagraph, type SourceDocument } from './document.js';
import { lowConfidencePages, lowestConfidence, lowConfidenceWarning, MAX_OCR_PAGES, recognise } from './ocr.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** More pages than this is not a report but a book or a scan dump: refused rather than read for minutes. */
export const MAX_PDF_PAGES = 5000;
export { MAX_OCR_PAGES };
/** A page is rendered for OCR at up to 3× (216 dpi), within this many pixels. */
const OCR_PIXELS = 12_000_000;

interface PdfCanvas {
  canvas: { toBuffer(type: 'image/png'): Uint8Array };
  context: unknown;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** A page without a text layer (a scan), rendered in memory and read by OCR. */
async function ocrPage(page: PdfPage, canvasFactory: { create(width: number, height: number): PdfCanvas }) {
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: Math.min(3, Math.sqrt(OCR_PIXELS / (base.width * base.height))) });
  const { canvas, context } = canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
  return recognise(canvas.toBuffer('image/png'));
}

let loading: Promise<{ pdfjs: PdfJs; assets: string }> | null = null;

/**
 * pdf.js with its parser on this thread (we are already in a parsing worker) and its font and
 * character-map data read from the installed package: nothing is fetched.
 */
function loadPdfJs(): Promise<{ pdfjs: PdfJs; assets: string }> {
  loading ??= (async () => {
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const assets = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { pdfjs, assets };
  })();
  return loading;
}

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  /** 0 for a line across the page (or a one-column page), 1 and 2 for the left and right column. */
  column: number;
}

/** Items on one baseline and close together make a line; a column gutter keeps two lines apart. */
function linesOf(items: Item[], page: number): Line[] {
  const sorted = items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < l.size * 0.4 && item.x >= l.x0 - 1 && item.x - l.x1 < Math.max(l.size, item.size) * 1.2);
    if (!line) {
      lines.push({ text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, size: item.size, page, column: 0 });
      continue;
    }
    const gap = item.x - line.x1;
    const spaced = gap > item.size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(item.text);
    line.text += (spaced ? ' ' : '') + item.text;
    line.x1 = Math.max(line.x1, item.x + item.width);
    line.size = Math.max(line.size, item.size);
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text);
}

/**
 * Reading order of a page: a gutter that most lines keep clear of, in the middle of the page,
 * makes two columns. Lines across it (a headline, a running header) split the page into bands;
 * in each band the left column is read before the right.
 */
function readingOrder(lines: Line[], width: number): Line[] {
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  if (lines.length < 6) return byY;
  let best: { x: number; crossing: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += 2) {
    const left = lines.filter((l) => l.x1 <= x).length;
    const right = lines.filter((l) => l.x0 >= x).length;
    if (left < 3 || right < 3) continue;
    const crossing = lines.length - left - right;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > lines.length * 0.25) return byY;
  const gutter = best.x;
  // Headline type spans the page even where a short headline line would fit in one column.
  const bodySize = median(lines.map((l) => l.size));
  const ordered: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    ordered.push(...band.filter((l) => l.column === 1), ...band.filter((l) => l.column === 2));
    band = [];
  };
  for (const line of byY) {
    if (line.size > bodySize * 1.25) {
      flush();
      ordered.push(line);
    } else if (line.x1 <= gutter) band.push({ ...line, column: 1 });
    else if (line.x0 >= gutter) band.push({ ...line, column: 2 });
    else {
      flush();
      ordered.push(line);
    }
  }
  flush();
  return ordered;
}

/** "Page 3", "3 of 12", "- 3 -", "iv": a page number, not text. */
const PAGE_NUMBER = /^(?:page|p\.|seite|página|pag\.)?\s*[-–]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–]?\s*(?:(?:of|\/|de|von)\s*\d{1,4})?$/i;
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Running headers and footers: lines in the top or bottom eighth of a page that come back on at
 * least half the pages (numbers set aside, so "Page 3 of 12" matches "Page 4 of 12"), and page numbers.
 */
function withoutFurniture(pages: { lines: Line[]; height: number }[]): Line[][] {
  const margin = (l: Line, height: number) => l.y > height * 0.88 || l.y < height * 0.12;
  const counts = new Map<string, number>();
  for (const { lines, height } of pages) {
    for (const key of new Set(lines.filter((l) => margin(l, height)).map((l) => furnitureKey(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 2 && (counts.get(key) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map(({ lines, height }) => lines.filter((l) => !(margin(l, height) && (PAGE_NUMBER.test(l.text) || repeated(furnitureKey(l.text))))));
}

const endsSentence = (text: string) => /[.!?…:;]["”’)\]]*$/.test(text);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/**
 * Lines to paragraphs: a wider gap than the usual line spacing, a change of type size or an
 * indented first line ends a paragraph; a column or page break does not when the sentence runs
 * on. A word hyphenated at a line end is joined again.
 */
function paragraphsOf(lines: Line[]): DocumentParagraph[] {
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.column === b.column && a.y > b.y) pitches.push(a.y - b.y);
  }
  const pitch = median(pitches) || 12;
  const paragraphs: (DocumentParagraph & { size: number; last: Line })[] = [];
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    const previous = current?.last;
    let continues = false;
    if (current && previous) {
      const sameSize = Math.abs(line.size - previous.size) <= previous.size * 0.15;
      const sameFlow = line.page === previous.page && line.column === previous.column && previous.y > line.y;
      if (sameFlow) {
        const gap = previous.y - line.y;
        const indented = line.x0 - previous.x0 > line.size * 1.5 && endsSentence(previous.text);
        // Large type is set with more leading than the body: a two-line headline is one paragraph.
        continues = sameSize && gap < Math.max(pitch, line.size * 1.3) * 1.35 && !indented;
      } else {
        // A new column or page: the paragraph runs on when its sentence does.
        continues = sameSize && (!endsSentence(previous.text) || /^\p{Ll}/u.test(line.text));
      }
    }
    if (!continues || !current) {
      paragraphs.push({ text: line.text, page: line.page, size: line.size, last: line });
      continue;
    }
    const hyphenated = /\p{L}-$/u.test(current.text) && /^\p{Ll}/u.test(line.text);
    current.text = hyphenated ? current.text.slice(0, -1) + line.text : `${current.text} ${line.text}`;
    current.last = line;
  }
  return paragraphs.map(({ text, page }) => ({ text, page }));
}

/** PDF dates: "D:20240312090000Z", "D:20240312090000+04'30'", or a bare year. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', zone] = m;
  if (!h) return m[3] ? `${y}-${mo}-${d}` : m[2] ? `${y}-${mo}` : y!;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return isoDate(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`) ?? `${y}-${mo}-${d}`;
}

/** Symbol soup from a font without a Unicode map: few letters, or "words" without a vowel. */
export function looksLikeGarbage(text: string): boolean {
  const visible = text.replace(/\s+/g, '');
  if (visible.length < 40) return false;
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  const odd = (visible.match(/[\ufffd\ue000-\uf8ff]/g) ?? []).length;
  if (letters / visible.length < 0.5 || odd / visible.length > 0.1) return true;
  const latinWords = text.match(/\b[a-zA-Z]{4,}\b/g) ?? [];
  const voweless = latinWords.filter((w) => !/[aeiouyAEIOUY]/.test(w)).length;
  return latinWords.length >= 20 && voweless / latinWords.length > 0.4;
}

function describePdfError(error: unknown): Refusal {
  const name = (error as { name?: string }).name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new Refusal('The PDF is protected by a password: open it, save a copy without the password, and import that copy.');
  }
  if (name === 'InvalidPDFException') return new Refusal(`The file is not a readable PDF (${message.replace(/\.$/, '')}): it may be damaged or cut off.`);
  return new Refusal(`The PDF could not be read: ${message}`);
}

/**
 * A PDF with a text layer: its text in reading order, one paragraph per paragraph (not per printed
 * line), each with the page it starts on; running headers, footers and page numbers left out.
 */
export async function pdfDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  const { pdfjs, assets } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given: a copy leaves the caller's bytes intact.
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(assets, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(assets, 'standard_fonts')}${path.sep}`,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw describePdfError(error);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new Refusal(`The PDF has ${doc.numPages} pages; more than ${MAX_PDF_PAGES} are refused (split it first).`);
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const pages: { lines: Line[]; height: number }[] = [];
    const withoutText: number[] = [];
    const scanned: DocumentParagraph[] = [];
    const ocr: { page: number; confidence: number }[] = [];
    const canvasFactory = (doc as unknown as { canvasFactory: { create(width: number, height: number): PdfCanvas } }).canvasFactory;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a, b, , , x, y] = raw.transform as number[];
        // Rotated text (a vertical margin note, a stamp) is not part of the running text.
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        items.push({ text: raw.str, x: x! - x0, y: y! - y0, width: raw.width, size: Math.abs(raw.height) || Math.abs(a!) });
      }
      const lines = linesOf(items, n);
      if (lines.length === 0 && ocr.length < MAX_OCR_PAGES) {
        // A scanned page takes seconds: the import shows that this page is being read.
        reportProgress(n - 1, doc.numPages, 'pages');
        const read = await ocrPage(page, canvasFactory);
        if (read.paragraphs.length) {
          scanned.push(...read.paragraphs.map((text) => ({ text, page: n })));
          ocr.push({ page: n, confidence: read.confidence });
        } else withoutText.push(n);
      } else if (lines.length === 0) withoutText.push(n);
      pages.push({ lines: readingOrder(lines, x1 - x0), height: y1 - y0 });
      // Each page's fonts and operators are released once read: a 2,000-page report stays small.
      page.cleanup();
      if (n % 25 === 0 || lines.length === 0) reportProgress(n, doc.numPages, 'pages');
    }
    if (withoutText.length === doc.numPages) throw new Refusal('The PDF has no text: no text layer, and OCR found no words on its pages.');
    // Scanned pages' paragraphs take their place among the text pages' (a stable sort by page).
    const paragraphs = [...paragraphsOf(withoutFurniture(pages).flat()), ...scanned]
      .sort((a, b) => a.page! - b.page!)
      .map((p) => ({ ...p, text: cleanText(p.text) }));
    const allText = paragraphs.map((p) => p.text).join('\n');
    if (looksLikeGarbage(allText)) {
      throw new Refusal('The PDF\'s text layer is unreadable (symbols instead of words: its fonts carry no character map). Import a copy saved with text, or use OCR.');
    }
    const firstPage = pages[0]?.lines ?? [];
    const bodySize = median(firstPage.map((l) => l.size));
    const headline = firstPage.filter((l) => l.size > bodySize * 1.3);
    const infoTitle = typeof info.Title === 'string' && info.Title.trim().length > 2 ? info.Title.trim() : null;
    const title = infoTitle ?? (headline.length ? headline.map((l) => l.text).join(' ') : null);
    // A short line near the top ("Issued 12 March 2024"), not a sentence that mentions a month.
    const printedDate = firstPage.slice(0, 12).filter((l) => l.text.length < 50).map((l) => parseDateLine(l.text)).find(Boolean) ?? null;
    const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : null;
    const skipped = withoutText.length
      ? `${withoutText.length === 1 ? 'Page' : 'Pages'} ${withoutText.join(', ')} ${withoutText.length === 1 ? 'has' : 'have'} no text${ocr.length >= MAX_OCR_PAGES ? ` (only ${MAX_OCR_PAGES} scanned pages are read by OCR)` : ''}: not imported.`
      : null;
    return [
      {
        name,
        format: 'pdf',
        content: { kind: 'paragraphs', paragraphs },
        meta: {
          title,
          author,
          published: pdfDate(info.CreationDate) ?? printedDate,
          pages: doc.numPages,
          ocrPages: ocr.length ? ocr.map((p) => `p. ${p.page} (${p.confidence}%)`).join(', ') : null,
          ocrLowConfidence: lowConfidencePages(ocr),
          ocrLowest: lowestConfidence(ocr),
        },
        parent: null,
        warning: [skipped, lowConfidenceWarning(ocr)].filter(Boolean).join(' ') || null,
      },
    ];
  } finally {
    await doc.destroy();
  }
}
