import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';

/**
 * Where the app writes the analyst's files (exports, reports, archives), and how.
 * - A relative name goes to the documents folder, never to the app's own working folder (the CLI
 *   resolves its paths against the shell's folder before they get here, as a shell user expects).
 * - The folder a file goes into must exist: a typo must not create folders anywhere.
 * - A file is written under a temporary name in its own folder and renamed into place, so the
 *   analyst's name only ever holds a whole file, old or new, and a failure leaves nothing.
 * - Nothing here deletes a folder: an existing folder is never replaced.
 */

const PARTIAL = '.awb-partial';

/** The analyst's documents folder: ~/Documents when there is one, else the home folder. */
export function documentsFolder(home = os.homedir()): string {
  const documents = path.join(home, 'Documents');
  return isDirectory(documents) ? documents : home;
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The absolute path a requested save path means, after checking that its folder exists. */
export function resolveOutputPath(requested: string): string {
  const trimmed = requested.trim();
  if (!trimmed) throw new UserError('bad_path', 'Give a file name to save to.');
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? path.join(os.homedir(), trimmed.slice(1)) : trimmed;
  const target = path.isAbsolute(expanded) ? path.resolve(expanded) : path.resolve(documentsFolder(), expanded);
  if (target === path.parse(target).root) throw new UserError('bad_path', `${target} is the root of the disk: give a file name to save to.`);
  const folder = path.dirname(target);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    // A file where the path needs a folder ("notes.txt/report.pdf"): said in words, not as ENOTDIR.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    throw new UserError('no_folder', `The folder ${folder} does not exist (part of that path is a file): choose another.`);
  }
  if (!stat) throw new UserError('no_folder', `The folder ${folder} does not exist: create it first or choose another.`);
  if (!stat.isDirectory()) throw new UserError('no_folder', `${folder} is a file, not a folder: choose a folder to save in.`);
  return target;
}

/** Checks that a file may be written at `target`: not onto a folder, and onto a file only when asked. */
export function checkFileTarget(target: string, overwrite: boolean): void {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) throw new UserError('is_folder', `${target} is a folder: give a file name to save to. Nothing in the folder was touched.`);
  if (!overwrite) throw new UserError('exists', `${target} already exists: choose another name, or allow replacing it.`);
}

/** Resolves a save path and checks it, in one step: what every file export and report does first. */
export function fileTarget(requested: string, overwrite: boolean): string {
  const target = resolveOutputPath(requested);
  checkFileTarget(target, overwrite);
  return target;
}

/** A fresh temporary name beside `target`, made ours at once (exclusive create), so no one else's file is ever reused. */
function reservePartial(target: string): string {
  for (;;) {
    const partial = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}${PARTIAL}`);
    try {
      fs.closeSync(fs.openSync(partial, 'wx'));
      return partial;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Temporary files a killed earlier run left beside `target` (ours by name: `.name.xxxxxxxx.awb-partial…`). */
export function removeStalePartials(target: string): void {
  const folder = path.dirname(target);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.[0-9a-f]{8}\\${PARTIAL}(\\.db(-journal|-wal|-shm)?)?$`);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && pattern.test(entry.name)) fs.rmSync(path.join(folder, entry.name), { force: true });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface PendingFile {
  target: string;
  /** Writes the whole file at the path it is given (a temporary name beside the target). */
  write: (partial: string) => void | Promise<void>;
}

/**
 * Writes files under temporary names beside their targets, then renames each into place: a
 * replaced file is swapped whole, and if any write fails every temporary file is removed and no
 * target is touched. Returns the bytes written.
 */
export async function writeFilesAtomically(files: PendingFile[]): Promise<number> {
  for (const f of files) {
    if (isDirectory(f.target)) throw new UserError('is_folder', `${f.target} is a folder: give a file name to save to. Nothing in the folder was touched.`);
    removeStalePartials(f.target);
  }
  const partials: string[] = [];
  try {
    for (const f of files) {
      const partial = reservePartial(f.target);
      partials.push(partial);
      await f.write(partial);
      fsyncFile(partial);
    }
  } catch (error) {
    for (const p of partials) fs.rmSync(p, { force: true });
    throw error;
  }
  let bytes = 0;
  let renamed = 0;
  try {
    for (const [i, f] of files.entries()) {
      bytes += fs.statSync(partials[i]!).size;
      fs.renameSync(partials[i]!, f.target);
      renamed++;
    }
  } catch (error) {
    for (const p of partials.slice(renamed)) fs.rmSync(p, { force: true });
    throw error;
  }
  return bytes;
}

