// A crawler's WARC file of any size, written to disk a record at a time: news pages assembled from
// the evaluation texts (tests/fixtures/eval, CC0, written for this project), each made unique by
// its dispatch number, and between them image responses (noise bytes), as a crawl holds far more
// images than pages. For the streaming test (tests/integration/bigWarc.test.ts) and the bench.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { mulberry32 } from './benchArticles.js';

export interface CrawlShape {
  /** Size of the file to write, near enough (it stops at the first record past it). */
  bytes: number;
  /** Bytes of images after each page: the larger, the fewer pages in the same size. */
  imageBytesPerPage: number;
  /** Each record a gzip member of its own (as crawlers write .warc.gz), or plain. */
  gzip: boolean;
}

export interface CrawlWritten {
  file: string;
  bytes: number;
  pages: number;
  /** The first page's address and capture date, to look it up after the import. */
  first: { url: string; captured: string };
}

function paragraphsOf(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/).slice(1))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.split(' ').length >= 12);
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

function record(headers: Record<string, string>, block: Buffer, gzip: boolean): Buffer {
  const head = ['WARC/1.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`, '', ''].join('\r\n');
  const plain = Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
  return gzip ? zlib.gzipSync(plain, { level: 1 }) : plain;
}

function response(url: string, date: string, type: string, body: Buffer, gzip: boolean): Buffer {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
  const headers = { 'WARC-Type': 'response', 'WARC-Record-ID': `<urn:uuid:${crypto.randomUUID()}>`, 'WARC-Date': date, 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=response' };
  return record(headers, http, gzip);
}

/** Writes the crawl to `file` and says what is in it. */
export function writeCrawl(file: string, evalDir: string, shape: CrawlShape): CrawlWritten {
  const paragraphs = paragraphsOf(evalDir);
  const random = mulberry32(11);
  // One block of noise, cut at a different place for each image: the bytes of a JPEG are as good as random.
  const noise = crypto.randomBytes(Math.max(1, shape.imageBytesPerPage) + 65_536);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let pages = 0;
  let first: CrawlWritten['first'] | null = null;
  try {
    const put = (b: Buffer) => {
      fs.writeSync(fd, b);
      written += b.length;
    };
    put(record({ 'WARC-Type': 'warcinfo', 'WARC-Record-ID': `<urn:uuid:${crypto.randomUUID()}>`, 'WARC-Date': '2024-05-12T06:00:00Z', 'Content-Type': 'application/warc-fields' }, Buffer.from('software: awb crawl writer\r\n'), shape.gzip));
    while (written < shape.bytes) {
      pages++;
      const picked = Array.from({ length: 6 }, () => paragraphs[Math.floor(random() * paragraphs.length)]!);
      const title = picked[0]!.split(/[.,;–]/)[0]!.slice(0, 90);
      const url = `https://news.example.org/2024/05/dispatch-${pages}`;
      const captured = new Date(Date.UTC(2024, 4, 12, 6, 0, pages)).toISOString().replace(/\.000Z$/, 'Z');
      first ??= { url, captured };
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>
<article><h1>${esc(title)}</h1>
${picked.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p>This is dispatch ${pages} of the crawl, filed from the wire desk on the day of capture.</p></article>
<footer>© News Example. All rights reserved.</footer></body></html>`;
      put(response(url, captured, 'text/html; charset=utf-8', Buffer.from(html), shape.gzip));
      for (let left = shape.imageBytesPerPage; left > 0 && written < shape.bytes; ) {
        const size = Math.min(left, 2 * 1024 * 1024);
        const at = Math.floor(random() * 65_536);
        put(response(`https://news.example.org/img/${pages}-${left}.jpg`, captured, 'image/jpeg', noise.subarray(at, at + size), shape.gzip));
        left -= size;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, bytes: written, pages, first: first! };
}
