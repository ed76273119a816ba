import fs from 'node:fs';
import { documentsFromStream, type ParsedDocument } from './article.js';

/**
 * A chunk of documents is handed on at this many, this much text, or this long after its first,
 * whichever comes first: few messages for a crawl of small pages, a chunk never large.
 */
const CHUNK = { documents: 64, characters: 4 * 1024 * 1024, milliseconds: 250 };

/** How often the bytes read are told (they also show that the reader is alive: see ParsePool). */
const PROGRESS_MILLISECONDS = 100;

/** How far a streamed file is read: megabytes of the file on disk (compressed ones for a .warc.gz). */
export type MegabytesRead = (done: number, total: number, unit: string) => void;

const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

/**
 * Reads a streamed file (a crawl's WARC, see isStreamed) from disk a megabyte at a time and hands
 * on its documents in chunks as they are read: memory holds a record and a chunk, not the file.
 */
export async function* readStreamedFile(file: string, name: string, onProgress: MegabytesRead): AsyncGenerator<ParsedDocument[]> {
  const { size } = await fs.promises.stat(file);
  let read = 0;
  let told = 0;
  const tell = (force = false) => {
    if (!force && Date.now() - told < PROGRESS_MILLISECONDS) return;
    told = Date.now();
    onProgress(megabytes(read), megabytes(size), 'MB');
  };
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const piece of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      read += (piece as Buffer).length;
      tell();
      yield piece as Buffer;
    }
  }
  let chunk: ParsedDocument[] = [];
  let characters = 0;
  let since = 0;
  for await (const doc of documentsFromStream(name, bytes())) {
    tell();
    if (chunk.length === 0) since = Date.now();
    chunk.push(doc);
    characters += 'article' in doc ? doc.article.body.length : 0;
    if (chunk.length >= CHUNK.documents || characters >= CHUNK.characters || Date.now() - since >= CHUNK.milliseconds) {
      yield chunk;
      chunk = [];
      characters = 0;
    }
  }
  read = size;
  tell(true);
  if (chunk.length) yield chunk;
}
