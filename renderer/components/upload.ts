import { UPLOAD_PIECE_BYTES } from '../../electron/contract/imports.js';
import { call } from '../api.js';
import { readBase64 } from './files.js';

/**
 * Sends a big file to the core in pieces, in order, each its own call: the window holds one piece
 * in memory at a time, and the core keeps the file in its scratch folder until the import reads it
 * from there (a crawl a record at a time). Returns the upload's id, or null when cancelled (what
 * was sent is then dropped). A failed piece drops the whole upload and says why.
 */
export async function uploadInPieces(file: Blob, name: string, onSent: (bytes: number) => void, cancelled: () => boolean): Promise<string | null> {
  const { id } = await call('uploads.begin', { name, bytes: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_PIECE_BYTES) {
      if (cancelled()) {
        await call('uploads.discard', { id });
        return null;
      }
      const base64 = await readBase64(file.slice(offset, offset + UPLOAD_PIECE_BYTES));
      await call('uploads.append', { id, offset, base64 });
      onSent(Math.min(file.size, offset + UPLOAD_PIECE_BYTES));
    }
    return id;
  } catch (error) {
    void call('uploads.discard', { id }).catch(() => undefined);
    throw error;
  }
}
