import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { fixtures, tempDir } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

const neardup = path.join(fixtures, 'neardup');

/** A workspace as one from before copies were recognised leaves it: three copies of one wire story and another story, none grouped. */
function oldWorkspace(): string {
  const file = path.join(tempDir(), 'old.awb');
  const db = openWorkspace(file, { create: true });
  const files = ['kunduz-a-original.txt', 'kunduz-b-new-headline-byline-words.txt', 'kunduz-d-update.txt', 'maimana-a-original.txt'];
  new ArticlesRepository(db).insertMany(files.map((f) => articleFromText(fs.readFileSync(path.join(neardup, f), 'utf8'), 'text', f)));
  db.exec('DELETE FROM story_band; DELETE FROM story_copy;');
  db.close();
  return file;
}

describe.skipIf(!chromiumPath)('copies of a story: grouped in an old workspace, counted in reports (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench({ workspace: oldWorkspace() });
  }, 60_000);
  afterAll(async () => bench?.close());

  it('groups every older article with its copies from the Workspace menu, and the Copies column follows', async () => {
    const { page } = bench;
    const copies = page.locator('[data-testid="articles-table"] .ag-row [col-id="copies"]');
    await expect.poll(() => copies.allTextContents(), { timeout: 20_000 }).toEqual(['', '', '', '']);
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Group copies in older articles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Group copies in older articles' });
    await expect
      .poll(() => dialog.getByTestId('grouping-status').textContent(), { timeout: 20_000 })
      .toBe('Done: 4 articles checked. The workspace now has 1 story told by more than one article (3 articles).');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => copies.allTextContents().then((c) => [...c].sort()), { timeout: 20_000 }).toEqual(['', '3', '3', '3']);

    // Run again, there is nothing left to do.
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Group copies in older articles…' }).click();
    await expect.poll(() => dialog.getByTestId('grouping-status').textContent(), { timeout: 20_000 }).toBe('Every article is already grouped with its copies: nothing to do.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(bench.pageErrors).toEqual([]);
  }, 90_000);

  it('lets the analyst choose, in the report dialog, to count every copy rather than each story once, and the report says which', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report' });
    const note = dialog.frameLocator('iframe[title="Report preview"]').locator('.copies-note');
    expect(await dialog.getByRole('radio', { name: 'count a story once' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/^Copies of a story \(wire copies, updates\) are counted once/);
    await dialog.getByRole('radio', { name: 'count every copy' }).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/^Every copy of a story is counted/);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }, 60_000);
});
