import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

const RUN = 4096;

/**
 * Strings in the order Array.prototype.sort gives them (UTF-16 code units), sorted without holding
 * the thread: runs of a few thousand sorted apart, then merged pair by pair, with the event loop
 * free between steps. A folder of 100,000 files otherwise held the core's thread for a whole
 * sort, on top of the listing.
 */
export async function sortInSlices(items: readonly string[]): Promise<string[]> {
  let runs: string[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort());
    await yieldToEventLoop();
  }
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      merged.push(i + 1 < runs.length ? merge(runs[i]!, runs[i + 1]!) : runs[i]!);
      await yieldToEventLoop();
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

function merge(a: string[], b: string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // `<=` keeps equal strings in the order they came, as sort does.
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
