import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, tempDir, testCore } from '../integration/helpers.js';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

// A made-up word that occurs nowhere else, so its bytes can be looked for in the workspace file.
const WORD = 'Vexlandrimoor';
const fileText = (file: string) =>
  [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1').toLowerCase())
    .join('');

describe.skipIf(!chromiumPath)('deleting for good, and a workspace open twice (browser mode, real Chromium)', () => {
  let bench: Bench;
  let second: Bench | undefined;
  beforeAll(async () => {
    // The workspace is filled before the app opens it: this file is about deleting, not importing.
    const workspace = path.join(tempDir(), 'ferry.awb');
    const { core } = testCore(workspace);
    await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    await core.imports.importNow({
      kind: 'text',
      title: `Ferry crossing closed at ${WORD}`,
      text: `KUNDUZ, Afghanistan – The ferry crossing at ${WORD} was closed on Monday after fighters moved into the villages on the river bank, residents said.`,
    });
    core.close();
    bench = await openWorkbench({ workspace });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await bench?.close();
  });

  it('deletes an article, purges, and the workspace file no longer holds its words', async () => {
    const { page } = bench;
    await page.locator('.ag-row', { hasText: WORD }).locator('input[type="checkbox"]').first().check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByText('Delete 1 article?').waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Purge deleted data…' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByText(/^Purge deleted data\?/).waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/^Purged deleted data: [1-9]\d* change-log records redacted/).waitFor();
    // The text, its index terms (lower-cased, or the tail of a prefix-compressed term) and the title in the log are gone.
    const text = fileText(bench.workspace);
    expect([WORD.toLowerCase(), WORD.toLowerCase().slice(3)].filter((form) => text.includes(form))).toEqual([]);
  });

  it('a second instance on the same workspace shows it read-only, with a banner saying why', async () => {
    second = await openWorkbench({ workspace: bench.workspace });
    const { page } = second;
    await expect.poll(() => page.getByTestId('read-only').textContent()).toMatch(/open in another Analyst Workbench \(process \d+.*Changes cannot be saved\./);
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    expect(await page.getByRole('menuitem', { name: 'Purge deleted data…' }).isDisabled()).toBe(true);
  });
});
