import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_PIECE_BYTES } from '../../electron/contract/imports.js';
import { writeCrawl } from '../../scripts/crawlWarc.js';
import { closedAfterEach, fixtures, tempDir, importFinished } from './helpers.js';

const make = closedAfterEach();
const MB = 1024 * 1024;

const finished = importFinished;

/** Sends a file as the window does: begun with its size, then piece after piece at its offset. */
async function send(call: ReturnType<typeof make>['call'], file: string, name: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const { id } = await call('uploads.begin', { name, bytes: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_PIECE_BYTES) {
    await call('uploads.append', { id, offset, base64: bytes.subarray(offset, offset + UPLOAD_PIECE_BYTES).toString('base64') });
  }
  return id;
}

/** What the app's private scratch folder holds (the uploads wait there). */
const scratch = (dir: string) => fs.readdirSync(path.join(dir, 'tmp'));

describe('a big file sent from the window in pieces', () => {
  it('imports a crawl read from the scratch folder a record at a time, under the name the analyst picked, and leaves nothing behind', async () => {
    const t = make();
    const crawl = writeCrawl(path.join(tempDir(), 'somewhere.warc.gz'), path.join(fixtures, 'eval'), { bytes: 40 * MB, imageBytesPerPage: 256 * 1024, gzip: true });
    const id = await send(t.call, crawl.file, 'field-crawl.warc.gz');
    expect(scratch(t.dir)).toHaveLength(1);
    const { jobId } = await t.call('imports.start', { source: { kind: 'files', files: [{ name: 'field-crawl.warc.gz', uploadId: id }, { name: 'note.txt', base64: Buffer.from('Fighting near Kunduz\n\nTaliban fighters attacked Kunduz on Monday, officials said.').toString('base64') }] } });
    const report = await finished(t.call, jobId);
    const pages = report.outcomes.filter((o) => o.name.startsWith('field-crawl.warc.gz › '));
    expect(pages).toHaveLength(crawl.pages);
    expect(report).toMatchObject({ state: 'finished', failed: 0 });
    expect(report.outcomes.map((o) => o.name)).toContain('note.txt');
    const first = pages.find((o) => o.name === `field-crawl.warc.gz › ${crawl.first.url}`)!;
    expect(await t.call('articles.get', { id: first.articleId! })).toMatchObject({ url: crawl.first.url, format: 'warc' });
    // The copy goes with the import, and the same upload cannot be imported twice.
    expect(scratch(t.dir)).toEqual([]);
    const again = await finished(t.call, (await t.call('imports.start', { source: { kind: 'files', files: [{ name: 'field-crawl.warc.gz', uploadId: id }] } })).jobId);
    expect(again.outcomes).toEqual([expect.objectContaining({ status: 'failed', message: expect.stringMatching(/not known .*send the file again/) })]);
  }, 60_000);

  it('refuses a piece out of order or past the announced size, reports an upload that arrived in part, and drops a discarded one', async () => {
    const t = make();
    const piece = Buffer.alloc(1000, 'a').toString('base64');
    const { id } = await t.call('uploads.begin', { name: 'page.html', bytes: 1500 });
    await t.call('uploads.append', { id, offset: 0, base64: piece });
    await expect(t.call('uploads.append', { id, offset: 0, base64: piece })).rejects.toThrow(/expected its piece at byte 1,000, not 0/);
    await expect(t.call('uploads.append', { id, offset: 1000, base64: piece })).rejects.toThrow(/longer than the 1,500 bytes announced/);
    const partial = await finished(t.call, (await t.call('imports.start', { source: { kind: 'files', files: [{ name: 'page.html', uploadId: id }] } })).jobId);
    expect(partial.outcomes).toEqual([expect.objectContaining({ name: 'page.html', status: 'failed', message: expect.stringMatching(/arrived only in part \(1,000 of 1,500 bytes\)/) })]);

    expect(scratch(t.dir)).toEqual([]);

    const dropped = await t.call('uploads.begin', { name: 'other.pdf', bytes: 10 });
    expect(scratch(t.dir)).toHaveLength(1);
    await t.call('uploads.discard', { id: dropped.id });
    expect(scratch(t.dir)).toEqual([]);
    await expect(t.call('uploads.append', { id: dropped.id, offset: 0, base64: 'YQ==' })).rejects.toThrow(/not known/);
    expect((await t.call('articles.page', { query: {}, startRow: 0, endRow: 10 })).total).toBe(0);
  });
});

describe('files sent ahead for a workspace that cannot be written', () => {
  it('are dropped when the import is refused', async () => {
    const t = make();
    const { id } = await t.call('uploads.begin', { name: 'report.pdf', bytes: 4 });
    await t.call('uploads.append', { id, offset: 0, base64: Buffer.from('%PDF').toString('base64') });
    // As on read-only media (root, who runs the tests here, ignores file permissions, so the state is set directly).
    (t.core.session.current as unknown as { readOnly: string | null }).readOnly = 'This workspace is read-only.';
    await expect(t.call('imports.start', { source: { kind: 'files', files: [{ name: 'report.pdf', uploadId: id }] } })).rejects.toThrow(/read-only. Changes cannot be saved/);
    expect(scratch(t.dir)).toEqual([]);
  });
});
