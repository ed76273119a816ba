import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openSample, openWorkbench, pressInWindow, readRow, type Bench } from './harness.js';

/** Entities that no live mention holds, and that the analyst did not make (issue 13, trap 8). */
const ORPHANS = `SELECT group_concat(name, ' | ') AS names, count(*) AS n FROM entity e
  WHERE NOT EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id AND m.status <> 'rejected')
    AND NOT EXISTS (SELECT 1 FROM relation r WHERE e.id IN (r.source_id, r.target_id))`;

describe.skipIf(!chromiumPath)('span edits in the reader leave the registry clean (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await openSample(bench, { mentions: true });
    await bench.page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
  }, 420_000);
  afterAll(async () => bench?.close());

  const orphans = () => readRow(bench, ORPHANS)!;
  const quoteOf = (id: number) => readRow(bench, 'SELECT quote FROM mention WHERE id = ?', id)?.quote;
  /** The span is stored and the reader draws it so, before the next key reads it. */
  const spanIs = async (id: number, quote: string) => {
    await expect.poll(() => quoteOf(id)).toBe(quote);
    await expect.poll(() => bench.page.locator('.mention.selected').first().textContent()).toBe(quote);
  };

  it('stretches, shrinks and retypes a name without leaving an entity behind, and the Entities tab lists only live names', async () => {
    const { page } = bench;
    expect(orphans().n).toBe(0);
    const entitiesBefore = readRow(bench, 'SELECT count(*) AS n FROM entity')!.n;
    const id = readRow(bench, "SELECT id FROM mention WHERE quote = 'Al Jazeera'")!.id as number;
    await page.locator('.mention', { hasText: 'Al Jazeera' }).first().click();
    // Each stretch made a new entity for the new name ("Al Jazeera on", "Al Jazeera on Saturday"), and each
    // was left behind with no mention once the span moved on.
    await pressInWindow(bench, 'Shift+ArrowRight');
    await spanIs(id, 'Al Jazeera on');
    await pressInWindow(bench, 'Shift+ArrowRight');
    await spanIs(id, 'Al Jazeera on Saturday');
    await pressInWindow(bench, 'Shift+ArrowLeft');
    await spanIs(id, 'Al Jazeera on');
    await pressInWindow(bench, 'Shift+ArrowLeft');
    await spanIs(id, 'Al Jazeera');
    await expect.poll(() => orphans()).toEqual({ names: null, n: 0 });

    // A retype and its return leave no entity of the other type behind either.
    await page.locator('.mention', { hasText: 'Al Jazeera' }).first().click();
    const annotation = page.getByRole('group', { name: 'Annotation' });
    const typeOf = () => readRow(bench, 'SELECT type FROM mention WHERE id = ?', id)?.type;
    const original = typeOf();
    await annotation.getByRole('radio', { name: 'Person' }).click();
    await expect.poll(typeOf).toBe('person');
    await annotation.getByRole('radio', { name: original === 'place' ? 'Place' : 'Organisation' }).click();
    await expect.poll(typeOf).toBe(original);
    await expect.poll(() => orphans()).toEqual({ names: null, n: 0 });
    expect(readRow(bench, 'SELECT count(*) AS n FROM entity')!.n).toBe(entitiesBefore);

    // What the analyst sees: one Al Jazeera in the Entities table, no "Al Jazeera on".
    await pressInWindow(bench, 'Escape');
    await page.getByPlaceholder(/^Search:/).fill('jazeera');
    await page.getByRole('tab', { name: /^Entities/ }).click();
    await expect.poll(() => page.locator('[data-testid="entities-table"] .ag-row [col-id="name"]').allTextContents()).toEqual(['Al Jazeera']);
    // Its page speaks of it in plain English ("Find a organisation…" before).
    await page.locator('[data-testid="entities-table"] .ag-row', { hasText: 'Al Jazeera' }).first().click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toBe('Al Jazeera');
    expect(await page.getByLabel('Find the entity to merge into').getAttribute('placeholder')).toBe(original === 'place' ? 'Find a place…' : 'Find an organisation…');
    await page.getByPlaceholder(/^Search:/).fill('');
    expect(bench.pageErrors).toEqual([]);
  });
});
