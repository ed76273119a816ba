import fs from 'node:fs';
import path from 'node:path';
import { tiffPages } from '../../electron/services/extract/formats/tiff.js';
import { writeTiff } from '../fixtures/documents/tiffWriter.mjs';
import { fixtures, tempDir } from './helpers.js';

export const leaflet = path.join(fixtures, 'documents', 'leaflet.tiff');

/** A scan of many pages (the leaflet's clean first page, again and again): seconds of OCR per page. */
export function longScan(pages: number): string {
  const bytes = fs.readFileSync(leaflet);
  const first = tiffPages(bytes)[0]!;
  // The fixture is uncompressed, one strip per page: its pixels start where StripOffsets (tag 273) says.
  let strip = -1;
  for (let i = 0; i < bytes.readUInt16LE(first.directory); i++) {
    const at = first.directory + 2 + i * 12;
    if (bytes.readUInt16LE(at) === 273) strip = bytes.readUInt32LE(at + 8);
  }
  const grey = bytes.subarray(strip, strip + first.width * first.height);
  const file = path.join(tempDir(), 'long-scan.tiff');
  fs.writeFileSync(file, writeTiff(Array.from({ length: pages }, () => ({ width: first.width, height: first.height, grey }))));
  return file;
}
