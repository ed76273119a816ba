import path from 'node:path';
import { importableExtension, MAX_DOCUMENT_BYTES } from '../../../contract/imports.js';
import { decodeArticleBytes } from '../decode.js';
import { megabytes, Refusal, type FoundDocument } from './document.js';
import { docxDocuments } from './docx.js';
import { mboxDocuments, messageDocuments, mhtmlDocuments } from './email.js';
import { msgDocuments } from './msg.js';
import { imageDocuments, tiffDocuments } from './ocr.js';
import { odtDocuments } from './odt.js';
import { pdfDocuments } from './pdf.js';
import { rtfDocuments } from './rtf.js';
import { warcDocuments, warcPages } from './warc.js';
import { zipDocuments } from './zip.js';

/** A zip in an e-mail in a zip is fine; deeper nesting is a trick, not a document. */
const MAX_DEPTH = 4;

const TEXT_KINDS: Record<string, 'text' | 'markdown' | 'html'> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** The refusal for a type we do not import, naming what we do. */
function notImported(name: string): Refusal {
  const ext = path.extname(name).toLowerCase();
  return new Refusal(`Files of type "${ext || 'none'}" are not imported (use text, Markdown, HTML, PDF, Word, OpenDocument, RTF, e-mail, saved web pages, PNG, JPEG and TIFF scans or a zip of them).`);
}

/**
 * Formats read from disk as a stream, a record at a time, so a file of any size is read in bounded
 * memory and handed on as it is read: a crawler's WARC (a gigabyte is common).
 */
export function isStreamed(name: string): boolean {
  const ext = importableExtension(name);
  return ext === '.warc' || ext === '.warc.gz';
}

/** The documents of a streamed file (see isStreamed), as they are read from its bytes. */
export function documentStreamOf(name: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<FoundDocument> {
  return warcPages(name, chunks);
}

/** Every document in a file, whatever its format; `name` is how the import report calls the file. */
export async function documentsOf(name: string, bytes: Uint8Array, depth = 0): Promise<FoundDocument[]> {
  const ext = importableExtension(name);
  if (!ext) throw notImported(name);
  if (bytes.length === 0) throw new Refusal('The file is empty.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new Refusal(`The file is ${megabytes(bytes.length)}; files over ${megabytes(MAX_DOCUMENT_BYTES)} are refused.`);
  const nested = (inner: string, innerBytes: Uint8Array) => {
    if (depth >= MAX_DEPTH) return Promise.reject(new Refusal(`Not read: nested more than ${MAX_DEPTH} levels deep (archives in attachments in archives).`));
    return documentsOf(inner, innerBytes, depth + 1);
  };
  const kind = TEXT_KINDS[ext];
  if (kind) {
    const decoded = decodeArticleBytes(bytes);
    return [{ name, format: kind, content: { kind, text: decoded.text, warning: decoded.warning }, meta: {}, parent: null }];
  }
  switch (ext) {
    case '.pdf':
      return pdfDocuments(name, bytes);
    case '.docx':
      return docxDocuments(name, bytes);
    case '.odt':
      return odtDocuments(name, bytes);
    case '.rtf':
      return rtfDocuments(name, bytes);
    case '.eml':
      return messageDocuments(name, bytes, nested);
    case '.mbox':
      return mboxDocuments(name, bytes, nested);
    case '.msg':
      return msgDocuments(name, bytes, nested);
    case '.mhtml':
    case '.mht':
      return mhtmlDocuments(name, bytes);
    case '.warc':
    case '.warc.gz':
      return warcDocuments(name, bytes);
    case '.png':
    case '.jpg':
    case '.jpeg':
      return imageDocuments(name, bytes);
    case '.tif':
    case '.tiff':
      return tiffDocuments(name, bytes);
    case '.zip':
      return zipDocuments(name, bytes, (entry) => importableExtension(entry) !== null, nested);
    default:
      throw notImported(name);
  }
}
