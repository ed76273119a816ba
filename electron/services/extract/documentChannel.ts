import type { ParsedDocument } from './article.js';

/**
 * Chunks of documents read ahead of the import that stores them, from a streamed file (a crawl's
 * WARC): the reader hands on a chunk as soon as it is read, and waits while CHUNKS_AHEAD of them
 * are not yet taken, so a gigabyte of pages never piles up in memory when storing is slower.
 */
export const CHUNKS_AHEAD = 2;

export class DocumentChannel implements AsyncIterable<ParsedDocument[]> {
  private readonly chunks: ParsedDocument[][] = [];
  private ended = false;
  private error: Error | null = null;
  private wakeReader: (() => void) | null = null;
  private wakeWriter: (() => void) | null = null;

  /** `onTaken` hears each chunk the import takes (a worker is then told it may read one more). */
  constructor(private readonly onTaken: () => void = () => undefined) {}

  /** Whether the reader must wait: CHUNKS_AHEAD chunks are read and not taken. */
  get full(): boolean {
    return this.chunks.length >= CHUNKS_AHEAD;
  }

  push(chunk: ParsedDocument[]): void {
    if (this.ended || this.error) return;
    if (chunk.length) this.chunks.push(chunk);
    this.wake();
  }

  /** The file is read to its end; `last` are its last documents. */
  end(last: ParsedDocument[] = []): void {
    this.push(last);
    this.ended = true;
    this.wake();
  }

  /** The file's reading stopped (Cancel, a time or memory limit, a damaged file): the import hears why after the chunks it has. */
  fail(error: Error): void {
    if (this.ended || this.error) return;
    this.error = error;
    this.wake();
  }

  /** Resolves once the reader may hand on another chunk. */
  async room(): Promise<void> {
    while (this.full && !this.error) await new Promise<void>((resolve) => (this.wakeWriter = resolve));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ParsedDocument[]> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        this.onTaken();
        this.wakeTheWriter();
        yield chunk;
        continue;
      }
      if (this.error) throw this.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  private wake(): void {
    const reader = this.wakeReader;
    this.wakeReader = null;
    reader?.();
    if (this.error) this.wakeTheWriter();
  }

  private wakeTheWriter(): void {
    const writer = this.wakeWriter;
    this.wakeWriter = null;
    writer?.();
  }
}
