import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { megabytes, Refusal, type FoundDocument } from './document.js';
import { adopt, partName, type ReadNested } from './nested.js';

/** Limits that keep a zip bomb from filling memory: per entry, per archive, and how far a byte may expand. */
export const ZIP_LIMITS = { entryBytes: 100 * 1024 * 1024, totalBytes: 400 * 1024 * 1024, entries: 10_000, ratio: 200 };

export interface ZipEntry {
  name: string;
  bytes: Uint8Array | null;
  /** Why the entry was not read (too large, a path outside the archive, a bomb). */
  refused: string | null;
}

/** "../x", "/etc/x", "C:\x": a name that would land outside the folder the archive unpacks into. */
export function leavesArchive(name: string): boolean {
  const parts = name.replaceAll('\\', '/').split('/');
  return /^([a-z]:|\/|\\)/i.test(name) || parts.includes('..');
}

/**
 * The entries of a zip, read in memory (nothing is written to disk). Declared sizes are checked
 * before an entry is inflated, and the bytes actually produced while inflating, so a bomb that
 * lies about its size is stopped too.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean = () => true): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/') || !wanted(file.name)) return;
    if (entries.length >= ZIP_LIMITS.entries) {
      failure = `The archive has more than ${ZIP_LIMITS.entries} files.`;
      return;
    }
    const entry: ZipEntry = { name: file.name, bytes: null, refused: null };
    entries.push(entry);
    if (leavesArchive(file.name)) {
      entry.refused = 'Refused: its path points outside the archive (a path-traversal trick).';
      return;
    }
    const declared = file.originalSize ?? 0;
    const packed = file.size ?? 0;
    const bomb = (size: number) => size > 1024 * 1024 && packed > 0 && size / packed > ZIP_LIMITS.ratio;
    if (declared > ZIP_LIMITS.entryBytes || total + declared > ZIP_LIMITS.totalBytes || bomb(declared)) {
      entry.refused = bomb(declared)
        ? `Refused as a zip bomb: ${megabytes(packed)} would expand to ${megabytes(declared)}.`
        : `Refused: it would expand to ${megabytes(declared)}, over the limit of ${megabytes(Math.min(ZIP_LIMITS.entryBytes, ZIP_LIMITS.totalBytes - total))}.`;
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (entry.refused) return;
      if (error) {
        entry.refused = `Could not be unpacked: ${error.message}`;
        return;
      }
      size += chunk.length;
      if (size > Math.max(declared, 1) * 1.01 + 1024 || size > ZIP_LIMITS.entryBytes || bomb(size)) {
        entry.refused = 'Refused as a zip bomb: it expands to more than it declares.';
        chunks.length = 0;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        total += size;
        entry.bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      }
    };
    try {
      file.start();
    } catch (error) {
      entry.refused = `Could not be unpacked: ${(error as Error).message}`;
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    throw new Refusal(`The zip file is damaged: ${(error as Error).message}`);
  }
  if (failure) throw new Refusal(failure);
  for (const entry of entries) if (!entry.bytes && !entry.refused) entry.refused = 'Could not be unpacked: the archive ends early.';
  return entries;
}

const hidden = (name: string) => name.split('/').some((part) => part.startsWith('.') && part !== '..') || name.startsWith('__MACOSX/');

/** Every importable file in a zip (folders included) as documents; other files are passed over, as in a folder. */
export async function zipDocuments(name: string, bytes: Uint8Array, importable: (name: string) => boolean, readNested: ReadNested): Promise<FoundDocument[]> {
  const entries = readZip(bytes, (entry) => !hidden(entry) && (importable(entry) || leavesArchive(entry)));
  if (entries.length === 0) throw new Refusal('The zip file holds no file of a type that is imported.');
  const list: FoundDocument[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const label = partName(name, entry.name);
    if (!entry.bytes) {
      list.push({ name: label, parent: null, failure: entry.refused ?? 'Could not be unpacked.' });
      continue;
    }
    adopt(list, await readNested(label, entry.bytes).catch((error: Error) => [{ name: label, parent: null, failure: error.message } as FoundDocument]), null);
  }
  return list;
}
