import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../integration/helpers.js';
import { chromiumPath, desktopTarget, openWorkbench, type Bench } from './harness.js';

const count = (b: Bench) => b.page.getByTestId('article-count').textContent();

describe.skipIf(!chromiumPath)('building a library of articles (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('loads the bundled sample from the empty workspace', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Load the sample article' }).click();
    // The first import of a session also loads the parsing worker and the name tagger's model.
    await expect.poll(() => count(bench), { timeout: 10_000 }).toBe('1 article');
    await page.locator('.ag-row', { hasText: 'After a brief offensive' }).waitFor();
  });

  it('imports a folder where one file in ten is broken: nine arrive, the report names the tenth', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-folder').setInputFiles(path.join(fixtures, 'folder'));
    const report = page.getByTestId('import-report');
    // If no report comes, say what the dialog showed (a report that went back to "running" once hung it: importProgress.ts).
    await expect
      .poll(() => report.locator('.summary').textContent({ timeout: 2_000 }).catch(async () => `no report yet; the dialog says: ${await page.getByRole('dialog').textContent()}; page errors: ${bench.pageErrors.join(' | ') || 'none'}`), { timeout: 30_000 })
      .toBe('9 imported, 0 already present, 1 failed');
    expect(await report.locator('tr.outcome-failed').textContent()).toMatch(/report-10\.txt.*binary file/);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => count(bench)).toBe('10 articles');
  });

  it('reports the sample as already present when it comes again, and imports pasted text', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-files').setInputFiles(path.join(fixtures, 'kunduz-offensive.txt'));
    await expect.poll(() => page.getByTestId('import-report').locator('.summary').textContent()).toBe('0 imported, 1 already present, 0 failed');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByText('Paste text').click();
    await page.getByRole('textbox', { name: 'Article text' }).fill(
      'Bridge reopens in Kunduz\n\nKUNDUZ, Afghanistan – The main bridge into the city reopened on Tuesday after engineers repaired damage from the fighting, residents said.',
    );
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await expect.poll(() => page.getByTestId('import-report').locator('.summary').textContent()).toBe('1 imported, 0 already present, 0 failed');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => count(bench)).toBe('11 articles');
  });

  it('steps through the table order with j and k in the reader', async () => {
    const { page } = bench;
    await page.locator('.ag-header-cell[col-id="title"] .ag-header-cell-label').click();
    await page.locator('.ag-row[row-index="0"]', { hasText: 'After a brief offensive' }).waitFor();
    await page.locator('.ag-row[row-index="0"]').click();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toMatch(/^After a brief offensive/);
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Bridge reopens in Kunduz');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Fighting reported near Badakhshan');
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Bridge reopens in Kunduz');
    await page.keyboard.press('Escape');
  });

  it('tags ticked rows in bulk, then deletes them after a confirmation', async () => {
    const { page } = bench;
    await page.getByRole('textbox', { name: 'New tag name' }).fill('Check');
    await page.getByRole('button', { name: 'Create tag' }).click();
    await page.locator('.tag-name', { hasText: 'Check' }).waitFor();
    for (const title of ['Fighting reported near Herat', 'Fighting reported near Khost']) {
      await page.locator('.ag-row', { hasText: title }).locator('input[type="checkbox"]').first().check();
    }
    const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await expect.poll(() => bar.textContent()).toContain('2 articles selected');
    await bar.getByRole('combobox').selectOption({ label: 'Check' });
    await bar.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect.poll(() => page.locator('.tag-filter', { hasText: 'Check' }).locator('.count').textContent()).toBe('2');

    await bar.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByText('Delete 2 articles?').waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => count(bench)).toBe('9 articles');
    await expect.poll(() => page.locator('.tag-filter', { hasText: 'Check' }).locator('.count').textContent()).toBe('0');
  });

  it('shows the entities and events of the ticked articles only', async () => {
    const { page } = bench;
    await page.locator('.ag-row', { hasText: 'Fighting reported near Kandahar' }).locator('input[type="checkbox"]').first().check();
    await page.getByRole('tab', { name: 'Entities' }).click();
    await page.getByTestId('selection-note').getByText('of the 1 ticked article').waitFor();
    const names = () => page.locator('[data-testid="entities-table"] .ag-row [col-id="name"]').allTextContents();
    // Places take their gazetteer name ("Kandahār").
    await expect.poll(async () => (await names()).some((n) => n.startsWith('Kandah')), { timeout: 20_000 }).toBe(true);
    expect((await names()).some((n) => n.startsWith('Balkh'))).toBe(false);
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect.poll(() => count(bench)).toBe('9 articles');
  });

  it('renames, recolours, nests, merges and deletes tags in the tag panel', async () => {
    const { page } = bench;
    await page.getByRole('textbox', { name: 'New tag name' }).fill('North');
    await page.getByRole('button', { name: 'Create tag' }).click();
    await page.getByRole('button', { name: 'Edit tag Check' }).click();
    const editor = page.getByRole('group', { name: 'Edit Check' });
    await editor.getByRole('textbox', { name: 'Tag name' }).fill('To check');
    await editor.getByLabel('Tag colour').fill('#aa3300');
    await editor.getByRole('combobox', { name: 'Parent tag' }).selectOption({ label: 'under North' });
    await editor.getByRole('button', { name: 'Save' }).click();
    const nested = page.locator('.tag-panel li', { hasText: 'To check' });
    await nested.waitFor();
    expect(await nested.getAttribute('style')).toContain('padding-left: 14px');
    expect(await nested.locator('.dot').getAttribute('style')).toContain('rgb(170, 51, 0)');

    await page.getByRole('button', { name: 'Edit tag To check' }).click();
    await page.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'North' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.tag-name', { hasText: 'To check' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Edit tag North' }).click();
    await page.getByRole('group', { name: 'Edit North' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('.tag-panel li').count()).toBe(0);
  });

  // Types the path into browser mode's prompt: the desktop app asks with its native dialog instead.
  it.skipIf(desktopTarget)('creates a new workspace, then opens the first one again from the recent list', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: /Workspace: e2e/ }).click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
    await page.getByRole('textbox', { name: 'Workspace file on this computer' }).fill(path.join(bench.dir, 'second.awb'));
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByText('This workspace is empty').waitFor();
    await page.getByRole('button', { name: /Workspace: second/ }).waitFor();

    await page.getByRole('button', { name: /Workspace: second/ }).click();
    await page.getByRole('menuitem', { name: 'e2e.awb' }).click();
    await expect.poll(() => count(bench)).toBe('9 articles');
  });

  // Types the path into browser mode's prompt: the desktop app asks with its native dialog instead.
  it.skipIf(desktopTarget)('explains a file that is not a workspace and keeps the current one', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: /Workspace: e2e/ }).click();
    await page.getByRole('menuitem', { name: 'Open workspace…' }).click();
    await page.getByRole('textbox', { name: 'Workspace file on this computer' }).fill(path.join(fixtures, 'kunduz-offensive.txt'));
    await page.getByRole('button', { name: 'Open workspace' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not a workspace/);
    expect(await count(bench)).toBe('9 articles');
    expect(bench.requests.filter((r) => !r.url().startsWith(bench.origin) && !/^(data|blob):/.test(r.url()))).toEqual([]);
  });
});
