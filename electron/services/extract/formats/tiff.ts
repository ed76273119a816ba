import { Refusal } from './document.js';

/** One page of a TIFF file: where its directory is, and its size in pixels. */
export interface TiffPage {
  directory: number;
  width: number;
  height: number;
  /** The TIFF compression code (1 none, 4 CCITT G4, 5 LZW, 7 JPEG, 8 Deflate, …). */
  compression: number;
}

/**
 * The compressions the OCR engine's TIFF reader decodes (its libtiff is built with these codecs
 * only): none, CCITT (fax and office scanners' black and white), LZW, PackBits, NeXT, ThunderScan.
 */
export const READABLE_COMPRESSIONS = new Set([1, 2, 3, 4, 5, 32766, 32773, 32809]);
const COMPRESSION_NAMES: Record<number, string> = { 6: 'old-style JPEG', 7: 'JPEG', 8: 'Deflate', 32946: 'Deflate', 34712: 'JPEG 2000', 34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP' };

/** The refusal for a page the OCR engine cannot decode, or null when it can. */
export function unreadableCompression(page: TiffPage): string | null {
  if (READABLE_COMPRESSIONS.has(page.compression)) return null;
  const name = COMPRESSION_NAMES[page.compression] ?? `compression ${page.compression}`;
  return `The TIFF is compressed with ${name}, which the OCR engine does not read: save the scan as PNG, or as TIFF with LZW or CCITT G4 compression.`;
}

/** A scanner's multi-page file is tens of pages; a chain longer than this is a loop or a trick. */
const MAX_TIFF_PAGES = 5000;
const WIDTH = 256;
const HEIGHT = 257;
const COMPRESSION = 259;
const SHORT = 3;
const LONG = 4;

const damaged = () => new Refusal('The TIFF cannot be read: its page directory is damaged or cut off.');

/**
 * The pages of a TIFF (a fax or a scanner's multi-page file), read from the chain of image file
 * directories without decoding any image: the pixels are left to the OCR engine's own TIFF reader.
 */
export function tiffPages(bytes: Uint8Array): TiffPage[] {
  if (bytes.length < 8) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0]!, bytes[1]!);
  if (order !== 'II' && order !== 'MM') throw new Refusal('The image cannot be read: it is not a TIFF file, or it is damaged.');
  const little = order === 'II';
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const version = u16(2);
  if (version === 43) throw new Refusal('The TIFF is a BigTIFF (a file over 4 GB in layout), which is not read: save the pages as ordinary TIFF, PNG or PDF.');
  if (version !== 42) throw new Refusal('The image cannot be read: it is not a TIFF file, or it is damaged.');
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  for (let directory = u32(4); directory !== 0; ) {
    if (seen.has(directory) || directory + 2 > bytes.length || pages.length >= MAX_TIFF_PAGES) throw damaged();
    seen.add(directory);
    const entries = u16(directory);
    const next = directory + 2 + entries * 12;
    if (next + 4 > bytes.length) throw damaged();
    let width = 0;
    let height = 0;
    let compression = 1;
    for (let i = 0; i < entries; i++) {
      const entry = directory + 2 + i * 12;
      const tag = u16(entry);
      if (tag !== WIDTH && tag !== HEIGHT && tag !== COMPRESSION) continue;
      const type = u16(entry + 2);
      const value = type === SHORT ? u16(entry + 8) : type === LONG ? u32(entry + 8) : 0;
      if (tag === WIDTH) width = value;
      else if (tag === HEIGHT) height = value;
      else compression = value;
    }
    if (!width || !height) throw damaged();
    pages.push({ directory, width, height, compression });
    directory = u32(next);
  }
  if (pages.length === 0) throw damaged();
  return pages;
}

/**
 * One page as a TIFF of its own, for an OCR engine that reads the first page of a file: the same
 * bytes (every strip stays where the page's directory says it is) with the header pointing at this
 * page's directory, and that directory pointing at no next page.
 */
export function tiffPage(bytes: Uint8Array, page: TiffPage): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const little = copy[0] === 0x49;
  view.setUint32(4, page.directory, little);
  view.setUint32(page.directory + 2 + view.getUint16(page.directory, little) * 12, 0, little);
  return copy;
}
