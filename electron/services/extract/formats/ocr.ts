import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker as OcrWorker } from 'tesseract.js';
import { Refusal, type DocumentParagraph, type SourceDocument } from './document.js';

/** Larger images are refused before decoding: 20,000 × 20,000 pixels would need 1.6 GB as RGBA. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Tesseract's mean word confidence (0–100) under which a page is flagged for checking. */
export const LOW_CONFIDENCE = 70;

let engine: Promise<OcrWorker> | null = null;
let idle: NodeJS.Timeout | null = null;
/** The engine runs in a thread of its own, which keeps a process alive: it is stopped after a minute unused. */
const IDLE_MILLISECONDS = 60_000;

/** Stops the OCR engine (the pool calls it on close; an idle engine stops itself). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const running = engine;
  engine = null;
  if (running) await (await running.catch(() => null))?.terminate();
}

/**
 * Tesseract with the English model from its npm package (@tesseract.js-data/eng): read from disk,
 * never fetched, never cached elsewhere. One engine per parsing worker, loaded on the first scan.
 */
function ocrEngine(): Promise<OcrWorker> {
  engine ??= (async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    const data = path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
    return createWorker('eng', OEM.LSTM_ONLY, { langPath: path.join(data, '4.0.0_best_int'), gzip: true, cacheMethod: 'none' });
  })();
  engine.catch(() => (engine = null));
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
export async function recognise(image: Uint8Array): Promise<{ paragraphs: string[]; confidence: number }> {
  if (idle) clearTimeout(idle);
  const worker = await ocrEngine();
  const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength)).finally(() => {
    idle = setTimeout(() => void closeOcr(), IDLE_MILLISECONDS);
    idle.unref();
  });
  return { paragraphs: ocrParagraphs(data.text), confidence: Math.round(data.confidence) };
}

export const lowConfidenceWarning = (pages: { page: number | null; confidence: number }[]): string | null => {
  const low = pages.filter((p) => p.confidence < LOW_CONFIDENCE);
  if (low.length === 0) return null;
  const where = low.map((p) => (p.page === null ? `${p.confidence}%` : `p. ${p.page} (${p.confidence}%)`)).join(', ');
  return `Read by OCR with low confidence: ${where}. Check the text against the original.`;
};

/** A scanned page or a photo of a document (PNG, JPEG), read by OCR. */
export async function imageDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  const size = imageSize(bytes);
  if (!size) throw new Refusal('The image cannot be read: it is not a PNG or JPEG file, or it is damaged.');
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new Refusal(`The image is ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} pixels, too large to read (over ${MAX_IMAGE_PIXELS / 1_000_000} million pixels): scale it down first.`);
  }
  const { paragraphs, confidence } = await recognise(bytes);
  if (paragraphs.length === 0) throw new Refusal('No text was found in the image.');
  const list: DocumentParagraph[] = paragraphs.map((text) => ({ text }));
  return [
    {
      name,
      format: 'image',
      content: { kind: 'paragraphs', paragraphs: list },
      meta: { ocrConfidence: confidence },
      parent: null,
      warning: lowConfidenceWarning([{ page: null, confidence }]),
    },
  ];
}
