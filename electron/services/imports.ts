import crypto from 'node:crypto';
import { setMaxListeners } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { StoredArticle, StoredBatch } from '../../db/articles.js';
import { isBusyError } from '../../db/open.js';
import { importableExtension, listedOutcomes, MAX_FILE_BYTES, maxBytesFor, type ImportOutcome, type ImportReport, type ImportSource } from '../contract/imports.js';
import { signatureBytes } from './duplicates/nearDuplicates.js';
import { articleFromText, Refusal, type NewArticle, type ParsedDocument } from './extract/article.js';
import { CANCELLED, ParsePool, type ReadingProgress } from './extract/parsePool.js';
import { isStreamed } from './extract/formats/index.js';
import type { ReadingOptions } from './extract/formats/document.js';
import { sortInSlices } from './sortInSlices.js';
import { letCheckpointsIn } from './checkpointer.js';
import { BUSY_PAUSES_MS, TimedSlices } from './timedSlices.js';
import type { UploadStore } from './uploads.js';
import type { Workspace } from './workspace.js';
import { letWriterJobsEnd, writerJobRunning, WriterUnavailable, type WriterJobs } from './writerJobs.js';

/**
 * What reading an item gives: its documents, or for a streamed file (a crawl's WARC of a gigabyte)
 * chunks of them as they are read, stored as they come.
 */
type Loaded = Promise<ParsedDocument[]> | AsyncIterable<ParsedDocument[]>;

/** One unit of work: a file on disk, bytes sent by the renderer, or pasted text; it may hold many documents. */
interface ImportItem {
  name: string;
  /** Reads the item; a long file says how far it has got, and stops when the import is cancelled. */
  load: (onProgress?: ReadingProgress, signal?: AbortSignal) => Loaded;
  /** Gives back what the item holds outside the workspace (an uploaded file), once the import has ended. */
  release?: () => void;
}

const isStream = (loaded: Loaded): loaded is AsyncIterable<ParsedDocument[]> => Symbol.asyncIterator in loaded;

/** The articles stored (or matched as duplicates) for one file's documents, so attachments can point at their message. */
interface FileIds {
  ids: (number | null | undefined)[];
}

interface Pending {
  index: number;
  article: NewArticle;
  file: FileIds;
  document: number;
}

interface Job {
  report: ImportReport;
  cancelled: boolean;
  /** Stops the files being read, a long OCR included, not only the files not yet started. */
  reading: AbortController;
}

const BATCH_ARTICLES = 250;
const BATCH_MILLISECONDS = 150;
/**
 * Longest stretch of work between two looks at the event loop: a Cancel (and any other call) is
 * heard within this, not only after a whole batch, which on small files is the rest of the import.
 */
const YIELD_MILLISECONDS = 20;
/**
 * How many files are read and parsed ahead of storing: enough that the parsing worker never waits
 * while a batch is stored, but holding no more than about 64 MB of articles (fewer when they are big),
 * their near-duplicate signatures counted with them.
 */
const READ_AHEAD = { min: 16, max: 256, bytes: 64 * 1024 * 1024 };
/** How long one slice of an import's articles may hold the writer: the window's writes wait for it (its reads do not). */
const WRITER_SLICE_MS = 250;
/** At most this much text in one slice (it is copied to the writer's thread), and at most this many articles. */
const WRITER_SLICE_BYTES = 16 * 1024 * 1024;
const WRITER_SLICE_MOST = 2_000;
/** SQLite's words for a lock it could not get, as the writer passes them on. */
const BUSY = /database is (?:locked|busy)/i;

/**
 * The size of the next slice an import gives the writer, from the cost per article just seen (a
 * wire story or a 300-page report): down at once after a long slice, up by a quarter at a time.
 */
class WriterSlice {
  private size = 16;

  next<T extends { article: { body: string } }>(parsed: readonly T[], at: number): T[] {
    let end = at;
    let bytes = 0;
    while (end < parsed.length && end - at < this.size && (end === at || bytes < WRITER_SLICE_BYTES)) bytes += parsed[end++]!.article.body.length * 2;
    return parsed.slice(at, end);
  }

  took(count: number, milliseconds: number): void {
    const wanted = Math.max(1, Math.floor(WRITER_SLICE_MS / (Math.max(milliseconds, 0.01) / count)));
    this.size = Math.min(WRITER_SLICE_MOST, wanted < this.size ? wanted : Math.min(wanted, this.size + Math.max(1, Math.floor(this.size / 4))));
  }
}

