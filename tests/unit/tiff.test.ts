import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../electron/services/extract/decode.js';
import { tiffPage, tiffPages, unreadableCompression } from '../../electron/services/extract/formats/tiff.js';
import { writeTiff } from '../fixtures/documents/tiffWriter.mjs';

const grey = (width: number, height: number, shade: number) => ({ width, height, grey: new Uint8Array(width * height).fill(shade) });

describe('TIFF pages', () => {
  it('lists the pages of a multi-page scan in either byte order, with their sizes', () => {
    for (const bigEndian of [false, true]) {
      const file = writeTiff([grey(40, 30, 200), grey(25, 60, 100), grey(10, 10, 0)], { bigEndian });
      expect(tiffPages(file).map(({ width, height }) => [width, height])).toEqual([
        [40, 30],
        [25, 60],
        [10, 10],
      ]);
    }
    const leaflet = fs.readFileSync(path.join(__dirname, '../fixtures/documents/leaflet.tiff'));
    expect(tiffPages(leaflet).map(({ width, height }) => [width, height])).toEqual([
      [1275, 420],
      [1275, 420],
    ]);
  });

  it('makes one page a file of its own: the header points at that page, and that page at no next one', () => {
    const file = writeTiff([grey(40, 30, 200), grey(25, 60, 100), grey(10, 10, 0)]);
    const pages = tiffPages(file);
    const second = tiffPage(file, pages[1]!);
    expect(tiffPages(second).map(({ width, height }) => [width, height])).toEqual([[25, 60]]);
    // The original is left as it was.
    expect(tiffPages(file)).toHaveLength(3);
    const last = tiffPage(file, pages[2]!);
    expect(tiffPages(last).map(({ width, height }) => [width, height])).toEqual([[10, 10]]);
  });

  it('refuses a file that is not a TIFF, a BigTIFF, a directory chain that loops and one cut off, each with its reason', () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        tiffPages(bytes);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(Refusal);
        return (error as Error).message;
      }
    };
    expect(refusal(Buffer.from('GIF89a, not a TIFF at all'))).toMatch(/not a TIFF file/);
    const big = Buffer.alloc(16);
    big.write('II', 0, 'latin1');
    big.writeUInt16LE(43, 2);
    expect(refusal(big)).toMatch(/BigTIFF/);
    const looped = Buffer.from(writeTiff([grey(4, 4, 9), grey(4, 4, 9)]));
    const pages = tiffPages(looped);
    // The second page's "next" points back at the first.
    const entries = looped.readUInt16LE(pages[1]!.directory);
    looped.writeUInt32LE(pages[0]!.directory, pages[1]!.directory + 2 + entries * 12);
    expect(refusal(looped)).toMatch(/directory is damaged or cut off/);
    const file = writeTiff([grey(40, 30, 200)]);
    expect(refusal(file.subarray(0, file.length - 20))).toMatch(/directory is damaged or cut off/);
    expect(refusal(Buffer.from([0x49, 0x49, 0x2a, 0]))).toMatch(/damaged or cut off/);
  });

  it('knows the compressions the OCR engine reads, and names one it does not', () => {
    const file = Buffer.from(writeTiff([grey(8, 8, 0)]));
    expect(tiffPages(file)[0]!.compression).toBe(1);
    expect(unreadableCompression(tiffPages(file)[0]!)).toBeNull();
    // The fourth directory entry is Compression (259): JPEG.
    const directory = file.readUInt32LE(4);
    expect(file.readUInt16LE(directory + 2 + 3 * 12)).toBe(259);
    file.writeUInt16LE(7, directory + 2 + 3 * 12 + 8);
    expect(unreadableCompression(tiffPages(file)[0]!)).toMatch(/compressed with JPEG, which the OCR engine does not read: save the scan as PNG, or as TIFF with LZW or CCITT G4/);
    file.writeUInt16LE(4, directory + 2 + 3 * 12 + 8);
    expect(unreadableCompression(tiffPages(file)[0]!)).toBeNull();
  });
});
