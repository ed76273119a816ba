import type { FoundDocument } from './document.js';

/** Reads a file found inside another (an attachment, a zip entry) with every format's parser. */
export type ReadNested = (name: string, bytes: Uint8Array) => Promise<FoundDocument[]>;

/**
 * Appends the documents found in a part to the list, their top level hung under `parent` (the
 * message an attachment came with; null for a zip entry, which belongs to no document).
 */
export function adopt(list: FoundDocument[], found: FoundDocument[], parent: number | null): void {
  const offset = list.length;
  for (const doc of found) list.push({ ...doc, parent: doc.parent === null ? parent : doc.parent + offset });
}

/** How the import report names a part: "thread.mbox › 2. Re: Displaced families". */
export const partName = (container: string, part: string) => `${container} › ${part}`;
