import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importableExtension, maxBytesFor, MAX_DOCUMENT_BYTES, MAX_FILE_BYTES, pageAt } from '../../electron/contract/imports.js';
import { looksLikeGarbage, pdfDate } from '../../electron/services/extract/formats/pdf.js';
import { leavesArchive, readZip } from '../../electron/services/extract/formats/zip.js';

describe('document helpers', () => {
  it('knows importable files by their ending, the longest first', () => {
    expect(importableExtension('Report.PDF')).toBe('.pdf');
    expect(importableExtension('crawl-2024.warc.gz')).toBe('.warc.gz');
    expect(importableExtension('page.mht')).toBe('.mht');
    expect(importableExtension('scan.tiff')).toBe('.tiff');
    expect(importableExtension('layers.psd')).toBeNull();
    expect(importableExtension('archive.tar.gz')).toBeNull();
    expect(maxBytesFor('story.txt')).toBe(MAX_FILE_BYTES);
    expect(maxBytesFor('mail.mbox')).toBe(MAX_DOCUMENT_BYTES);
  });

  it('gives an offset its printed page', () => {
    const starts: [number, number][] = [[0, 1], [840, 2], [1725, 4]];
    expect(pageAt(starts, 0)).toBe(1);
    expect(pageAt(starts, 839)).toBe(1);
    expect(pageAt(starts, 840)).toBe(2);
    expect(pageAt(starts, 5000)).toBe(4);
    expect(pageAt(null, 10)).toBeNull();
  });

  it('reads PDF dates with and without time and zone', () => {
    expect(pdfDate('D:20240312090000Z')).toBe('2024-03-12T09:00:00Z');
    expect(pdfDate("D:20240312093000+04'30'")).toBe('2024-03-12T05:00:00Z');
    expect(pdfDate('D:20240312')).toBe('2024-03-12');
    expect(pdfDate('D:2024')).toBe('2024');
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate(undefined)).toBeNull();
  });

  it('tells a text layer of symbols from text', () => {
    expect(looksLikeGarbage('Between January and March 2024 the monitoring network recorded 41 incidents in which civilians were killed.')).toBe(false);
    expect(looksLikeGarbage('¤¦§¨ ©ª«¬ ®¯°± ²³µ¶ ·¸¹º »¼½¾ #$%& *+<= >@^_ ~¤¦§ ¨©ª« ¬®¯° ±²³µ ¶·¸¹')).toBe(true);
    expect(looksLikeGarbage('Xkcdw mnbvt qrstp wxyzk lmnpq rstvw bcdfg hjklm npqrs tvwxz '.repeat(3))).toBe(true);
  });

  it('refuses zip entries that leave the archive or expand beyond reason, and reads the rest', () => {
    for (const bad of ['../x.txt', 'a/../../x.txt', '/etc/passwd', 'C:\\x.txt', '..\\x.txt']) expect(leavesArchive(bad)).toBe(true);
    for (const good of ['a/b.txt', 'notes..txt', 'x.txt']) expect(leavesArchive(good)).toBe(false);
    const zip = zipSync({ 'ok.txt': strToU8('The road to Faizabad was reopened on Tuesday.'), '../up.txt': strToU8('up'), 'zeros.txt': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    const entries = readZip(zip);
    expect(entries.find((e) => e.name === 'ok.txt')!.bytes).toEqual(strToU8('The road to Faizabad was reopened on Tuesday.'));
    expect(entries.find((e) => e.name === '../up.txt')).toMatchObject({ bytes: null, refused: expect.stringMatching(/outside the archive/) });
    expect(entries.find((e) => e.name === 'zeros.txt')).toMatchObject({ bytes: null, refused: expect.stringMatching(/zip bomb/) });
  });

  it('stops an entry that inflates to more than its header declares', () => {
    const zip = zipSync({ 'liar.txt': [new Uint8Array(600 * 1024).fill(65), { level: 9 }] });
    // The local header's "uncompressed size" (offset 22) says 1,000 bytes; the data inflates to 600 kB.
    new DataView(zip.buffer, zip.byteOffset).setUint32(22, 1000, true);
    const [entry] = readZip(zip);
    expect(entry).toMatchObject({ bytes: null, refused: expect.stringMatching(/more than it declares/) });
  });
});
