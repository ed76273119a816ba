import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ScratchSpace } from './scratch.js';
import { UserError } from './errors.js';

/** An upload nobody has appended to or imported for this long is dropped, its bytes removed. */
const IDLE_MS = 60 * 60 * 1000;

interface Upload {
  name: string;
  bytes: number;
  received: number;
  file: string;
  touched: number;
  release: () => void;
}

/**
 * A file the window sends in pieces, kept in the app's private scratch folder until an import reads
 * it from there: a crawl of any size is then read from disk a record at a time, as the command line
 * reads it, instead of travelling whole in one call and sitting in memory. Nothing of it enters the
 * workspace until the import stores its articles; the file goes when the import ends, is discarded,
 * or lies idle for an hour, and a killed run's scratch folder is swept at the next start.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly scratch: ScratchSpace) {}

  begin(name: string, bytes: number): string {
    this.dropIdle();
    const id = crypto.randomUUID();
    const { dir, release } = this.scratch.reserve();
    const file = path.join(dir, 'upload');
    fs.writeFileSync(file, '', { mode: 0o600 });
    // A file the parse worker still holds (an import cancelled mid-read) may not be removable on every
    // system: it is then left to the sweep at the next start rather than failing the import's end.
    const safeRelease = () => {
      try {
        release();
      } catch {
        // Swept at the next start.
      }
    };
    this.uploads.set(id, { name, bytes, received: 0, file, touched: Date.now(), release: safeRelease });
    return id;
  }

  /** Appends the next piece; `offset` must be where the last one ended, so a piece lost or sent twice is caught. */
  append(id: string, offset: number, piece: Buffer): number {
    const upload = this.known(id);
    if (offset !== upload.received) throw new UserError('invalid_input', `The upload of “${upload.name}” expected its piece at byte ${upload.received.toLocaleString('en')}, not ${offset.toLocaleString('en')}: send the file again.`);
    if (upload.received + piece.length > upload.bytes) throw new UserError('invalid_input', `“${upload.name}” is longer than the ${upload.bytes.toLocaleString('en')} bytes announced: send the file again.`);
    try {
      fs.appendFileSync(upload.file, piece);
    } catch (error) {
      // A full disk: nothing of the workspace is touched; the partial copy goes at once.
      this.discard(id);
      throw new UserError('io_error', `“${upload.name}” could not be kept for import: ${(error as Error).message}`);
    }
    upload.received += piece.length;
    upload.touched = Date.now();
    return upload.received;
  }

  /** Hands a complete upload to an import, which reads it from `file` and calls `release` when done with it. */
  take(id: string): { name: string; file: string; release: () => void } {
    const upload = this.known(id);
    if (upload.received !== upload.bytes) {
      // An import named it: whatever arrived is of no further use, and is not left lying in the scratch folder.
      this.discard(id);
      throw new UserError('invalid_input', `“${upload.name}” arrived only in part (${upload.received.toLocaleString('en')} of ${upload.bytes.toLocaleString('en')} bytes): send the file again.`);
    }
    this.uploads.delete(id);
    return { name: upload.name, file: upload.file, release: upload.release };
  }

  discard(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    upload.release();
  }

  private known(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new UserError('not_found', 'That upload is not known (it was discarded, imported already, or the app was restarted): send the file again.');
    return upload;
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, upload] of this.uploads) if (now - upload.touched > IDLE_MS) this.discard(id);
  }
}
