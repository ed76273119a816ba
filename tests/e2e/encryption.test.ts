import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, tempDir, testCore } from '../integration/helpers.js';
import { chromiumPath, desktopTarget, openWorkbench, type Bench } from './harness.js';

const PASSPHRASE = 'night ferry over the Kokcha';

describe.skipIf(!chromiumPath)('an encrypted workspace (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    // Made encrypted and filled before the app opens it: this file is about unlocking.
    const { core, call } = testCore();
    const workspace = path.join(tempDir(), 'sealed.awb');
    await call('workspace.create', { path: workspace, passphrase: PASSPHRASE });
    await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    core.close();
    bench = await openWorkbench({ workspace });
  }, 60_000);
  afterAll(async () => await bench?.close());

  // Its last check reads the HTTP calls that carried the passphrase: the desktop app sends them over IPC.
  it.skipIf(desktopTarget)('asks for the passphrase on open, says when it is wrong, shows the articles once unlocked and hides them again on Lock now', async () => {
    const { page } = bench;
    const unlock = page.getByRole('dialog', { name: 'Unlock the workspace' });
    await unlock.getByText('sealed is encrypted and locked.', { exact: false }).waitFor();
    expect(await page.locator('.ag-row').count()).toBe(0);

    await unlock.getByLabel('Passphrase').fill('night ferry over the Amu');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await unlock.getByRole('alert').getByText('The passphrase is wrong.').waitFor();

    await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('.ag-row', { hasText: 'the Taliban invade important cities' }).first().waitFor();

    // What leaves the workspace leaves the key behind: the export dialog says so.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export and exchange' });
    await exporting.getByTestId('plain-file-note').getByText('the file you save here is not', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await exporting.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Lock now' }).click();
    await page.getByRole('dialog', { name: 'Unlock the workspace' }).waitFor();
    expect(await page.locator('.ag-row').count()).toBe(0);

    // The passphrase went to the core only in the unlock calls, and the page kept it nowhere.
    const carrying = bench.requests.filter((r) => (r.postData() ?? '').includes('night ferry')).map((r) => new URL(r.url()).pathname);
    expect(new Set(carrying)).toEqual(new Set(['/api/workspace.unlock']));
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('night ferry');
    expect(bench.pageErrors).toEqual([]);
  });
});