function newJob(jobId: string, total: number): Job {
  const reading = new AbortController();
  // Every file read ahead listens for the Cancel (each takes its listener off when it is read).
  setMaxListeners(READ_AHEAD.max + 1, reading.signal);
  return { report: { jobId, state: 'running', total, done: 0, imported: 0, duplicates: 0, failed: 0, outcomes: [] }, cancelled: false, reading };
}

/**
 * Runs imports as jobs: parsing yields to the event loop between batches so windows, progress
 * events and the cancel button stay live; each batch is stored in one transaction.
 */
export class ImportService {
  private readonly jobs = new Map<string, Job>();
  private readonly slices = new TimedSlices();
  private readonly writerSlice = new WriterSlice();

  constructor(
    private readonly workspace: () => Workspace,
    private readonly onProgress: (report: ImportReport) => void,
    private readonly sampleDir: string,
    private readonly parser: ParsePool = new ParsePool(null),
    private readonly uploads: UploadStore | null = null,
  ) {}

  async start(source: ImportSource, reading: ReadingOptions = {}): Promise<string> {
    const items = await this.itemsOf(source, reading);
    const jobId = crypto.randomUUID();
    const job = newJob(jobId, items.length);
    this.jobs.set(jobId, job);
    void this.run(job, items);
    return jobId;
  }

  /** Runs an import to the end and returns its report (the CLI and tests wait for it); what the items hold outside the workspace is given back however it ends. */
  private async run(job: Job, items: ImportItem[]): Promise<ImportReport> {
    try {
      return await this.runItems(job, items);
    } finally {
      for (const item of items) item.release?.();
    }
  }