export const writeFileAtomically = (target: string, write: PendingFile['write']) => writeFilesAtomically([{ target, write }]);

/** Raised when the analyst cancels a long write: nothing was saved, which is what they asked for. */
export class WriteCancelled extends UserError {
  constructor(target: string) {
    super('cancelled', `Export cancelled: ${path.basename(target)} was not written, and nothing was left behind.`);
  }
}

export interface StreamOptions {
  /** Aborted when the analyst presses Cancel: checked between chunks. */
  signal?: AbortSignal;
  /** Called now and then with the bytes made so far. */
  onProgress?: (bytes: number) => void;
}

/** Bytes held before they go to the disk: big enough for few system calls, small enough never to matter. */
const FLUSH_AT = 1 << 20;
/** How long a write may run before it lets other calls (a Cancel, a page of the table) through. */
const YIELD_EVERY_MS = 30;

/**
 * Writes a file as its text is made, chunk by chunk, under a temporary name beside the target, then
 * fsyncs and renames it into place. Memory stays at one buffer whatever the size of the file; the
 * write lets other calls through every few milliseconds so Cancel is heard; on cancel or error the
 * temporary file is removed and the target is untouched. Returns the bytes written.
 */
export async function writeChunksAtomically(target: string, chunks: Iterable<string>, options: StreamOptions = {}): Promise<number> {
  if (isDirectory(target)) throw new UserError('is_folder', `${target} is a folder: give a file name to save to. Nothing in the folder was touched.`);
  removeStalePartials(target);
  const partial = reservePartial(target);
  const fd = fs.openSync(partial, 'w');
  let open = true;
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    let bytes = 0;
    let paused = Date.now();
    const flush = () => {
      if (!pendingLength) return;
      const buffer = Buffer.from(pending.join(''));
      fs.writeSync(fd, buffer);
      bytes += buffer.length;
      pending = [];
      pendingLength = 0;
    };
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= FLUSH_AT) flush();
      if (Date.now() - paused >= YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        paused = Date.now();
        if (options.signal?.aborted) throw new WriteCancelled(target);
        options.onProgress?.(bytes + pendingLength);
      }
    }
    flush();
    if (options.signal?.aborted) throw new WriteCancelled(target);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    fs.renameSync(partial, target);
    return bytes;
  } catch (error) {
    if (open) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * For writers that need a Node stream (exceljs' streaming workbook): the same temporary file,
 * fsync and rename as writeChunksAtomically. The writer calls `checkpoint` between records: it
 * lets other calls through every few milliseconds, reports progress and stops on Cancel. The writer
 * must end the stream; on cancel or error it is destroyed and the temporary file removed.
 */
export async function writeStreamAtomically(target: string, write: (out: fs.WriteStream, checkpoint: () => Promise<void>) => Promise<void>, options: StreamOptions = {}): Promise<number> {
  if (isDirectory(target)) throw new UserError('is_folder', `${target} is a folder: give a file name to save to. Nothing in the folder was touched.`);
  removeStalePartials(target);
  const partial = reservePartial(target);
  const out = fs.createWriteStream(partial);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  // Awaited below; until then an early stream error must not count as an unhandled rejection.
  closed.catch(() => undefined);
  let paused = Date.now();
  const checkpoint = async () => {
    if (Date.now() - paused < YIELD_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    paused = Date.now();
    if (options.signal?.aborted) throw new WriteCancelled(target);
    options.onProgress?.(out.bytesWritten);
  };
  try {
    await write(out, checkpoint);
    await closed;
    if (options.signal?.aborted) throw new WriteCancelled(target);
    fsyncFile(partial);
    const bytes = fs.statSync(partial).size;
    fs.renameSync(partial, target);
    return bytes;
  } catch (error) {
    out.destroy();
    await closed.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** writeFileAtomically for callers that cannot wait (restoring an archive from the command line). */
export function writeFileAtomicallySync(target: string, write: (partial: string) => void): number {
  if (isDirectory(target)) throw new UserError('is_folder', `${target} is a folder: give a file name to save to. Nothing in the folder was touched.`);
  removeStalePartials(target);
  const partial = reservePartial(target);
  try {
    write(partial);
    fsyncFile(partial);
    const bytes = fs.statSync(partial).size;
    fs.renameSync(partial, target);
    return bytes;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The file that marks a folder as one of our brat exports, listing the files it holds. */
export const BRAT_MANIFEST = '.awb-brat.json';
const BRAT_FORMAT = 'analyst-workbench-brat';
/** The only names a brat export writes: what may be replaced or removed in a folder we made. */
const BRAT_FILE = /^(annotation\.conf|\d+\.(txt|ann))$/;

interface BratManifest {
  format: typeof BRAT_FORMAT;
  written: string;
  files: string[];
}

function readBratManifest(folder: string): BratManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(folder, BRAT_MANIFEST), 'utf8')) as BratManifest;
    return m.format === BRAT_FORMAT && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

/**
 * A brat export is a folder. A new folder is filled under a temporary name and renamed into place.
 * An existing folder is written into only when it carries our manifest and replacing was asked
 * for; then only the files our manifest lists are replaced or removed, and anything else the
 * analyst keeps there (notes, their own files) is left as it is.
 */
export async function writeBratFolder(requested: string, files: Map<string, string>, overwrite: boolean): Promise<{ path: string; bytes: number }> {
  const target = resolveOutputPath(requested);
  for (const name of files.keys()) if (!BRAT_FILE.test(name)) throw new Error(`Not a brat file name: ${name}`);
  const manifest = (): string => JSON.stringify({ format: BRAT_FORMAT, written: new Date().toISOString(), files: [...files.keys()] } satisfies BratManifest, null, 1);
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) {
    removeStalePartials(target);
    const partial = reservePartial(target);
    fs.rmSync(partial);
    fs.mkdirSync(partial);
    let bytes = 0;
    try {
      for (const [name, text] of files) {
        fs.writeFileSync(path.join(partial, name), text);
        bytes += Buffer.byteLength(text);
      }
      fs.writeFileSync(path.join(partial, BRAT_MANIFEST), manifest());
      fs.renameSync(partial, target);
    } catch (error) {
      // Only what this call wrote, in the folder it made a moment ago.
      for (const name of [...files.keys(), BRAT_MANIFEST]) fs.rmSync(path.join(partial, name), { force: true });
      fs.rmdirSync(partial);
      throw error;
    }
    return { path: target, bytes };
  }
  if (!stat.isDirectory()) throw new UserError('exists', `${target} is a file: a brat export writes a folder, so choose a new folder name.`);
  const previous = readBratManifest(target);
  if (!previous) {
    throw new UserError(
      'exists',
      `${target} is a folder this app did not make (it has no ${BRAT_MANIFEST}): a brat export goes into a new folder, so choose a name that does not exist yet. Nothing in it was touched.`,
    );
  }
  if (!overwrite) throw new UserError('exists', `${target} already holds a brat export: choose another name, or allow replacing it (only the files that export wrote are replaced).`);
  const bytes = await writeFilesAtomically([...files].map(([name, text]) => ({ target: path.join(target, name), write: (p: string) => fs.writeFileSync(p, text) })));
  for (const name of previous.files) {
    if (files.has(name) || typeof name !== 'string' || !BRAT_FILE.test(name)) continue;
    const old = path.join(target, name);
    if (fs.lstatSync(old, { throwIfNoEntry: false })?.isFile()) fs.rmSync(old);
  }
  await writeFileAtomically(path.join(target, BRAT_MANIFEST), (p) => fs.writeFileSync(p, manifest()));
  return { path: target, bytes };
}
