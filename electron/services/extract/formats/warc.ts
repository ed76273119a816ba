import { isoDate, Refusal, type FoundDocument } from './document.js';
import { partName } from './nested.js';

/** Pages larger than this in a crawl are not articles (a data dump, a video): listed and skipped. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * A crawler's WARC file (plain or gzipped): every HTML page it captured is a document, with the
 * address it was captured from and when. Requests, images, scripts and metadata records are skipped.
 */
export async function warcDocuments(name: string, bytes: Uint8Array): Promise<FoundDocument[]> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (!head.startsWith('WARC/') && !(bytes[0] === 0x1f && bytes[1] === 0x8b)) throw new Refusal('This is not a WARC file: it does not start with a WARC record.');
  // Loaded on the first WARC: commands that never read one do not pay for it.
  const { WARCParser } = await import('warcio');
  const list: FoundDocument[] = [];
  async function* source() {
    yield bytes;
  }
  try {
    for await (const record of new WARCParser(source())) {
      if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
      const url = record.warcTargetURI ?? null;
      const type = (record.warcType === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcContentType) ?? '';
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (!/html/i.test(type) || (status && (status < 200 || status >= 300))) {
        await record.skipFully();
        continue;
      }
      const label = partName(name, url ?? `record ${list.length + 1}`);
      const length = Number(record.warcContentLength ?? 0);
      if (length > MAX_PAGE_BYTES) {
        await record.skipFully();
        list.push({ name: label, parent: null, failure: `The captured page is ${Math.round(length / 1024 / 1024)} MB: not an article, skipped.` });
        continue;
      }
      const html = await record.contentText();
      list.push({
        name: label,
        format: 'warc',
        content: { kind: 'html', text: html },
        meta: { url: url && /^https?:\/\//i.test(url) ? url : null, captured: isoDate(record.warcDate ?? null) },
        parent: null,
      });
    }
  } catch (error) {
    if (list.length === 0) throw new Refusal(`The WARC file cannot be read: ${(error as Error).message}`);
    list.push({ name: partName(name, 'the rest of the file'), parent: null, failure: `Not read: the WARC file is damaged after record ${list.length} (${(error as Error).message}).` });
  }
  if (list.length === 0) throw new Refusal('The WARC file holds no captured HTML page.');
  return list;
}
