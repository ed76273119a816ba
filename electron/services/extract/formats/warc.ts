import type { WARCRecord } from 'warcio';
import { isoDate, Refusal, type FoundDocument } from './document.js';
import { partName } from './nested.js';

/** Pages larger than this in a crawl are not articles (a data dump, a video): listed and skipped. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * A crawler's WARC file (plain, gzipped per record or as a whole): every HTML page it captured is
 * a document, with the address it was captured from and when. Requests, images, scripts and
 * metadata records are skipped. Read as a stream, one record at a time: a crawl of a gigabyte is
 * never held whole, and each page is handed on as soon as it is read.
 */
export async function* warcPages(name: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<FoundDocument> {
  const source = chunks[Symbol.asyncIterator]();
  const first = await source.next();
  const head = first.done ? new Uint8Array() : first.value;
  const start = new TextDecoder('latin1').decode(head.subarray(0, 8));
  if (!start.startsWith('WARC/') && !(head[0] === 0x1f && head[1] === 0x8b)) throw new Refusal('This is not a WARC file: it does not start with a WARC record.');
  // Loaded on the first WARC: commands that never read one do not pay for it.
  const { WARCParser } = await import('warcio');
  async function* whole() {
    yield head;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  let found = 0;
  const cutShort = () => new Error('it ends in the middle of a record');
  try {
    for await (const record of new WARCParser(whole())) {
      if (record.warcType !== 'response' && record.warcType !== 'resource') {
        if (!(await drained(record))) throw cutShort();
        continue;
      }
      const url = record.warcTargetURI ?? null;
      const type = (record.warcType === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcContentType) ?? '';
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (!/html/i.test(type) || (status && (status < 200 || status >= 300))) {
        if (!(await drained(record))) throw cutShort();
        continue;
      }
      const label = partName(name, url ?? `record ${found + 1}`);
      const length = Number(record.warcContentLength ?? 0);
      found++;
      if (length > MAX_PAGE_BYTES) {
        if (!(await drained(record))) throw cutShort();
        yield { name: label, parent: null, failure: `The captured page is ${Math.round(length / 1024 / 1024)} MB: not an article, skipped.` };
        continue;
      }
      const html = await record.contentText();
      if (isCut(record)) throw cutShort();
      yield {
        name: label,
        format: 'warc',
        content: { kind: 'html', text: html },
        meta: { url: url && /^https?:\/\//i.test(url) ? url : null, captured: isoDate(record.warcDate ?? null) },
        parent: null,
      };
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (found === 0) throw new Refusal(`The WARC file cannot be read: ${(error as Error).message}`);
    yield { name: partName(name, 'the rest of the file'), parent: null, failure: `Not read: the WARC file is damaged after page ${found} (${(error as Error).message}).` };
    return;
  }
  if (found === 0) throw new Refusal('The WARC file holds no captured HTML page.');
}

/** Whether a record ended before the length its header gives: the file stops in the middle of it. */
const isCut = (record: WARCRecord) => {
  const left = (record._reader as { limit?: unknown }).limit;
  return typeof left === 'number' && left > 0;
};

/**
 * Reads past a record not wanted, and says whether it was whole. warcio's own skipFully spins for
 * ever on a record cut short (a crawl stopped mid-write), without a turn of the event loop, so
 * neither Cancel nor a time limit could stop it: the record is read through instead.
 */
async function drained(record: WARCRecord): Promise<boolean> {
  for await (const _chunk of record.reader) {
    // Read through, not kept.
  }
  record.consumed = 'skipped';
  return !isCut(record);
}

/** Every page of a WARC held in memory (one inside a zip or attached to an e-mail). */
export async function warcDocuments(name: string, bytes: Uint8Array): Promise<FoundDocument[]> {
  const list: FoundDocument[] = [];
  async function* once() {
    yield bytes;
  }
  for await (const doc of warcPages(name, once())) list.push(doc);
  return list;
}