  private async runItems(job: Job, items: ImportItem[]): Promise<ImportReport> {
    let batch: Pending[] = [];
    let batchStarted = Date.now();
    let yielded = Date.now();
    const progress = () => this.onProgress({ ...job.report, outcomes: [] });
    const flush = async () => {
      if (batch.length === 0) return;
      const parsed = batch;
      batch = [];
      const writer = this.workspace().writer;
      const stored = writer?.usable ? await this.storeOnWriter(writer, job, parsed) : await this.storeOnThread(job, parsed);
      if (stored < parsed.length) {
        // Cancelled while storing (or another workspace opened): what was parsed but not stored is "not imported", like the files never read.
        job.report.done = parsed[stored]!.index;
        job.report.outcomes.length = job.report.done;
        job.report.failed = job.report.outcomes.filter((o) => o.status === 'failed').length;
      }
      batchStarted = Date.now();
      progress();
    };
    progress();
    // Files are read and parsed ahead of storing, so disk waits and parsing overlap with storing.
    const loads: (Loaded | undefined)[] = [];
    // A long file (a 2,000-page PDF) reports its pages, so the progress bar moves while it is read.
    let lastReading = 0;
    const reading = (name: string) => (done: number, total: number, unit: string) => {
      job.report.reading = { name, done, total, unit };
      if (Date.now() - lastReading < 250) return;
      lastReading = Date.now();
      progress();
    };
    let seenBytes = 0;
    let seen = 0;
    const prefetch = (i: number) => {
      const average = seen ? seenBytes / seen : 4096;
      const ahead = Math.round(Math.max(READ_AHEAD.min, Math.min(READ_AHEAD.max, READ_AHEAD.bytes / average)));
      for (let k = loads.length; k < Math.min(items.length, i + ahead); k++) {
        const load = items[k]!.load(reading(items[k]!.name), job.reading.signal);
        if (!isStream(load)) load.catch(() => undefined);
        loads.push(load);
      }
    };
    for (const [i, item] of items.entries()) {
      if (job.cancelled) break;
      prefetch(i);
      const index = job.report.outcomes.length;
      job.report.outcomes.push({ name: item.name, status: 'failed', message: 'Not processed', articleId: null });
      const file: FileIds = { ids: [] };
      /** Lists a file's documents in the report, in place of the file, and queues its articles for storing. */
      const take = (documents: ParsedDocument[]) => {
        if (documents.length === 0) return;
        if (file.ids.length === 0) job.report.outcomes.pop();
        job.report.total += documents.length - (file.ids.length === 0 ? 1 : 0);
        for (const document of documents) {
          const d = file.ids.length;
          const at = job.report.outcomes.length;
          file.ids[d] = undefined;
          if ('failure' in document) {
            job.report.outcomes.push({ name: document.name, status: 'failed', message: document.failure, articleId: null });
            job.report.failed++;
            file.ids[d] = null;
          } else {
            job.report.outcomes.push({ name: document.name, status: 'failed', message: 'Not processed', articleId: null });
            seenBytes += document.article.body.length * 2 + (document.article.story ? signatureBytes(document.article.story) : 0);
            seen++;
            batch.push({ index: at, article: document.article, file, document: d });
          }
        }
        job.report.done += documents.length;
      };
      try {
        const loaded = loads[i]!;
        if (isStream(loaded)) {
          // A crawl of a gigabyte: its pages are stored as they are read, in the same batches.
          const others = items.length - i - 1;
          const before = job.report.done;
          for await (const chunk of loaded) {
            take(chunk);
            // Until its end, the file's count of documents is a guess from the part read so far.
            const part = job.report.reading?.name === item.name && job.report.reading.total > 0 ? job.report.reading.done / job.report.reading.total : 0;
            const found = job.report.done - before;
            job.report.total = Math.max(job.report.done + 1, before + Math.round(found / Math.max(part, 0.01))) + others;
            if (batch.length >= BATCH_ARTICLES || Date.now() - batchStarted > BATCH_MILLISECONDS) await flush();
            if (job.cancelled) break;
            if (Date.now() - yielded > YIELD_MILLISECONDS) {
              await yieldToEventLoop();
              yielded = Date.now();
            }
          }
          if (job.cancelled) throw new Refusal(CANCELLED);
          job.report.total = job.report.done + others;
        } else {
          const documents = await loaded;
          take(documents);
        }
        if (job.report.reading?.name === item.name) job.report.reading = null;
        if (file.ids.length === 0) throw new Refusal('No document was found in the file.');
      } catch (error) {
        // A file stopped by Cancel was not read: it is left out of the report, as the files after it are.
        if (job.cancelled) {
          if (file.ids.length === 0) job.report.outcomes.pop();
          job.report.reading = null;
          break;
        }
        if (file.ids.length === 0) {
          job.report.outcomes[index] = { name: item.name, status: 'failed', message: reason(error), articleId: null };
        } else {
          // A streamed file stopped part-way (a damaged record, a record over its time): what was read is kept.
          job.report.outcomes.push({ name: `${item.name} › the rest of the file`, status: 'failed', message: `Not read: ${reason(error)}`, articleId: null });
          job.report.total++;
          job.report.reading = null;
        }
        job.report.failed++;
        job.report.done++;
      }
      // The stored promise would otherwise keep every parsed article alive until the job ends.
      loads[i] = undefined;
      if (batch.length >= BATCH_ARTICLES || Date.now() - batchStarted > BATCH_MILLISECONDS) await flush();
      if (Date.now() - yielded > YIELD_MILLISECONDS || batch.length === 0) {
        await yieldToEventLoop();
        yielded = Date.now();
      }
    }
    await flush();
    job.report.state = job.cancelled ? 'cancelled' : 'finished';
    if (job.cancelled) job.report.outcomes = job.report.outcomes.slice(0, job.report.done);
    // The whole report, for the history's record (no copy: nothing changes it from here on; a
    // million outcomes copied cost 150 MB); the window is sent a shorter list (dispatch.ts).
    this.onProgress(job.report);
    return job.report;
  }

  async importNow(source: ImportSource, reading: ReadingOptions = {}): Promise<ImportReport> {
    const items = await this.itemsOf(source, reading);
    return this.run(newJob(crypto.randomUUID(), items.length), items);
  }

  cancel(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.cancelled = true;
    job.reading.abort();
  }

  /** The job's report as the window is sent it (see listedOutcomes). */
  report(jobId: string): ImportReport | null {
    const job = this.jobs.get(jobId);
    return job ? listedOutcomes(job.report) : null;
  }

  /** Stores parsed articles in short transactions on the core's thread, so the window's calls (a Cancel too) are answered between them. */
  private storeOnThread(job: Job, parsed: Pending[]): Promise<number> {
    return this.slices.run(parsed, (slice, lastTry) => this.store(job, slice, lastTry), () => job.cancelled);
  }

