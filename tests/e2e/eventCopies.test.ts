import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeClashFromCopies, type CodedCopies } from '../integration/eventCopiesSetup.js';
import { tempDir, testCore } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

describe.skipIf(!chromiumPath)('an event coded from two copies of one story, in the Events table (browser mode, real Chromium)', () => {
  let bench: Bench;
  let ids: CodedCopies['events'];
  beforeAll(async () => {
    const workspace = path.join(tempDir(), 'copies.awb');
    const t = testCore(workspace);
    ({ events: ids } = await codeClashFromCopies(t));
    t.core.close();
    bench = await openWorkbench({ workspace });
  }, 120_000);
  afterAll(async () => await bench?.close());

  it('lists every coding, says which one is counted, and counts the table once per story', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: /^Events/ }).click();
    const table = page.getByTestId('events-table');
    await expect.poll(() => table.locator('.ag-row').count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('event-count').textContent(), { timeout: 20_000 }).toBe('4 events (1 coded again from another copy of its story: 3 counted)');

    // Each row's cue, read by the event's row id (ag-grid's row-id is the event id).
    const cue = (id: number) => table.locator(`.ag-row[row-id="${id}"] [col-id="copies"]`).textContent();
    expect(await cue(ids.copy)).toBe(`also coded from a copy of this story (event ${ids.original}): counted once, here`);
    expect(await cue(ids.original)).toBe(`also coded from a copy of this story: counted once, with event ${ids.copy}`);
    expect(await cue(ids.council)).toBe('');
    expect(await cue(ids.nextDay)).toBe('');
    expect(bench.pageErrors).toEqual([]);
  });
});
