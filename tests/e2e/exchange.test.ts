import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, desktopTarget, openWorkbench, pageCall, type Bench, fillSaveTo } from './harness.js';

describe.skipIf(!chromiumPath)('archives and exchange files from the app (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await bench.page.getByRole('button', { name: 'Load the sample article' }).click();
    await bench.page.getByTestId('article-count').filter({ hasText: '1 article' }).waitFor({ timeout: 20_000 });
  });
  afterAll(async () => bench?.close());

  /** Saves the workspace as an archive from the Export dialog, then asks the workspace menu to restore it. */
  async function saveArchiveAndRestoreIt(name: string): Promise<void> {
    const { page } = bench;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
    await dialog.getByLabel('Format').selectOption('archive');
    const archive = path.join(bench.dir, name);
    await fillSaveTo(dialog, archive);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // The outcome either way: a refused export shows its reason beside the path, not a status, and the
    // assertion then prints that reason instead of timing out on a status that never comes.
    const outcome = dialog.getByRole('status').or(dialog.getByTestId('save-error'));
    await expect.poll(() => outcome.first().textContent()).toContain(`to ${archive}`);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Restore an archive…' }).click();
    const restore = page.getByRole('dialog', { name: 'Restore a workspace archive' });
    await restore.getByLabel('Archive (.awbz) on this computer').fill(archive);
    await restore.getByRole('button', { name: 'Restore and open' }).click();
  }

  // Types the archive's path into browser mode's restore form: the desktop app asks with its native dialogs instead.
  it.skipIf(desktopTarget)('saves the workspace as an archive and restores it as a new workspace', async () => {
    const { page } = bench;
    await saveArchiveAndRestoreIt('whole.awbz');
    await page.getByRole('status').filter({ hasText: 'Restored whole.awbz' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Workspace:/ }).textContent()).toBe('Workspace: whole ▾');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article');
    expect(fs.existsSync(path.join(bench.dir, 'whole.awb'))).toBe(true);
  });

  // Types the archive's path into browser mode's restore form: the desktop app asks with its native dialogs instead.
  it.skipIf(desktopTarget)('restores the archive of an encrypted workspace with its passphrase, saying when it is wrong', async () => {
    const { page } = bench;
    const passphrase = 'ferry at Sher Khan Bandar';
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Encrypt with a passphrase…' }).click();
    const encrypt = page.getByRole('dialog', { name: 'Encrypt this workspace' });
    await encrypt.getByLabel(/^New passphrase/).fill(passphrase);
    await encrypt.getByLabel('The new passphrase again').fill(passphrase);
    await encrypt.getByRole('button', { name: 'Encrypt' }).click();
    await encrypt.waitFor({ state: 'detached' });

    await saveArchiveAndRestoreIt('sealed.awbz');
    const ask = page.getByRole('dialog', { name: 'Restore an encrypted archive' });
    await ask.getByText('sealed.awbz holds an encrypted workspace.', { exact: false }).waitFor();
    await ask.getByLabel('Passphrase').fill('ferry at Hairatan');
    await ask.getByRole('button', { name: 'Restore and open' }).click();
    await ask.getByRole('alert').getByText('The passphrase is wrong for sealed.awbz. Nothing was restored.').waitFor();
    expect(fs.existsSync(path.join(bench.dir, 'sealed.awb'))).toBe(false);

    await ask.getByLabel('Passphrase').fill(passphrase);
    await ask.getByRole('button', { name: 'Restore and open' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored sealed.awbz' }).filter({ hasText: 'encrypted with the passphrase it had' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Workspace:/ }).textContent()).toBe('Workspace: sealed ▾');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article');
    const head = fs.readFileSync(path.join(bench.dir, 'sealed.awb')).subarray(0, 16).toString('latin1');
    expect(head).not.toBe('SQLite format 3\0');
  });

  it('reads GeoJSON points in as custom places, and says why it skips the rest', async () => {
    const { page } = bench;
    const file = path.join(bench.dir, 'checkpoints.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [68.87, 36.71] }, properties: { name: 'Checkpoint 7' } },
          { type: 'Feature', geometry: { type: 'LineString', coordinates: [[68, 36], [69, 37]] }, properties: { name: 'Ring road' } },
        ],
      }),
    );
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
    await dialog.getByLabel('Exchange file').setInputFiles(file);
    // The road is offered at its centroid, its line kept with it.
    await expect.poll(() => dialog.getByTestId('exchange-result').textContent()).toContain('checkpoints.geojson: 2 created, 0 already here, 0 skipped (geojson).');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  // Types the file's path into browser mode's save field: the desktop app asks with its native dialog instead.
  it.skipIf(desktopTarget)('exports W3C annotations with the analyst\'s rejections and the unreviewed suggestions only when asked, each marked so', async () => {
    const { page } = bench;
    const articleId = (await pageCall(bench, 'articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
    await pageCall(bench, 'mentions.suggest', { articleIds: [articleId] });
    const wrong = (await pageCall(bench, 'mentions.list', { articleId })).find((m) => m.status === 'suggested' && m.type !== 'date')!;
    await pageCall(bench, 'mentions.review', { id: wrong.id, action: 'reject', scope: 'this' });
    // Suggestions still being stored in the background (the restored workspace is read again) would change what is exported.
    await page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
    const exportW3c = async (name: string, options: { rejections: boolean; suggestions: boolean }) => {
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
      await dialog.getByLabel('Format').selectOption('w3c');
      await dialog.getByRole('checkbox', { name: /With my rejections/ }).setChecked(options.rejections);
      await dialog.getByRole('checkbox', { name: /With the suggestions nobody has reviewed/ }).setChecked(options.suggestions);
      const file = path.join(bench.dir, name);
      await fillSaveTo(dialog, file);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain(`to ${file}`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      const items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { first: { items: { body: { purpose: string; value: string }[]; target: { selector: { exact?: string }[] } }[] } }).first.items;
      const marked = (value: string) => items.filter((a) => a.body.some((b) => b.purpose === 'assessing' && b.value === value)).map((a) => a.target.selector[0]!.exact);
      return { rejected: marked('rejected'), suggested: marked('suggested') };
    };
    expect(await exportW3c('names.jsonld', { rejections: false, suggestions: false })).toEqual({ rejected: [], suggested: [] });
    expect(await exportW3c('names-and-rejections.jsonld', { rejections: true, suggestions: false })).toEqual({ rejected: [wrong.quote], suggested: [] });
    const withSuggestions = await exportW3c('names-and-suggestions.jsonld', { rejections: false, suggestions: true });
    expect(withSuggestions.rejected).toEqual([]);
    // Every suggestion of the workspace that nobody reviewed, whatever its article (asked of the core:
    // the workspace open now is the one restored from an archive above, not the file the bench made).
    const articleIds = (await pageCall(bench, 'articles.page', { query: {}, startRow: 0, endRow: 100 })).rows.map((r) => r.id);
    const unreviewed = (await Promise.all(articleIds.map((id) => pageCall(bench, 'mentions.list', { articleId: id })))).flat().filter((m) => m.status === 'suggested').map((m) => m.quote);
    expect(unreviewed.length).toBeGreaterThan(0);
    expect(withSuggestions.suggested.sort()).toEqual(unreviewed.sort());

    // FtM offers the same box and carries the rejection as a Mention marked so, resolved to nothing.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
    await dialog.getByLabel('Format').selectOption('ftm');
    await dialog.getByRole('checkbox', { name: /With my rejections/ }).setChecked(true);
    const file = path.join(bench.dir, 'names-and-rejections.ftm.json');
    await fillSaveTo(dialog, file);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain(`to ${file}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { schema: string; x_awb_status?: string; properties: { name?: string[]; resolved?: string[] } });
    const rejected = lines.filter((l) => l.x_awb_status === 'rejected');
    expect(rejected.map((l) => [l.schema, l.properties.name?.[0], l.properties.resolved])).toEqual([['Mention', wrong.quote, undefined]]);
  });

  it('made no request outside the app', () => {
    expect(bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(bench.pageErrors).toEqual([]);
  });
});