  /**
   * Stores parsed articles on the workspace's writer (writerJobs.ts), in transactions of about
   * WRITER_SLICE_MS: the full-text index writes a segment at every commit, and the core's slices
   * of 15 ms made that cost most of an import's (at 100,000 articles, slices of 300 articles
   * stored 1,407-1,436/s where slices of 15 stored 826-912/s). The window's reads are answered
   * meanwhile from the last commit; its writes wait for the slice under way. Returns how many were
   * stored (fewer when cancelled); a writer that stops leaves the rest to the core's thread.
   */
  private async storeOnWriter(writer: WriterJobs, job: Job, parsed: Pending[]): Promise<number> {
    const ws = this.workspace();
    let at = 0;
    let busyTries = 0;
    // Another workspace opened meanwhile: the rest is not stored in it (the report counts it as not imported).
    while (at < parsed.length && !job.cancelled && this.workspace() === ws) {
      // A log reset the checkpointer asked for, and an analyst's long write (an undo), go first.
      await letCheckpointsIn();
      while (writerJobRunning()) await letWriterJobsEnd();
      if (job.cancelled) break;
      const slice = this.writerSlice.next(parsed, at);
      const started = performance.now();
      let batch: StoredBatch;
      try {
        batch = await writer.run({ kind: 'store', articles: this.toStore(slice) });
      } catch (error) {
        if (this.workspace() !== ws) break;
        if (error instanceof WriterUnavailable || !writer.usable) return at + (await this.storeOnThread(job, parsed.slice(at)));
        // Refused as busy (a lock held longer than SQLite waits): written again after a pause, as the core's slices are.
        if (BUSY.test(reason(error)) && busyTries < BUSY_PAUSES_MS.length) {
          await sleep(BUSY_PAUSES_MS[busyTries++]!);
          continue;
        }
        // The writer's transaction rolled back: nothing of this slice was stored, and nothing earlier was lost.
        this.notStored(job, slice, error);
        at += slice.length;
        continue;
      }
      busyTries = 0;
      this.writerSlice.took(slice.length, performance.now() - started);
      ws.articles.noteStored(batch);
      this.stored(job, slice, batch.results);
      at += slice.length;
      // Calls that waited for this slice (a write from the window, a batch of suggestions) come before the next.
      await yieldToEventLoop();
    }
    return at;
  }

  /** Stores a slice of parsed articles in one transaction; unless `lastTry`, a busy database is thrown for TimedSlices to try again. */
  private store(job: Job, batch: Pending[], lastTry: boolean): void {
    try {
      const stored = this.workspace().articles.insertMany(this.toStore(batch));
      this.stored(job, batch, batch.map((_, i) => stored.get(i)!));
    } catch (error) {
      if (!lastTry && isBusyError(error)) throw error;
      // The transaction rolled back: nothing of this batch was stored, and nothing earlier was lost.
      this.notStored(job, batch, error);
    }
  }

  /** The articles of a slice as stored; an attachment points at its message, stored in an earlier slice (its id is known) or earlier in this one. */
  private toStore(batch: Pending[]): StoredArticle[] {
    const parentOf = ({ article, file }: Pending, at: number) => {
      if (article.parentIndex === null) return null;
      const id = file.ids[article.parentIndex];
      if (id !== undefined) return id === null ? null : { id };
      const earlier = batch.findIndex((b) => b.file === file && b.document === article.parentIndex);
      return earlier >= 0 && earlier < at ? { index: earlier } : null;
    };
    return batch.map((b, at) => ({ ...b.article, parent: parentOf(b, at) }));
  }

  /** Puts a stored slice in the report, and its ids where later slices find their attachments' messages. */
  private stored(job: Job, batch: Pending[], results: StoredBatch['results']): void {
    batch.forEach(({ index, article, file, document }, i) => {
      const result = results[i]!;
      file.ids[document] = 'id' in result ? result.id : result.duplicateOf;
      if ('id' in result) job.report.imported++;
      else job.report.duplicates++;
      job.report.outcomes[index] =
        'id' in result
          ? { name: job.report.outcomes[index]!.name, status: 'imported', message: article.warning, articleId: result.id }
          : {
              name: job.report.outcomes[index]!.name,
              status: 'duplicate',
              message: `Already in the workspace (article ${result.duplicateOf}).`,
              articleId: result.duplicateOf,
            };
    });
  }

  private notStored(job: Job, batch: Pending[], error: unknown): void {
    for (const { index, file, document } of batch) {
      file.ids[document] = null;
      job.report.outcomes[index] = { ...job.report.outcomes[index]!, status: 'failed', message: `Could not be saved: ${reason(error)}` };
      job.report.failed++;
    }
  }

