import chardet from 'chardet';
import iconv from 'iconv-lite';
import { MAX_FILE_BYTES } from '../../contract/imports.js';

/** A file the importer will not take, with a reason the analyst can act on. */
export class Refusal extends Error {}

export interface Decoded {
  text: string;
  encoding: string;
  /** Said in the import report when the bytes were not what they claimed to be. */
  warning: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then a detector limited to
 * the single-byte encodings news pages use, with Windows-1252 as the last resort.
 */
export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new Refusal('The file is empty.');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new Refusal(`The file is ${megabytes(bytes.length)}; articles over ${megabytes(MAX_FILE_BYTES)} are refused.`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return checked({ text: decodeUtf8(buffer.subarray(3)), encoding: 'UTF-8', warning: null });
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return checked({ text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'UTF-16LE', warning: null });
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return checked({ text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'UTF-16BE', warning: null });
  }
  if (looksBinary(buffer)) throw new Refusal('This is a binary file, not text (e.g. an image, PDF or archive).');
  try {
    return checked({ text: utf8.decode(buffer), encoding: 'UTF-8', warning: null });
  } catch {
    const guess = singleByteGuess(buffer);
    return checked({
      text: iconv.decode(buffer, guess),
      encoding: guess,
      warning: `Not valid UTF-8: read as ${guess}. Check accented letters.`,
    });
  }
}

function decodeUtf8(buffer: Buffer): string {
  try {
    return utf8.decode(buffer);
  } catch {
    throw new Refusal('The file says it is UTF-8 but contains invalid UTF-8 bytes.');
  }
}

function singleByteGuess(buffer: Buffer): string {
  const detected = chardet.detect(buffer.subarray(0, 64 * 1024));
  const known = ['ISO-8859-1', 'ISO-8859-2', 'ISO-8859-5', 'ISO-8859-7', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1256', 'KOI8-R'];
  if (detected && known.includes(detected) && detected !== 'ISO-8859-1') return detected;
  // ISO-8859-1 is a subset of Windows-1252 for printable text, which also maps smart quotes.
  return 'windows-1252';
}

/** NUL bytes or many control characters in the first 8 KB: no text format we import has them. */
function looksBinary(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / head.length > 0.05;
}

function checked(decoded: Decoded): Decoded {
  const text = decoded.text.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
  if (text.trim().length === 0) throw new Refusal('The file holds no text (only spaces or blank lines).');
  return { ...decoded, text };
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