  private async itemsOf(source: ImportSource, reading: ReadingOptions): Promise<ImportItem[]> {
    switch (source.kind) {
      case 'text':
        return [
          {
            name: source.title?.trim() || 'Pasted text',
            load: async () => {
              // Pasted text is kept even without a paragraph of running text: the analyst chose it (the report warns).
              const article = articleFromText(source.text.replaceAll('\r\n', '\n'), 'text', null, null, 'warn');
              const name = source.title?.trim() || 'Pasted text';
              return [{ name, parentIndex: null, article: source.title?.trim() ? { ...article, title: source.title.trim() } : article }];
            },
          },
        ];
      case 'files':
        return source.files.map((file) => {
          if ('uploadId' in file) return this.uploadedItem(file.name, file.uploadId, reading);
          return {
            name: file.name,
            load: async (onProgress, signal) => {
              const limit = maxBytesFor(file.name);
              if ((file.base64.length * 3) / 4 > limit + 4) {
                throw new Refusal(`The file is larger than ${limit / 1024 / 1024} MB and is refused.`);
              }
              return this.parser.parse(file.name, Buffer.from(file.base64, 'base64'), onProgress, signal, reading);
            },
          };
        });
      case 'paths':
        return (await Promise.all(source.paths.map((p) => expandPath(p, this.parser, reading)))).flat();
      case 'sample':
        return expandPath(this.sampleDir, this.parser, reading);
    }
  }

  /** A file the window sent ahead in pieces: read from the scratch folder like a file picked on disk, under the name the analyst knows. */
  private uploadedItem(name: string, uploadId: string, reading: ReadingOptions): ImportItem {
    let upload: ReturnType<UploadStore['take']>;
    try {
      if (!this.uploads) throw new Refusal('This app takes no uploaded files.');
      upload = this.uploads.take(uploadId);
    } catch (error) {
      return { name, load: () => Promise.reject(error instanceof Refusal ? error : new Refusal((error as Error).message)) };
    }
    return new FileItem(name, upload.file, this.parser, reading, upload.release);
  }
}

/**
 * A folder becomes every importable file inside it (hidden files and other types are skipped). Read
 * as a stream of entries, not as one array of them, and each path kept as the folder's path and the
 * name joined, not normalised again: for a folder of a million files the array of entries held 110 MB
 * and path.join's strings 210 MB more, at the start of the import, on top of everything after it.
 * The entries come a few hundred at a time from the disk, with the event loop free between reads.
 */
async function expandPath(target: string, parser: ParsePool, reading: ReadingOptions): Promise<ImportItem[]> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return [{ name: target, load: () => Promise.reject(new Refusal('No such file or folder.')) }];
  if (!stat.isDirectory()) return [new FileItem(target, target, parser, reading)];
  const files: string[] = [];
  // Folder by folder: Node 20's recursive opendir leaves entries out (3,768 of 15,000 files in five folders).
  const folders = [path.join(target, '.')];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const inFolder = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for await (const e of await fs.opendir(folder, { bufferSize: 256 })) {
      if (e.isDirectory()) folders.push(inFolder + e.name);
      else if (e.isFile() && !e.name.startsWith('.') && importableExtension(e.name) !== null) files.push(inFolder + e.name);
    }
  }
  // Sorted in slices, so the window is answered meanwhile (a folder of 100,000 files in one sort held the core's thread).
  return (await sortInSlices(files)).map((file) => new FileItem(file, file, parser, reading));
}

/**
 * A file on disk. A class, not an object with a closure: a million of them (a folder of a million
 * files) take 60 MB rather than 135.
 */
class FileItem implements ImportItem {
  constructor(
    readonly name: string,
    private readonly file: string,
    private readonly parser: ParsePool,
    private readonly reading: ReadingOptions,
    readonly release?: () => void,
  ) {}

  load(onProgress?: ReadingProgress, signal?: AbortSignal): Loaded {
    // A crawl is read from disk a record at a time, whatever its size: no whole-file limit applies.
    if (isStreamed(this.name)) return this.parser.parseStream(this.name, this.file, onProgress, signal, this.reading);
    return this.read(onProgress, signal);
  }

  private async read(onProgress?: ReadingProgress, signal?: AbortSignal): Promise<ParsedDocument[]> {
    const { size } = await fs.stat(this.file);
    const limit = maxBytesFor(this.name);
    if (size > limit) {
      throw new Refusal(`The file is ${(size / 1024 / 1024).toFixed(0)} MB; ${limit === MAX_FILE_BYTES ? 'articles' : 'documents'} over ${limit / 1024 / 1024} MB are refused.`);
    }
    return this.parser.parse(this.name, await fs.readFile(this.file), onProgress, signal, this.reading);
  }
}

function reason(error: unknown): string {
  if (error instanceof Refusal) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'The file cannot be read (permission denied).';
  if (code === 'EISDIR') return 'This is a folder, not a file.';
  return error instanceof Error ? error.message : String(error);
}

export type { ImportOutcome };
